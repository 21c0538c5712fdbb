/**
 * Experts' written comments (优势 / 改进机会) as points: what the feedback report prints per item and
 * what the panel leader's consensus proposes per category. Pure.
 */

/** A leading "1." "2、" "①" "-" "•" is the expert's list formatting, not part of the point. */
const LIST_MARKER = /^(?:\d{1,2}[.、．)）]|[（(]\d{1,2}[)）]|[①-⑳]|[-•·*])\s*/u;

/**
 * One line of comment as a point: trimmed, its list markers dropped. Nested markers ("- 1. …")
 * all go, so a point read again is the same point and a merged opinion merges to itself.
 */
export function pointOf(line: string): string {
  let point = line.trim();
  for (let marked = point; ; marked = point) {
    point = marked.replace(LIST_MARKER, '').trim();
    if (point === marked) return point;
  }
}

/** How two points are compared: spaces collapsed, so a retyped point is the same point. */
export function pointKey(point: string): string {
  return point.replace(/\s+/g, ' ');
}

/** Split into points, drop list markers, keep each point once (compared with spaces collapsed). */
export function mergeComments(texts: string[]): string[] {
  const seen = new Set<string>();
  const merged: string[] = [];
  for (const text of texts) {
    for (const line of text.split(/\r?\n/)) {
      const point = pointOf(line);
      const key = pointKey(point);
      if (point === '' || seen.has(key)) continue;
      seen.add(key);
      merged.push(point);
    }
  }
  return merged;
}
