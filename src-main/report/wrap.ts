/**
 * Line breaking for Chinese and mixed text. pdfmake breaks CJK text into one "word" per
 * character and then styles, measures and draws each character on its own, which makes long
 * Chinese comments slow to lay out and large to store. The reports break their text into lines
 * here instead — between any two Chinese characters, never inside a Latin word or number, never
 * before closing punctuation or after opening punctuation (禁则) — and hand pdfmake whole lines.
 */
import { textWidth } from './metrics.js';

export interface Run {
  text: string;
  bold: boolean;
}

const NO_LINE_START = new Set('，。、；：？！）》」』】〉〕］｝”’…‥·%％,.;:?!)]}>');
const NO_LINE_END = new Set('（《「『【〈〔［｛“‘([{<');
/** a Latin word or number stays whole: "ISO9001", "1.33", "3.5%", "e-mail" */
const TOKEN = /[A-Za-z0-9][A-Za-z0-9.,%+\-/:_'&@#]*|[ \t\u3000]+|[\s\S]/gu;
/** measured widths and pdfkit's may differ by kerning across tokens */
const SAFETY = 0.75;

interface Token extends Run {
  width: number;
  space: boolean;
}

function tokens(runs: Run[], fontSize: number): Token[] {
  const out: Token[] = [];
  for (const run of runs) {
    for (const m of run.text.matchAll(TOKEN)) {
      const text = m[0];
      out.push({ text, bold: run.bold, width: textWidth(text, fontSize, run.bold), space: /^[ \t\u3000]+$/.test(text) });
    }
  }
  return out;
}

/** Tokens that may not be separated by a line break, e.g. "（优势" or "增长。" */
function atoms(list: Token[]): Token[][] {
  const out: Token[][] = [];
  let glueNext = false;
  for (const t of list) {
    const last = out[out.length - 1];
    const first = [...t.text][0] ?? '';
    if (last && !t.space && (glueNext || NO_LINE_START.has(first))) last.push(t);
    else out.push([t]);
    glueNext = !t.space && NO_LINE_END.has([...t.text].at(-1) ?? '');
  }
  return out;
}

function mergeRuns(list: Token[]): Run[] {
  const out: Run[] = [];
  for (const t of list) {
    const last = out[out.length - 1];
    if (last && last.bold === t.bold) last.text += t.text;
    else out.push({ text: t.text, bold: t.bold });
  }
  return out;
}

function trimSpaces(line: Token[]): Token[] {
  let start = 0;
  let end = line.length;
  while (start < end && line[start]!.space) start++;
  while (end > start && line[end - 1]!.space) end--;
  return line.slice(start, end);
}

/** A single atom wider than the line (a long code or hash) is cut between characters. */
function splitWide(atom: Token[], fontSize: number): Token[] {
  return atom.flatMap((t) =>
    [...t.text].map((ch) => ({ text: ch, bold: t.bold, width: textWidth(ch, fontSize, t.bold), space: false })),
  );
}

function fillParagraph(list: Token[], maxWidth: number, fontSize: number): Token[][] {
  const lines: Token[][] = [];
  let line: Token[] = [];
  let width = 0;
  const flush = () => {
    lines.push(trimSpaces(line));
    line = [];
    width = 0;
  };
  for (const atom of atoms(list)) {
    const w = atom.reduce((s, t) => s + t.width, 0);
    if (width + w <= maxWidth) {
      line.push(...atom);
      width += w;
      continue;
    }
    if (atom.every((t) => t.space)) {
      flush();
      continue;
    }
    if (line.some((t) => !t.space)) flush();
    if (w <= maxWidth) {
      line.push(...atom);
      width += w;
      continue;
    }
    for (const t of splitWide(atom, fontSize)) {
      if (width + t.width > maxWidth && line.length > 0) flush();
      line.push(t);
      width += t.width;
    }
  }
  if (line.length > 0 || lines.length === 0) flush();
  return lines;
}

/** Characters no wider than EM_BOUND in the report fonts (bold 'W' is 1.09 em): ASCII, CJK punctuation and ideographs, full-width forms. */
const AT_MOST_AN_EM = /^[\u0020-\u007e\u2010-\u2027\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*$/u;
const EM_BOUND = 1.1;

/** Lines of at most `width` points; a newline in the text always starts a new line. */
export function wrapRuns(runs: Run[], width: number, fontSize: number): Run[][] {
  const maxWidth = Math.max(width - SAFETY, fontSize);
  // most table cells are short: when even 1 em a character fits, there is nothing to measure
  const chars = runs.reduce((n, r) => n + r.text.length, 0);
  if (chars * EM_BOUND * fontSize <= maxWidth && runs.every((r) => AT_MOST_AN_EM.test(r.text))) return [runs.filter((r) => r.text !== '')];
  const paragraphs: Run[][] = [[]];
  for (const run of runs) {
    run.text.split(/\r?\n/).forEach((part, i) => {
      if (i > 0) paragraphs.push([]);
      if (part !== '') paragraphs[paragraphs.length - 1]!.push({ text: part, bold: run.bold });
    });
  }
  return paragraphs.flatMap((p) => fillParagraph(tokens(p, fontSize), maxWidth, fontSize).map(mergeRuns));
}
