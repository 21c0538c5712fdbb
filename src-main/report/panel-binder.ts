/**
 * 评审组评分汇总表汇编: the committee's binder of every applicant's panel summary. One file
 * carries one subset of the font instead of a hundred, which is most of a summary's weight. A
 * table of contents (with bookmarks) leads to each applicant; each applicant starts on a new
 * page, and its particulars show the fingerprint of its own panel summary, so a section can be
 * matched to the summary printed alone.
 */
import { reportFingerprint } from './fingerprint.js';
import { frame, note } from './layout.js';
import { M, tr } from './messages.js';
import { panelSections } from './panel-summary.js';
import type { Content, DocDefinition, PanelBinderInput, PrintOptions } from './types.js';

export function buildPanelBinder(input: PanelBinderInput, print: PrintOptions): DocDefinition {
  const lang = print.lang;
  const contents: Content = {
    toc: {
      title: { text: tr(lang, M.binder.contents), style: 'h2' },
      outlines: true,
      textStyle: { fontSize: 9, noWrap: true },
      numberStyle: { fontSize: 9 },
    },
  };
  const sections = input.summaries.flatMap((summary): Content[] => [
    { text: `${summary.applicant.code}　${summary.applicant.name}`, style: 'h2', tocItem: true, pageBreak: 'before' },
    ...panelSections(summary, lang, [[tr(lang, M.binder.sectionFingerprint), reportFingerprint(summary)]]),
  ]);
  const content: Content[] = [note(tr(lang, M.binder.intro(input.summaries.length))), contents, ...sections];
  const pending = input.summaries.filter((s) => s.missing.length > 0).map((s) => s.applicant.code);
  const missing = pending.length > 0 ? [M.missing.binder(pending.length, pending)] : [];
  return frame({ input, print, orientation: 'landscape', confidential: true, missing, content });
}
