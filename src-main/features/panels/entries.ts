import { z } from 'zod';
import { refuse } from '../../domain/errors.js';
import { LocalizedSchema } from '../../domain/localized.js';
import { EntityIdSchema } from '../../domain/values.js';
import { ELIGIBILITY_STATE_NAMES, STAGE_NAMES, type Stage } from '../../domain/words.js';
import { rulesOf } from '../../profile/edition.js';
import { outOfReviewReason } from '../../rules/objections.js';
import { stageEntries } from '../../rules/stage-entry.js';
import type { Ctx } from '../context.js';
import { getEdition } from '../repo/editions.js';
import { eligibilityInUse, eligibilityOfEdition } from '../repo/eligibility.js';
import { listApplicantRows } from '../repo/people.js';
import { editionResults } from '../repo/results.js';
import { outOfReviewOfEdition } from '../repo/review.js';

export const StageEntrySchema = z.strictObject({ applicantId: EntityIdSchema, eligible: z.boolean(), reason: LocalizedSchema.nullable() });
export type StageEntryView = z.infer<typeof StageEntrySchema>;

/**
 * Every applicant of the edition, and whether it may be assigned in `stage`, with the reason if
 * not. Once the edition uses the eligibility check (any applicant checked), only those found
 * eligible enter any stage; one an upheld objection took off the accepted list enters none. The
 * others do not count towards a shortlist either.
 */
export function entriesOf(ctx: Ctx, editionId: string, stage: Stage): StageEntryView[] {
  const edition = getEdition(ctx, editionId);
  const rules = rulesOf(edition);
  const rows = listApplicantRows(ctx, editionId);
  const checked = eligibilityInUse(ctx, editionId) ? eligibilityOfEdition(ctx, editionId) : null;
  const out = outOfReviewOfEdition(ctx, editionId);
  const notEligible = (id: string): boolean => (checked !== null && checked.get(id)?.status !== 'eligible') || out.has(id);
  const active = rows.filter((a) => !a.withdrawn && !notEligible(a.id)).map((a) => a.id);
  const gated = rules.shortlist !== null && rules.stages.findIndex((s) => s.stage === stage) > rules.stages.findIndex((s) => s.stage === rules.shortlist?.afterStage);
  // results are computed only where a shortlist stands between: the common case costs nothing
  const results = gated ? editionResults(ctx, editionId) : null;
  const scored = new Set(results?.stageResults.filter((r) => r.stage === rules.shortlist?.afterStage && r.panelScore !== null).map((r) => r.applicantId) ?? []);
  const entries = stageEntries({
    stages: rules.stages.map((s) => s.stage),
    shortlist: rules.shortlist,
    stage,
    applicantIds: active,
    scored: (id) => scored.has(id),
    shortlisted: new Set(results?.shortlist?.applicantIds ?? []),
  });
  const byId = new Map(entries.map((e) => [e.applicantId, e]));
  return rows.map((a) => {
    if (a.withdrawn) return { applicantId: a.id, eligible: false, reason: { zh: '已撤回申报', en: 'withdrawn' } };
    const objection = out.get(a.id)?.objection;
    if (objection) return { applicantId: a.id, eligible: false, reason: outOfReviewReason(objection) };
    const standing = checked?.get(a.id);
    if (standing && standing.status !== 'eligible') {
      const state = ELIGIBILITY_STATE_NAMES[standing.status];
      return { applicantId: a.id, eligible: false, reason: { zh: `资格审核：${state.zh}，尚未审核通过`, en: `eligibility check: ${state.en}, not found eligible` } };
    }
    const e = byId.get(a.id)!;
    return { applicantId: a.id, eligible: e.eligible, reason: e.eligible ? null : e.reason };
  });
}

export function requireEntries(ctx: Ctx, editionId: string, stage: Stage, applicantIds: readonly string[]): void {
  const entries = new Map(entriesOf(ctx, editionId, stage).map((e) => [e.applicantId, e]));
  const codes = new Map(listApplicantRows(ctx, editionId).map((a) => [a.id, a.code]));
  const refused = applicantIds.flatMap((id) => {
    const e = entries.get(id);
    return e && !e.eligible && e.reason ? [{ code: codes.get(id) ?? id, reason: e.reason }] : [];
  });
  if (refused.length === 0) return;
  const s = STAGE_NAMES[stage];
  throw refuse(
    'assignment.not-eligible',
    `以下申报单位不能进入${s.zh}：${refused.map((r) => `${r.code}（${r.reason.zh}）`).join('；')}。`,
    `These applicants may not enter the ${s.en}: ${refused.map((r) => `${r.code} (${r.reason.en})`).join('; ')}.`,
    { applicants: refused },
  );
}
