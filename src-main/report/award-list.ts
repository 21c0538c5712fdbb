/**
 * 拟奖名单: the committee's resolution on the proposed award list — the article it decides
 * under, per level and kind the applicants with their total, rank and the basis (candidate list,
 * a tie the committee settled, the ballot), the candidates a ballot did not pass, those the
 * eligibility check kept from a level their rank reached, with the reason, the meeting that
 * confirmed it, and the committee's signatures. Unconfirmed, it prints as a draft; with anything
 * still open, as provisional, with what is open at the top.
 */
import { KIND_ORDER, type AwardLevel } from '../domain/words.js';
import { AL } from './award-list-messages.js';
import { formatDate, formatScore } from './format.js';
import { committeeSignatures, frame, h2, h3, note, num, particulars, table, td, th } from './layout.js';
import { tr } from './messages.js';
import type { AwardListInput, Content, DocDefinition, PrintOptions, ReportLang } from './types.js';

const LEVELS: AwardLevel[] = ['award', 'nomination'];
const COMMITTEE_LINES = 12;

function lists(input: AwardListInput, lang: ReportLang): Content[] {
  const { list, caps } = input;
  const out: Content[] = [];
  for (const kind of KIND_ORDER) {
    for (const level of LEVELS) {
      const cap = caps[level][kind];
      if (cap === 0) continue;
      const entries = list.entries.filter((e) => e.level === level && e.applicant.kind === kind);
      const heading = h3(tr(lang, AL.heading(AL.level[level], AL.kind[kind], cap, list.unfilled[level][kind])));
      const body: Content[][] = [
        [th(tr(lang, AL.place)), th(tr(lang, { zh: '编号', en: 'Code' })), th(tr(lang, { zh: '申报单位', en: 'Applicant' })), th(tr(lang, AL.total)), th(tr(lang, AL.rank)), th(tr(lang, AL.basis))],
        ...entries.map((e) => [
          num(String(e.place), { alignment: 'center' }),
          td(e.applicant.code),
          td(e.applicant.name),
          num(formatScore(e.weightedTotal)),
          num(String(e.rank), { alignment: 'center' }),
          td(tr(lang, e.basis), { fontSize: 9 }),
        ]),
      ];
      out.push({ stack: [heading, entries.length === 0 ? note(tr(lang, { zh: '无', en: 'None' })) : table([28, 62, 110, 48, 30, '*'], 1, body)], unbreakable: true });
    }
  }
  return out;
}

function excluded(input: AwardListInput, lang: ReportLang): Content[] {
  const rows = input.list.excluded;
  if (rows.length === 0) return [];
  const body: Content[][] = [
    [th(tr(lang, { zh: '编号', en: 'Code' })), th(tr(lang, { zh: '申报单位', en: 'Applicant' })), th(tr(lang, { zh: '候选', en: 'Candidate for' })), th(tr(lang, { zh: '表决', en: 'Ballot' }))],
    ...rows.map((x) => [td(x.applicant.code), td(x.applicant.name), td(tr(lang, AL.level[x.level])), td(tr(lang, AL.votes(x.tally.votesFor, x.tally.voters, x.tally.needed)))]),
  ];
  return [{ stack: [h2(tr(lang, AL.excludedTitle)), table([62, '*', 90, 150], 1, body)], unbreakable: true }];
}

/** Applicants whose rank reached a level the eligibility check does not allow them, and why: the place went to the next eligible. */
function passedOver(input: AwardListInput, lang: ReportLang): Content[] {
  const rows = input.list.passedOver;
  if (rows.length === 0) return [];
  const body: Content[][] = [
    [th(tr(lang, { zh: '编号', en: 'Code' })), th(tr(lang, { zh: '申报单位', en: 'Applicant' })), th(tr(lang, AL.passedOverLevel)), th(tr(lang, AL.reason))],
    ...rows.map((x) => [td(x.applicant.code), td(x.applicant.name), td(tr(lang, AL.level[x.level])), td(tr(lang, x.reason), { fontSize: 9 })]),
  ];
  return [{ stack: [h2(tr(lang, AL.passedOverTitle)), table([62, 110, 80, '*'], 1, body)], unbreakable: true }];
}

export function buildAwardList(input: AwardListInput, print: PrintOptions): DocDefinition {
  const lang = print.lang;
  const { list } = input;
  const c = list.state === 'confirmed' ? list.confirmation : null;
  const day = (d: string): string => formatDate(`${d}T12:00:00Z`, lang, input.edition.timeZone);
  const content: Content[] = [
    { text: tr(lang, c ? AL.resolution(input.edition.regulation, day(c.heldOn), c.meeting) : AL.unconfirmed), margin: [0, 0, 0, 4] },
    ...(list.vote ? [note(tr(lang, AL.ballotRule(list.vote.numerator, list.vote.denominator)))] : []),
    ...lists(input, lang),
    ...excluded(input, lang),
    ...passedOver(input, lang),
    ...(c
      ? [
          {
            stack: [
              h2(tr(lang, AL.meetingTitle)),
              particulars(
                [
                  [tr(lang, AL.meeting), c.meeting],
                  [tr(lang, AL.heldOn), day(c.heldOn)],
                  [tr(lang, AL.confirmedBy), c.confirmedBy],
                  ...(c.note ? [[tr(lang, AL.note), c.note] as [string, string]] : []),
                ],
                1,
              ),
            ],
            unbreakable: true,
          },
        ]
      : []),
  ];
  return frame({
    input,
    print,
    confidential: true,
    draft: list.state === 'ready',
    missing: list.state === 'ready' || list.state === 'confirmed' ? [] : list.pending,
    closing: { seal: true, after: committeeSignatures(lang, COMMITTEE_LINES) },
    content,
  });
}
