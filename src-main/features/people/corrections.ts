import { z } from 'zod';
import { refuse } from '../../domain/errors.js';
import {
  ApplicantChangesSchema,
  ApplicantSchema,
  ExpertChangesSchema,
  ExpertSchema,
  type Applicant,
  type ApplicantInput,
  type Expert,
  type ExpertInput,
} from '../../domain/people.js';
import { IdSchema, textOf } from '../../domain/values.js';
import { KIND_NAMES } from '../../domain/words.js';
import { storeCall } from '../call.js';
import type { Ctx } from '../context.js';
import { getEdition } from '../repo/editions.js';
import { getPoolExpert, updatePoolExpert } from '../repo/pool.js';
import { assignmentsOfApplicant, deleteAssignmentsOfApplicant, panelsOfExpert, unseatExpert } from '../repo/panels.js';
import {
  applicantCodes,
  deleteApplicant,
  deleteExpert,
  expertCodes,
  getApplicant,
  getExpert,
  setApplicantWithdrawn,
  setExpertWithdrawn,
  setExpertCode,
  updateApplicant,
  workOfApplicant,
  workOfExpert,
} from '../repo/people.js';

/**
 * Corrections to applicants and experts. A field can always be corrected; a person can be
 * removed only while nothing refers to them beyond the secretariat's set-up (no package that
 * named them went out, no declaration, no sheet). After that they can only withdraw: the record
 * stays, marked, and the audit log says who did it, when and why.
 */

const APPLICANT_FIELDS = ['code', 'name', 'kind', 'industry', 'creditCode', 'idNumber', 'contactName', 'contactPhone', 'contactEmail'] as const;
const EXPERT_FIELDS = ['code', 'name', 'organisation', 'title', 'industry', 'phone', 'email'] as const;

/** the fields that differ, as [before, after], for the audit log */
function differences<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const f of fields) if (before[f] !== after[f]) out[f] = [before[f] ?? null, after[f] ?? null];
  return out;
}

function inputOfApplicant(a: Applicant): ApplicantInput {
  return { code: a.code, name: a.name, kind: a.kind, industry: a.industry, creditCode: a.creditCode, idNumber: a.idNumber, contactName: a.contactName, contactPhone: a.contactPhone, contactEmail: a.contactEmail };
}

function inputOfExpert(e: Expert): ExpertInput {
  return { code: e.code, name: e.name, organisation: e.organisation, title: e.title, industry: e.industry, phone: e.phone, email: e.email };
}

interface Work {
  packages: number;
  declarations: number;
  sheets: number;
}

function describeWork(w: Work): { zh: string; en: string } {
  const parts = [
    w.packages ? { zh: `已发出 ${w.packages} 个评审包`, en: `${w.packages} review package(s) went out` } : null,
    w.declarations ? { zh: `有 ${w.declarations} 条利益冲突声明`, en: `${w.declarations} declaration(s) of interest exist` } : null,
    w.sheets ? { zh: `有 ${w.sheets} 张评分表`, en: `${w.sheets} score sheet(s) exist` } : null,
  ].filter((p) => p !== null);
  return { zh: parts.map((p) => p.zh).join('，'), en: parts.map((p) => p.en).join(', ') };
}

const hasWork = (w: Work) => w.packages + w.declarations + w.sheets > 0;

export const peopleCorrectionCalls = {
  /** corrects an applicant's fields; a package that named the applicant goes out of date */
  'applicants.update': storeCall({
    access: 'secretariat',
    input: z.strictObject({ applicantId: IdSchema, changes: ApplicantChangesSchema, reason: textOf(1000).optional() }),
    output: ApplicantSchema,
    run(i, ctx) {
      const before = getApplicant(ctx, i.applicantId);
      const after: ApplicantInput = { ...inputOfApplicant(before), ...i.changes };
      const edition = getEdition(ctx, before.editionId);
      if (after.kind !== before.kind && !edition.profile.applicantKinds.includes(after.kind)) {
        throw refuse(
          'applicant.kind-not-admitted',
          `${edition.profile.city.zh}的评审规则不受理${KIND_NAMES[after.kind].zh}申报。`,
          `The ${edition.profile.city.en} rules do not admit ${KIND_NAMES[after.kind].en}.`,
        );
      }
      if (after.code !== before.code && applicantCodes(ctx, before.editionId).has(after.code)) {
        throw refuse('applicant.code-taken', `本届已有编号为“${after.code}”的申报单位，请换一个编号。`, `This edition already has an applicant with code "${after.code}"; use another code.`);
      }
      const changed = differences(inputOfApplicant(before), after, APPLICANT_FIELDS);
      if (Object.keys(changed).length === 0) return before;
      return ctx.change('applicant.corrected', () => {
        updateApplicant(ctx, before.id, after);
        return { result: getApplicant(ctx, before.id), detail: { editionId: before.editionId, applicantId: before.id, changed, reason: i.reason ?? null } };
      });
    },
  }),

  /** removes an applicant entered in error; refused once work refers to it (withdraw instead) */
  'applicants.remove': storeCall({
    access: 'secretariat',
    input: z.strictObject({ applicantId: IdSchema, reason: textOf(1000) }),
    output: z.strictObject({ removed: ApplicantSchema }),
    run(i, ctx) {
      const a = getApplicant(ctx, i.applicantId);
      const work = workOfApplicant(ctx, a.id);
      if (hasWork(work)) {
        const w = describeWork(work);
        throw refuse(
          'applicant.has-work',
          `不能删除 ${a.code} ${a.name}：${w.zh}。它已是评审记录的一部分，只能撤回申报（记录保留并注明）。`,
          `${a.code} ${a.name} cannot be removed: ${w.en}. It is part of the review record now; withdraw it instead (the record stays, marked).`,
          work,
        );
      }
      return ctx.change('applicant.removed', () => {
        deleteApplicant(ctx, a.id);
        return { result: { removed: a }, detail: { editionId: a.editionId, applicantId: a.id, code: a.code, name: a.name, reason: i.reason } };
      });
    },
  }),

  /**
   * The applicant withdraws (撤回申报) or is withdrawn: no longer assigned or ranked, its record,
   * sheets and declarations kept. The experts who reviewed it learn it from their next package.
   */
  'applicants.withdraw': storeCall({
    access: 'secretariat',
    input: z.strictObject({ applicantId: IdSchema, reason: textOf(1000) }),
    output: ApplicantSchema,
    run(i, ctx) {
      const a = getApplicant(ctx, i.applicantId);
      if (a.withdrawn) {
        throw refuse('applicant.withdrawn', `${a.code} 已于 ${a.withdrawn.at.slice(0, 10)} 撤回申报。`, `${a.code} already withdrew on ${a.withdrawn.at.slice(0, 10)}.`);
      }
      const panels = assignmentsOfApplicant(ctx, a.id);
      return ctx.change('applicant.withdrawn', () => {
        setApplicantWithdrawn(ctx, a.id, ctx.now(), i.reason);
        deleteAssignmentsOfApplicant(ctx, a.id);
        return { result: getApplicant(ctx, a.id), detail: { editionId: a.editionId, applicantId: a.id, code: a.code, reason: i.reason, unassigned: panels } };
      });
    },
  }),

  'experts.update': storeCall({
    access: 'secretariat',
    input: z.strictObject({ expertId: IdSchema, changes: ExpertChangesSchema, reason: textOf(1000).optional() }),
    output: ExpertSchema,
    run(i, ctx) {
      const before = getExpert(ctx, i.expertId);
      const after: ExpertInput = { ...inputOfExpert(before), ...i.changes };
      if (after.code !== before.code && expertCodes(ctx, before.editionId).has(after.code)) {
        throw refuse('expert.code-taken', `本届已有编号为“${after.code}”的评审专家，请换一个编号。`, `This edition already has an expert with code "${after.code}"; use another code.`);
      }
      const changed = differences(inputOfExpert(before), after, EXPERT_FIELDS);
      if (Object.keys(changed).length === 0) return before;
      return ctx.change('expert.corrected', () => {
        setExpertCode(ctx, before.id, after.code);
        // the person's details are the pool's: corrected there, they read the same in every edition
        const pool = getPoolExpert(ctx, before.poolId ?? '');
        updatePoolExpert(ctx, pool.id, { ...pool, ...after, code: pool.code });
        return { result: getExpert(ctx, before.id), detail: { editionId: before.editionId, expertId: before.id, changed, reason: i.reason ?? null } };
      });
    },
  }),

  'experts.remove': storeCall({
    access: 'secretariat',
    input: z.strictObject({ expertId: IdSchema, reason: textOf(1000) }),
    output: z.strictObject({ removed: ExpertSchema }),
    run(i, ctx) {
      const e = getExpert(ctx, i.expertId);
      const work = workOfExpert(ctx, e.id);
      if (hasWork(work)) {
        const w = describeWork(work);
        throw refuse(
          'expert.has-work',
          `不能删除专家 ${e.code} ${e.name}：${w.zh}。其工作已是评审记录的一部分，只能让其退出（记录保留并注明）。`,
          `Expert ${e.code} ${e.name} cannot be removed: ${w.en}. Their work is part of the review record now; withdraw them instead (the record stays, marked).`,
          work,
        );
      }
      refuseIfLeader(ctx, e);
      return ctx.change('expert.removed', () => {
        unseatExpert(ctx, e.id);
        deleteExpert(ctx, e.id);
        return { result: { removed: e }, detail: { editionId: e.editionId, expertId: e.id, code: e.code, name: e.name, reason: i.reason } };
      });
    },
  }),

  /**
   * The expert withdraws (退出): they leave every panel, their sheets stay on record but no longer
   * count, their declarations stand. A panel they lead needs another leader first.
   */
  'experts.withdraw': storeCall({
    access: 'secretariat',
    input: z.strictObject({ expertId: IdSchema, reason: textOf(1000) }),
    output: ExpertSchema,
    run(i, ctx) {
      const e = getExpert(ctx, i.expertId);
      if (e.withdrawn) {
        throw refuse('expert.withdrawn', `专家 ${e.code} 已于 ${e.withdrawn.at.slice(0, 10)} 退出。`, `Expert ${e.code} already withdrew on ${e.withdrawn.at.slice(0, 10)}.`);
      }
      refuseIfLeader(ctx, e);
      const panels = panelsOfExpert(ctx, e.id).map((p) => p.panelId);
      return ctx.change('expert.withdrawn', () => {
        setExpertWithdrawn(ctx, e.id, ctx.now(), i.reason);
        unseatExpert(ctx, e.id);
        return { result: getExpert(ctx, e.id), detail: { editionId: e.editionId, expertId: e.id, code: e.code, reason: i.reason, leftPanels: panels } };
      });
    },
  }),
};

function refuseIfLeader(ctx: Ctx, e: Expert): void {
  if (panelsOfExpert(ctx, e.id).some((p) => p.leads)) {
    throw refuse(
      'panel.leader-leaving',
      `专家 ${e.code} 是评审组组长：请先为该组指定另一位组长。`,
      `Expert ${e.code} leads a panel: name another leader for it first.`,
    );
  }
}
