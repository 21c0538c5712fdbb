import type { Declaration, DeclarationEvent } from '../../domain/review.js';
import type { Ctx } from '../context.js';
import { isRecused } from '../../rules/recusal.js';

interface DeclarationRow {
  expert_id: string;
  applicant_id: string;
  source: 'expert' | 'secretariat';
  conflict: 0 | 1;
  reason: string;
  declared_at: string;
  lifted_at: string | null;
  lifted_reason: string | null;
}

function declaration(r: DeclarationRow): Declaration {
  return {
    expertId: r.expert_id,
    applicantId: r.applicant_id,
    conflict: r.conflict === 1,
    reason: r.reason,
    declaredAt: r.declared_at,
    source: r.source,
    lifted: r.lifted_at === null ? null : { at: r.lifted_at, reason: r.lifted_reason ?? '' },
  };
}

/**
 * Records a declaration (or a recusal the secretariat imposed) as the pair's current word, and
 * keeps it in the pair's history, which is never rewritten.
 */
export function upsertDeclaration(ctx: Ctx, d: Omit<Declaration, 'lifted'>, bundleId: string | null = null): void {
  ctx
    .stmt(
      `INSERT INTO declarations (expert_id, applicant_id, source, conflict, reason, declared_at, bundle_id, lifted_at, lifted_reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)
       ON CONFLICT (expert_id, applicant_id, source) DO UPDATE SET
         conflict = excluded.conflict, reason = excluded.reason, declared_at = excluded.declared_at, bundle_id = excluded.bundle_id,
         lifted_at = NULL, lifted_reason = NULL`,
    )
    .run(d.expertId, d.applicantId, d.source, d.conflict ? 1 : 0, d.reason, d.declaredAt, bundleId);
  addEvent(ctx, { ...d, event: d.source === 'secretariat' ? 'imposed' : 'declared', at: d.declaredAt, bundleId });
}

/** Lifts a recusal, declared or imposed: it no longer recuses, and the history says who lifted it, when and why. */
export function liftDeclaration(ctx: Ctx, d: Declaration, reason: string, at: string): void {
  ctx
    .stmt('UPDATE declarations SET lifted_at = ?, lifted_reason = ? WHERE expert_id = ? AND applicant_id = ? AND source = ?')
    .run(at, reason, d.expertId, d.applicantId, d.source);
  addEvent(ctx, { ...d, event: 'lifted', reason, at, bundleId: null });
}

function addEvent(ctx: Ctx, e: Omit<DeclarationEvent, 'actor'>): void {
  ctx
    .stmt(
      'INSERT INTO declaration_events (expert_id, applicant_id, source, event, conflict, reason, at, bundle_id, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(e.expertId, e.applicantId, e.source, e.event, e.conflict ? 1 : 0, e.reason, e.at, e.bundleId, ctx.actor);
}

/** Every declaration event of an edition, oldest first: the register's annex of changes. */
export function declarationEventsOfEdition(ctx: Ctx, editionId: string): DeclarationEvent[] {
  return (
    ctx
      .stmt(
        `SELECT v.expert_id AS expertId, v.applicant_id AS applicantId, v.source, v.event, v.conflict, v.reason, v.at,
                v.bundle_id AS bundleId, v.actor
         FROM declaration_events v JOIN applicants a ON a.id = v.applicant_id
         WHERE a.edition_id = ? ORDER BY v.seq`,
      )
      .all(editionId) as (Omit<DeclarationEvent, 'conflict'> & { conflict: 0 | 1 })[]
  ).map((e) => ({ ...e, conflict: e.conflict === 1 }));
}

export function findDeclaration(ctx: Ctx, expertId: string, applicantId: string, source: Declaration['source']): Declaration | undefined {
  const r = ctx
    .stmt('SELECT * FROM declarations WHERE expert_id = ? AND applicant_id = ? AND source = ?')
    .get(expertId, applicantId, source) as DeclarationRow | undefined;
  return r && declaration(r);
}

export function declarationsOfExpert(ctx: Ctx, expertId: string, source?: Declaration['source']): Declaration[] {
  const rows = source
    ? ctx.stmt('SELECT * FROM declarations WHERE expert_id = ? AND source = ? ORDER BY applicant_id').all(expertId, source)
    : ctx.stmt('SELECT * FROM declarations WHERE expert_id = ? ORDER BY applicant_id, source').all(expertId);
  return (rows as DeclarationRow[]).map(declaration);
}

/** Both sources, in the order a register is read: by applicant, then expert, then time. */
export function declarationsOfEdition(ctx: Ctx, editionId: string): Declaration[] {
  return (
    ctx
      .stmt(
        `SELECT d.* FROM declarations d
         JOIN applicants a ON a.id = d.applicant_id
         JOIN experts e ON e.id = d.expert_id
         WHERE a.edition_id = ? ORDER BY a.code, e.code, d.declared_at, d.source`,
      )
      .all(editionId) as DeclarationRow[]
  ).map(declaration);
}


/** Both sources' declarations of one expert on one applicant: what the recusal rule decides on. */
export function declarationsOfPair(ctx: Ctx, expertId: string, applicantId: string): Declaration[] {
  return (ctx.stmt('SELECT * FROM declarations WHERE expert_id = ? AND applicant_id = ?').all(expertId, applicantId) as DeclarationRow[]).map(
    declaration,
  );
}

/** Whether the secretariat recused this expert from this applicant, whatever the expert declared. */
export function recusedBySecretariat(ctx: Ctx, expertId: string, applicantId: string): boolean {
  return isRecused(declarationsOfPair(ctx, expertId, applicantId).filter((d) => d.source === 'secretariat'));
}
