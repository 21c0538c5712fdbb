import { randomUUID } from 'node:crypto';
import { parseEnrollmentCode, type EnrollmentKeys } from '../crypto/identity.js';
import { refuse } from '../domain/errors.js';
import type { Expert } from '../domain/people.js';
import type { PoolExpert, PoolExpertInput } from '../domain/pool.js';
import { POOL_STATE_NAMES } from '../domain/words.js';
import type { Ctx } from './context.js';
import { getEdition } from './repo/editions.js';
import { expertCodes } from './repo/people.js';
import { getPoolExpert, insertPoolExpert, insertSeat, poolCodes, poolExpertByFingerprint, seatOf } from './repo/pool.js';

/**
 * How experts enter the pool and an edition, shared by the pool's calls and the edition's
 * expert calls (which add to the pool and seat at once): one code per pool expert, one key per
 * person, and only an active expert seated.
 */

export function refuseTakenPoolCode(ctx: Ctx, code: string): void {
  if (poolCodes(ctx).has(code)) {
    throw refuse(
      'pool.code-taken',
      `专家库中已有编号为“${code}”的专家。如是同一人，请从专家库选入本届；否则请换一个编号。`,
      `The pool already has an expert with code "${code}". If it is the same person, draw them from the pool into the edition; otherwise use another code.`,
    );
  }
}

/** Adds an expert to the pool (the caller runs it inside its change). */
export function addToPool(ctx: Ctx, input: PoolExpertInput): PoolExpert {
  refuseTakenPoolCode(ctx, input.code);
  const id = randomUUID();
  insertPoolExpert(ctx, id, input);
  return getPoolExpert(ctx, id);
}

/** Checks that a pool expert can take a seat in an edition, under the seat code given. */
export function checkDraw(ctx: Ctx, pool: PoolExpert, editionId: string, code: string): void {
  getEdition(ctx, editionId);
  if (pool.status.state !== 'active') {
    const state = POOL_STATE_NAMES[pool.status.state];
    throw refuse(
      'pool.not-active',
      `专家 ${pool.code} ${pool.name} 在专家库中的状态为“${state.zh}”（${pool.status.reason}），不能选入评审。`,
      `Expert ${pool.code} ${pool.name} is ${state.en} in the pool (${pool.status.reason}) and cannot be drawn into a review.`,
    );
  }
  if (seatOf(ctx, pool.id, editionId)) {
    throw refuse('pool.already-seated', `专家 ${pool.code} ${pool.name} 已在本届专家名单中。`, `Expert ${pool.code} ${pool.name} is already on this edition's list of experts.`);
  }
  if (expertCodes(ctx, editionId).has(code)) {
    throw refuse('expert.code-taken', `本届已有编号为“${code}”的评审专家，请换一个编号。`, `This edition already has an expert with code "${code}"; use another code.`);
  }
}

/** Seats a pool expert in an edition (the caller checked it and runs it inside its change). */
export function seatInEdition(ctx: Ctx, pool: PoolExpert, editionId: string, code: string = pool.code): Expert {
  return insertSeat(ctx, pool, editionId, randomUUID(), code);
}

/** The keys an enrollment code holds, refused if they are this store's own or another pool expert's. */
export function checkedEnrollment(ctx: Ctx, pool: PoolExpert, code: string): EnrollmentKeys {
  const keys = parseEnrollmentCode(code);
  if (keys.signPublic === ctx.identity.signPublic) {
    throw refuse(
      'enrollment.own-key',
      '这是秘书处本库自己的注册码，不是专家的。请让专家在其电脑上新建专家库，并提供该库显示的注册码。',
      "This is the secretariat store's own enrollment code, not an expert's. Ask the expert to create an expert store on their laptop and hand over the code it shows.",
    );
  }
  const holder = poolExpertByFingerprint(ctx, keys.fingerprint);
  if (holder && holder.id !== pool.id) {
    throw refuse(
      'enrollment.key-taken',
      `该注册码已登记给专家库中的专家 ${holder.code}（${holder.name}）。每位专家须使用自己的专家库。`,
      `This enrollment code is already registered to pool expert ${holder.code} (${holder.name}). Each expert needs their own expert store.`,
    );
  }
  return keys;
}
