/** File names the program suggests, in characters every file system (Windows, macOS, Linux) accepts. */

/** Characters Windows, macOS or Linux refuse in a file name (and control characters) made '_'. */
export function fileNamePart(text: string): string {
  return text.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_');
}

/** Keeps letters (any script), digits, dot, dash, underscore; the rest becomes "_". */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+/, '')
    .slice(-120);
  return cleaned === '' ? 'file' : cleaned;
}
