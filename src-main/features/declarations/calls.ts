import { z } from 'zod';
import { refuse } from '../../domain/errors.js';
import { DeclarationEventSchema, DeclarationSchema, DeclarationSourceSchema, type Declaration } from '../../domain/review.js';
import { IdSchema, textOf } from '../../domain/values.js';
import { storeCall } from '../call.js';
import type { Ctx } from '../context.js';
import { meIn, requireAssigned } from '../gates.js';
import { declarationEventsOfEdition, declarationsOfEdition, findDeclaration, liftDeclaration, recusedBySecretariat, upsertDeclaration } from '../repo/declarations.js';
import { wipeMaterialsOfApplicant } from '../repo/materials.js';
import { getApplicant, getExpert } from '../repo/people.js';
import { deleteSheet, sheetRowsOfEdition, sheetsOfApplicant } from '../repo/sheets.js';

/**
 * Declarations of interest (利益冲突声明) and recusals (回避): the expert declares, per applicant,
 * conflict or none before seeing its materials; the secretariat may impose a recusal the expert
 * did not declare (Daqing art. 35).
 */

/**
 * Checks a change of declaration. A conflict, once declared, stands: the expert has told the
 * secretariat, and flipping back would reopen materials the declaration closed. Nothing changes
 * after a sheet for the applicant was submitted, because that sheet was scored on it.
 */
function checkChange(ctx: Ctx, me: string, applicantId: string, previous: Declaration | undefined, conflict: boolean): void {
  const code = getApplicant(ctx, applicantId).code;
  if (!conflict && recusedBySecretariat(ctx, me, applicantId)) {
    throw refuse(
      'recusal.imposed',
      `秘书处已要求您回避申报单位 ${code}，不能声明无利益冲突。`,
      `The secretariat has recused you from applicant ${code}; you cannot declare no conflict.`,
    );
  }
  if (!previous) return;
  if (sheetsOfApplicant(ctx, me, applicantId).some((s) => s.status === 'submitted')) {
    throw refuse(
      'declaration.locked',
      `您对申报单位 ${code} 的评分表已提交，利益冲突声明不能再更改。如有新情况请直接联系秘书处。`,
      `Your score sheet for applicant ${code} has been submitted, so the declaration can no longer change. Tell the secretariat directly about anything new.`,
    );
  }
  if (previous.conflict && !conflict) {
    throw refuse(
      'declaration.conflict-final',
      `您已声明与申报单位 ${code} 存在利益冲突，该声明不能撤回。如系误填，请联系秘书处。`,
      `You declared a conflict of interest with applicant ${code}; that declaration cannot be withdrawn. If it was a mistake, contact the secretariat.`,
    );
  }
}

interface DeclareInput {
  editionId: string;
  applicantId: string;
  conflict: boolean;
  reason: string;
}

/** One declaration by this store's expert, with its audit entry. */
function declare(i: DeclareInput, ctx: Ctx): Declaration {
  const me = meIn(ctx, i.editionId);
  requireAssigned(ctx, me, i.editionId, i.applicantId);
  const held = findDeclaration(ctx, me, i.applicantId, 'expert');
  // a declaration the secretariat lifted no longer stands: the expert declares afresh
  const previous = held && held.lifted === null ? held : undefined;
  if (previous && previous.conflict === i.conflict && previous.reason === i.reason) return previous;
  checkChange(ctx, me, i.applicantId, previous, i.conflict);
  const declaration: Declaration = {
    expertId: me,
    applicantId: i.applicantId,
    conflict: i.conflict,
    reason: i.reason,
    declaredAt: ctx.now(),
    source: 'expert',
    lifted: null,
  };
  return ctx.change('declaration.made', () => {
    // a conflicted expert's draft must not survive to be read or sent later
    const drafts = i.conflict ? sheetsOfApplicant(ctx, me, i.applicantId).filter((s) => s.status === 'draft') : [];
    for (const d of drafts) deleteSheet(ctx, d.id);
    // nor may the materials stay on the laptop of an expert who must not read them
    const materialsRemoved = i.conflict ? wipeMaterialsOfApplicant(ctx, i.applicantId) : 0;
    upsertDeclaration(ctx, declaration);
    return {
      result: declaration,
      detail: {
        editionId: i.editionId,
        applicantId: i.applicantId,
        conflict: i.conflict,
        previousConflict: previous ? previous.conflict : null,
        discardedDraftSheets: drafts.map((d) => d.id),
        materialsRemoved,
      },
    };
  });
}

export const declarationCalls = {
  'declarations.declare': storeCall({
    access: 'expert',
    input: z
      .strictObject({ editionId: IdSchema, applicantId: IdSchema, conflict: z.boolean(), reason: z.string().trim().max(1000) })
      .refine((d) => !d.conflict || d.reason.length > 0, { message: 'a conflict of interest needs its reason', path: ['reason'] }),
    output: DeclarationSchema,
    run: (i, ctx) => declare(i, ctx),
  }),

  /**
   * "No conflict" for several applicants at once, after one confirmation: all or nothing, so a
   * refusal for one (the secretariat recused the expert from it, a sheet already submitted)
   * leaves every declaration as it was. Each declaration gets its own entry in the audit log.
   */
  'declarations.declareNone': storeCall({
    access: 'expert',
    input: z.strictObject({ editionId: IdSchema, applicantIds: z.array(IdSchema).min(1).max(1000) }),
    output: z.array(DeclarationSchema),
    run: (i, ctx) => ctx.tx(() => [...new Set(i.applicantIds)].map((applicantId) => declare({ editionId: i.editionId, applicantId, conflict: false, reason: '' }, ctx))),
  }),

  'declarations.impose': storeCall({
    access: 'secretariat',
    input: z.strictObject({ expertId: IdSchema, applicantId: IdSchema, reason: textOf(1000) }),
    output: DeclarationSchema,
    run(i, ctx) {
      const expert = getExpert(ctx, i.expertId);
      const applicant = getApplicant(ctx, i.applicantId);
      if (expert.editionId !== applicant.editionId) {
        throw refuse('recusal.other-edition', '该专家与该申报单位不属于同一届次。', 'The expert and the applicant belong to different editions.');
      }
      const existing = findDeclaration(ctx, expert.id, applicant.id, 'secretariat');
      if (existing && existing.lifted === null) return existing;
      const hadSheets = sheetRowsOfEdition(ctx, expert.editionId, { expertId: expert.id, applicantId: applicant.id, status: 'submitted' }).length;
      const declaration: Declaration = {
        expertId: expert.id,
        applicantId: applicant.id,
        conflict: true,
        reason: i.reason,
        declaredAt: ctx.now(),
        source: 'secretariat',
        lifted: null,
      };
      return ctx.change('recusal.imposed', () => {
        upsertDeclaration(ctx, declaration);
        return {
          result: declaration,
          detail: { expertId: expert.id, applicantId: applicant.id, reason: i.reason, acceptedSheetsExcluded: hadSheets },
        };
      });
    },
  }),

  /**
   * Lifts a recusal, declared by the expert or imposed by the secretariat, with the reason: the
   * expert may then declare afresh. Only the secretariat can; the history keeps both.
   */
  'declarations.lift': storeCall({
    access: 'secretariat',
    input: z.strictObject({ expertId: IdSchema, applicantId: IdSchema, source: DeclarationSourceSchema, reason: textOf(1000) }),
    output: DeclarationSchema,
    run(i, ctx) {
      const d = findDeclaration(ctx, i.expertId, i.applicantId, i.source);
      const expert = getExpert(ctx, i.expertId);
      const code = getApplicant(ctx, i.applicantId).code;
      if (!d || !d.conflict || d.lifted !== null) {
        throw refuse(
          'recusal.not-found',
          `专家 ${expert.code} 对 ${code} 没有${i.source === 'expert' ? '本人声明' : '秘书处决定'}的、尚未解除的回避。`,
          `Expert ${expert.code} has no standing recusal from ${code} ${i.source === 'expert' ? 'that they declared' : 'that the secretariat imposed'}.`,
        );
      }
      const at = ctx.now();
      return ctx.change('recusal.lifted', () => {
        liftDeclaration(ctx, d, i.reason, at);
        return { result: { ...d, lifted: { at, reason: i.reason } }, detail: { expertId: i.expertId, applicantId: i.applicantId, source: i.source, reason: i.reason } };
      });
    },
  }),

  /** every declaration event of the edition, oldest first: what changed, when and why */
  'declarations.history': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema }),
    output: z.array(DeclarationEventSchema),
    run: (i, ctx) => declarationEventsOfEdition(ctx, i.editionId),
  }),

  /** 回避记录: every declaration of the edition, conflict or not, from both sources, by applicant code, expert code and time */
  'declarations.register': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema }),
    output: z.array(DeclarationSchema),
    run: (i, ctx) => declarationsOfEdition(ctx, i.editionId),
  }),
};
