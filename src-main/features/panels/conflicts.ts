import { z } from 'zod';
import { refuse } from '../../domain/errors.js';
import { LocalizedSchema } from '../../domain/localized.js';
import { EntityIdSchema, IdSchema, IsoTimeSchema, textOf } from '../../domain/values.js';
import { StageSchema } from '../../domain/vocabulary.js';
import { rulesOf } from '../../profile/edition.js';
import { conflictHints, type ConflictHint } from '../../rules/conflict-hints.js';
import { standings } from '../../rules/recusal.js';
import { storeCall } from '../call.js';
import type { Ctx } from '../context.js';
import { declarationsOfEdition } from '../repo/declarations.js';
import { getEdition } from '../repo/editions.js';
import { editionSeats, getPanel } from '../repo/panels.js';
import { getExpert, listApplicantRows, listExpertRows } from '../repo/people.js';
import { conflictChecksOfEdition, creditCodeOfSeat, earlierMeetings, insertConflictCheck } from '../repo/pool.js';

/**
 * Conflict suggestions at assignment (issue 13, part 2): warnings with their reason, from what
 * the store already holds, for each expert and the applicants their panels review. The clerk
 * answers each: checked, no conflict (kept with the reason), or a recusal imposed
 * (declarations.impose), which then counts as a declared one does.
 */

export const ConflictBasisSchema = z.enum(['organisation', 'credit-code', 'reviewed-before', 'declared-before']);

export const ConflictSuggestionSchema = z.strictObject({
  expertId: EntityIdSchema,
  applicantId: EntityIdSchema,
  basis: ConflictBasisSchema,
  reason: LocalizedSchema,
  /** open: awaits the clerk; checked: the clerk found no conflict; recused: a recusal stands for the pair */
  state: z.enum(['open', 'checked', 'recused']),
  checked: z.strictObject({ reason: z.string(), at: IsoTimeSchema }).nullable(),
});
export type ConflictSuggestion = z.infer<typeof ConflictSuggestionSchema>;

/** Every suggestion for the pairs given, or for every expert and applicant of the edition. */
export function suggestionsOf(ctx: Ctx, editionId: string, pairs?: readonly { expertId: string; applicantId: string }[]): ConflictSuggestion[] {
  const edition = getEdition(ctx, editionId);
  const { recentYears } = rulesOf(edition).panelForming;
  const experts = new Map(listExpertRows(ctx, editionId).map((e) => [e.id, e]));
  const applicants = new Map(listApplicantRows(ctx, editionId).map((a) => [a.id, a]));
  const all = pairs ?? [...experts.keys()].flatMap((expertId) => [...applicants.keys()].map((applicantId) => ({ expertId, applicantId })));
  const standing = standings(declarationsOfEdition(ctx, editionId));
  const checks = new Map(conflictChecksOfEdition(ctx, editionId).map((c) => [`${c.expertId}\u0000${c.applicantId}\u0000${c.basis}`, c]));
  const earlier = new Map<string, ReturnType<typeof earlierMeetings>>();
  const creditCodes = new Map<string, string | null>();
  const hints: ConflictHint[] = [];
  for (const { expertId, applicantId } of all) {
    const e = experts.get(expertId);
    const a = applicants.get(applicantId);
    if (!e || !a) continue;
    if (e.poolId !== null && !earlier.has(e.poolId)) earlier.set(e.poolId, earlierMeetings(ctx, e.poolId, editionId));
    if (!creditCodes.has(expertId)) creditCodes.set(expertId, creditCodeOfSeat(ctx, expertId));
    hints.push(
      ...conflictHints(
        { expertId, organisation: e.organisation, creditCode: creditCodes.get(expertId) ?? null },
        { applicantId, name: a.name, creditCode: a.creditCode },
        e.poolId === null ? [] : earlier.get(e.poolId)!,
        { year: edition.year, recentYears },
      ),
    );
  }
  return hints.map((h) => {
    const check = checks.get(`${h.expertId}\u0000${h.applicantId}\u0000${h.basis}`);
    const state = standing(h.expertId, h.applicantId) === 'conflicted' ? 'recused' : check ? 'checked' : 'open';
    return { ...h, state, checked: check ? { reason: check.reason, at: check.at } : null };
  });
}

export const conflictCalls = {
  /** the suggestions for every expert and the applicants their panels review (in one stage, or all) */
  'conflicts.suggest': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema, stage: StageSchema.optional() }),
    output: z.array(ConflictSuggestionSchema),
    run(i, ctx) {
      const seats = editionSeats(ctx, i.editionId).filter((s) => i.stage === undefined || s.stage === i.stage);
      const pairs = new Map<string, { expertId: string; applicantId: string }>();
      for (const s of seats) for (const expertId of s.memberIds) pairs.set(`${expertId}\u0000${s.applicantId}`, { expertId, applicantId: s.applicantId });
      return suggestionsOf(ctx, i.editionId, [...pairs.values()]);
    },
  }),

  /**
   * the suggestions of one panel, as the clerk assigns in its drawer: each member (and each
   * substitute, for their applicant) with each applicant assigned, and with those about to be
   * (`applicantIds`), so a suggestion is seen and settled at the moment of assignment
   */
  'conflicts.forPanel': storeCall({
    access: 'secretariat',
    input: z.strictObject({ panelId: IdSchema, applicantIds: z.array(IdSchema).max(10_000).optional() }),
    output: z.array(ConflictSuggestionSchema),
    run(i, ctx) {
      const panel = getPanel(ctx, i.panelId);
      const applicantIds = [...new Set([...panel.applicantIds, ...(i.applicantIds ?? [])])];
      const pairs = [
        ...panel.memberIds.flatMap((expertId) => applicantIds.map((applicantId) => ({ expertId, applicantId }))),
        ...panel.substitutes.map((s) => ({ expertId: s.expertId, applicantId: s.applicantId })),
      ];
      return suggestionsOf(ctx, panel.editionId, pairs);
    },
  }),

  /** the clerk looked into a suggestion and found no conflict: kept, with the reason, and no longer proposed against */
  'conflicts.check': storeCall({
    access: 'secretariat',
    input: z.strictObject({ expertId: IdSchema, applicantId: IdSchema, basis: ConflictBasisSchema, reason: textOf(1000) }),
    output: ConflictSuggestionSchema,
    run(i, ctx) {
      const expert = getExpert(ctx, i.expertId);
      const found = suggestionsOf(ctx, expert.editionId, [i]).find((s) => s.basis === i.basis);
      if (!found) {
        throw refuse('conflict.no-suggestion', '该专家与该申报单位之间没有这项利益冲突提示。请刷新后重试。', 'There is no such conflict suggestion for this expert and applicant. Refresh and try again.');
      }
      return ctx.change('conflict.checked', () => {
        insertConflictCheck(ctx, { expertId: i.expertId, applicantId: i.applicantId, basis: i.basis, reason: i.reason });
        return {
          result: suggestionsOf(ctx, expert.editionId, [i]).find((s) => s.basis === i.basis)!,
          detail: { editionId: expert.editionId, expertId: i.expertId, applicantId: i.applicantId, basis: i.basis, suggestion: found.reason.zh, reason: i.reason },
        };
      });
    },
  }),
};
