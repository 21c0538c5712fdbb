/**
 * The frame every report shares: A4, the edition and report title on top of each page, the page
 * number "第 x 页 / 共 y 页" and the document fingerprint at the foot (shortened, in full on the
 * last page), one typographic scale and one table style. Builders fill in only the content.
 */
import { reportFingerprint, shortFingerprint } from './fingerprint.js';
import { formatDate } from './format.js';
import { fitContent } from './fit.js';
import { M, tr } from './messages.js';
import { DEFAULT_STYLE, STYLES } from './styles.js';
import type { Content, ContentNode, DocDefinition, PrintOptions, ReportInput, TableLayout } from './types.js';

const A4 = { width: 595.28, height: 841.89 };
const SIDE = 48;
const RULE = '#8A96A3';
export const SUBTOTAL_FILL = '#F4F6F8';
export const FLAG_FILL = '#FCE9C8';
/** Emphasis in a table (subtotals, totals, outcomes) is shading, which survives a greyscale copier; see styles.ts for why not bold. */
export const STRONG = { fillColor: SUBTOTAL_FILL } as const;

export interface FrameOptions {
  input: ReportInput;
  print: PrintOptions;
  orientation?: 'portrait' | 'landscape';
  /** internal documents carry 内部资料 注意保密; the applicant's feedback report does not */
  confidential: boolean;
  draft?: boolean;
  content: Content[];
}

export function frame(opts: FrameOptions): DocDefinition {
  const { input, print } = opts;
  const lang = print.lang;
  const orientation = opts.orientation ?? 'portrait';
  const pageWidth = orientation === 'portrait' ? A4.width : A4.height;
  const lineWidth = pageWidth - 2 * SIDE;
  const title = tr(lang, M.titles[input.report]);
  const edition = tr(lang, M.frame.edition(input.edition.name, input.edition.year));
  const generated = tr(lang, M.frame.generated(formatDate(print.generatedAt, lang)));
  const fingerprint = reportFingerprint(input);
  const rule = (y: number): ContentNode => ({
    style: 'page',
    canvas: [{ type: 'line', x1: 0, y1: y, x2: lineWidth, y2: y, lineWidth: 0.5, lineColor: RULE }],
  });

  const titleBlock: Content[] = [
    ...(opts.confidential ? [{ text: tr(lang, M.frame.confidential), style: 'mark' }] : []),
    { text: title, style: 'title' },
    { text: edition, style: 'subtitle' },
    { text: generated, style: 'subtitle', margin: [0, 0, 0, 10] },
  ];

  return {
    info: {
      title: `${title} · ${edition}`,
      author: 'Pingshen 评审',
      subject: edition,
      keywords: `sha256:${fingerprint}`,
      creator: 'Pingshen',
      creationDate: print.generatedAt,
    },
    language: lang === 'zh' ? 'zh-CN' : 'en',
    pageSize: 'A4',
    pageOrientation: orientation,
    pageMargins: [SIDE, 62, SIDE, 58],
    header: () => ({
      style: 'page',
      margin: [SIDE, 26, SIDE, 0],
      stack: [
        {
          style: 'page',
          columns: [
            { text: edition, style: 'pageHead', width: '*' },
            { text: `${title}　${generated}`, style: 'pageHead', alignment: 'right', width: 'auto' },
          ],
        },
        rule(4),
      ],
    }),
    footer: (current, count) => ({
      style: 'page',
      margin: [SIDE, 14, SIDE, 0],
      stack: [
        rule(0),
        {
          style: 'page',
          margin: [0, 5, 0, 0],
          columns: [
            {
              text: tr(lang, M.frame.fingerprint(current === count ? fingerprint : `${shortFingerprint(fingerprint)}…`)),
              style: 'pageFoot',
              width: '*',
            },
            { text: tr(lang, M.frame.page(current, count)), style: 'pageNumber', alignment: 'right', width: 'auto' },
          ],
        },
      ],
    }),
    content: fitContent([...titleBlock, ...opts.content], lineWidth),
    defaultStyle: DEFAULT_STYLE,
    styles: STYLES,
    ...(opts.draft
      ? { watermark: { text: tr(lang, M.frame.draft), color: '#B0B0B0', opacity: 0.25, bold: true, fontSize: 96 } }
      : {}),
  };
}

/** Thin grey rules, a shaded header row: one look for every table. */
export const GRID: TableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => RULE,
  vLineColor: () => RULE,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 1.5,
};

/** Lines only where a blank is to be filled in by hand. */
const BLANK: TableLayout = {
  hLineWidth: () => 0.6,
  hLineColor: () => '#333333',
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 6,
  paddingTop: () => 6,
  paddingBottom: () => 2,
};

export const th = (text: string, extra: ContentNode = {}): ContentNode => ({ text, style: 'th', ...extra });
export const td = (text: string, extra: ContentNode = {}): ContentNode => ({ text, style: 'td', ...extra });
export const num = (text: string, extra: ContentNode = {}): ContentNode => ({ text, style: 'num', ...extra });

/** pdfmake wants a placeholder for each cell a colSpan covers */
export const spanned = (n: number): ContentNode[] => Array.from({ length: n }, () => ({}));

export function table(widths: (number | string)[], headerRows: number, body: Content[][]): ContentNode {
  return { table: { headerRows, widths, body, dontBreakRows: true, ...(headerRows > 0 ? { keepWithHeaderRows: 1 } : {}) }, layout: GRID };
}

export const h2 = (text: string): ContentNode => ({ text, style: 'h2' });
export const h3 = (text: string, extra: ContentNode = {}): ContentNode => ({ text, style: 'h3', ...extra });

/**
 * A table under its own heading: the heading is the table's first header row, so it is never left
 * alone at the foot of a page (pdfmake keeps header rows with the first body row) and it is
 * repeated, with the column heads, on every page the table continues on.
 */
export function titledTable(
  title: string,
  level: 'h2' | 'h3',
  widths: (number | string)[],
  body: Content[][],
  opts: { rowsMayBreak?: boolean; rules?: Pick<TableLayout, 'hLineWidth' | 'vLineWidth'> } = {},
): ContentNode {
  const none: [boolean, boolean, boolean, boolean] = [false, false, false, false];
  const titleRow: Content[] = [
    { text: title, style: level, colSpan: widths.length, border: none, margin: level === 'h2' ? [-4, 10, 0, 3] : [-4, 6, 0, 1] },
    ...spanned(widths.length - 1),
  ];
  // no rule above the heading row; pdfmake draws one over spanned cells whatever their borders
  const layout: TableLayout = { ...GRID, hLineWidth: (i) => (i === 0 ? 0 : 0.5), ...opts.rules };
  return {
    table: { headerRows: 2, widths, body: [titleRow, ...body], dontBreakRows: !opts.rowsMayBreak, keepWithHeaderRows: 1 },
    layout,
  };
}

export const note = (text: string): ContentNode => ({ text, style: 'note' });

/** A label/value grid for a report's particulars (applicant, stage, expert …), one or two pairs a row. */
export function particulars(pairs: [string, string][], perRow: 1 | 2 = 2): ContentNode {
  const label = (text: string): ContentNode => ({ text, style: 'label' });
  if (perRow === 1) {
    return { table: { widths: [80, '*'], body: pairs.map(([k, v]) => [label(k), td(v)]) }, layout: GRID, margin: [0, 0, 0, 8] };
  }
  const rows: Content[][] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const a = pairs[i]!;
    const b = pairs[i + 1];
    rows.push(b ? [label(a[0]), td(a[1]), label(b[0]), td(b[1])] : [label(a[0]), td(a[1], { colSpan: 3 }), ...spanned(2)]);
  }
  return { table: { widths: [70, '*', 70, '*'], body: rows }, layout: GRID, margin: [0, 0, 0, 8] };
}

/** "label ________" lines for a handwritten signature, name or count. */
export function blanks(items: { label: string; fill?: string; unit?: string }[]): ContentNode {
  const none: [boolean, boolean, boolean, boolean] = [false, false, false, false];
  return {
    margin: [0, 10, 0, 0],
    table: {
      widths: items.flatMap(() => ['auto', 110, 'auto']),
      body: [
        items.flatMap((it): Content[] => [
          { text: it.label, border: none },
          { text: it.fill ?? ' ', alignment: 'right', border: [false, false, false, true] },
          { text: it.unit ?? '', border: none, margin: [0, 0, 14, 0] },
        ]),
      ],
    },
    layout: BLANK,
  };
}
