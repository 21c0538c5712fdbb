import type { Localized } from '../../domain/localized.js';
import { CONFIRMATION_SUBJECT_NAMES, NOTICE_KIND_NAMES, OBJECTION_STATE_NAMES, type ObjectionState } from '../../domain/words.js';
import type { EditionDetail } from '../../profile/edition.js';
import { confirmationOfNotice } from '../../scoring/committee.js';
import { ballotOutcome, tallyProblems } from '../../rules/committee-vote.js';
import { DEFAULT_OBJECTIONS, receiptProblem, removesApplicant } from '../../rules/objections.js';
import type { CommitteeEntries, NoticesEntries, ObjectionEntry } from './format.js';
import type { Names } from './recompute.js';
import type { Check } from './verification.js';

/**
 * The committee's decisions, the public notices and the objections in an edition archive, held
 * against each other, the archived rules and the secretariat's audit log: the award-list notice
 * publishes the list the committee confirmed before it was issued, the final list is that list
 * less the applicants an upheld objection removed, each ballot count adds up and passes as the
 * rules say, each objection was one the rules let be registered and went through the steps its
 * outcome needs, and every such act the audit log records is in the registers, and each record in
 * them is in the log.
 */

export interface DecisionRegisters {
  committee: CommitteeEntries;
  notices: NoticesEntries;
  objections: ObjectionEntry[];
}

export const NO_DECISIONS: DecisionRegisters = { committee: { confirmations: [], settlements: [], tallies: [] }, notices: { notices: [], finalList: null }, objections: [] };

export interface DecisionCounts {
  /** confirmations, tie settlements and ballot counts */
  committee: number;
  notices: number;
  objections: number;
}

/** How many records the registers hold: what the archive's cover, its making and its verification count. */
export function decisionCounts(d: DecisionRegisters): DecisionCounts {
  const c = d.committee;
  return { committee: c.confirmations.length + c.settlements.length + c.tallies.length, notices: d.notices.notices.length, objections: d.objections.length };
}

/** "评委会决定 2 项、公示 1 份、异议 1 件" / "2 committee decisions, 1 notice and 1 objection". */
export function decisionCountsText(c: DecisionCounts): Localized {
  const s = (n: number): string => (n === 1 ? '' : 's');
  return {
    zh: `评委会决定 ${c.committee} 项、公示 ${c.notices} 份、异议 ${c.objections} 件`,
    en: `${c.committee} committee decision${s(c.committee)}, ${c.notices} notice${s(c.notices)} and ${c.objections} objection${s(c.objections)}`,
  };
}

/** The steps each outcome needs: accepted before investigated, decided with the decision written. */
const STEPS: Record<ObjectionState, { accepted: boolean; decided: boolean; notes: 'none' | 'any' | 'some' }> = {
  received: { accepted: false, decided: false, notes: 'none' },
  accepted: { accepted: true, decided: false, notes: 'any' },
  'not-accepted': { accepted: false, decided: true, notes: 'none' },
  upheld: { accepted: true, decided: true, notes: 'some' },
  rejected: { accepted: true, decided: true, notes: 'some' },
};

function stepsFit(o: ObjectionEntry): boolean {
  const need = STEPS[o.state];
  const dated = [o.receivedOn, o.acceptedOn, ...o.notes.map((n) => n.notedOn), o.decidedOn].filter((d): d is string => d !== null);
  const inOrder = dated.every((d, i) => i === 0 || dated[i - 1]! <= d);
  const notes = need.notes === 'none' ? o.notes.length === 0 : need.notes === 'some' ? o.notes.length > 0 : true;
  return (o.acceptedOn !== null) === need.accepted && (o.decidedOn !== null && o.decision !== null) === need.decided && (need.decided || o.decision === null) && notes && inOrder;
}

/** The registers held against each other and the archived rules. */
export function checkDecisions(d: DecisionRegisters, edition: EditionDetail, known: { applicantIds: ReadonlySet<string>; withdrawn: ReadonlySet<string> }, names: Names, check: Check): void {
  const unknown = (what: { zh: string; en: string }, applicantId: string): void => {
    if (!known.applicantIds.has(applicantId)) check.fail(`${what.zh}所列的申报单位 ${applicantId} 不在申报单位登记册中`, `${what.en} names applicant ${applicantId}, who is not in the applicants register`);
  };
  const { confirmations, settlements, tallies } = d.committee;
  for (const c of confirmations) {
    const what = { zh: `评委会 ${c.heldOn} 对${CONFIRMATION_SUBJECT_NAMES[c.subject].zh}的确认`, en: `the committee's confirmation of the ${CONFIRMATION_SUBJECT_NAMES[c.subject].en} on ${c.heldOn}` };
    for (const e of c.snapshot) unknown(what, e.applicantId);
  }
  for (const s of settlements) for (const id of s.order) unknown({ zh: `评委会 ${s.heldOn} 对并列的决定`, en: `the committee's settlement of a tie on ${s.heldOn}` }, id);

  const vote = edition.profile.committeeVote;
  for (const t of tallies) {
    const who = names.applicant(t.applicantId);
    unknown({ zh: `${t.heldOn} 的计票`, en: `the count of ${t.heldOn}` }, t.applicantId);
    if (!vote) {
      check.fail(`登记册中有 ${who} 的计票，但档案中的规则没有评委会投票`, `the registers hold a count for ${who}, but the archived rules have no committee vote`);
      continue;
    }
    const problems = tallyProblems(t);
    const outcome = ballotOutcome(t, vote.fraction);
    if (problems.length > 0) check.fail(`${who} 的计票有误：${problems.map((p) => p.zh).join('；')}`, `the count for ${who} does not add up: ${problems.map((p) => p.en).join('; ')}`);
    else if (outcome.needed !== t.needed || outcome.passed !== t.passed) {
      check.fail(
        `${who} 的计票记为${t.passed ? '通过' : '未通过'}，按档案中的规则须 ${outcome.needed} 票，${outcome.passed ? '应为通过' : '应为未通过'}`,
        `the count for ${who} is recorded as ${t.passed ? 'passed' : 'not passed'}; under the archived rules it needs ${outcome.needed} votes and ${outcome.passed ? 'passes' : 'does not pass'}`,
      );
    }
  }

  const notices = new Map(d.notices.notices.map((n) => [n.id, n]));
  for (const n of d.notices.notices) {
    const kind = NOTICE_KIND_NAMES[n.kind];
    for (const e of n.entries) unknown({ zh: `${kind.zh}公示`, en: `the notice of the ${kind.en}` }, e.applicantId);
    const published = confirmationOfNotice(n, confirmations);
    if (n.kind === 'award-list' && (published === null || n.confirmationId !== published)) {
      check.fail(`${n.startDate} 起的${kind.zh}公示不是评委会在其发布前确认的拟奖名单`, `the notice of the ${kind.en} from ${n.startDate} does not publish the list the committee confirmed before it was issued`);
    } else if (n.confirmationId !== published) {
      check.fail(`${n.startDate} 起的${kind.zh}公示所引的评委会确认与其名单不符`, `the notice of the ${kind.en} from ${n.startDate} names a committee confirmation its list does not match`);
    }
  }

  const rules = edition.profile.objections ?? DEFAULT_OBJECTIONS;
  const numbers = new Set<number>();
  for (const o of d.objections) {
    const no = { zh: `第${o.number}号异议`, en: `objection no. ${o.number}` };
    if (numbers.has(o.number)) check.fail(`异议登记中${no.zh}出现不止一次`, `${no.en} appears more than once in the objection register`);
    numbers.add(o.number);
    const notice = notices.get(o.noticeId);
    if (!notice) {
      check.fail(`${no.zh}所针对的公示不在公示登记中`, `the notice ${no.en} objects to is not in the notice register`);
      continue;
    }
    if (!notice.entries.some((e) => e.applicantId === o.applicantId)) check.fail(`${no.zh}所针对的 ${names.applicant(o.applicantId)} 不在该公示的名单上`, `${no.en} objects to ${names.applicant(o.applicantId)}, who is not on that notice's list`);
    const problem = receiptProblem(rules, o, { start: notice.startDate, end: notice.endDate });
    if (problem === 'anonymous') check.fail(`${no.zh}没有异议人的姓名，按档案中的规则匿名异议不予登记`, `${no.en} names no objector, and the archived rules do not register an anonymous objection`);
    else if (problem) check.fail(`${no.zh}的收到日期 ${o.receivedOn} 不在档案中的规则允许的期间内`, `${no.en} was received on ${o.receivedOn}, outside the period the archived rules allow`);
    if (!stepsFit(o)) check.fail(`${no.zh}所记的步骤与其结论“${OBJECTION_STATE_NAMES[o.state].zh}”不符`, `the steps recorded for ${no.en} do not fit its outcome, ${OBJECTION_STATE_NAMES[o.state].en}`);
  }

  const final = d.notices.finalList;
  if (final) {
    const notice = notices.get(final.noticeId);
    if (!notice || notice.kind !== 'award-list') {
      check.fail('获奖名单所据的拟奖名单公示不在公示登记中', 'the award-list notice the final list was published from is not in the notice register');
      return;
    }
    const removed = new Set(d.objections.filter((o) => o.noticeId === notice.id && removesApplicant(o.state)).map((o) => o.applicantId));
    const listed = new Set(notice.entries.map((e) => e.applicantId));
    const published = new Set(final.entries.map((e) => e.applicantId));
    const wrong = [
      ...final.entries.filter((e) => !listed.has(e.applicantId) || removed.has(e.applicantId)).map((e) => e.applicantId),
      ...notice.entries.filter((e) => !removed.has(e.applicantId) && !known.withdrawn.has(e.applicantId) && !published.has(e.applicantId)).map((e) => e.applicantId),
    ];
    if (wrong.length > 0 || final.on <= notice.endDate) {
      check.fail(
        `${final.on} 公布的获奖名单不是公示名单减去异议成立者${wrong.length > 0 ? `（${wrong.map((id) => names.applicant(id)).join('、')}）` : `，或公布日期不在公示期（至 ${notice.endDate}）之后`}`,
        `the final list published on ${final.on} is not the notice's list less those an upheld objection removed${wrong.length > 0 ? ` (${wrong.map((id) => names.applicant(id)).join(', ')})` : `, or was published before the notice ended on ${notice.endDate}`}`,
      );
    }
  }
}

interface AuditEntry {
  action: string;
  detail: Record<string, unknown>;
}

const count = (values: unknown[]): Map<string, number> => {
  const m = new Map<string, number>();
  for (const v of values) m.set(String(v), (m.get(String(v)) ?? 0) + 1);
  return m;
};

/**
 * Every committee decision, notice, final list and objection step the audit log records for the
 * edition is in the registers, as recorded, and each record in the registers is in the log.
 */
export function checkDecisionsAudit(log: readonly AuditEntry[], editionId: string, d: DecisionRegisters, names: Names, check: Check): void {
  const mine = log.filter((e) => e.detail.editionId === editionId);
  const of = (...actions: string[]) => mine.filter((e) => actions.includes(e.action));
  const missing = (zh: string, en: string) => check.fail(`审计日志记载了${zh}，但档案的登记册中没有`, `the audit log records ${en}, but the archive's registers lack it`);
  const unlogged = (zh: string, en: string) => check.fail(`登记册中的${zh}在审计日志中没有记载`, `the audit log never recorded ${en} of the registers`);

  const both = <T>(actions: string[], key: string, records: readonly T[], id: (r: T) => string, what: (r: T | null, logged: string) => [string, string]): void => {
    const logged = new Set(of(...actions).map((e) => String(e.detail[key])));
    const held = new Map(records.map((r) => [id(r), r]));
    for (const l of logged) if (!held.has(l)) missing(...what(null, l));
    for (const [k, r] of held) if (!logged.has(k)) unlogged(...what(r, k));
  };

  const { confirmations, settlements, tallies } = d.committee;
  both(['committee.confirm-shortlist', 'committee.confirm-award-list'], 'confirmationId', confirmations, (c) => c.id, (c, id) =>
    c ? [`评委会 ${c.heldOn} 对${CONFIRMATION_SUBJECT_NAMES[c.subject].zh}的确认`, `the committee's confirmation of the ${CONFIRMATION_SUBJECT_NAMES[c.subject].en} on ${c.heldOn}`] : [`评委会的确认 ${id}`, `the committee's confirmation ${id}`],
  );
  both(['committee.settle-tie'], 'settlementId', settlements, (s) => s.id, (s, id) =>
    s ? [`评委会 ${s.heldOn} 对并列的决定`, `the committee's settlement of a tie on ${s.heldOn}`] : [`评委会对并列的决定 ${id}`, `the committee's settlement of a tie ${id}`],
  );
  const loggedCounts = count(of('committee.record-tally').map((e) => e.detail.applicantId));
  const heldCounts = count(tallies.map((t) => t.applicantId));
  for (const id of new Set([...loggedCounts.keys(), ...heldCounts.keys()])) {
    const [l, h] = [loggedCounts.get(id) ?? 0, heldCounts.get(id) ?? 0];
    if (l !== h) {
      check.fail(`审计日志记载了 ${names.applicant(id)} 的 ${l} 次计票，登记册中有 ${h} 次`, `the audit log records ${l} count(s) for ${names.applicant(id)}, the registers hold ${h}`);
    }
  }

  both(['notice.issued'], 'noticeId', d.notices.notices, (n) => n.id, (n, id) =>
    n ? [`${n.startDate} 起的${NOTICE_KIND_NAMES[n.kind].zh}公示`, `the notice of the ${NOTICE_KIND_NAMES[n.kind].en} from ${n.startDate}`] : [`公示 ${id}`, `the notice ${id}`],
  );
  const published = of('final-list.published');
  const final = d.notices.finalList;
  if (published.length > 0 && !final) missing('获奖名单的公布', 'the publication of the final list');
  if (final && !published.some((e) => e.detail.on === final.on)) unlogged(`${final.on} 公布的获奖名单`, `the final list published on ${final.on}`);

  both(['objection.registered'], 'objectionId', d.objections, (o) => o.id, (o, id) => (o ? [`第${o.number}号异议`, `objection no. ${o.number}`] : [`异议 ${id}`, `the objection ${id}`]));
  const objections = new Map(d.objections.map((o) => [o.id, o]));
  for (const e of of('objection.accept', 'objection.decline', 'objection.uphold', 'objection.reject')) {
    const o = objections.get(String(e.detail.objectionId));
    if (!o) continue;
    const as = e.action === 'objection.accept' ? o.acceptedOn === e.detail.on : o.decidedOn === e.detail.on && o.state === e.detail.to;
    if (!as) {
      check.fail(
        `审计日志记载第${o.number}号异议于 ${String(e.detail.on)} ${e.action === 'objection.accept' ? '受理' : `结论为“${OBJECTION_STATE_NAMES[e.detail.to as ObjectionState]?.zh ?? String(e.detail.to)}”`}，与异议登记不符`,
        `the audit log records objection no. ${o.number} ${e.action === 'objection.accept' ? 'accepted' : `decided ${OBJECTION_STATE_NAMES[e.detail.to as ObjectionState]?.en ?? String(e.detail.to)}`} on ${String(e.detail.on)}, which the objection register does not say`,
      );
    }
  }
  const notes = count(of('objection.noted').map((e) => e.detail.objectionId));
  for (const o of d.objections) {
    if ((notes.get(o.id) ?? 0) !== o.notes.length) {
      check.fail(`审计日志记载了第${o.number}号异议的 ${notes.get(o.id) ?? 0} 条调查记录，登记册中有 ${o.notes.length} 条`, `the audit log records ${notes.get(o.id) ?? 0} investigation note(s) on objection no. ${o.number}, the register holds ${o.notes.length}`);
    }
  }
}
