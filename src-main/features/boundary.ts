import type { z } from 'zod';
import { PingshenError, refuse } from '../domain/errors.js';
import { listReasons, validate } from '../domain/reasons.js';
import type { Role } from '../domain/words.js';
import type { Access, AnyCall } from './call.js';

/**
 * Where a call crosses in — from the renderer over IPC, from the command line, from a test — it
 * is checked here, once: the caller's role, then the input against the call's schema.
 */

export function lockedError(): PingshenError {
  return refuse('session.locked', '库已锁定，请先解锁。', 'The store is locked; unlock it first.');
}

export function wrongRole(needed: Role): PingshenError {
  return needed === 'secretariat'
    ? refuse('session.wrong-role', '此操作仅限秘书处使用，请以秘书处身份解锁。', 'Only the secretariat may do this; unlock as the secretariat.')
    : refuse('session.wrong-role', '此操作仅限评审专家使用，请以专家身份解锁。', 'Only an expert may do this; unlock as an expert.');
}

export function checkAccess(access: Access, role: Role | null): void {
  if (access === 'open') return;
  if (role === null) throw lockedError();
  if (access !== 'unlocked' && access !== role) throw wrongRole(access);
}

/** The call's name is for whoever reads logs, not for the clerk reading the message. */
export function parseCallInput(name: string, def: AnyCall, raw: unknown): unknown {
  const parsed = validate(def.input as z.ZodType<unknown>, raw === undefined ? {} : raw, 'form');
  if (parsed.ok) return parsed.value;
  const reasons = listReasons(parsed.reasons);
  throw new PingshenError(
    'input.invalid',
    {
      zh: `输入有误：${reasons.zh}。请更正后重试，未做任何更改。`,
      en: `The input is not valid: ${reasons.en}. Correct it and try again; nothing was changed.`,
    },
    { call: name },
  );
}

/** For tests and development: what a call returned must be what it declares. */
export function checkCallOutput(name: string, def: AnyCall, value: unknown): void {
  const parsed = def.output.safeParse(value);
  if (!parsed.success) {
    throw new Error(`call ${name} returned a value its output schema refuses: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
}
