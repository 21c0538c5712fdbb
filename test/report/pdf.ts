/**
 * Reading generated PDFs back as a reader would: the text of each page, extracted with pdfjs
 * (legacy build, for Node). Chinese text carries no spaces, so tests compare with whitespace
 * removed where line breaks may fall.
 */
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
