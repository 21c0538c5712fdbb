/**
 * Walks a report's content with the width each piece of text will have on the page (page width,
 * margins, table columns, list indents) and replaces the text by whole lines from wrap.ts, each
 * marked noWrap so that pdfmake draws it as one piece. Anything pdfmake must size itself ('auto'
 * columns, rich text with more than weight changes) is left as it is.
 */
import { DEFAULT_STYLE, STYLES } from './styles.js';
import type { Content, ContentNode, Margin, TableLayout } from './types.js';
import { type Run, wrapRuns } from './wrap.js';

interface Font {
  fontSize: number;
  bold: boolean;
}

/** pdfmake's list markers and the gap after them, at the sizes the reports use */
const BULLET_INDENT = 12;
const NUMBER_INDENT = 18;
/** pdfmake's own table defaults, for layouts that do not set them */
const DEFAULT_PADDING = 4;
const DEFAULT_RULE = 1;

function horizontalMargin(m: Margin | undefined): number {
  if (m === undefined) return 0;
  if (typeof m === 'number') return 2 * m;
  if (m.length === 2) return 2 * m[0];
  return m[0] + m[2];
}

function fontOf(node: ContentNode, inherited: Font): Font {
  const style = typeof node.style === 'string' ? STYLES[node.style] : undefined;
  return {
    fontSize: node.fontSize ?? style?.fontSize ?? inherited.fontSize,
    bold: node.bold ?? style?.bold ?? inherited.bold,
  };
}

/** Plain strings and {text, bold} pieces, or null when the text carries other formatting. */
function runsOf(text: Content, bold: boolean): Run[] | null {
  if (typeof text === 'string') return [{ text, bold }];
  if (!Array.isArray(text)) return null;
  const runs: Run[] = [];
  for (const piece of text) {
    if (typeof piece === 'string') runs.push({ text: piece, bold });
    else if (!Array.isArray(piece) && typeof piece.text === 'string' && Object.keys(piece).every((k) => k === 'text' || k === 'bold')) {
      runs.push({ text: piece.text, bold: piece.bold ?? bold });
    } else return null;
  }
  return runs;
}

function lineContent(line: Run[], bold: boolean): Content {
  if (line.length === 1 && line[0]!.bold === bold) return line[0]!.text;
  return line.map((r) => (r.bold === bold ? r.text : { text: r.text, bold: r.bold }));
}

function fitText(node: ContentNode, width: number, font: Font): ContentNode {
  const runs = node.text === undefined ? null : runsOf(node.text, font.bold);
  if (!runs || runs.every((r) => r.text === '')) return node;
  const lines = wrapRuns(runs, width, font.fontSize);
  if (lines.length === 1) return { ...node, text: lineContent(lines[0]!, font.bold), noWrap: true };
  // a contents entry is a text; its first line stands for it when it has to wrap
  const { text: _replaced, tocItem, ...rest } = node;
  return { ...rest, stack: lines.map((l, i) => ({ text: lineContent(l, font.bold), noWrap: true, ...(i === 0 && tocItem ? { tocItem } : {}) })) };
}

/** What pdfmake puts beside a column's content: its paddings and the rule to its left. */
function columnGap(layout: TableLayout | undefined, i: number, widths: unknown[]): number {
  const padding = (layout?.paddingLeft?.(i) ?? DEFAULT_PADDING) + (layout?.paddingRight?.(i) ?? DEFAULT_PADDING);
  return padding + (layout?.vLineWidth?.(i, { table: { widths } }) ?? DEFAULT_RULE);
}

/** Content width of each column as pdfmake will size it: fixed widths, the rest shared by '*'. */
function columnWidths(widths: (number | string)[], layout: TableLayout | undefined, available: number): number[] | null {
  if (widths.some((w) => typeof w === 'string' && w !== '*')) return null;
  const lastRule = layout?.vLineWidth?.(widths.length, { table: { widths } }) ?? DEFAULT_RULE;
  const offsets = widths.reduce<number>((s, _, i) => s + columnGap(layout, i, widths), lastRule);
  const fixed = widths.reduce<number>((s, w) => s + (typeof w === 'number' ? w : 0), 0);
  const stars = widths.filter((w) => w === '*').length;
  const star = stars > 0 ? (available - offsets - fixed) / stars : 0;
  return widths.map((w) => (typeof w === 'number' ? w : star));
}

function fitTable(node: ContentNode, width: number, font: Font): ContentNode {
  const table = node.table!;
  const cols = table.widths ? columnWidths(table.widths, node.layout, width) : null;
  if (!cols) return node;
  const body = table.body.map((row) =>
    row.map((cell, i) => {
      const span = typeof cell === 'object' && !Array.isArray(cell) ? (cell.colSpan ?? 1) : 1;
      let w = 0;
      for (let k = i; k < i + span; k++) w += (cols[k] ?? 0) + (k > i ? columnGap(node.layout, k, cols) : 0);
      return fitNode(cell, w, font);
    }),
  );
  return { ...node, table: { ...table, body } };
}

/** Columns of fixed and '*' widths (pdfmake shares what is left equally among the '*'). */
function fitColumns(node: ContentNode, width: number, font: Font): ContentNode {
  const columns = node.columns!;
  const widths = columns.map((c) => (typeof c === 'object' && !Array.isArray(c) ? (c.width ?? '*') : '*'));
  if (widths.some((w) => typeof w === 'string' && w !== '*')) return node;
  const gaps = (node.columnGap ?? 0) * (columns.length - 1);
  const fixed = widths.reduce<number>((s, w) => s + (typeof w === 'number' ? w : 0), 0);
  const star = (width - gaps - fixed) / Math.max(1, widths.filter((w) => w === '*').length);
  return { ...node, columns: columns.map((c, i) => fitNode(c, typeof widths[i] === 'number' ? widths[i] : star, font)) };
}

function fitNode(content: Content, width: number, inherited: Font): Content {
  if (typeof content === 'string') return content === '' ? content : fitText({ text: content }, width, inherited);
  if (Array.isArray(content)) return content.map((c) => fitNode(c, width, inherited));
  if (content.noWrap) return content;
  const font = fontOf(content, inherited);
  const inner = width - horizontalMargin(content.margin);
  if (content.table) return fitTable(content, inner, font);
  if (content.stack) return { ...content, stack: content.stack.map((c) => fitNode(c, inner, font)) };
  if (content.columns) return fitColumns(content, inner, font);
  if (content.ul) return { ...content, ul: content.ul.map((c) => fitNode(c, inner - BULLET_INDENT, font)) };
  if (content.ol) return { ...content, ol: content.ol.map((c) => fitNode(c, inner - NUMBER_INDENT, font)) };
  if (content.text !== undefined) return fitText(content, inner, font);
  return content;
}

export function fitContent(content: Content[], width: number): Content[] {
  const font: Font = { fontSize: DEFAULT_STYLE.fontSize, bold: false };
  return content.map((c) => fitNode(c, width, font));
}
