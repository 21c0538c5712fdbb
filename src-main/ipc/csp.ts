/**
 * The one Content-Security-Policy of the app window. The renderer's index.html carries the same
 * text in a meta tag (a test compares them); the Electron protocol handler and the browser-mode
 * server also send it as a header, where frame-ancestors is honoured.
 * Scripts only from the app itself, never inline or eval'd, nothing from the network. Styles
 * allow inline because Mantine writes its theme variables into <style> elements at run time;
 * CSS cannot run code, and scripts stay strict.
 */
export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** As written in index.html's meta tag (frame-ancestors is ignored there, so it is left out). */
export const CSP_META = CSP_DIRECTIVES.join('; ');

/** As sent in the Content-Security-Policy response header. */
export const CSP_HEADER = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** Headers every app response carries, in Electron and browser mode alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
