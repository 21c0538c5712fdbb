/**
 * A profile's article reference is kept as one text, the Chinese and English halves joined by
 * " / " (resources/profiles/*.json): the reader sees the half in their language.
 */
export function sourceText(text: string | undefined, lang: string): string {
  if (!text) return '';
  const [zh, en] = text.split(' / ');
  return (lang.startsWith('zh') ? zh : (en ?? zh))!.trim();
}
