import type { Declaration } from '../../domain/review.js';
import type { Ctx } from '../context.js';
import { isRecused } from '../../rules/recusal.js';

interface DeclarationRow {
  expert_id: string;
  applicant_id: string;
  source: 'expert' | 'secretariat';
  conflict: 0 | 1;
  reason: string;
  declared_at: string;
}

function declaration(r: DeclarationRow): Declaration {
  return {
    expertId: r.expert_id,
    applicantId: r.applicant_id,
    conflict: r.conflict === 1,
    reason: r.reason,
    declaredAt: r.declared_at,
    source: r.source,
  };
}

export function upsertDeclaration(ctx: Ctx, d: Declaration, bundleId: string | null = null): void {
  ctx
    .stmt(
      `INSERT INTO declarations (expert_id, applicant_id, source, conflict, reason, declared_at, bundle_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (expert_id, applicant_id, source) DO UPDATE SET
         conflict = excluded.conflict, reason = excluded.reason, declared_at = excluded.declared_at, bundle_id = excluded.bundle_id`,
    )
    .run(d.expertId, d.applicantId, d.source, d.conflict ? 1 : 0, d.reason, d.declaredAt, bundleId);
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

export function deleteExpertDeclarations(ctx: Ctx, expertId: string): void {
  ctx.stmt("DELETE FROM declarations WHERE expert_id = ? AND source = 'expert'").run(expertId);
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
