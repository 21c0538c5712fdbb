/**
 * Who and what the Electron shell trusts, as pure functions so they are tested in plain Node.
 * The app is served from app://pingshen/ — never file:// — so its origin is one fixed string
 * that no web page, local file or other app can have.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pingshen';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** The shape of Electron's WebFrameMain that the check needs. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/**
 * An IPC message is served only when it comes from our page's top frame. A subframe, a page
 * navigated elsewhere or a destroyed frame (null) is refused.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame) return false;
  return frame.parent === null && isAppUrl(frame.url);
}

/** The window never navigates: the app is one page. A reload of that page is the only load. */
export function allowNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** Schemes the renderer may load at all; everything networked is cancelled before it leaves. */
const ALLOWED_REQUEST_SCHEMES = new Set([`${APP_SCHEME}:`, 'blob:', 'data:', 'devtools:']);

export function allowRequest(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return isAppUrl(url);
  return ALLOWED_REQUEST_SCHEMES.has(parsed.protocol);
}

/** No camera, microphone, notifications, geolocation, clipboard read, HID…: the app needs none. */
export function allowPermission(_permission: string): boolean {
  return false;
}
