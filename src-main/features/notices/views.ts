import { refuse } from '../../domain/errors.js';
import type { FinalList, Notice, NoticeRecord, Objection, ObjectionRecord } from '../../domain/notices.js';
import { editionTimeZone } from '../../domain/time.js';
import type { NoticeKind } from '../../domain/words.js';
import type { EditionDetail } from '../../profile/edition.js';
import { DEFAULT_OBJECTIONS, removesApplicant, type ObjectionsProfile } from '../../rules/objections.js';
import { daysBetween, workingDaysAfter, type NoticeLength, type WorkCalendar } from '../../rules/working-days.js';
import type { Ctx } from '../context.js';
import { getEdition } from '../repo/editions.js';
import { findNotice, noticeOfKind, objectionsOfEdition, publishedList } from '../repo/notices.js';
import { listApplicantRows } from '../repo/people.js';
import { storeCalendar, today, uncoveredYears } from './calendar.js';

/** How the edition's regulation words the notice and objections, for refusals and prints. */
export interface NoticeRulesOf {
  length(kind: NoticeKind): NoticeLength | null;
  objections: ObjectionsProfile;
  source(rule: 'notice' | 'acceptedNotice' | 'objections'): { zh: string; en: string };
}

export function noticeRules(edition: EditionDetail): NoticeRulesOf {
  const p = edition.profile;
  return {
    length: (kind) => (kind === 'award-list' ? p.notice : (p.acceptedNotice ?? null)),
    objections: p.objections ?? DEFAULT_OBJECTIONS,
    source(rule) {
      const text = p.sources[rule] ?? '未规定 / not in the regulation';
      const [zh, en] = text.split(' / ');
      return { zh: zh!.trim(), en: (en ?? zh!).trim() };
    },
  };
}

export const editionToday = (ctx: Ctx, edition: EditionDetail): string => today(ctx, editionTimeZone(edition.settings));

export function noticeView(ctx: Ctx, n: NoticeRecord, on: string): Notice {
  const { corrections } = storeCalendar(ctx);
  const phase = daysBetween(on, n.startDate) > 0 ? 'upcoming' : daysBetween(n.endDate, on) > 0 ? 'closed' : 'open';
  return { ...n, phase, uncoveredYears: uncoveredYears(n.startDate, n.endDate, corrections) };
}

export function getNotice(ctx: Ctx, id: string): NoticeRecord {
  const n = findNotice(ctx, id);
  if (!n) throw refuse('notice.not-found', '找不到该公示。请刷新后重试。', 'No such notice. Refresh and try again.');
  return n;
}

export function objectionView(ctx: Ctx, o: ObjectionRecord, cal: WorkCalendar, rules: ObjectionsProfile, on: string): Objection {
  const notice = getNotice(ctx, o.noticeId);
  const applicant = notice.entries.find((e) => e.applicantId === o.applicantId)!;
  const acceptBy = rules.acceptWithin === null ? null : workingDaysAfter(cal, o.receivedOn, rules.acceptWithin);
  const concludeBy = rules.concludeWithin === null || o.acceptedOn === null ? null : workingDaysAfter(cal, o.acceptedOn, rules.concludeWithin);
  const late = (by: string | null) => by !== null && on > by;
  const overdue = (o.state === 'received' && late(acceptBy)) || (o.state === 'accepted' && late(concludeBy));
  const { registeredAt: _registered, ...rest } = o;
  return { ...rest, noticeKind: notice.kind, applicantCode: applicant.code, applicantName: applicant.name, acceptBy, concludeBy, overdue };
}

export function objectionsView(ctx: Ctx, editionId: string): Objection[] {
  const edition = getEdition(ctx, editionId);
  const { calendar } = storeCalendar(ctx);
  const on = editionToday(ctx, edition);
  const rules = noticeRules(edition).objections;
  return objectionsOfEdition(ctx, editionId).map((o) => objectionView(ctx, o, calendar, rules, on));
}

/**
 * The award list the notice published less the applicants an upheld objection removed (Xinyang
 * art. 22: no one moves up); publishable once the notice has ended and every objection to it is
 * decided.
 */
export function finalListOf(ctx: Ctx, editionId: string): FinalList {
  const edition = getEdition(ctx, editionId);
  const on = editionToday(ctx, edition);
  const record = noticeOfKind(ctx, editionId, 'award-list');
  const published = publishedList(ctx, editionId);
  const view = (p: typeof published) => (p ? { on: p.on, at: p.at, entries: p.entries } : null);
  if (!record) {
    return { editionId, notice: null, entries: [], blockers: [{ zh: '拟奖名单尚未公示', en: 'the proposed award list has not been put on notice' }], published: view(published) };
  }
  const notice = noticeView(ctx, record, on);
  const objections = objectionsOfEdition(ctx, editionId);
  const withdrawn = new Set(listApplicantRows(ctx, editionId).filter((a) => a.withdrawn).map((a) => a.id));
  const removedBy = (applicantId: string) => objections.find((o) => o.applicantId === applicantId && removesApplicant(o.state))?.number ?? null;
  const entries = notice.entries.filter((e) => !withdrawn.has(e.applicantId)).map((e) => ({ ...e, removedBy: removedBy(e.applicantId) }));
  const blockers: FinalList['blockers'] = [];
  if (notice.phase !== 'closed') blockers.push({ zh: `公示期至${notice.endDate}结束，尚未届满`, en: `the notice runs until ${notice.endDate}` });
  const open = objections.filter((o) => o.state === 'received' || o.state === 'accepted');
  if (open.length > 0) {
    blockers.push({
      zh: `尚有 ${open.length} 件异议未处理完毕（${open.map((o) => `第${o.number}号`).join('、')}）`,
      en: `${open.length} objection(s) still open (${open.map((o) => `no. ${o.number}`).join(', ')})`,
    });
  }
  if (published) blockers.push({ zh: `获奖名单已于${published.on}公布`, en: `the award list was published on ${published.on}` });
  return { editionId, notice, entries, blockers, published: view(published) };
}
