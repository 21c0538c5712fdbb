/**
 * 评审反馈报告: what the applicant receives — per category and item, the panel's strengths and
 * opportunities for improvement, merged from all experts' comments (each point once, no names),
 * with the panel's category scores only when the secretariat discloses them.
 */
import { formatScore } from './format.js';
import { STRONG, frame, note, num, particulars, td, th, titledTable } from './layout.js';
import { M, tr } from './messages.js';
import type { Content, DocDefinition, FeedbackInput, ItemComment, PrintOptions, ReportLang } from './types.js';

/** A leading "1." "2、" "①" "-" "•" is the expert's list formatting, not part of the point. */
const LIST_MARKER = /^(?:\d{1,2}[.、．)）]|[（(]\d{1,2}[)）]|[①-⑳]|[-•·*])\s*/u;

/** Split into points, drop list markers, keep each point once (compared with spaces collapsed). */
export function mergeComments(texts: string[]): string[] {
  const seen = new Set<string>();
  const merged: string[] = [];
  for (const text of texts) {
    for (const line of text.split(/\r?\n/)) {
      const point = line.trim().replace(LIST_MARKER, '').trim();
      const key = point.replace(/\s+/g, ' ');
      if (point === '' || seen.has(key)) continue;
      seen.add(key);
      merged.push(point);
    }
  }
  return merged;
}

/** Room for "10." at the table's size, and the width of a hanging indent after it. */
const NUMBER_WIDTH = 13;

/**
 * Numbered points with a hanging indent. Numbers, not pdfmake's list: its bullets are drawn
 * shapes (a few hundred bytes each, an eighth of a feedback report) and its numbers follow their point's
 * first line in the page's text, so a copied or read-aloud point came out with its number inside.
 */
function points(lang: ReportLang, list: string[]): Content {
  if (list.length === 0) return { text: tr(lang, M.feedback.noComment), color: '#777777' };
  return { stack: list.map((point, i) => ({ columns: [{ text: `${i + 1}.`, width: NUMBER_WIDTH }, { text: point, width: '*' }] })) };
}

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

  const content: Content[] = [
    particulars([
      [tr(lang, M.common.applicant), input.applicant.name],
      [tr(lang, M.common.applicantCode), input.applicant.code],
      [tr(lang, M.feedback.stagesCovered), input.stages.map((s) => tr(lang, M.stage[s])).join(listSep) || tr(lang, M.feedback.noStage)],
      [tr(lang, M.common.criteria), tr(lang, M.common.standard(input.framework.standard, input.framework.name))],
    ]),
    note(tr(lang, input.stages.length > 0 ? M.feedback.intro : M.missing.nothingYet)),
    ...(input.discloseScores && input.stages.length > 0 ? scoresTable(input, lang) : []),
    // an applicant no stage has run for gets no empty item tables, only the notice of what is missing
    ...(input.stages.length > 0 ? comments : []),
  ];
  return frame({ input, print, confidential: false, missing: input.missing, closing: { seal: true }, content });
}
