/**
 * Search and sort for the lists, kept apart from the table so that they are tested on their own.
 * A search is words separated by spaces, each of which must appear somewhere in the row's text,
 * in any case, with full-width letters and digits read as their ordinary forms (a clerk typing
 * with a Chinese input method often gets full-width "WX2025").
 */

/** Full-width ASCII (U+FF01–FF5E) to ASCII, the ideographic space to a space, lower case. */
export function fold(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ').toLowerCase();
}

export function words(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

/** Every word of the query appears in `text`. An empty query matches everything. */
export function matches(text: string, query: string): boolean {
  const haystack = fold(text);
  return words(query).every((w) => haystack.includes(w));
}

export type SortValue = string | number | null | undefined;
export type Direction = 'asc' | 'desc';

const collators = new Map<string, Intl.Collator>();

/** Chinese by pinyin, codes with their numbers in order (WX2025-9 before WX2025-10). */
function collator(lang: string): Intl.Collator {
  let c = collators.get(lang);
  if (!c) {
    c = new Intl.Collator(lang.startsWith('en') ? 'en' : 'zh-Hans-CN', { numeric: true, sensitivity: 'base' });
    collators.set(lang, c);
  }
  return c;
}

/** A copy sorted by `value`; empty values go last in either direction, ties keep their order. */
export function sortBy<T>(records: readonly T[], value: (r: T) => SortValue, direction: Direction, lang = 'zh'): T[] {
  const c = collator(lang);
  const sign = direction === 'asc' ? 1 : -1;
  return records
    .map((r, i) => ({ r, i, v: value(r) }))
    .sort((a, b) => {
      const ea = a.v === null || a.v === undefined || a.v === '';
      const eb = b.v === null || b.v === undefined || b.v === '';
      if (ea || eb) return ea === eb ? a.i - b.i : ea ? 1 : -1;
      const d = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : c.compare(String(a.v), String(b.v));
      return d === 0 ? a.i - b.i : sign * d;
    })
    .map((x) => x.r);
}
