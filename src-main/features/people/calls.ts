import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { resourcePath } from '../../catalog/resources.js';
import { PingshenError, refuse } from '../../domain/errors.js';
import { DownloadSchema, SheetImportResultSchema, UploadSchema } from '../../domain/files.js';
import { ApplicantInputSchema, ApplicantSchema, ExpertInputSchema, ExpertSchema, type Applicant, type ApplicantInput, type Expert, type ExpertInput } from '../../domain/people.js';
import type { PoolExpertInput } from '../../domain/pool.js';
import { EntityIdSchema, IdSchema } from '../../domain/values.js';
import { KIND_NAMES } from '../../domain/words.js';
import { readApplicantsSheet } from '../../xlsx/applicants.js';
import { readExpertsSheet } from '../../xlsx/experts.js';
import { storeCall } from '../call.js';
import { peopleCorrectionCalls } from './corrections.js';
import { peopleListCalls } from './lists.js';
import type { Ctx } from '../context.js';
import { addToPool, checkedEnrollment, refuseTakenPoolCode, seatInEdition } from '../pool-entry.js';
import { getEdition } from '../repo/editions.js';
import { applicantCodes, expertCodes, getExpert, insertApplicant } from '../repo/people.js';
import { getPoolExpert, poolCodes, poolKeys, setPoolKeys } from '../repo/pool.js';

/** Applicants and experts as the secretariat enters them, by hand or from the Excel templates. */

/** Where the Excel templates ship, by the kind of sheet. */
export const TEMPLATE_FILES = {
  applicants: 'applicants-template.xlsx',
  experts: 'experts-template.xlsx',
} as const;

function checkApplicant(ctx: Ctx, editionId: string, a: ApplicantInput): void {
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
}

function checkExpert(ctx: Ctx, editionId: string, e: ExpertInput): void {
  getEdition(ctx, editionId);
  if (expertCodes(ctx, editionId).has(e.code)) {
    throw refuse(
      'expert.code-taken',
      `本届已有编号为“${e.code}”的评审专家，请换一个编号。`,
      `This edition already has an expert with code "${e.code}"; use another code.`,
    );
  }
  refuseTakenPoolCode(ctx, e.code);
}

/** An expert entered for an edition joins the pool, and takes their seat in the edition. */
function addAndSeat(ctx: Ctx, editionId: string, e: ExpertInput): Expert {
  const input: PoolExpertInput = { ...e, creditCode: null, speciality: null };
  return seatInEdition(ctx, addToPool(ctx, input), editionId);
}

/** The pool record behind a seat: every secretariat seat has one (schema 7 gave the older ones theirs). */
function poolOf(ctx: Ctx, seat: Expert) {
  if (seat.poolId === null) throw refuse('pool.no-record', `专家 ${seat.code} 不在专家库中。`, `Expert ${seat.code} is not in the pool.`);
  return getPoolExpert(ctx, seat.poolId);
}

const newApplicant = (editionId: string, a: ApplicantInput): Applicant => ({ id: randomUUID(), editionId, ...a, withdrawn: null });

const SheetUpload = z.strictObject({ editionId: IdSchema, file: UploadSchema });

const EnrollmentInput = z.strictObject({ expertId: IdSchema, enrollmentCode: z.string().trim().min(1).max(4096) });

const EnrollmentCheckSchema = z.strictObject({
  expertId: EntityIdSchema,
  code: z.string(),
  name: z.string(),
  /** 8 groups of 4 hex digits, as `pingshen whoami` prints it */
  fingerprint: z.string(),
  /** the fingerprint registered before, when this code would replace it */
  previousFingerprint: z.string().nullable(),
});


export const peopleCalls = {
  ...peopleCorrectionCalls,

  'applicants.add': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema, applicant: ApplicantInputSchema }),
    output: ApplicantSchema,
    run(i, ctx) {
      checkApplicant(ctx, i.editionId, i.applicant);
      const applicant = newApplicant(i.editionId, i.applicant);
      return ctx.change('applicant.added', () => {
        insertApplicant(ctx, applicant);
        return { result: applicant, detail: { editionId: i.editionId, applicantId: applicant.id, code: applicant.code } };
      });
    },
  }),

  'applicants.list': peopleListCalls['applicants.list'],

  /** a sheet with any bad row is refused whole, with every row's reasons */
  'applicants.import': storeCall({
    access: 'secretariat',
    input: SheetUpload,
    output: SheetImportResultSchema,
    async run(i, ctx) {
      const edition = getEdition(ctx, i.editionId);
      const rows = await readApplicantsSheet(i.file, { existingCodes: applicantCodes(ctx, i.editionId), kinds: edition.profile.applicantKinds });
      return ctx.change('applicants.imported', () => {
        for (const row of rows) {
          checkApplicant(ctx, i.editionId, row);
          insertApplicant(ctx, newApplicant(i.editionId, row));
        }
        return { result: { imported: rows.length }, detail: { editionId: i.editionId, count: rows.length, codes: rows.map((r) => r.code) } };
      });
    },
  }),

  'experts.add': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema, expert: ExpertInputSchema }),
    output: ExpertSchema,
    run(i, ctx) {
      checkExpert(ctx, i.editionId, i.expert);
      return ctx.change('expert.added', () => {
        const expert = addAndSeat(ctx, i.editionId, i.expert);
        return { result: expert, detail: { editionId: i.editionId, expertId: expert.id, poolId: expert.poolId, code: expert.code } };
      });
    },
  }),

  'experts.list': peopleListCalls['experts.list'],

  'experts.import': storeCall({
    access: 'secretariat',
    input: SheetUpload,
    output: SheetImportResultSchema,
    async run(i, ctx) {
      getEdition(ctx, i.editionId);
      const rows = await readExpertsSheet(i.file, { existingCodes: new Set([...expertCodes(ctx, i.editionId), ...poolCodes(ctx)]) });
      return ctx.change('experts.imported', () => {
        for (const row of rows) {
          checkExpert(ctx, i.editionId, row);
          addAndSeat(ctx, i.editionId, row);
        }
        return { result: { imported: rows.length }, detail: { editionId: i.editionId, count: rows.length, codes: rows.map((r) => r.code) } };
      });
    },
  }),

  /**
   * reads an enrollment code without storing anything: whose expert record it would go to and the
   * fingerprint to compare with the expert, in the form `pingshen whoami` prints
   */
  'experts.checkEnrollment': storeCall({
    access: 'secretariat',
    input: EnrollmentInput,
    output: EnrollmentCheckSchema,
    run(i, ctx) {
      const expert = getExpert(ctx, i.expertId);
      const pool = poolOf(ctx, expert);
      const keys = checkedEnrollment(ctx, pool, i.enrollmentCode);
      return { expertId: expert.id, code: expert.code, name: expert.name, fingerprint: keys.fingerprint, previousFingerprint: poolKeys(ctx, pool.id)?.fingerprint ?? null };
    },
  }),

  /**
   * registers the enrollment code an expert's store printed, for the expert's pool record and so
   * for every edition that seats them; compare its fingerprint in person first
   */
  'experts.enroll': storeCall({
    access: 'secretariat',
    input: EnrollmentInput,
    output: ExpertSchema,
    run(i, ctx) {
      const expert = getExpert(ctx, i.expertId);
      const pool = poolOf(ctx, expert);
      const keys = checkedEnrollment(ctx, pool, i.enrollmentCode);
      const before = poolKeys(ctx, pool.id);
      return ctx.change('expert.enrolled', () => {
        setPoolKeys(ctx, pool.id, keys);
        return {
          result: getExpert(ctx, expert.id),
          detail: { expertId: expert.id, poolId: pool.id, code: expert.code, fingerprint: keys.fingerprint, previousFingerprint: before?.fingerprint ?? null },
        };
      });
    },
  }),

  /** the Excel template for a sheet of applicants or experts */
  'templates.get': storeCall({
    access: 'secretariat',
    input: z.strictObject({ kind: z.enum(['applicants', 'experts']) }),
    output: DownloadSchema,
    run(i) {
      const fileName = TEMPLATE_FILES[i.kind];
      const file = resourcePath('templates', fileName);
      if (!existsSync(file)) {
        throw new PingshenError('template.missing', {
          zh: `安装不完整：缺少模板 ${fileName}。请重新安装本软件。`,
          en: `Incomplete installation: template ${fileName} is missing. Reinstall the app.`,
        });
      }
      return { fileName, bytes: new Uint8Array(readFileSync(file)) };
    },
  }),
};
