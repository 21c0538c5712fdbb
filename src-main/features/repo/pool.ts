import type { Industry, PoolState, Stage } from '../../domain/words.js';
import type { Expert } from '../../domain/people.js';
import type { PoolExpert, PoolExpertInput, PoolSeat, Qualification, QualificationInput } from '../../domain/pool.js';
import { notFound } from '../../domain/errors.js';
import type { ConflictBasis, EarlierMeeting } from '../../rules/conflict-hints.js';
import type { Ctx } from '../context.js';
import { insertExpert, type ExpertKeys } from './people.js';

/**
 * The secretariat's expert pool. Whatever changes a pool record's profile or keys writes the
 * same values to every seat it has in an edition, in the same statement group, so that the
 * review's reads (packages, bundles, reports, the expert lists) keep reading the seat alone.
 */

interface PoolRow {
  id: string;
  code: string;
  name: string;
  organisation: string | null;
  credit_code: string | null;
  title: string | null;
  industry: Industry | null;
  speciality: string | null;
  phone: string | null;
  email: string | null;
  sign_public: string | null;
  box_recipient: string | null;
  fingerprint: string | null;
  status: PoolState;
  status_reason: string;
  status_at: string;
  added_at: string;
  editions: number;
}

interface QualificationRow {
  id: string;
  expert_id: string;
  name: string;
  certificate: string | null;
  obtained_on: string | null;
}

const SELECT = `SELECT p.*, (SELECT count(*) FROM experts e WHERE e.pool_id = p.id) AS editions FROM pool_experts p`;

function qualification(r: QualificationRow): Qualification {
  return { id: r.id, name: r.name, certificate: r.certificate, obtainedOn: r.obtained_on };
}

function poolExpert(ctx: Ctx, r: PoolRow): PoolExpert {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    organisation: r.organisation,
    creditCode: r.credit_code,
    title: r.title,
    industry: r.industry,
    speciality: r.speciality,
    phone: r.phone,
    email: r.email,
    status: { state: r.status, reason: r.status_reason, at: r.status_at },
    enrolled: r.sign_public !== null,
    fingerprint: r.fingerprint,
    qualifications: (ctx.stmt('SELECT * FROM pool_qualifications WHERE expert_id = ? ORDER BY obtained_on, added_at').all(r.id) as QualificationRow[]).map(qualification),
    editions: r.editions,
  };
}

export function insertPoolExpert(ctx: Ctx, id: string, e: PoolExpertInput): void {
  const now = ctx.now();
  ctx
    .stmt(
      `INSERT INTO pool_experts (id, code, name, organisation, credit_code, title, industry, speciality, phone, email,
                                 status, status_reason, status_at, added_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', '', ?, ?)`,
    )
    .run(id, e.code, e.name, e.organisation, e.creditCode, e.title, e.industry, e.speciality, e.phone, e.email, now, now);
}

export function listPoolRows(ctx: Ctx): PoolExpert[] {
  return (ctx.stmt(`${SELECT} ORDER BY p.code`).all() as PoolRow[]).map((r) => poolExpert(ctx, r));
}

export function findPoolExpert(ctx: Ctx, id: string): PoolExpert | undefined {
  const r = ctx.stmt(`${SELECT} WHERE p.id = ?`).get(id) as PoolRow | undefined;
  return r && poolExpert(ctx, r);
}

export function getPoolExpert(ctx: Ctx, id: string): PoolExpert {
  const found = findPoolExpert(ctx, id);
  if (!found) throw notFound({ zh: '库内专家', en: 'pool expert' }, id);
  return found;
}

export function poolExpertByCode(ctx: Ctx, code: string): PoolExpert | undefined {
  const id = ctx.stmt('SELECT id FROM pool_experts WHERE code = ?').pluck().get(code) as string | undefined;
  return id === undefined ? undefined : findPoolExpert(ctx, id);
}

export function poolExpertByFingerprint(ctx: Ctx, fingerprint: string): PoolExpert | undefined {
  const id = ctx.stmt('SELECT id FROM pool_experts WHERE fingerprint = ?').pluck().get(fingerprint) as string | undefined;
  return id === undefined ? undefined : findPoolExpert(ctx, id);
}

export function poolCodes(ctx: Ctx): Set<string> {
  return new Set(ctx.stmt('SELECT code FROM pool_experts').pluck().all() as string[]);
}

export function poolKeys(ctx: Ctx, id: string): ExpertKeys | null {
  const r = ctx.stmt('SELECT sign_public, box_recipient, fingerprint FROM pool_experts WHERE id = ?').get(id) as
    | { sign_public: string | null; box_recipient: string | null; fingerprint: string | null }
    | undefined;
  if (!r || r.sign_public === null || r.box_recipient === null || r.fingerprint === null) return null;
  return { signPublic: r.sign_public, boxRecipient: r.box_recipient, fingerprint: r.fingerprint };
}

/** A profile correction, carried to every seat the expert has in an edition (the seat's own code stays). */
export function updatePoolExpert(ctx: Ctx, id: string, e: PoolExpertInput): void {
  ctx
    .stmt(
      `UPDATE pool_experts SET code = ?, name = ?, organisation = ?, credit_code = ?, title = ?, industry = ?, speciality = ?, phone = ?, email = ?
       WHERE id = ?`,
    )
    .run(e.code, e.name, e.organisation, e.creditCode, e.title, e.industry, e.speciality, e.phone, e.email, id);
  ctx
    .stmt('UPDATE experts SET name = ?, organisation = ?, title = ?, industry = ?, phone = ?, email = ? WHERE pool_id = ?')
    .run(e.name, e.organisation, e.title, e.industry, e.phone, e.email, id);
}

/** The key an expert enrolled, once for every edition that seats them. */
export function setPoolKeys(ctx: Ctx, id: string, keys: ExpertKeys): void {
  const at = ctx.now();
  ctx
    .stmt('UPDATE pool_experts SET sign_public = ?, box_recipient = ?, fingerprint = ?, enrolled_at = ? WHERE id = ?')
    .run(keys.signPublic, keys.boxRecipient, keys.fingerprint, at, id);
  ctx
    .stmt('UPDATE experts SET sign_public = ?, box_recipient = ?, fingerprint = ?, enrolled_at = ? WHERE pool_id = ?')
    .run(keys.signPublic, keys.boxRecipient, keys.fingerprint, at, id);
}

export function setPoolStatus(ctx: Ctx, id: string, state: PoolState, reason: string): void {
  ctx.stmt('UPDATE pool_experts SET status = ?, status_reason = ?, status_at = ? WHERE id = ?').run(state, reason, ctx.now(), id);
}

export function insertQualification(ctx: Ctx, expertId: string, id: string, q: QualificationInput): void {
  ctx
    .stmt('INSERT INTO pool_qualifications (id, expert_id, name, certificate, obtained_on, added_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, expertId, q.name, q.certificate, q.obtainedOn, ctx.now());
}

export function findQualification(ctx: Ctx, id: string): (Qualification & { expertId: string }) | undefined {
  const r = ctx.stmt('SELECT * FROM pool_qualifications WHERE id = ?').get(id) as QualificationRow | undefined;
  return r && { ...qualification(r), expertId: r.expert_id };
}

export function deleteQualification(ctx: Ctx, id: string): void {
  ctx.stmt('DELETE FROM pool_qualifications WHERE id = ?').run(id);
}

/** The seat of a pool expert in an edition, if the edition drew them. */
export function seatOf(ctx: Ctx, poolId: string, editionId: string): string | undefined {
  return ctx.stmt('SELECT id FROM experts WHERE pool_id = ? AND edition_id = ?').pluck().get(poolId, editionId) as string | undefined;
}

/** Every edition that seated a pool expert, newest first, with their panels and workload there. */
export function seatsOfPoolExpert(ctx: Ctx, poolId: string): PoolSeat[] {
  const seats = ctx
    .stmt(
      `SELECT e.id, e.code, e.withdrawn_at, ed.id AS edition_id, ed.name AS edition_name, ed.year
       FROM experts e JOIN editions ed ON ed.id = e.edition_id WHERE e.pool_id = ? ORDER BY ed.year DESC, ed.created_at DESC`,
    )
    .all(poolId) as { id: string; code: string; withdrawn_at: string | null; edition_id: string; edition_name: string; year: number }[];
  return seats.map((s) => {
    const panels = (
      ctx
        .stmt(
          `SELECT p.id, p.stage, p.name, p.leader_id, (SELECT count(*) FROM assignments a WHERE a.panel_id = p.id) AS applicants
           FROM panel_members m JOIN panels p ON p.id = m.panel_id WHERE m.expert_id = ? ORDER BY p.stage, p.name`,
        )
        .all(s.id) as { id: string; stage: Stage; name: string; leader_id: string | null; applicants: number }[]
    ).map((p) => ({ panelId: p.id, stage: p.stage, name: p.name, leader: p.leader_id === s.id, applicants: p.applicants }));
    const substitutes = ctx.stmt('SELECT count(*) FROM substitutes WHERE expert_id = ?').pluck().get(s.id) as number;
    return {
      editionId: s.edition_id,
      editionName: s.edition_name,
      year: s.year,
      expertId: s.id,
      code: s.code,
      withdrawn: s.withdrawn_at !== null,
      panels,
      load: panels.reduce((n, p) => n + p.applicants, 0) + substitutes,
      sheetsSubmitted: ctx.stmt("SELECT count(*) FROM score_sheets WHERE expert_id = ? AND status = 'submitted'").pluck().get(s.id) as number,
      conflictsDeclared: ctx.stmt('SELECT count(*) FROM declarations WHERE expert_id = ? AND conflict = 1').pluck().get(s.id) as number,
    };
  });
}

/** Seats a pool expert in an edition under the pool's profile and keys, with the seat's own code. */
export function insertSeat(ctx: Ctx, pool: PoolExpert, editionId: string, seatId: string, code: string = pool.code): Expert {
  const seat: Expert = {
    id: seatId,
    editionId,
    code,
    name: pool.name,
    organisation: pool.organisation,
    title: pool.title,
    industry: pool.industry,
    phone: pool.phone,
    email: pool.email,
    poolId: pool.id,
    enrolled: pool.enrolled,
    fingerprint: pool.fingerprint,
    withdrawn: null,
  };
  insertExpert(ctx, seat, poolKeys(ctx, pool.id));
  return seat;
}

/** What an expert met in other editions: the applicants they were seated for, and those they declared a conflict with. */
export function earlierMeetings(ctx: Ctx, poolId: string, editionId: string): EarlierMeeting[] {
  const reviewed = ctx
    .stmt(
      `SELECT DISTINCT ed.name AS edition_name, ed.year, a.name, a.credit_code
       FROM experts e JOIN editions ed ON ed.id = e.edition_id
       JOIN panel_members m ON m.expert_id = e.id JOIN assignments s ON s.panel_id = m.panel_id JOIN applicants a ON a.id = s.applicant_id
       WHERE e.pool_id = ? AND e.edition_id <> ?
       UNION
       SELECT ed.name, ed.year, a.name, a.credit_code
       FROM experts e JOIN editions ed ON ed.id = e.edition_id
       JOIN substitutes s ON s.expert_id = e.id JOIN applicants a ON a.id = s.applicant_id
       WHERE e.pool_id = ? AND e.edition_id <> ?`,
    )
    .all(poolId, editionId, poolId, editionId) as { edition_name: string; year: number; name: string; credit_code: string | null }[];
  const declared = ctx
    .stmt(
      `SELECT ed.name AS edition_name, ed.year, a.name, a.credit_code, d.reason
       FROM experts e JOIN editions ed ON ed.id = e.edition_id
       JOIN declarations d ON d.expert_id = e.id JOIN applicants a ON a.id = d.applicant_id
       WHERE e.pool_id = ? AND e.edition_id <> ? AND d.conflict = 1 AND d.lifted_at IS NULL
       ORDER BY ed.year DESC`,
    )
    .all(poolId, editionId) as { edition_name: string; year: number; name: string; credit_code: string | null; reason: string }[];
  return [
    ...declared.map((r) => ({ editionName: r.edition_name, year: r.year, applicantName: r.name, creditCode: r.credit_code, kind: 'declared' as const, reason: r.reason })),
    ...reviewed.map((r) => ({ editionName: r.edition_name, year: r.year, applicantName: r.name, creditCode: r.credit_code, kind: 'reviewed' as const, reason: '' })),
  ];
}

/** The organisation's credit code a seat's pool record holds. */
export function creditCodeOfSeat(ctx: Ctx, seatId: string): string | null {
  return (ctx.stmt('SELECT p.credit_code FROM experts e JOIN pool_experts p ON p.id = e.pool_id WHERE e.id = ?').pluck().get(seatId) as string | null | undefined) ?? null;
}

/** The pool standing behind each seat of an edition. */
export function poolStatesOfEdition(ctx: Ctx, editionId: string): Map<string, PoolState> {
  const rows = ctx.stmt('SELECT e.id, p.status FROM experts e JOIN pool_experts p ON p.id = e.pool_id WHERE e.edition_id = ?').all(editionId) as { id: string; status: PoolState }[];
  return new Map(rows.map((r) => [r.id, r.status]));
}

export interface ConflictCheck {
  expertId: string;
  applicantId: string;
  basis: ConflictBasis;
  reason: string;
  at: string;
}

export function conflictChecksOfEdition(ctx: Ctx, editionId: string): ConflictCheck[] {
  return (
    ctx
      .stmt('SELECT c.* FROM conflict_checks c JOIN applicants a ON a.id = c.applicant_id WHERE a.edition_id = ?')
      .all(editionId) as { expert_id: string; applicant_id: string; basis: ConflictBasis; reason: string; checked_at: string }[]
  ).map((r) => ({ expertId: r.expert_id, applicantId: r.applicant_id, basis: r.basis, reason: r.reason, at: r.checked_at }));
}

export function insertConflictCheck(ctx: Ctx, c: Omit<ConflictCheck, 'at'>): void {
  ctx
    .stmt(
      `INSERT INTO conflict_checks (expert_id, applicant_id, basis, reason, checked_at, actor) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (expert_id, applicant_id, basis) DO UPDATE SET reason = excluded.reason, checked_at = excluded.checked_at, actor = excluded.actor`,
    )
    .run(c.expertId, c.applicantId, c.basis, c.reason, ctx.now(), ctx.actor);
}
