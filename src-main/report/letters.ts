/**
 * The eligibility step's letters to an applicant, as official letters (GB/T 9704-2012: the
 * addressee flush left, paragraphs indented two characters, the issuing body and seal at the
 * end): the request for missing materials (Daqing art. 13) and the written reasons for not being
 * shortlisted (Daqing art. 14). Neither is confidential: the applicant reads it.
 */
import { LM } from './letter-messages.js';
import { frame } from './layout.js';
import { STAGE_NAMES } from '../domain/words.js';
import { citeZh } from './book-title.js';
import { tr } from './messages.js';
import type { Content, DocDefinition, IncompleteLetterInput, NotShortlistedLetterInput, PrintOptions, ReportLang } from './types.js';

/** two characters of the body size (GB/T 9704 §7.3.3: 正文 starts two characters in) */
const paragraph = (lang: ReportLang, text: string): Content => ({ text, leadingIndent: lang === 'zh' ? 21 : 0, lineHeight: 1.5, margin: [0, 0, 0, 6] });

const regulation = (lang: ReportLang, input: { edition: { regulation: { zh: string; en: string } } }): string => (lang === 'zh' ? citeZh(input.edition.regulation.zh) : input.edition.regulation.en);

const addressee = (text: string): Content => ({ text, bold: true, margin: [0, 6, 0, 8] });

export function buildIncompleteLetter(input: IncompleteLetterInput, print: PrintOptions): DocDefinition {
  const lang = print.lang;
  const content: Content[] = [
    addressee(tr(lang, LM.salutation(input.applicant.name))),
    paragraph(lang, tr(lang, LM.incomplete.opening(input.edition.name, input.applicant.code))),
    { ol: input.missing.map((m) => ({ text: m, lineHeight: 1.4 })), margin: [24, 0, 0, 8] },
    ...(input.note ? [paragraph(lang, input.note)] : []),
    paragraph(lang, tr(lang, input.dueDay ? LM.incomplete.due(input.dueDay) : LM.incomplete.noDue)),
    paragraph(lang, tr(lang, LM.incomplete.basis(regulation(lang, input)))),
  ];
  return frame({ input, print, confidential: false, closing: { seal: true }, content });
}

export function buildNotShortlistedLetter(input: NotShortlistedLetterInput, print: PrintOptions): DocDefinition {
  const lang = print.lang;
  const content: Content[] = [
    addressee(tr(lang, LM.salutation(input.applicant.name))),
    paragraph(lang, tr(lang, LM.notShortlisted.opening(input.edition.name, input.applicant.code, STAGE_NAMES[input.stage]))),
    ...input.reason
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p.length > 0)
      .map((p) => paragraph(lang, p)),
    paragraph(lang, tr(lang, LM.notShortlisted.basis(regulation(lang, input)))),
    paragraph(lang, tr(lang, LM.notShortlisted.thanks)),
  ];
  return frame({ input, print, confidential: false, closing: { seal: true }, content });
}
