import { REPORT_FONT } from './fonts.js';
import type { ContentNode } from './types.js';

export const HEAD_FILL = '#E9EDF2';

/**
 * One typographic scale for every report; the line breaker reads sizes and weights from here.
 * After GB/T 9704-2012 where it fits: the title in 2号 (22 pt) bold Song, running text in 五号
 * (10.5 pt) and tables in 小五 (9 pt) rather than the standard's 3号, which would spread a
 * panel's table over several pages. Bold is kept for the document title alone: every bold
 * character adds a glyph of the bold font to the file, about 130 bytes each, and a report set
 * holds a hundred files. Headings are set apart by size and space, table heads, subtotals and
 * outcomes by shading (layout.ts STRONG).
 */
export const DEFAULT_STYLE: ContentNode & { font: string; fontSize: number } = { font: REPORT_FONT, fontSize: 10.5, lineHeight: 1.35 };

export const STYLES: Record<string, ContentNode> = {
  mark: { fontSize: 10.5, bold: true, margin: [0, 0, 0, 6] },
  title: { fontSize: 22, bold: true, alignment: 'center', margin: [0, 0, 0, 8], lineHeight: 1.2 },
  subtitle: { fontSize: 10.5, alignment: 'center', color: '#333333' },
  h2: { fontSize: 14, margin: [0, 12, 0, 6] },
  h3: { fontSize: 12, margin: [0, 8, 0, 3] },
  th: { fontSize: 9, alignment: 'center', fillColor: HEAD_FILL, lineHeight: 1.25 },
  td: { fontSize: 9, lineHeight: 1.25 },
  num: { fontSize: 9, alignment: 'right', lineHeight: 1.25 },
  note: { fontSize: 9, color: '#333333', margin: [0, 4, 0, 0] },
  label: { fontSize: 9, fillColor: HEAD_FILL },
  page: {},
  pageHead: { fontSize: 8, color: '#444444' },
  pageFoot: { fontSize: 7, color: '#555555' },
  /** GB/T 9704 §7.5: 4号 (14 pt) Arabic numerals between dashes */
  pageNumber: { fontSize: 14, color: '#222222' },
  mono: { fontSize: 7.5 },
};
