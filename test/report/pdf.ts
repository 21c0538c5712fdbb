/**
 * Reading generated PDFs back as a reader would: the text of each page, extracted with pdfjs
 * (legacy build, for Node). Chinese text carries no spaces, so tests compare with whitespace
 * removed where line breaks may fall.
 */
import { inflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildReport } from '../../src-main/report/build.js';
import { renderReport } from '../../src-main/report/render.js';
import type { ReportInput, ReportLang } from '../../src-main/report/types.js';

export const GENERATED_AT = new Date('2026-11-23T03:00:00.000Z');

export async function pageTexts(pdf: Uint8Array): Promise<string[]> {
  const task = getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join(''));
  }
  await task.destroy();
  return pages;
}

export const squash = (text: string): string => text.replace(/\s+/g, '');

export interface Rendered {
  pdf: Buffer;
  pages: number;
  texts: string[];
  /** all pages, whitespace removed */
  all: string;
}

export async function render(input: ReportInput, lang: ReportLang): Promise<Rendered> {
  const { pdf, pages } = await renderReport(buildReport(input, { lang, generatedAt: GENERATED_AT }));
  const texts = await pageTexts(pdf);
  return { pdf, pages, texts, all: squash(texts.join('\n')) };
}

export function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/**
 * The characters a font embedded in the PDF can show, read from its ToUnicode map: which text
 * a reader sees in that font, whatever order the page draws it in.
 */
export function charactersOf(pdf: Uint8Array, baseFont: RegExp): Set<string> {
  const raw = Buffer.from(pdf).toString('latin1');
  const font = [...raw.matchAll(/\/BaseFont \/(\S+)[^]*?\/ToUnicode (\d+) 0 R/g)].find((m) => baseFont.test(m[1]!));
  if (!font) throw new Error(`no font ${baseFont} with a ToUnicode map`);
  const at = raw.indexOf(`\n${font[2]} 0 obj`);
  const start = raw.indexOf('stream\n', at) + 'stream\n'.length;
  const cmap = inflateSync(Buffer.from(pdf).subarray(start, raw.indexOf('endstream', start))).toString('latin1');
  const chars = new Set<string>();
  // bfrange destinations are arrays of UTF-16BE strings; each source code maps to one of them
  for (const list of cmap.matchAll(/\[([^\]]*)\]/g)) {
    for (const hex of list[1]!.matchAll(/<([0-9a-fA-F]+)>/g)) chars.add(Buffer.from(hex[1]!, 'hex').swap16().toString('utf16le'));
    chars.delete('\u0000');
  }
  return chars;
}
