/**
 * 评审反馈报告: what the applicant receives — for each stage with the panel leader's signed-off
 * consensus, the panel's opinion per category and its overall evaluation, in the leader's words;
 * for the other stages, per category and item, the panel's strengths and opportunities for
 * improvement merged from all experts' comments (each point once, no names); the panel's
 * category scores only when the secretariat discloses them.
 */
import { mergeComments } from '../scoring/comments.js';
import { formatScore } from './format.js';
import { STRONG, frame, note, num, particulars, td, th, titledTable } from './layout.js';
import { opinionContent, points } from './consensus.js';
import { M, tr } from './messages.js';
import type { Content, DocDefinition, FeedbackInput, ItemComment, PrintOptions, ReportLang } from './types.js';

function scoresTable(input: FeedbackInput, lang: ReportLang): Content[] {
  const scores = input.scores;
  const body: Content[][] = [
    [th(tr(lang, M.common.category)), th(tr(lang, M.common.points)), ...scores.map((s) => th(tr(lang, M.stage[s.stage])))],
  ];
  for (const c of input.framework.categories) {
    body.push([
      td(`${c.code} ${tr(lang, c.name)}`),
      num(String(c.points)),
      ...scores.map((s) => num(formatScore(s.categoryMeans[c.code]))),
    ]);
  }
  body.push([
    td(tr(lang, M.common.sum), STRONG),
    num(String(input.framework.totalPoints), STRONG),
    ...scores.map((s) => num(formatScore(s.panelScore), STRONG)),
  ]);
  return [titledTable(tr(lang, M.feedback.scoresTitle), 'h2', ['*', 44, ...scores.map(() => 80)], body)];
}

export function buildFeedback(input: FeedbackInput, print: PrintOptions): DocDefinition {
  const lang = print.lang;
  const byItem = new Map<string, ItemComment[]>();
  for (const c of input.comments) byItem.set(c.itemCode, [...(byItem.get(c.itemCode) ?? []), c]);
  const listSep = lang === 'zh' ? '、' : ', ';

  const comments: Content[] = [];
  for (const category of input.framework.categories) {
    const body: Content[][] = [[th(tr(lang, M.common.item)), th(tr(lang, M.common.strengths)), th(tr(lang, M.common.opportunities))]];
    for (const item of category.items) {
      const mine = byItem.get(item.code) ?? [];
      body.push([
        td(`${item.code}\n${tr(lang, item.name)}`),
        { stack: [points(lang, mergeComments(mine.map((c) => c.strengths)))], style: 'td' },
        { stack: [points(lang, mergeComments(mine.map((c) => c.opportunities)))], style: 'td' },
      ]);
    }
    const title = `${category.code} ${tr(lang, category.name)}${tr(lang, M.common.pointsOf(category.points))}`;
    // an item with many comments may run over a page break rather than leave half a page empty
    comments.push(titledTable(title, 'h3', [96, '*', '*'], body, { rowsMayBreak: true }));
  }

  const raw = input.stages.filter((s) => !input.opinions.some((o) => o.stage === s));
  const opinions = input.opinions.flatMap((o) => opinionContent(input.framework, o, lang));
  const content: Content[] = [
    particulars([
      [tr(lang, M.common.applicant), input.applicant.name],
      [tr(lang, M.common.applicantCode), input.applicant.code],
      [tr(lang, M.feedback.stagesCovered), input.stages.map((s) => tr(lang, M.stage[s])).join(listSep) || tr(lang, M.feedback.noStage)],
      [tr(lang, M.common.criteria), tr(lang, M.common.standard(input.framework.standard, input.framework.name))],
    ]),
    note(tr(lang, input.stages.length > 0 ? M.feedback.intro : M.missing.nothingYet)),
    ...(input.discloseScores && input.stages.length > 0 ? scoresTable(input, lang) : []),
    ...opinions,
    // an applicant no stage has run for gets no empty item tables, only the notice of what is missing
    ...(raw.length === 0 ? [] : opinions.length > 0 ? [note(tr(lang, M.consensus.otherStages(raw.map((s) => tr(lang, M.stage[s])).join(listSep)))), ...comments] : comments),
  ];
  return frame({ input, print, confidential: false, missing: input.missing, closing: { seal: true }, content });
}
