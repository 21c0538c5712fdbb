/**
 * 评审组评分汇总表: one applicant's panel results, for one stage or for every stage it was
 * scored in. With several stages the particulars come once and each stage follows on a new page
 * under its own heading, with its panel members, notes and table (panel-stage.ts).
 */
import { frame, h2, particulars } from './layout.js';
import { M, tr } from './messages.js';
import { panelStageContent } from './panel-stage.js';
import type { Content, DocDefinition, PanelSummaryInput, PrintOptions } from './types.js';

export function buildPanelSummary(input: PanelSummaryInput, print: PrintOptions): DocDefinition {
  const lang = print.lang;
  const sep = lang === 'zh' ? '、' : ', ';
  const none = tr(lang, M.common.none);
  const applicant: [string, string][] = [
    [tr(lang, M.common.applicant), input.applicant.name],
    [tr(lang, M.common.applicantCode), input.applicant.code],
  ];
  const sections = input.stages.map((stage) => ({ stage: stage.stage, ...panelStageContent(input, stage, lang) }));
  const only = sections.length === 1 ? sections[0]! : null;

  if (only) {
    const content: Content[] = [
      particulars([
        ...applicant,
        [tr(lang, M.common.stage), tr(lang, M.stage[only.stage])],
        [tr(lang, M.common.criteria), input.framework.standard],
        [tr(lang, M.panel.members), only.members || none],
      ]),
      { stack: only.notes, margin: [0, 0, 0, 8] },
      only.table,
    ];
    return frame({ input, print, orientation: 'landscape', confidential: true, content });
  }

  const content: Content[] = [
    particulars([
      ...applicant,
      [tr(lang, M.common.stage), sections.map((s) => tr(lang, M.stage[s.stage])).join(sep) || none],
      [tr(lang, M.common.criteria), input.framework.standard],
    ]),
    ...sections.flatMap((s, i): Content[] => [
      { ...h2(tr(lang, M.stage[s.stage])), ...(i > 0 ? { pageBreak: 'before' as const } : {}) },
      particulars([[tr(lang, M.panel.members), s.members || none]], 1),
      { stack: s.notes, margin: [0, 0, 0, 8] },
      s.table,
    ]),
  ];
  return frame({ input, print, orientation: 'landscape', confidential: true, content });
}
