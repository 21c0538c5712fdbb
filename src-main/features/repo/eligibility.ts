import type { Localized } from '../../domain/localized.js';
import type { AwardLevel, EligibilityState, PastEvent } from '../../domain/words.js';
import { placeableLevels, type Answer } from '../../rules/eligibility.js';
import type { Ctx } from '../context.js';

/**
 * The eligibility check's tables (migration 009): each step of an applicant's check, the reason
 * text of its not-shortlisted letter, and the earlier awards the clerk records. Other features
 * read an edition's standings through eligibilityOfEdition.
 */

export interface EligibilityEvent {
  seq: number;
  applicantId: string;
  at: string;
  actor: string;
  state: Exclude<EligibilityState, 'received'>;
  level: AwardLevel;
  on: string;
  answers: Record<string, Answer>;
  missing: string[];
  dueDay: string | null;
  reasons: Localized[];
  note: string | null;
}

interface EventRow {
  seq: number;
  applicant_id: string;
  at: string;
  actor: string;
  state: EligibilityEvent['state'];
  level: AwardLevel;
  on_day: string;
  answers_json: string;
  missing_json: string;
  due_day: string | null;
  reasons_json: string;
  note: string | null;
}

const event = (r: EventRow): EligibilityEvent => ({
  seq: r.seq,
  applicantId: r.applicant_id,
  at: r.at,
  actor: r.actor,
  state: r.state,
  level: r.level,
  on: r.on_day,
  answers: JSON.parse(r.answers_json) as Record<string, Answer>,
  missing: JSON.parse(r.missing_json) as string[],
  dueDay: r.due_day,
  reasons: JSON.parse(r.reasons_json) as Localized[],
  note: r.note,
});

export function insertEligibilityEvent(ctx: Ctx, editionId: string, e: Omit<EligibilityEvent, 'seq' | 'at' | 'actor'>): void {
  ctx
    .stmt(
      `INSERT INTO eligibility_events (edition_id, applicant_id, at, actor, state, level, on_day, answers_json, missing_json, due_day, reasons_json, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(editionId, e.applicantId, ctx.now(), ctx.actor, e.state, e.level, e.on, JSON.stringify(e.answers), JSON.stringify(e.missing), e.dueDay, JSON.stringify(e.reasons), e.note);
}

/** Every step of the edition's checks, oldest first. */
export function eligibilityEventsOfEdition(ctx: Ctx, editionId: string): EligibilityEvent[] {
  return (ctx.stmt('SELECT * FROM eligibility_events WHERE edition_id = ? ORDER BY seq').all(editionId) as EventRow[]).map(event);
}

export interface EligibilityStanding {
  status: EligibilityState;
  level: AwardLevel | null;
  /** why not eligible (or what is missing), as the last step recorded it */
  reasons: Localized[];
  note: string | null;
  at: string | null;
}

/**
 * Each applicant's standing in the edition's eligibility check: the latest step recorded, or
 * received when none was. Applicants of other editions are not in the map.
 */
export function eligibilityOfEdition(ctx: Ctx, editionId: string): Map<string, EligibilityStanding> {
  const out = new Map<string, EligibilityStanding>();
  for (const id of ctx.stmt('SELECT id FROM applicants WHERE edition_id = ?').pluck().all(editionId) as string[]) {
    out.set(id, { status: 'received', level: null, reasons: [], note: null, at: null });
  }
  for (const e of eligibilityEventsOfEdition(ctx, editionId)) out.set(e.applicantId, { status: e.state, level: e.level, reasons: e.reasons, note: e.note, at: e.at });
  return out;
}

/**
 * Whether the edition uses the eligibility step: once any of its applicants has been checked,
 * only eligible applicants may be assigned or proposed. An edition made before the step existed
 * (or run without it) stays open to every applicant until then.
 */
export function eligibilityInUse(ctx: Ctx, editionId: string): boolean {
  return ctx.stmt('SELECT 1 FROM eligibility_events WHERE edition_id = ? LIMIT 1').get(editionId) !== undefined;
}

/**
 * The levels each applicant may be placed at, once the edition uses the check: those its
 * eligible decision allows (rules/eligibility.ts), none while it has not been found eligible.
 * Null for an edition that does not use the check: every level is open to every applicant.
 */
export function eligibleLevelsOfEdition(ctx: Ctx, editionId: string): Map<string, AwardLevel[]> | null {
  if (!eligibilityInUse(ctx, editionId)) return null;
  const out = new Map<string, AwardLevel[]>();
  for (const [id, s] of eligibilityOfEdition(ctx, editionId)) out.set(id, s.status === 'eligible' && s.level ? placeableLevels(s.level) : []);
  return out;
}

/** Applicants of other editions in this store carrying the same credit code or ID number. */
export function sameHolderElsewhere(ctx: Ctx, editionId: string, holders: readonly string[]): { applicantId: string; editionId: string; editionName: string; year: number; code: string; holder: string }[] {
  if (holders.length === 0) return [];
  const marks = holders.map(() => '?').join(', ');
  return ctx
    .stmt(
      `SELECT a.id AS applicantId, e.id AS editionId, e.name AS editionName, e.year AS year, a.code AS code, coalesce(a.credit_code, a.id_number) AS holder
       FROM applicants a JOIN editions e ON e.id = a.edition_id
       WHERE a.edition_id <> ? AND (a.credit_code IN (${marks}) OR a.id_number IN (${marks}))
       ORDER BY e.year, e.created_at`,
    )
    .all(editionId, ...holders, ...holders) as { applicantId: string; editionId: string; editionName: string; year: number; code: string; holder: string }[];
}

/** The latest step of one applicant's check, in whichever edition. */
export function latestEligibilityEvent(ctx: Ctx, applicantId: string): EligibilityEvent | undefined {
  const r = ctx.stmt('SELECT * FROM eligibility_events WHERE applicant_id = ? ORDER BY seq DESC LIMIT 1').get(applicantId) as EventRow | undefined;
  return r && event(r);
}

export function letterReasonOf(ctx: Ctx, applicantId: string): string | null {
  return (ctx.stmt('SELECT text FROM letter_reasons WHERE applicant_id = ?').pluck().get(applicantId) as string | undefined) ?? null;
}

export function setLetterReason(ctx: Ctx, editionId: string, applicantId: string, text: string | null): void {
  if (text === null) ctx.stmt('DELETE FROM letter_reasons WHERE applicant_id = ?').run(applicantId);
  else
    ctx
      .stmt('INSERT INTO letter_reasons (applicant_id, edition_id, text, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (applicant_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at')
      .run(applicantId, editionId, text, ctx.now());
}

export interface PastAward {
  id: string;
  holder: string;
  name: string;
  event: PastEvent;
  on: string;
  note: string | null;
  recordedAt: string;
}

const PAST = 'SELECT id, holder, name, event, on_day AS "on", note, recorded_at AS recordedAt FROM past_awards';

export function insertPastAward(ctx: Ctx, p: PastAward): void {
  ctx.stmt('INSERT INTO past_awards (id, holder, name, event, on_day, note, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(p.id, p.holder, p.name, p.event, p.on, p.note, p.recordedAt);
}

export function findPastAward(ctx: Ctx, id: string): PastAward | undefined {
  return ctx.stmt(`${PAST} WHERE id = ?`).get(id) as PastAward | undefined;
}

export function deletePastAward(ctx: Ctx, id: string): void {
  ctx.stmt('DELETE FROM past_awards WHERE id = ?').run(id);
}

export function pastAwardsOf(ctx: Ctx, holders: readonly string[]): PastAward[] {
  if (holders.length === 0) return [];
  return ctx.stmt(`${PAST} WHERE holder IN (${holders.map(() => '?').join(', ')}) ORDER BY on_day, id`).all(...holders) as PastAward[];
}

export function listPastAwards(ctx: Ctx): PastAward[] {
  return ctx.stmt(`${PAST} ORDER BY on_day DESC, id`).all() as PastAward[];
}
