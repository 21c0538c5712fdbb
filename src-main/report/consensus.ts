/**
 * The panel leader's signed-off consensus (组长负责制) as the reports print it: the panel's opinion
 * per category with its overall evaluation (the feedback report, the panel summary), and how each
 * flagged item was settled (the panel summary only), each with who signed it off and when.
 */
import { formatDate } from './format.js';
import { note, td, th, titledTable } from './layout.js';
import { M, tr } from './messages.js';
import { expertShortName } from './people.js';
import type { Content, FeedbackOpinion, ReportFramework, ReportLang, ReportOpinion } from './types.js';

/** Room for "10." at the table's size, and the width of a hanging indent after it. */
const NUMBER_WIDTH = 13;

/**
 * Numbered points with a hanging indent. Numbers, not pdfmake's list: its bullets are drawn
 * shapes (a few hundred bytes each, an eighth of a feedback report) and its numbers follow their point's
 * first line in the page's text, so a copied or read-aloud point came out with its number inside.
 */
export function points(lang: ReportLang, list: string[]): Content {
  if (list.length === 0) return { text: tr(lang, M.feedback.noComment), color: '#777777' };
  return { stack: list.map((point, i) => ({ columns: [{ text: `${i + 1}.`, width: NUMBER_WIDTH }, { text: point, width: '*' }] })) };
}

export function signedOffLine(o: FeedbackOpinion, lang: ReportLang): Content {
  return note(tr(lang, M.consensus.signedOff(expertShortName(o.leader, o.leader.id), formatDate(o.signedAt, lang), o.recordedBy)));
}

/** The panel's opinion on one stage: per category, then the overall evaluation, then the sign-off. */
export function opinionContent(framework: ReportFramework, o: FeedbackOpinion, lang: ReportLang): Content[] {
  const byCode = new Map(o.categories.map((c) => [c.code, c]));
  const body: Content[][] = [[th(tr(lang, M.common.category)), th(tr(lang, M.common.strengths)), th(tr(lang, M.common.opportunities))]];
  for (const category of framework.categories) {
    const c = byCode.get(category.code);
    body.push([
      td(`${category.code}\n${tr(lang, category.name)}`),
      { stack: [points(lang, c?.strengths ?? [])], style: 'td' },
      { stack: [points(lang, c?.opportunities ?? [])], style: 'td' },
    ]);
  }
  return [
    titledTable(tr(lang, M.consensus.opinionTitle(M.stage[o.stage])), 'h2', [96, '*', '*'], body, { rowsMayBreak: true }),
    { text: tr(lang, M.consensus.overall), style: 'h3' },
    { text: o.overall, margin: [0, 0, 0, 4] },
    signedOffLine(o, lang),
  ];
}

/** The committee's view of a stage's consensus: how each flagged item was settled, then the opinion; nothing without one. */
export function consensusContent(framework: ReportFramework, o: ReportOpinion | null, applicantCode: string, lang: ReportLang): Content[] {
  if (!o) return [];
  const flagged: Content[] =
    o.flagged.length === 0
      ? [note(tr(lang, M.consensus.noFlagged))]
      : [
          titledTable(
            tr(lang, M.consensus.flaggedTitle(M.stage[o.stage], applicantCode)),
            'h3',
            [40, 78, 78, 90, '*'],
            [
              [th(tr(lang, M.common.item)), th(tr(lang, M.consensus.spreadAtOpening)), th(tr(lang, M.consensus.spreadFinal)), th(tr(lang, M.consensus.outcome)), th(tr(lang, M.consensus.reason))],
              ...o.flagged.map((f) => [
                td(f.itemCode),
                td(tr(lang, M.consensus.spread(f.base.min, f.base.max))),
                td(tr(lang, M.consensus.spread(f.final.min, f.final.max))),
                td(tr(lang, M.consensus.resolution[f.resolution])),
                td(f.reason || '—'),
              ]),
            ],
          ),
        ];
  return [...flagged, ...opinionContent(framework, o, lang)];
}
