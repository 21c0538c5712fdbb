/**
 * The frame every report shares, after GB/T 9704-2012 as far as it fits award reports: A4 with
 * the standard's type area on portrait pages (top 37 mm, inner 28 mm, 156 × 225 mm), the title
 * in a bold Song face, the page number between dashes below the type area (odd pages right, even
 * pages left), the 落款 (issuing body and date) with a seal area on documents that are sealed,
 * and a 暂定 watermark with a notice saying what is missing on a report made from incomplete
 * data. The edition and report title head each page, the document fingerprint and the page count
 * foot it (the fingerprint in full on the last page). Builders fill in only the content.
 */
import type { Localized } from '../domain/localized.js';
import { reportFingerprint, shortFingerprint } from './fingerprint.js';
import { formatDate, formatDateTime } from './format.js';
import { fitContent } from './fit.js';
import { M, tr } from './messages.js';
import { DEFAULT_STYLE, STYLES } from './styles.js';
import type { Content, ContentNode, DocDefinition, PrintOptions, ReportInput, ReportLang, TableLayout } from './types.js';

const A4 = { width: 595.28, height: 841.89 };
/**
 * Millimetres in whole points: the standard allows ±1 mm, and whole-point margins keep every
 * position on the page a short number, which the content streams (most of a binder's weight)
 * compress far better than 57.192913.
 */
const mm = (length: number): number => Math.round((length * 72) / 25.4);
/** GB/T 9704-2012 §5.2.1: 天头 37 mm, 订口 28 mm, 版心 156 mm × 225 mm */
const PORTRAIT: [number, number, number, number] = [mm(28), mm(37), mm(210 - 28 - 156), mm(297 - 37 - 225)];
/** wide tables on landscape pages keep the standard's margins as far as the tables allow */
const LANDSCAPE: [number, number, number, number] = [mm(20), mm(24), mm(20), mm(22)];
/** the page number sits 7 mm below the type area (§7.5) */
const FOOT_GAP = mm(7);
/** 42 mm: the diameter of an official seal */
const SEAL = mm(42);
/** a report's notice lists at most this many missing items, then how many more */
const MISSING_SHOWN = 12;
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
  /** an unsubmitted score sheet: 草稿 across every page */
  draft?: boolean;
  /** what the data still lacks: when any, 暂定 across every page and a notice at the top */
  missing?: Localized[];
  /**
   * the 落款 (issuing body and date) at the end, with the seal area on a sealed document; `after`
   * (signature lines) comes before it on the same page, so the 落款 is never left on a page alone
   */
  closing?: {
    seal: boolean;
    after?: ContentNode;
    /** the document's own date, formatted, where it is not the day it was printed (a notice's first day) */
    dated?: string;
  };
  content: Content[];
}

export function frame(opts: FrameOptions): DocDefinition {
  const { input, print } = opts;
  const lang = print.lang;
  const orientation = opts.orientation ?? 'portrait';
  const margins = orientation === 'portrait' ? PORTRAIT : LANDSCAPE;
  const pageWidth = orientation === 'portrait' ? A4.width : A4.height;
  const [left, top, right] = margins;
  const lineWidth = pageWidth - left - right;
  const title = tr(lang, M.titles[input.report]);
  const edition = tr(lang, M.frame.edition(input.edition.name, input.edition.year));
  const date = formatDate(print.generatedAt, lang, input.edition.timeZone);
  const generated = tr(lang, M.frame.generated(date));
  const fingerprint = reportFingerprint(input);
  const missing = opts.missing ?? [];
  const rule = (y: number): ContentNode => ({
    style: 'page',
    canvas: [{ type: 'line', x1: 0, y1: y, x2: lineWidth, y2: y, lineWidth: 0.5, lineColor: RULE }],
  });

  const titleBlock: Content[] = [
    ...(opts.confidential ? [{ text: tr(lang, M.frame.confidential), style: 'mark' }] : []),
    { text: title, style: 'title' },
    { text: edition, style: 'subtitle' },
    { text: generated, style: 'subtitle', margin: [0, 0, 0, 12] },
    ...(missing.length > 0 ? [missingNotice(lang, missing)] : []),
  ];
  const closing: Content[] = [];
  if (opts.closing) {
    const block = closingBlock(lang, input.edition.issuingBody, opts.closing.dated ?? date, opts.closing.seal);
    closing.push(opts.closing.after ? { stack: [{ ...opts.closing.after, unbreakable: false }, block], unbreakable: true } : block);
  }
  const watermark = opts.draft ? M.frame.draft : missing.length > 0 ? M.frame.provisional : null;
  // an expert's print names its reader across every page, as the viewer does (pdfmake sets one watermark: the reader's wins)
  const readerMark = print.reader
    ? tr(lang, M.frame.reader(print.reader.name, print.reader.code, formatDateTime(print.generatedAt, lang, input.edition.timeZone)))
    : null;

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
    pageMargins: margins,
    header: () => ({
      style: 'page',
      margin: [left, top - 30, right, 0],
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
    footer: (current, count) => {
      const number: ContentNode = { text: M.frame.pageNumber(current), style: 'pageNumber', width: 'auto' };
      const foot: ContentNode = {
        text: `${tr(lang, M.frame.pageCount(count))}　${tr(lang, M.frame.fingerprint(current === count ? fingerprint : `${shortFingerprint(fingerprint)}…`))}`,
        style: 'pageFoot',
        width: '*',
        margin: [0, 3, 0, 0],
      };
      // §7.5: odd pages carry the number on the right, even pages on the left, one character in
      const odd = current % 2 === 1;
      return {
        style: 'page',
        margin: [left, FOOT_GAP, right, 0],
        columns: odd
          ? [{ ...foot, alignment: 'left' }, { ...number, margin: [0, 0, 14, 0] }]
          : [{ ...number, margin: [14, 0, 0, 0] }, { ...foot, alignment: 'right' }],
        columnGap: 12,
      };
    },
    content: fitContent([...titleBlock, ...opts.content, ...closing], lineWidth),
    defaultStyle: DEFAULT_STYLE,
    styles: STYLES,
    // two ideographs fill the diagonal at 110 pt; a longer English word is set smaller so it stays on the page
    ...(readerMark
      ? { watermark: { text: watermark ? `${tr(lang, watermark)}　${readerMark}` : readerMark, color: '#9A9A9A', opacity: 0.22, bold: true, fontSize: 26 } }
      : watermark
        ? { watermark: { text: tr(lang, watermark), color: '#9A9A9A', opacity: 0.22, bold: true, fontSize: lang === 'zh' ? 110 : 64 } }
        : {}),
  };
}

/** "暂定：…" and what is missing, one item a line, boxed at the top of the first page. */
function missingNotice(lang: ReportLang, missing: Localized[]): ContentNode {
  const shown = missing.slice(0, MISSING_SHOWN).map((m) => ({ text: `· ${tr(lang, m)}`, style: 'td' }));
  const more = missing.length - shown.length;
  const lines: Content[] = [
    { text: tr(lang, M.frame.provisionalTitle), style: 'h3', margin: [0, 0, 0, 2] },
    ...shown,
    ...(more > 0 ? [{ text: lang === 'zh' ? `……另有 ${more} 项` : `… and ${more} more`, style: 'td' }] : []),
    { text: tr(lang, M.frame.provisionalEnd), style: 'note' },
  ];
  return { table: { widths: ['*'], body: [[{ stack: lines, fillColor: FLAG_FILL }]] }, layout: GRID, margin: [0, 0, 0, 10] };
}

/**
 * 落款 (GB/T 9704 §7.3.5): the issuing body centred over the date, the date four characters in
 * from the right; on a sealed document the seal area (a 42 mm circle) lies over both, so the
 * seal, pressed there, covers the signature as the standard places it. Without an issuing body
 * set for the edition a line is left to write it in.
 */
function closingBlock(lang: ReportLang, issuingBody: string | null, date: string, seal: boolean): ContentNode {
  const width = Math.max(SEAL, 170);
  const body: ContentNode = issuingBody
    ? { text: issuingBody, alignment: 'center', fontSize: 12 }
    : { text: tr(lang, M.frame.issuingBodyBlank), alignment: 'center', color: '#777777', fontSize: 10.5 };
  const text: Content[] = [body, { text: date, alignment: 'center', fontSize: 12, margin: [0, 4, 0, 0] }];
  const stack: Content[] = seal
    ? [
        {
          canvas: [{ type: 'ellipse', x: width / 2, y: SEAL / 2, r1: SEAL / 2, r2: SEAL / 2, lineWidth: 0.6, lineColor: '#B8B8B8', dash: { length: 3, space: 3 } }],
          margin: [0, 0, 0, -SEAL],
        },
        { text: tr(lang, M.frame.seal), alignment: 'center', color: '#A0A0A0', fontSize: 9, margin: [0, 16, 0, 0] },
        { stack: text, margin: [0, 18, 0, SEAL - 80] },
      ]
    : text;
  return {
    columns: [{ text: '', width: '*' }, { stack, width }, { text: '', width: 4 * 12 }],
    unbreakable: true,
    margin: [0, 28, 0, 0],
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

/**
 * Who signs: each person's role and printed name with room to sign, two to a line (so the
 * block fits under the table it closes rather than taking a page of its own), then the date.
 */
export function signatureTable(lang: ReportLang, title: string, people: { role: string; name: string }[]): ContentNode {
  const none: [boolean, boolean, boolean, boolean] = [false, false, false, false];
  const line: [boolean, boolean, boolean, boolean] = [false, false, false, true];
  const cells = (p: { role: string; name: string } | undefined): Content[] =>
    p ? [{ text: p.role, border: none }, { text: p.name, border: none }, { text: ' ', border: line }] : [{ text: '', border: none }, { text: '', border: none }, { text: '', border: none }];
  const rows: Content[][] = [];
  for (let i = 0; i < people.length; i += 2) rows.push([...cells(people[i]), { text: '', border: none }, ...cells(people[i + 1])]);
  return {
    unbreakable: true,
    margin: [0, 10, 0, 0],
    stack: [
      {
        columns: [
          h3(title, { width: '*' }),
          { text: `${tr(lang, M.common.date)}${tr(lang, M.common.blankDate)}`, width: 'auto', margin: [0, 10, 0, 0] },
        ],
      },
      { table: { widths: [36, 70, '*', 30, 36, 70, '*'], body: rows }, layout: { ...BLANK, paddingTop: () => 7 } },
    ],
  };
}

/** The committee's approval: the chair and members sign by hand on blank lines. */
export function committeeSignatures(lang: ReportLang, members: number): ContentNode {
  const none: [boolean, boolean, boolean, boolean] = [false, false, false, false];
  const line = (label: string): Content[] => [{ text: label, border: none }, { text: ' ', border: [false, false, false, true] }];
  // four blanks a row, with a gap between them
  const blankRow = (): Content[] => Array.from({ length: 7 }, (_, i) => ({ text: ' ', border: i % 2 === 0 ? ([false, false, false, true] as typeof none) : none }));
  return {
    unbreakable: true,
    margin: [0, 14, 0, 0],
    stack: [
      h2(tr(lang, M.signatures.committeeTitle)),
      { table: { widths: ['auto', 200], body: [line(tr(lang, M.signatures.committeeChair))] }, layout: BLANK },
      { text: tr(lang, M.signatures.committeeMembers), margin: [0, 10, 0, 0] },
      { table: { widths: ['*', 18, '*', 18, '*', 18, '*'], body: Array.from({ length: Math.ceil(members / 4) }, blankRow) }, layout: { ...BLANK, paddingTop: () => 16 } },
      blanks([{ label: tr(lang, M.common.date), fill: tr(lang, M.common.blankDate) }]),
    ],
  };
}
