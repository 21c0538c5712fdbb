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

/**
 * A file named for the people and step it belongs to, e.g.
 * 2025年度无锡市市长质量奖-材料评审-E03张伟-结果包.psbundle: each part cleaned of what Windows or
 * macOS refuse in a name and of spaces, the parts joined by "-", kept short enough for every file
 * system, and never ending in a dot or space (Windows drops them).
 */
export function namedFile(parts: readonly string[], extension: string): string {
  const name = parts
    .map((p) => fileNamePart(p.normalize('NFC')).trim().replace(/\s+/gu, '-'))
    .filter((p) => p !== '')
    .join('-')
    .slice(0, 150)
    .replace(/[. ]+$/u, '');
  return `${name === '' ? 'file' : name}${extension}`;
}

