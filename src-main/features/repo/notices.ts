import type { CalendarCorrection, NoticeContact, NoticeEntry, NoticeRecord, ObjectionRecord, PublishedList } from '../../domain/notices.js';
import type { NoticeKind, ObjectionState } from '../../domain/words.js';
import type { Ctx } from '../context.js';
import { refuse } from '../../domain/errors.js';
import { proposedAwardList } from './committee.js';
import { eligibilityInUse, eligibilityOfEdition } from './eligibility.js';
import { listApplicantRows } from './people.js';

/**
 * The tables of public notices: calendar corrections, notices with the list each published,
 * objections with their notes, and the published final list.
 */

/**
 * What each kind of notice publishes, taken once when the notice is issued: the accepted list is
 * the applicants the eligibility check found eligible (Xinyang art. 17), once every applicant not
 * withdrawn has been decided (an edition that does not use the check accepts every applicant not
 * withdrawn, as it assigns them); the award list is the proposed award list (拟奖名单) the committee
 * confirmed, awards first. Either refuses while its source is not settled, saying what to do.
 */
export const NOTICE_LISTS: Record<NoticeKind, (ctx: Ctx, editionId: string) => NoticeEntry[]> = {
  'accepted-list': (ctx, editionId) => {
    const active = listApplicantRows(ctx, editionId).filter((a) => !a.withdrawn);
    const entry = (a: (typeof active)[number]): NoticeEntry => ({ applicantId: a.id, code: a.code, name: a.name, designation: null });
    if (!eligibilityInUse(ctx, editionId)) return active.map(entry);
    const standing = eligibilityOfEdition(ctx, editionId);
    const open = active.filter((a) => {
      const status = standing.get(a.id)?.status;
      return status === 'received' || status === 'incomplete';
    });
    if (open.length > 0) {
      const codes = open.map((a) => a.code).join('、');
      throw refuse(
        'notice.eligibility-open',
        `还有 ${open.length} 家申报单位未完成资格审核（${codes}），受理名单尚不能公示。请先在“资格审核”中逐一审核。`,
        `${open.length} applicant(s) have not been through the eligibility check yet (${codes.replaceAll('、', ', ')}), so the accepted list cannot go on notice. Check each one under "Eligibility" first.`,
      );
    }
    return active.filter((a) => standing.get(a.id)?.status === 'eligible').map(entry);
  },
  'award-list': (ctx, editionId) => {
    const list = proposedAwardList(ctx, editionId);
    if (list.state !== 'confirmed') {
      throw refuse(
        'notice.award-list-unconfirmed',
        `拟奖名单尚未经评委会确认${list.state === 'stale' ? '（确认后结果有变化，须重新确认）' : ''}，不能公示。请先在“评委会审议”中确认拟奖名单。`,
        `The committee has not confirmed the proposed award list${list.state === 'stale' ? ' (the results changed after it was confirmed; it must be confirmed again)' : ''}, so it cannot go on notice. Confirm it under "Committee decision" first.`,
      );
    }
    return (['award', 'nomination'] as const).flatMap((designation) =>
      list.entries
        .filter((e) => e.level === designation)
        .map((e) => ({ applicantId: e.applicant.id, code: e.applicant.code, name: e.applicant.name, designation })),
    );
  },
};

// ---------------------------------------------------------------- calendar corrections

export function calendarCorrections(ctx: Ctx): CalendarCorrection[] {
  return (ctx.stmt('SELECT day, working, note, set_at FROM calendar_days ORDER BY day').all() as { day: string; working: number; note: string; set_at: string }[]).map((r) => ({
    date: r.day,
    working: r.working === 1,
    note: r.note,
    setAt: r.set_at,
  }));
}

export function setCalendarDay(ctx: Ctx, c: { date: string; working: boolean; note: string }): void {
  ctx
    .stmt(
      `INSERT INTO calendar_days (day, working, note, set_at, actor) VALUES (@day, @working, @note, @at, @actor)
       ON CONFLICT (day) DO UPDATE SET working = @working, note = @note, set_at = @at, actor = @actor`,
    )
    .run({ day: c.date, working: c.working ? 1 : 0, note: c.note, at: ctx.now(), actor: ctx.actor });
}

export function clearCalendarDay(ctx: Ctx, date: string): boolean {
  return ctx.stmt('DELETE FROM calendar_days WHERE day = ?').run(date).changes > 0;
}

// ---------------------------------------------------------------- notices

interface NoticeRow {
  id: string;
  edition_id: string;
  kind: NoticeKind;
  start_date: string;
  end_date: string;
  days: number;
  working: number;
  contact_json: string;
  issued_at: string;
}

function noticeOf(ctx: Ctx, r: NoticeRow): NoticeRecord {
  const entries = ctx
    .stmt('SELECT applicant_id AS applicantId, code, name, designation FROM notice_entries WHERE notice_id = ? ORDER BY position')
    .all(r.id) as NoticeEntry[];
  return {
    id: r.id,
    editionId: r.edition_id,
    kind: r.kind,
    startDate: r.start_date,
    endDate: r.end_date,
    days: r.days,
    working: r.working === 1,
    contact: JSON.parse(r.contact_json) as NoticeContact,
    issuedAt: r.issued_at,
    entries,
  };
}

export function insertNotice(ctx: Ctx, n: NoticeRecord): void {
  ctx
    .stmt(
      `INSERT INTO notices (id, edition_id, kind, start_date, end_date, days, working, contact_json, issued_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(n.id, n.editionId, n.kind, n.startDate, n.endDate, n.days, n.working ? 1 : 0, JSON.stringify(n.contact), n.issuedAt);
  const entry = ctx.stmt('INSERT INTO notice_entries (notice_id, position, applicant_id, code, name, designation) VALUES (?, ?, ?, ?, ?, ?)');
  n.entries.forEach((e, i) => entry.run(n.id, i, e.applicantId, e.code, e.name, e.designation));
}

export function noticesOfEdition(ctx: Ctx, editionId: string): NoticeRecord[] {
  return (ctx.stmt('SELECT * FROM notices WHERE edition_id = ? ORDER BY issued_at').all(editionId) as NoticeRow[]).map((r) => noticeOf(ctx, r));
}

export function findNotice(ctx: Ctx, id: string): NoticeRecord | undefined {
  const r = ctx.stmt('SELECT * FROM notices WHERE id = ?').get(id) as NoticeRow | undefined;
  return r && noticeOf(ctx, r);
}

export function noticeOfKind(ctx: Ctx, editionId: string, kind: NoticeKind): NoticeRecord | undefined {
  const r = ctx.stmt('SELECT * FROM notices WHERE edition_id = ? AND kind = ?').get(editionId, kind) as NoticeRow | undefined;
  return r && noticeOf(ctx, r);
}

// ---------------------------------------------------------------- objections

const OBJECTION_COLUMNS = `id, edition_id AS editionId, notice_id AS noticeId, number, applicant_id AS applicantId,
  objector_kind AS objectorKind, objector_name AS objectorName, organisation, phone, address, received_on AS receivedOn,
  grounds, state, accepted_on AS acceptedOn, decided_on AS decidedOn, decision, registered_at AS registeredAt`;

function withNotes(ctx: Ctx, o: Omit<ObjectionRecord, 'notes'>): ObjectionRecord {
  const notes = ctx.stmt('SELECT noted_on AS notedOn, text, at FROM objection_notes WHERE objection_id = ? ORDER BY seq').all(o.id) as ObjectionRecord['notes'];
  return { ...o, notes };
}

export function objectionsOfEdition(ctx: Ctx, editionId: string): ObjectionRecord[] {
  return (ctx.stmt(`SELECT ${OBJECTION_COLUMNS} FROM objections WHERE edition_id = ? ORDER BY number`).all(editionId) as Omit<ObjectionRecord, 'notes'>[]).map((o) =>
    withNotes(ctx, o),
  );
}

export function findObjection(ctx: Ctx, id: string): ObjectionRecord | undefined {
  const o = ctx.stmt(`SELECT ${OBJECTION_COLUMNS} FROM objections WHERE id = ?`).get(id) as Omit<ObjectionRecord, 'notes'> | undefined;
  return o && withNotes(ctx, o);
}

export function nextObjectionNumber(ctx: Ctx, editionId: string): number {
  return (ctx.stmt('SELECT COALESCE(MAX(number), 0) + 1 FROM objections WHERE edition_id = ?').pluck().get(editionId) as number);
}

export function insertObjection(ctx: Ctx, o: Omit<ObjectionRecord, 'notes'>): void {
  ctx
    .stmt(
      `INSERT INTO objections (id, edition_id, notice_id, number, applicant_id, objector_kind, objector_name, organisation, phone, address,
         received_on, grounds, state, accepted_on, decided_on, decision, registered_at)
       VALUES (@id, @editionId, @noticeId, @number, @applicantId, @objectorKind, @objectorName, @organisation, @phone, @address,
         @receivedOn, @grounds, @state, @acceptedOn, @decidedOn, @decision, @registeredAt)`,
    )
    .run(o);
}

export function setObjectionState(ctx: Ctx, id: string, s: { state: ObjectionState; acceptedOn: string | null; decidedOn: string | null; decision: string | null }): void {
  ctx.stmt('UPDATE objections SET state = @state, accepted_on = @acceptedOn, decided_on = @decidedOn, decision = @decision WHERE id = @id').run({ id, ...s });
}

export function insertObjectionNote(ctx: Ctx, o: { id: string; editionId: string }, notedOn: string, text: string): void {
  ctx.stmt('INSERT INTO objection_notes (edition_id, objection_id, noted_on, text, at) VALUES (?, ?, ?, ?, ?)').run(o.editionId, o.id, notedOn, text, ctx.now());
}

// ---------------------------------------------------------------- the final list

export function publishedList(ctx: Ctx, editionId: string): PublishedList | undefined {
  const r = ctx.stmt('SELECT notice_id, published_on, published_at, entries_json FROM final_lists WHERE edition_id = ?').get(editionId) as
    | { notice_id: string; published_on: string; published_at: string; entries_json: string }
    | undefined;
  return r && { noticeId: r.notice_id, on: r.published_on, at: r.published_at, entries: JSON.parse(r.entries_json) as NoticeEntry[] };
}

export function insertPublishedList(ctx: Ctx, editionId: string, p: PublishedList): void {
  ctx
    .stmt('INSERT INTO final_lists (edition_id, notice_id, published_on, published_at, entries_json) VALUES (?, ?, ?, ?, ?)')
    .run(editionId, p.noticeId, p.on, p.at, JSON.stringify(p.entries));
}
