import type { Declaration } from '../../domain/review.js';
import type { ExpertService } from '../api.js';
import type { Ctx } from '../context.js';
import { findDeclaration, recusedBySecretariat, upsertDeclaration } from '../repo/declarations.js';
import { getApplicant } from '../repo/people.js';
import { deleteSheet, sheetsOfApplicant } from '../repo/sheets.js';
import { parseInput } from '../../domain/reasons.js';
import { refuse } from '../../domain/errors.js';
import { DeclareSchema } from '../schemas.js';
import { meIn, requireAssigned } from './me.js';

type DeclarationMethods = Pick<ExpertService, 'declare'>;

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

export function declarationMethods(ctx: Ctx): DeclarationMethods {
  return {
    declare(input) {
      const i = parseInput(DeclareSchema, input, { zh: '利益冲突声明', en: 'declaration' });
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
  };
}
