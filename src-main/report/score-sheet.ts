/**
 * 评分表: one expert's sheet for one applicant in one stage, as the expert signs it — every item
 * with points, percentage, score and comments, category subtotals, the total, the expert's
 * conflict-of-interest declaration, and a line for signature and date.
 */
import { timeZoneName } from '../domain/time.js';
import { centiToScore, formatDateTime, formatPercent, formatScore, itemCentiScore } from './format.js';
import { STRONG, blanks, frame, h2, num, particulars, spanned, table, td, th } from './layout.js';
import { M, tr } from './messages.js';
import { expertLabel } from './people.js';
import type { Content, ContentNode, DocDefinition, PrintOptions, ScoreSheetInput } from './types.js';

function commentLines(lang: PrintOptions['lang'], strengths: string, opportunities: string): ContentNode[] {
  const part = (label: string, text: string): Content[] => [`${label}${tr(lang, M.common.colon)}`, text.trim() === '' ? '—' : text.trim()];
  const line = (parts: Content[]): ContentNode => ({ text: parts, fontSize: 8, color: '#333333', margin: [0, 1, 0, 0] });
  const s = part(tr(lang, M.common.strengths), strengths);
  const o = part(tr(lang, M.common.opportunities), opportunities);
  // an item without comments takes one line, not two, so the sheet stays short
  if (strengths.trim() === '' && opportunities.trim() === '') return [line([...s, { text: '　　' }, ...o])];
  return [line(s), line(o)];
}

export function buildScoreSheet(input: ScoreSheetInput, print: PrintOptions): DocDefinition {
  const lang = print.lang;
  const items = new Map(input.sheet.items.map((i) => [i.itemCode, i]));

  const body: Content[][] = [
    [
      th(tr(lang, M.common.code)),
      th(tr(lang, M.common.item)),
      th(tr(lang, M.common.points)),
      th(tr(lang, M.common.percent)),
      th(tr(lang, M.common.score)),
    ],
  ];
  let totalCenti = 0;
  let totalPoints = 0;
  for (const category of input.framework.categories) {
    body.push([
      td(category.code, STRONG),
      td(tr(lang, category.name), { ...STRONG, colSpan: 4 }),
      ...spanned(3),
    ]);
    let subtotal = 0;
    for (const item of category.items) {
      const scored = items.get(item.code);
      const percent = scored?.percent ?? null;
      const centi = percent === null ? null : itemCentiScore(item.points, percent);
      if (centi !== null) subtotal += centi;
      body.push([
        td(item.code),
        { stack: [{ text: tr(lang, item.name) }, ...commentLines(lang, scored?.strengths ?? '', scored?.opportunities ?? '')], style: 'td' },
        num(String(item.points)),
        num(percent === null ? tr(lang, M.common.notScored) : formatPercent(percent)),
        num(centi === null ? '—' : formatScore(centiToScore(centi))),
      ]);
    }
    totalCenti += subtotal;
    totalPoints += category.points;
    body.push([
      td(`${category.code} ${tr(lang, M.common.subtotal)}`, { ...STRONG, colSpan: 2 }),
      {},
      num(String(category.points), STRONG),
      td('', STRONG),
      num(formatScore(centiToScore(subtotal)), STRONG),
    ]);
  }
  body.push([
    td(tr(lang, M.common.total), { ...STRONG, colSpan: 2 }),
    {},
    num(String(totalPoints), STRONG),
    td(''),
    num(formatScore(centiToScore(totalCenti)), { ...STRONG, fontSize: 10 }),
  ]);

  const d = input.declaration;
  const declaration = d
    ? M.scoreSheet.declaration(d, input.applicant.name, formatDateTime(d.declaredAt, lang, input.edition.timeZone))
    : M.scoreSheet.noDeclaration;
  const submitted = input.sheet.submittedAt ? formatDateTime(input.sheet.submittedAt, lang, input.edition.timeZone) : null;

  const content: Content[] = [
    particulars([
      [tr(lang, M.common.applicant), input.applicant.name],
      [tr(lang, M.common.applicantCode), input.applicant.code],
      [tr(lang, M.common.stage), tr(lang, M.stage[input.stage])],
      [tr(lang, M.common.expert), expertLabel(input.expert, tr(lang, M.scoreSheet.unknownExpert))],
      [tr(lang, M.common.criteria), tr(lang, M.common.standard(input.framework.standard, input.framework.name))],
      [tr(lang, M.scoreSheet.statusLabel), tr(lang, M.scoreSheet.status(submitted))],
    ]),
    table([38, '*', 34, 44, 48], 1, body),
    { stack: [h2(tr(lang, M.scoreSheet.declarationTitle)), { text: tr(lang, declaration) }], unbreakable: true },
    {
      stack: [
        blanks([
          { label: tr(lang, M.scoreSheet.signature) },
          { label: tr(lang, M.common.date), fill: tr(lang, M.common.blankDate) },
        ]),
        { text: tr(lang, M.frame.timeZone(timeZoneName(input.edition.timeZone))), style: 'note', margin: [0, 12, 0, 0] },
      ],
      unbreakable: true,
    },
  ];

  return frame({
    input,
    print,
    confidential: true,
    draft: input.sheet.status === 'draft',
    content,
  });
}
