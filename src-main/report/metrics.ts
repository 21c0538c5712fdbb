import { sharedFont } from './fonts.js';

/**
 * Text widths measured with the very font objects the renderer embeds, so the report's own line
 * breaking (wrap.ts) and pdfkit agree on where a line ends. Widths are cached per run of text,
 * in em, and scaled to the font size on use.
 */
const cache = { regular: new Map<string, number>(), bold: new Map<string, number>() };

export function textWidth(text: string, fontSize: number, bold: boolean): number {
  const weight = bold ? 'bold' : 'regular';
  let em = cache[weight].get(text);
  if (em === undefined) {
    const font = sharedFont(weight);
    em = font.layout(text).advanceWidth / font.unitsPerEm;
    cache[weight].set(text, em);
  }
  return em * fontSize;
}
