/**
 * User-timing marks around opening a material, read by the end-to-end run that measures the
 * viewer (test/e2e/viewer.test.ts) and visible in any profiler: asking the main process for the
 * bytes, the bytes in hand, the document parsed, the first page painted.
 */
export const VIEWER_MARKS = {
  requested: 'pingshen:material-requested',
  received: 'pingshen:material-received',
  parsed: 'pingshen:material-parsed',
  firstPage: 'pingshen:viewer-first-page',
  open: 'pingshen:viewer-open',
} as const;

export function markMaterialRequested(): void {
  for (const name of Object.values(VIEWER_MARKS)) {
    performance.clearMarks(name);
    performance.clearMeasures(name);
  }
  performance.mark(VIEWER_MARKS.requested);
}

export function markMaterial(step: 'received' | 'parsed'): void {
  performance.mark(VIEWER_MARKS[step]);
}

export function markFirstPage(): void {
  performance.mark(VIEWER_MARKS.firstPage);
  if (performance.getEntriesByName(VIEWER_MARKS.requested, 'mark').length > 0) performance.measure(VIEWER_MARKS.open, VIEWER_MARKS.requested, VIEWER_MARKS.firstPage);
}
