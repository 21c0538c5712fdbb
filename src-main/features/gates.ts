import { type Stage, STAGE_NAMES } from '../domain/words.js';
import type { Ctx } from './context.js';
import { declarationsOfPair } from './repo/declarations.js';
import { standing } from '../rules/recusal.js';
import { latestPackage, type PackageRow } from './repo/packages.js';
import { isSeated, seatsOfExpert } from './repo/panels.js';
import { getApplicant } from './repo/people.js';
import { refuse } from '../domain/errors.js';

/** The expert this store speaks for in an edition, as named by the latest package. */
export function currentPackage(ctx: Ctx, editionId: string): PackageRow {
  const pkg = latestPackage(ctx, editionId);
  if (!pkg) {
    throw refuse(
      'edition.not-found',
      '本库中没有该届次：请先导入秘书处发来的评审包。',
      'This store holds no such edition: import the review package from the secretariat first.',
      { editionId },
    );
  }
  return pkg;
}

export function meIn(ctx: Ctx, editionId: string): string {
  return currentPackage(ctx, editionId).expert_id;
}

function applicantCode(ctx: Ctx, applicantId: string): string {
  return getApplicant(ctx, applicantId).code;
}

export function requireAssigned(ctx: Ctx, expertId: string, editionId: string, applicantId: string, stage?: Stage): void {
  const applicant = getApplicant(ctx, applicantId);
  const assigned = stage
    ? isSeated(ctx, expertId, applicantId, stage)
    : seatsOfExpert(ctx, expertId).some((s) => s.applicantId === applicantId);
  if (applicant.editionId !== editionId || !assigned) {
    const where = stage ? { zh: `在${STAGE_NAMES[stage].zh}中`, en: ` in the ${STAGE_NAMES[stage].en}` } : { zh: '', en: '' };
    throw refuse(
      'assignment.not-found',
      `申报单位 ${applicant.code} ${where.zh}不在您的评审任务中。`,
      `Applicant ${applicant.code} is not among your assignments${where.en}.`,
    );
  }
}

/**
 * The gate in front of an applicant's materials and score sheets: the expert must have declared
 * no conflict, and no recusal may stand. It sits where data is read, so no caller can skip it.
 */
export function requireClear(ctx: Ctx, expertId: string, applicantId: string): void {
  const s = standing(declarationsOfPair(ctx, expertId, applicantId));
  if (s === 'conflicted') {
    throw refuse(
      'recusal.conflicted',
      `您与申报单位 ${applicantCode(ctx, applicantId)} 存在利益冲突（已回避）：不能查看其材料或评分。`,
      `You are recused from applicant ${applicantCode(ctx, applicantId)} (conflict of interest): you may neither read its materials nor score it.`,
    );
  }
  if (s === 'undeclared') {
    throw refuse(
      'declaration.required',
      `请先就申报单位 ${applicantCode(ctx, applicantId)} 声明是否存在利益冲突，声明无冲突后才能查看材料和评分。`,
      `First declare whether you have a conflict of interest with applicant ${applicantCode(ctx, applicantId)}; its materials and sheet open once you declare no conflict.`,
    );
  }
}
