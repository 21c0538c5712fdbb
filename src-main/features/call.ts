import type { z } from 'zod';
import type { Role } from '../domain/words.js';
import type { Ctx } from './context.js';

/**
 * A call: its input and output schemas, who may make it, and what it does, declared together in
 * its feature's calls.ts. The IPC contract, the renderer's typed client, the in-process client
 * (CLI, tests) and the CLI's generic `call` command are all derived from these declarations;
 * input is validated once, where a call crosses in.
 *
 * access: 'open' needs no store (the app's own calls), 'unlocked' either role's store, a role
 * that role's store.
 */
export type Access = 'open' | 'unlocked' | Role;

/** What a long call reports while it runs; callers that show no progress pass nothing. */
export interface CallAids {
  /** `step` names what was just done, e.g. the file just made */
  progress(done: number, total: number, step?: string): void;
}

export interface CallDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, C = Ctx> {
  readonly access: Access;
  readonly input: I;
  readonly output: O;
  /**
   * not the open store's work: it neither keeps an idle session awake nor holds off a lock
   * (the app's looks at its session, and the session's own create, unlock and lock)
   */
  readonly passive?: boolean;
  run(input: z.output<I>, ctx: C, aids: CallAids): z.output<O> | Promise<z.output<O>>;
}

/** Declares a store call (the context is the open store). */
export function storeCall<I extends z.ZodType, O extends z.ZodType, R extends z.output<O> | Promise<z.output<O>>>(def: {
  access: Exclude<Access, 'open'>;
  input: I;
  output: O;
  run(input: z.output<I>, ctx: Ctx, aids: CallAids): R;
}): CallDef<I, O> & { run(input: z.output<I>, ctx: Ctx, aids: CallAids): R } {
  return def;
}

export type AnyCall = CallDef<z.ZodType, z.ZodType, never>;
export type CallTable = Record<string, AnyCall>;

export const NO_AIDS: CallAids = { progress: () => undefined };
