import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { refuse } from '../../domain/errors.js';
import { DownloadSchema, UploadSchema } from '../../domain/files.js';
import { namedFile } from '../../domain/file-names.js';
import { ExpertSchema } from '../../domain/people.js';
import {
  PoolExpertChangesSchema,
  PoolExpertDetailSchema,
  PoolExpertInputSchema,
  PoolExpertSchema,
  QualificationInputSchema,
  type PoolExpert,
  type PoolExpertInput,
} from '../../domain/pool.js';
import { CodeSchema, IdSchema, textOf } from '../../domain/values.js';
import { PoolStateSchema } from '../../domain/vocabulary.js';
import { POOL_STATE_NAMES } from '../../domain/words.js';
import { storeCall } from '../call.js';
import type { Ctx } from '../context.js';
import { addToPool, checkDraw, checkedEnrollment, refuseTakenPoolCode, seatInEdition } from '../pool-entry.js';
import {
  deleteQualification,
  findQualification,
  getPoolExpert,
  insertQualification,
  listPoolRows,
  poolExpertByCode,
  poolKeys,
  seatsOfPoolExpert,
  setPoolKeys,
  setPoolStatus,
  updatePoolExpert,
} from '../repo/pool.js';

/**
 * The expert pool (专家库): experts kept across editions with their profile, qualifications,
 * contact, status and key; an edition draws its experts from it (Wuxi art. 9(3), Xinyang art. 8,
 * Hohhot art. 8: the secretariat builds and manages the pool; Wuxi art. 16, Xinyang art. 35,
 * Jinan art. 27: an expert who abused the role loses it — here, suspended or removed, with why).
 */

const FIELDS = ['code', 'name', 'organisation', 'creditCode', 'title', 'industry', 'speciality', 'phone', 'email'] as const;

function inputOf(e: PoolExpert): PoolExpertInput {
  return {
    code: e.code,
    name: e.name,
    organisation: e.organisation,
    creditCode: e.creditCode,
    title: e.title,
    industry: e.industry,
    speciality: e.speciality,
    phone: e.phone,
    email: e.email,
  };
}

function differences(before: PoolExpertInput, after: PoolExpertInput): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const f of FIELDS) if (before[f] !== after[f]) out[f] = [before[f], after[f]];
  return out;
}

/** Merges changes into a pool record, refusing a code another pool expert holds. */
function corrected(ctx: Ctx, before: PoolExpert, changes: Partial<PoolExpertInput>): PoolExpertInput {
  const after = { ...inputOf(before), ...changes };
  if (after.code !== before.code) refuseTakenPoolCode(ctx, after.code);
  return after;
}

const EnrollmentInput = z.strictObject({ expertId: IdSchema, enrollmentCode: z.string().trim().min(1).max(4096) });

export const poolCalls = {
  'pool.list': storeCall({
    access: 'secretariat',
    input: z.strictObject({}),
    output: z.array(PoolExpertSchema),
    run: (_i, ctx) => listPoolRows(ctx),
  }),

  /** one expert with every edition that seated them: their panels there and their workload */
  'pool.get': storeCall({
    access: 'secretariat',
    input: z.strictObject({ expertId: IdSchema }),
    output: PoolExpertDetailSchema,
    run(i, ctx) {
      const expert = getPoolExpert(ctx, i.expertId);
      const seats = seatsOfPoolExpert(ctx, expert.id);
      return { expert, seats, load: seats.reduce((n, s) => n + s.load, 0) };
    },
  }),

  'pool.add': storeCall({
    access: 'secretariat',
    input: z.strictObject({ expert: PoolExpertInputSchema }),
    output: PoolExpertSchema,
    run(i, ctx) {
      refuseTakenPoolCode(ctx, i.expert.code);
      return ctx.change('pool.added', () => {
        const expert = addToPool(ctx, i.expert);
        return { result: expert, detail: { poolId: expert.id, code: expert.code, name: expert.name } };
      });
    },
  }),

  /** corrects a pool record; every edition that seats the expert reads the corrected details */
  'pool.update': storeCall({
    access: 'secretariat',
    input: z.strictObject({ expertId: IdSchema, changes: PoolExpertChangesSchema, reason: textOf(1000).optional() }),
    output: PoolExpertSchema,
    run(i, ctx) {
      const before = getPoolExpert(ctx, i.expertId);
      const after = corrected(ctx, before, i.changes);
      const changed = differences(inputOf(before), after);
      if (Object.keys(changed).length === 0) return before;
      return ctx.change('pool.corrected', () => {
        updatePoolExpert(ctx, before.id, after);
        return { result: getPoolExpert(ctx, before.id), detail: { poolId: before.id, changed, reason: i.reason ?? null } };
      });
    },
  }),

  /**
   * active, suspended or removed, always with the reason: a suspended or removed expert is not
   * drawn into an edition or proposed for a panel; the seats they already hold stay on record
   */
  'pool.setStatus': storeCall({
    access: 'secretariat',
    input: z.strictObject({ expertId: IdSchema, state: PoolStateSchema, reason: textOf(1000) }),
    output: PoolExpertSchema,
    run(i, ctx) {
      const before = getPoolExpert(ctx, i.expertId);
      if (before.status.state === i.state) {
        const state = POOL_STATE_NAMES[i.state];
        throw refuse('pool.same-status', `专家 ${before.code} 的状态已是“${state.zh}”。`, `Expert ${before.code} is already ${state.en}.`);
      }
      return ctx.change('pool.status-changed', () => {
        setPoolStatus(ctx, before.id, i.state, i.reason);
        return { result: getPoolExpert(ctx, before.id), detail: { poolId: before.id, from: before.status.state, to: i.state, reason: i.reason } };
      });
    },
  }),

  'pool.addQualification': storeCall({
    access: 'secretariat',
    input: z.strictObject({ expertId: IdSchema, qualification: QualificationInputSchema }),
    output: PoolExpertSchema,
    run(i, ctx) {
      const expert = getPoolExpert(ctx, i.expertId);
      const id = randomUUID();
      return ctx.change('pool.qualification-added', () => {
        insertQualification(ctx, expert.id, id, i.qualification);
        return { result: getPoolExpert(ctx, expert.id), detail: { poolId: expert.id, qualificationId: id, ...i.qualification } };
      });
    },
  }),

  'pool.removeQualification': storeCall({
    access: 'secretariat',
    input: z.strictObject({ qualificationId: IdSchema, reason: textOf(1000) }),
    output: PoolExpertSchema,
    run(i, ctx) {
      const q = findQualification(ctx, i.qualificationId);
      if (!q) throw refuse('qualification.not-found', '找不到该资格记录。请刷新后重试。', 'No such qualification. Refresh and try again.');
      return ctx.change('pool.qualification-removed', () => {
        deleteQualification(ctx, q.id);
        return { result: getPoolExpert(ctx, q.expertId), detail: { poolId: q.expertId, qualificationId: q.id, name: q.name, certificate: q.certificate, reason: i.reason } };
      });
    },
  }),

  'pool.checkEnrollment': storeCall({
    access: 'secretariat',
    input: EnrollmentInput,
    output: z.strictObject({ expertId: z.string(), code: z.string(), name: z.string(), fingerprint: z.string(), previousFingerprint: z.string().nullable() }),
    run(i, ctx) {
      const expert = getPoolExpert(ctx, i.expertId);
      const keys = checkedEnrollment(ctx, expert, i.enrollmentCode);
      return { expertId: expert.id, code: expert.code, name: expert.name, fingerprint: keys.fingerprint, previousFingerprint: poolKeys(ctx, expert.id)?.fingerprint ?? null };
    },
  }),

  /** registers the expert's key once: every edition that seats them, now or later, uses it */
  'pool.enroll': storeCall({
    access: 'secretariat',
    input: EnrollmentInput,
    output: PoolExpertSchema,
    run(i, ctx) {
      const expert = getPoolExpert(ctx, i.expertId);
      const keys = checkedEnrollment(ctx, expert, i.enrollmentCode);
      const before = poolKeys(ctx, expert.id);
      return ctx.change('pool.enrolled', () => {
        setPoolKeys(ctx, expert.id, keys);
        return { result: getPoolExpert(ctx, expert.id), detail: { poolId: expert.id, code: expert.code, fingerprint: keys.fingerprint, previousFingerprint: before?.fingerprint ?? null } };
      });
    },
  }),

  /**
   * seats pool experts in an edition, under their pool codes unless a seat code is given; all or
   * nothing: a suspended or removed expert, one already seated, or a code taken refuses the lot.
   * An enrolled expert comes with their key: nobody enrolls again.
   */
  'pool.draw': storeCall({
    access: 'secretariat',
    input: z.strictObject({
      editionId: IdSchema,
      experts: z.array(z.strictObject({ expertId: IdSchema, code: CodeSchema.optional() })).min(1).max(1000),
    }),
    output: z.array(ExpertSchema),
    run(i, ctx) {
      const picked = i.experts.map((e) => ({ pool: getPoolExpert(ctx, e.expertId), code: e.code }));
      const ids = new Set(picked.map((p) => p.pool.id));
      if (ids.size !== picked.length) throw refuse('pool.duplicate', '同一位专家被选了两次。', 'The same expert is picked twice.');
      return ctx.change('pool.drawn', () => {
        const seats = picked.map(({ pool, code }) => {
          checkDraw(ctx, pool, i.editionId, code ?? pool.code);
          return seatInEdition(ctx, pool, i.editionId, code ?? pool.code);
        });
        return {
          result: seats,
          detail: { editionId: i.editionId, seats: seats.map((s) => ({ poolId: s.poolId, expertId: s.id, code: s.code, enrolled: s.enrolled })) },
        };
      });
    },
  }),

  /**
   * reads a pool workbook (as pool.export writes it): a new code joins the pool, a known one has
   * its details corrected, and a qualification not yet held is added; a bad row refuses the whole
   */
  'pool.import': storeCall({
    access: 'secretariat',
    input: z.strictObject({ file: UploadSchema }),
    output: z.strictObject({ added: z.number().int(), updated: z.number().int(), qualifications: z.number().int() }),
    async run(i, ctx) {
      const { readPoolWorkbook } = await import('../../xlsx/pool.js');
      const sheet = await readPoolWorkbook(i.file);
      return ctx.change('pool.imported', () => {
        const added: string[] = [];
        const updated: string[] = [];
        for (const row of sheet.experts) {
          const known = poolExpertByCode(ctx, row.code);
          if (!known) {
            addToPool(ctx, row);
            added.push(row.code);
          } else if (Object.keys(differences(inputOf(known), row)).length > 0) {
            updatePoolExpert(ctx, known.id, row);
            updated.push(row.code);
          }
        }
        let qualifications = 0;
        for (const { code, qualification } of sheet.qualifications) {
          const expert = poolExpertByCode(ctx, code)!;
          const held = expert.qualifications.some((q) => q.name === qualification.name && q.certificate === qualification.certificate);
          if (held) continue;
          insertQualification(ctx, expert.id, randomUUID(), qualification);
          qualifications++;
        }
        return {
          result: { added: added.length, updated: updated.length, qualifications },
          detail: { fileName: i.file.fileName, added, updated, qualifications },
        };
      });
    },
  }),

  'pool.export': storeCall({
    access: 'secretariat',
    input: z.strictObject({}),
    output: DownloadSchema,
    async run(_i, ctx) {
      const { poolWorkbook } = await import('../../xlsx/pool.js');
      return { fileName: namedFile(['专家库'], '.xlsx'), bytes: await poolWorkbook(listPoolRows(ctx)) };
    },
  }),
};
