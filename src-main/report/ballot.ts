/**
 * 无记名投票表: for profiles whose committee decides by secret ballot (Xinyang art. 21: at least two
 * thirds of the voters). One sheet per voter, no name on it; the scrutineers fill in the number of
 * voters and the votes needed, with a table of ⌈N × fraction⌉ so nobody computes it at the table.
 */
import { STRONG, blanks, frame, h2, h3, note, num, table, td, th } from './layout.js';
import { votesNeeded } from '../rules/committee-vote.js';
import { M, tr } from './messages.js';
import type { BallotInput, Content, DocDefinition, PrintOptions } from './types.js';

const LOOKUP_FROM = 5;
const LOOKUP_TO = 28;
const LOOKUP_ROW = 12;

export function buildBallot(input: BallotInput, print: PrintOptions): DocDefinition {
  const lang = print.lang;
  const { numerator, denominator } = input.vote;

  const body: Content[][] = [
    [
      th(tr(lang, M.ballot.no)),
      th(tr(lang, M.common.code)),
      th(tr(lang, M.common.applicant)),
      th(tr(lang, M.ballot.proposed)),
      th(tr(lang, M.ballot.agree)),
      th(tr(lang, M.ballot.disagree)),
      th(tr(lang, M.ballot.abstain)),
    ],
    ...input.candidates.map((c, i) => [
      num(String(i + 1), { alignment: 'center', margin: [0, 5, 0, 5] }),
      td(c.applicant.code, { margin: [0, 5, 0, 5] }),
      td(c.applicant.name, { margin: [0, 5, 0, 5] }),
      td(tr(lang, M.ranking.status[c.status]), { margin: [0, 5, 0, 5] }),
      td(''),
      td(''),
      td(''),
    ]),
  ];

  const lookup: Content[][] = [];
  for (let from = LOOKUP_FROM; from <= LOOKUP_TO; from += LOOKUP_ROW) {
    const ns = Array.from({ length: Math.min(LOOKUP_ROW, LOOKUP_TO - from + 1) }, (_, i) => from + i);
    lookup.push([th(tr(lang, M.ballot.lookupVoters)), ...ns.map((n) => th(String(n)))]);
    lookup.push([td(tr(lang, M.ballot.lookupNeeded), STRONG), ...ns.map((n) => num(String(votesNeeded(n, input.vote)), { alignment: 'center' }))]);
  }

  const content: Content[] = [
    { text: tr(lang, M.ballot.rule(input.edition.regulation, numerator, denominator)), margin: [0, 0, 0, 4] },
    note(tr(lang, M.ballot.instructions)),
    { text: '', margin: [0, 0, 0, 6] },
    input.candidates.length === 0 ? note(tr(lang, M.ballot.noCandidates)) : table([30, 70, '*', 80, 40, 40, 40], 1, body),
    {
      unbreakable: true,
      stack: [
        h2(tr(lang, M.ballot.tallyTitle)),
        blanks([{ label: tr(lang, M.ballot.voters), unit: tr(lang, M.ballot.votersUnit) }]),
        blanks([{ label: tr(lang, M.ballot.needed(numerator, denominator)), unit: tr(lang, M.ballot.neededUnit) }]),
        h3(tr(lang, M.ballot.lookupTitle), { margin: [0, 12, 0, 4] }),
        table([62, ...Array.from({ length: LOOKUP_ROW }, () => '*')], 0, lookup),
        blanks([{ label: tr(lang, M.ballot.scrutineer) }, { label: tr(lang, M.ballot.teller) }]),
        blanks([{ label: tr(lang, M.common.date), fill: tr(lang, M.common.blankDate) }]),
      ],
    },
  ];
  return frame({ input, print, confidential: true, content });
}
