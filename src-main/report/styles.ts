import { REPORT_FONT } from './fonts.js';
import type { ContentNode } from './types.js';

export const HEAD_FILL = '#E9EDF2';

/**
 * One typographic scale for every report; the line breaker reads sizes and weights from here.
 * Bold is kept for the document title alone: every bold character adds a glyph of the bold font
 * to the file, about 200 bytes each, and a report set holds a hundred files. Headings are set
 * apart by size and space, table heads, subtotals and outcomes by shading (layout.ts STRONG).
 */
export const DEFAULT_STYLE: ContentNode & { font: string; fontSize: number } = { font: REPORT_FONT, fontSize: 9.5, lineHeight: 1.25 };

export const STYLES: Record<string, ContentNode> = {
  mark: { fontSize: 10, bold: true, margin: [0, 0, 0, 4] },
  title: { fontSize: 18, bold: true, alignment: 'center', margin: [0, 2, 0, 6] },
  subtitle: { fontSize: 10, alignment: 'center', color: '#333333' },
  h2: { fontSize: 12.5, margin: [0, 12, 0, 6] },
  h3: { fontSize: 11, margin: [0, 8, 0, 3] },
  th: { fontSize: 8.5, alignment: 'center', fillColor: HEAD_FILL, lineHeight: 1.15 },
  td: { fontSize: 8.5, lineHeight: 1.15 },
  num: { fontSize: 8.5, alignment: 'right', lineHeight: 1.15 },
  note: { fontSize: 8.5, color: '#333333', margin: [0, 4, 0, 0] },
  label: { fontSize: 8.5, fillColor: HEAD_FILL },
  page: {},
  pageHead: { fontSize: 8, color: '#444444' },
  pageFoot: { fontSize: 7, color: '#555555' },
  pageNumber: { fontSize: 8, color: '#222222' },
  mono: { fontSize: 7.5 },
};
