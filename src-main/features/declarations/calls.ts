import { z } from 'zod';
import { refuse } from '../../domain/errors.js';
import { DeclarationSchema, type Declaration } from '../../domain/review.js';
import { IdSchema, textOf } from '../../domain/values.js';
import { storeCall } from '../call.js';
import type { Ctx } from '../context.js';
import { meIn, requireAssigned } from '../gates.js';
import { declarationsOfEdition, findDeclaration, recusedBySecretariat, upsertDeclaration } from '../repo/declarations.js';
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

export const declarationCalls = {
  'declarations.declare': storeCall({
    access: 'expert',
    input: z
      .strictObject({ editionId: IdSchema, applicantId: IdSchema, conflict: z.boolean(), reason: z.string().trim().max(1000) })
      .refine((d) => !d.conflict || d.reason.length > 0, { message: 'a conflict of interest needs its reason', path: ['reason'] }),
    output: DeclarationSchema,
    run(i, ctx) {
      const me = meIn(ctx, i.editionId);
      requireAssigned(ctx, me, i.editionId, i.applicantId);
      const previous = findDeclaration(ctx, me, i.applicantId, 'expert');
      if (previous && previous.conflict === i.conflict && previous.reason === i.reason) return previous;
      checkChange(ctx, me, i.applicantId, previous, i.conflict);
      const declaration: Declaration = {
        expertId: me,
        applicantId: i.applicantId,
        conflict: i.conflict,
        reason: i.reason,
        declaredAt: ctx.now(),
        source: 'expert',
      };
      return ctx.change('declaration.made', () => {
        // a conflicted expert's draft must not survive to be read or sent later
        const drafts = i.conflict ? sheetsOfApplicant(ctx, me, i.applicantId).filter((s) => s.status === 'draft') : [];
        for (const d of drafts) deleteSheet(ctx, d.id);
        upsertDeclaration(ctx, declaration);
        return {
          result: declaration,
          detail: {
            editionId: i.editionId,
            applicantId: i.applicantId,
            conflict: i.conflict,
            previousConflict: previous ? previous.conflict : null,
            discardedDraftSheets: drafts.map((d) => d.id),
          },
        };
      });
    },
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
      if (existing) return existing;
      const hadSheets = sheetRowsOfEdition(ctx, expert.editionId, { expertId: expert.id, applicantId: applicant.id, status: 'submitted' }).length;
      const declaration: Declaration = {
        expertId: expert.id,
        applicantId: applicant.id,
        conflict: true,
        reason: i.reason,
        declaredAt: ctx.now(),
        source: 'secretariat',
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

  /** 回避记录: every declaration of the edition, conflict or not, from both sources, by applicant code, expert code and time */
  'declarations.register': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema }),
    output: z.array(DeclarationSchema),
    run: (i, ctx) => declarationsOfEdition(ctx, i.editionId),
  }),
};
