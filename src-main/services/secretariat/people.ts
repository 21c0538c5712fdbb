import { randomUUID } from 'node:crypto';
import { KIND_NAMES } from '../../domain/vocabulary.js';
import { parseEnrollmentCode } from '../../crypto/identity.js';
import { readApplicantsSheet } from '../../xlsx/applicants.js';
import { readExpertsSheet } from '../../xlsx/experts.js';
import { type Applicant, type ApplicantInput, ApplicantInputSchema, type Expert, type ExpertInput, ExpertInputSchema } from '../../domain/people.js';
import type { SecretariatService } from '../api.js';
import type { Ctx } from '../context.js';
import { getEdition } from '../repo/editions.js';
import {
  applicantCodes,
  expertCodes,
  expertKeys,
  getExpert,
  insertApplicant,
  insertExpert,
  listApplicantRows,
  listExpertRows,
  setExpertKeys,
} from '../repo/people.js';
import { parseInput } from '../../domain/reasons.js';
import { refuse } from '../../domain/errors.js';
import { EnrollSchema } from '../schemas.js';
import { FilePathSchema, IdSchema } from '../../domain/values.js';

type PeopleMethods = Pick<
  SecretariatService,
  'addApplicant' | 'listApplicants' | 'importApplicants' | 'addExpert' | 'listExperts' | 'importExperts' | 'enrollExpert'
>;

const editionIdOf = (id: unknown): string => parseInput(IdSchema, id, { zh: '届次编号', en: 'edition id' });

export function peopleMethods(ctx: Ctx): PeopleMethods {
  const checkApplicant = (editionId: string, a: ApplicantInput): void => {
    const edition = getEdition(ctx, editionId);
    if (!edition.profile.applicantKinds.includes(a.kind)) {
      throw refuse(
        'applicant.kind-not-admitted',
        `${edition.profile.city.zh}的评审规则不受理${KIND_NAMES[a.kind].zh}申报。`,
        `The ${edition.profile.city.en} rules do not admit ${KIND_NAMES[a.kind].en}.`,
      );
    }
    if (applicantCodes(ctx, editionId).has(a.code)) {
      throw refuse(
        'applicant.code-taken',
        `本届已有编号为“${a.code}”的申报单位，请换一个编号。`,
        `This edition already has an applicant with code "${a.code}"; use another code.`,
      );
    }
  };
  const checkExpert = (editionId: string, e: ExpertInput): void => {
    getEdition(ctx, editionId);
    if (expertCodes(ctx, editionId).has(e.code)) {
      throw refuse(
        'expert.code-taken',
        `本届已有编号为“${e.code}”的评审专家，请换一个编号。`,
        `This edition already has an expert with code "${e.code}"; use another code.`,
      );
    }
  };
  const newApplicant = (editionId: string, a: ApplicantInput): Applicant => ({ id: randomUUID(), editionId, ...a });
  const newExpert = (editionId: string, e: ExpertInput): Expert => ({ id: randomUUID(), editionId, ...e, enrolled: false, fingerprint: null });

  return {
    addApplicant(editionId, input) {
      const id = editionIdOf(editionId);
      const a = parseInput(ApplicantInputSchema, input, { zh: '申报单位信息', en: 'applicant' });
      checkApplicant(id, a);
      const applicant = newApplicant(id, a);
      return ctx.change('applicant.added', () => {
        insertApplicant(ctx, applicant);
        return { result: applicant, detail: { editionId: id, applicantId: applicant.id, code: applicant.code } };
      });
    },

    listApplicants: (editionId) => listApplicantRows(ctx, editionIdOf(editionId)),

    async importApplicants(editionId, xlsxFile) {
      const id = editionIdOf(editionId);
      const file = parseInput(FilePathSchema, xlsxFile, { zh: '表格文件路径', en: 'sheet file path' });
      const edition = getEdition(ctx, id);
      const rows = await readApplicantsSheet(file, { existingCodes: applicantCodes(ctx, id), kinds: edition.profile.applicantKinds });
      return ctx.change('applicants.imported', () => {
        for (const row of rows) {
          checkApplicant(id, row);
          insertApplicant(ctx, newApplicant(id, row));
        }
        return { result: { imported: rows.length }, detail: { editionId: id, count: rows.length, codes: rows.map((r) => r.code) } };
      });
    },

    addExpert(editionId, input) {
      const id = editionIdOf(editionId);
      const e = parseInput(ExpertInputSchema, input, { zh: '评审专家信息', en: 'expert' });
      checkExpert(id, e);
      const expert = newExpert(id, e);
      return ctx.change('expert.added', () => {
        insertExpert(ctx, expert);
        return { result: expert, detail: { editionId: id, expertId: expert.id, code: expert.code } };
      });
    },

    listExperts: (editionId) => listExpertRows(ctx, editionIdOf(editionId)),

    async importExperts(editionId, xlsxFile) {
      const id = editionIdOf(editionId);
      const file = parseInput(FilePathSchema, xlsxFile, { zh: '表格文件路径', en: 'sheet file path' });
      getEdition(ctx, id);
      const rows = await readExpertsSheet(file, { existingCodes: expertCodes(ctx, id) });
      return ctx.change('experts.imported', () => {
        for (const row of rows) {
          checkExpert(id, row);
          insertExpert(ctx, newExpert(id, row));
        }
        return { result: { imported: rows.length }, detail: { editionId: id, count: rows.length, codes: rows.map((r) => r.code) } };
      });
    },

    enrollExpert(expertId, code) {
      const i = parseInput(EnrollSchema, { expertId, enrollmentCode: code }, { zh: '专家注册', en: 'enrollment' });
      const expert = getExpert(ctx, i.expertId);
      const keys = parseEnrollmentCode(i.enrollmentCode);
      if (keys.signPublic === ctx.identity.signPublic) {
        throw refuse(
          'enrollment.own-key',
          '这是秘书处本库自己的注册码，不是专家的。请让专家在其电脑上新建专家库，并提供该库显示的注册码。',
          "This is the secretariat store's own enrollment code, not an expert's. Ask the expert to create an expert store on their laptop and hand over the code it shows.",
        );
      }
      const holder = listExpertRows(ctx, expert.editionId).find((e) => e.id !== expert.id && e.fingerprint === keys.fingerprint);
      if (holder) {
        throw refuse(
          'enrollment.key-taken',
          `该注册码已登记给本届专家 ${holder.code}（${holder.name}）。每位专家须使用自己的专家库。`,
          `This enrollment code is already registered to expert ${holder.code} (${holder.name}) in this edition. Each expert needs their own expert store.`,
        );
      }
      const before = expertKeys(ctx, expert.id);
      return ctx.change('expert.enrolled', () => {
        setExpertKeys(ctx, expert.id, keys);
        return {
          result: getExpert(ctx, expert.id),
          detail: { expertId: expert.id, code: expert.code, fingerprint: keys.fingerprint, previousFingerprint: before?.fingerprint ?? null },
        };
      });
    },
  };
}
