/**
 * 评审组评分汇总表: one applicant's panel results, for one stage or for every stage it was
 * scored in. With several stages the particulars come once and each stage follows on a new page
 * under its own heading, with its panel members, notes and table (panel-stage.ts), then the
 * leader's signed-off consensus on it, when there is one (consensus.ts). The
 * committee's binder (panel-binder.ts) sets the same sections one applicant after another.
 */
import { correctionsTable } from './corrections.js';
import { consensusContent } from './consensus.js';
import { frame, h2, particulars, signatureTable } from './layout.js';
import { M, tr } from './messages.js';
import { panelStageContent } from './panel-stage.js';
import type { Content, DocDefinition, PanelSummaryInput, PrintOptions, ReportLang } from './types.js';

function applicantPairs(input: PanelSummaryInput, lang: ReportLang): [string, string][] {
  return [
    [tr(lang, M.common.applicant), input.applicant.name],
    [tr(lang, M.common.applicantCode), input.applicant.code],
  ];
}

/** The changes after the packages went out, if any: the summary's annex. */
function annex(input: PanelSummaryInput, lang: ReportLang): Content[] {
  return input.corrections.length === 0 ? [] : [correctionsTable(tr(lang, M.corrections.title), input.corrections, lang, input.edition.timeZone)];
}

/** The particulars, then each stage from a new page, then the annex; `extra` adds rows to the particulars. */
export function panelSections(input: PanelSummaryInput, lang: ReportLang, extra: [string, string][] = []): Content[] {
  const sep = lang === 'zh' ? '、' : ', ';
  const none = tr(lang, M.common.none);
  const sections = input.stages.map((stage) => ({ stage: stage.stage, consensus: stage.consensus, ...panelStageContent(input, stage, lang) }));
  return [
    particulars([
      ...applicantPairs(input, lang),
      [tr(lang, M.common.stage), sections.map((s) => tr(lang, M.stage[s.stage])).join(sep) || none],
      [tr(lang, M.common.criteria), input.framework.standard],
      ...extra,
    ]),
    ...sections.flatMap((s, i): Content[] => [
      { ...h2(tr(lang, M.stage[s.stage])), ...(i > 0 ? { pageBreak: 'before' as const } : {}) },
      particulars([[tr(lang, M.panel.members), s.members || none]], 1),
      { stack: s.notes, margin: [0, 0, 0, 8] },
      s.table,
      ...consensusContent(input.framework, s.consensus, input.applicant.code, lang),
      signatureTable(lang, tr(lang, M.signatures.title), s.signers),
    ]),
    ...annex(input, lang),
  ];
}

export function buildPanelSummary(input: PanelSummaryInput, print: PrintOptions): DocDefinition {
  const lang = print.lang;
  const only = input.stages.length === 1 ? input.stages[0]! : null;
  if (!only) return frame({ input, print, orientation: 'landscape', confidential: true, missing: input.missing, content: panelSections(input, lang) });

  const section = panelStageContent(input, only, lang);
  const content: Content[] = [
    particulars([
      ...applicantPairs(input, lang),
      [tr(lang, M.common.stage), tr(lang, M.stage[only.stage])],
      [tr(lang, M.common.criteria), input.framework.standard],
      [tr(lang, M.panel.members), section.members || tr(lang, M.common.none)],
    ]),
    { stack: section.notes, margin: [0, 0, 0, 8] },
    section.table,
    ...consensusContent(input.framework, only.consensus, input.applicant.code, lang),
    signatureTable(lang, tr(lang, M.signatures.title), section.signers),
    ...annex(input, lang),
  ];
  return frame({ input, print, orientation: 'landscape', confidential: true, missing: input.missing, content });
}
