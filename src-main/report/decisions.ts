/**
 * 评委会审议、公示与异议记录: the committee's decisions (each list it confirmed, each tie it settled,
 * each ballot count), the public notices with the lists they published and the final list, and
 * each objection with its steps and outcome — what the edition's registers hold, as its archive
 * holds them, with when, at which meeting and by whom, and how long they are kept.
 */
import { AWARD_LEVEL_NAMES, OBJECTOR_KIND_NAMES, type AwardLevel } from '../domain/words.js';
import { timeZoneName } from '../domain/time.js';
import { formatDate, formatDateTime } from './format.js';
import { STRONG, frame, h2, h3, note, num, td, th, titledTable } from './layout.js';
import { M, tr } from './messages.js';
import { applicantLabel, byId } from './people.js';
import type { Content, DecisionsInput, DocDefinition, PrintOptions } from './types.js';

export function buildDecisions(input: DecisionsInput, print: PrintOptions): DocDefinition {
  const lang = print.lang;
  const D = M.decisions;
  const zone = input.edition.timeZone;
  const at = (iso: string): string => formatDateTime(iso, lang, zone);
  const day = (d: string): string => formatDate(`${d}T12:00:00Z`, lang, zone);
  const applicants = byId(input.applicants);
  const what = (id: string): string => applicantLabel(applicants.get(id), tr(lang, M.common.unlistedApplicant));
  const code = (id: string): string => applicants.get(id)?.code ?? tr(lang, M.common.unlistedApplicant);
  const paren = (text: string): string => (lang === 'zh' ? `（${text}）` : ` (${text})`);
  const leveled = (id: string, level: AwardLevel | null): string => (level ? `${code(id)}${paren(tr(lang, AWARD_LEVEL_NAMES[level]))}` : code(id));
  const joined = (list: string[]): string => list.join(lang === 'zh' ? '、' : ', ') || '—';
  const counted = (list: string[]): string => `${joined(list)}${paren(String(list.length))}`;
  const meeting = (heldOn: string, name: string): string => `${day(heldOn)} ${name}`;
  const none = (title: string, level: 'h2' | 'h3' = 'h2'): Content => ({ stack: [level === 'h2' ? h2(title) : h3(title), note(tr(lang, M.common.none))], unbreakable: true });

  const { confirmations, settlements, tallies } = input;
  const laterOf = (i: number) => confirmations.slice(i + 1).find((c) => c.subject === confirmations[i]!.subject);
  const confirmationRows: Content[][] = [
    [th(tr(lang, D.recorded)), th(tr(lang, D.meeting)), th(tr(lang, D.subject)), th(tr(lang, D.confirmedBy)), th(tr(lang, D.list)), th(tr(lang, D.note))],
    ...confirmations.map((c, i) => {
      const later = laterOf(i);
      return [
        td(at(c.recordedAt)),
        td(meeting(c.heldOn, c.meeting)),
        td(tr(lang, D.subjects[c.subject])),
        td(c.confirmedBy),
        td(counted(c.snapshot.map((e) => leveled(e.applicantId, e.level)))),
        td([c.note, later ? tr(lang, D.superseded(at(later.recordedAt))) : null].filter((x) => x).join('\n') || '—'),
      ];
    }),
  ];
  const settlementRows: Content[][] = [
    [th(tr(lang, D.recorded)), th(tr(lang, D.meeting)), th(tr(lang, D.tie)), th(tr(lang, D.order)), th(tr(lang, D.method)), th(tr(lang, D.settledBy)), th(tr(lang, M.common.reason))],
    ...settlements.map((s) => [
      td(at(s.recordedAt)),
      td(meeting(s.heldOn, s.meeting)),
      td(s.scope === 'shortlist' || !s.level ? tr(lang, D.atShortlist) : tr(lang, D.atCap(AWARD_LEVEL_NAMES[s.level], M.kind[s.kind ?? 'unit']))),
      td(s.order.map((id, i) => `${i + 1}. ${code(id)}`).join('\n')),
      td(s.method),
      td(s.settledBy),
      td(s.reason),
    ]),
  ];
  const tallyRows: Content[][] = [
    [
      th(tr(lang, D.recorded)),
      th(tr(lang, D.meeting)),
      th(tr(lang, M.common.applicant)),
      ...[D.voters, D.votesFor, D.votesAgainst, D.abstentions, D.invalid, D.needed].map((h) => th(tr(lang, h), { alignment: 'center' })),
      th(tr(lang, D.outcome)),
    ],
    ...tallies.map((t, i) => {
      const replaced = tallies.slice(i + 1).some((u) => u.applicantId === t.applicantId);
      return [
        td(at(t.recordedAt)),
        td(meeting(t.heldOn, t.meeting)),
        td(what(t.applicantId)),
        ...[t.voters, t.votesFor, t.votesAgainst, t.abstentions, t.invalid, t.needed].map((n) => num(String(n), { alignment: 'center' })),
        td(replaced ? tr(lang, D.replaced) : tr(lang, t.passed ? D.passed : D.notPassed), replaced ? {} : STRONG),
      ];
    }),
  ];

  const confirmationById = new Map(confirmations.map((c) => [c.id, c]));
  const noticeRows: Content[][] = [
    [th(tr(lang, D.issued)), th(tr(lang, D.notice)), th(tr(lang, D.periodHead)), th(tr(lang, D.office)), th(tr(lang, D.list)), th(tr(lang, D.basis))],
    ...input.notices.map((n) => {
      const confirmed = n.confirmationId ? confirmationById.get(n.confirmationId) : undefined;
      const basis = n.kind === 'accepted-list' ? D.eligibility : confirmed ? D.confirmedList(day(confirmed.heldOn), confirmed.meeting) : D.unconfirmedList;
      return [
        td(at(n.issuedAt)),
        td(tr(lang, D.kinds[n.kind])),
        td(tr(lang, D.period(day(n.startDate), day(n.endDate), n.days, n.working))),
        td(n.contact.office),
        td(counted(n.entries.map((e) => leveled(e.applicantId, e.designation)))),
        td(tr(lang, basis)),
      ];
    }),
  ];
  const final = input.finalList;
  const upheld = input.objections.filter((o) => o.state === 'upheld' && o.noticeId === final?.noticeId);
  const finalLines: Content = {
    stack: [
      h3(tr(lang, D.finalTitle)),
      final
        ? {
            text: [
              tr(lang, D.published(day(final.on), at(final.at))),
              joined(final.entries.map((e) => leveled(e.applicantId, e.designation))),
              ...(upheld.length > 0 ? [' ', tr(lang, D.removed(joined(upheld.map((o) => tr(lang, D.removedBy(code(o.applicantId), o.number))))))] : []),
            ].join(''),
            style: 'td',
          }
        : note(tr(lang, D.notPublished)),
    ],
    unbreakable: true,
  };

  const objectionRows: Content[][] = [
    [th(tr(lang, D.number)), th(tr(lang, D.notice)), th(tr(lang, M.common.applicant)), th(tr(lang, D.objector)), th(tr(lang, D.grounds)), th(tr(lang, D.steps)), th(tr(lang, D.outcome))],
    ...input.objections.map((o) => {
      const notice = input.notices.find((n) => n.id === o.noticeId);
      const steps = [
        tr(lang, D.registered(day(o.receivedOn), at(o.registeredAt))),
        ...(o.acceptedOn ? [tr(lang, D.accepted(day(o.acceptedOn)))] : []),
        ...o.notes.map((n) => tr(lang, D.noted(day(n.notedOn), n.text))),
        ...(o.decidedOn && o.decision ? [tr(lang, D.decided(day(o.decidedOn), D.states[o.state], o.decision))] : []),
      ];
      return [
        num(String(o.number), { alignment: 'center' }),
        td(notice ? tr(lang, D.kinds[notice.kind]) : '—'),
        td(what(o.applicantId)),
        td([`${o.objectorName}${paren(tr(lang, OBJECTOR_KIND_NAMES[o.objectorKind]))}`, o.organisation].filter((x) => x).join('\n')),
        td(o.grounds),
        td(steps.join('\n')),
        td(tr(lang, D.states[o.state]), STRONG),
      ];
    }),
  ];

  const content: Content[] = [
    { text: tr(lang, D.summary(confirmations.length + settlements.length + tallies.length, input.notices.length, input.objections.length)), margin: [0, 0, 0, 2] },
    note(tr(lang, D.kept(input.retention))),
    note(tr(lang, M.frame.timeZone(timeZoneName(zone)))),
    h2(tr(lang, D.committeeTitle)),
    confirmations.length === 0 ? none(tr(lang, D.confirmationsTitle), 'h3') : titledTable(tr(lang, D.confirmationsTitle), 'h3', [72, 110, 62, 80, '*', 120], confirmationRows, { rowsMayBreak: true }),
    settlements.length === 0 ? none(tr(lang, D.settlementsTitle), 'h3') : titledTable(tr(lang, D.settlementsTitle), 'h3', [72, 110, 90, 90, 80, 80, '*'], settlementRows, { rowsMayBreak: true }),
    ...(input.vote || tallies.length > 0
      ? [tallies.length === 0 ? none(tr(lang, D.talliesTitle), 'h3') : titledTable(tr(lang, D.talliesTitle), 'h3', [72, 110, '*', 40, 36, 36, 36, 36, 40, 80], tallyRows)]
      : []),
    input.notices.length === 0 ? none(tr(lang, D.noticesTitle)) : titledTable(tr(lang, D.noticesTitle), 'h2', [72, 70, 120, 100, '*', 130], noticeRows, { rowsMayBreak: true }),
    ...(input.notices.some((n) => n.kind === 'award-list') ? [finalLines] : []),
    input.objections.length === 0 ? none(tr(lang, D.objectionsTitle)) : titledTable(tr(lang, D.objectionsTitle), 'h2', [26, 62, 100, 90, 120, '*', 62], objectionRows, { rowsMayBreak: true }),
  ];
  return frame({ input, print, orientation: 'landscape', confidential: true, closing: { seal: false }, content });
}
