import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resourcePath } from '../catalog/resources.js';

export const REPORT_FONT = 'PingshenReport';

/**
 * Text is set in a Song (宋体) face and titles in its bold, as GB/T 9704-2012 sets official
 * documents: Noto Serif CJK SC, converted for the reports (build/make-report-fonts.py) so that a
 * glyph takes about 130 bytes in a report instead of 205, the glyphs being most of a report's size
 * (a report set of a hundred files carries a hundred subsets).
 */
const FILES = {
  regular: { file: 'PingshenSerifSC-Regular.ttf', face: undefined },
  bold: { file: 'PingshenSerifSC-Bold.ttf', face: undefined },
} as const;
export type Weight = keyof typeof FILES;

/** The part of a fontkit font the line breaker measures with. */
export interface MeasuredFont {
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number };
}

interface FontFormat {
  probe(buffer: Uint8Array): boolean;
  new (stream: { buffer: Uint8Array }): MeasuredFont;
}

interface Fontkit {
  create(buffer: Uint8Array, postscriptName?: string): MeasuredFont;
  registerFormat(format: FontFormat): void;
}

/**
 * pdfkit builds a fresh fontkit font from the file's bytes for every document, and decoding the
 * tables of a 30 000-glyph CJK font was most of the cost of a short report. So the renderer
 * hands pdfkit a short token instead of the bytes, and a font "format" registered through
 * fontkit's public registerFormat answers that token with the one font object parsed for this
 * process. Each document still makes its own subset of the glyphs it uses. The CommonJS entry
 * is loaded on purpose: it is the instance pdfkit itself requires.
 */
const fontkit = createRequire(import.meta.url)('fontkit') as Fontkit;

let shared: { fonts: Record<Weight, MeasuredFont>; tokens: Record<Weight, Buffer> } | null = null;

function load(): NonNullable<typeof shared> {
  if (shared) return shared;
  const open = (w: Weight): MeasuredFont => fontkit.create(readFileSync(resourcePath('fonts', FILES[w].file)), FILES[w].face);
  const fonts = { regular: open('regular'), bold: open('bold') };
  const tokens = { regular: Buffer.from('pingshen-font:regular'), bold: Buffer.from('pingshen-font:bold') };
  const byToken = new Map<Uint8Array, MeasuredFont>([
    [tokens.regular, fonts.regular],
    [tokens.bold, fonts.bold],
  ]);
  fontkit.registerFormat(
    class SharedFont {
      static probe(buffer: Uint8Array): boolean {
        return byToken.has(buffer);
      }
      constructor(stream: { buffer: Uint8Array }) {
        // a constructor may return another object: here, the font parsed once for the process
        return byToken.get(stream.buffer)!;
      }
    } as unknown as FontFormat,
  );
  shared = { fonts, tokens };
  return shared;
}

export function sharedFont(weight: Weight): MeasuredFont {
  return load().fonts[weight];
}

/** What the renderer stores in pdfmake's virtual file system in place of each font file. */
export function fontTokens(): Record<Weight, Buffer> {
  return load().tokens;
}
