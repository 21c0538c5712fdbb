import pdfmake from 'pdfmake';
import { REPORT_FONT, fontTokens } from './fonts.js';
import type { DocDefinition } from './types.js';

const REGULAR = 'regular';
const BOLD = 'bold';

let ready = false;

/**
 * The fonts reach pdfmake through its in-memory file system (as tokens for the fonts parsed once,
 * see fonts.ts), and every other file or URL access is denied: a document definition cannot make
 * the renderer read the disk or the network. pdfkit embeds only the glyphs a document uses, so a
 * report carries a subset of the 10 MB font.
 */
function pdfmakeReady(): typeof pdfmake {
  if (!ready) {
    pdfmake.virtualfs.writeFileSync(REGULAR, fontTokens().regular);
    pdfmake.virtualfs.writeFileSync(BOLD, fontTokens().bold);
    pdfmake.setFonts({ [REPORT_FONT]: { normal: REGULAR, bold: BOLD, italics: REGULAR, bolditalics: BOLD } });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    ready = true;
  }
  return pdfmake;
}

export interface RenderedPdf {
  pdf: Buffer;
  pages: number;
}

/** Renders a document definition; the definition is consumed (pdfmake annotates it while laying out). */
export async function renderReport(doc: DocDefinition): Promise<RenderedPdf> {
  let pages = 0;
  const counted: DocDefinition = {
    ...doc,
    footer: (current, count) => {
      pages = count;
      return doc.footer(current, count);
    },
  };
  const pdf = await pdfmakeReady().createPdf(counted).getBuffer();
  return { pdf, pages };
}

export async function renderPdf(doc: DocDefinition): Promise<Buffer> {
  return (await renderReport(doc)).pdf;
}
