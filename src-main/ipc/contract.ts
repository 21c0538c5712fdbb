import type { z } from 'zod';
import type { CallTable } from '../features/call.js';
import { STORE_CALLS } from '../features/index.js';
import { APP_CALLS } from './app-calls.js';

/**
 * The one list of calls the renderer can make: every store call of every feature, and the app's
 * own calls around them. A name not in this table does not exist. Each call's input is parsed
 * with its schema before it runs, and who may call it is checked first.
 */
export const CONTRACT = { ...STORE_CALLS, ...APP_CALLS } satisfies CallTable;

export type Contract = typeof CONTRACT;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

/** What the renderer sees: one function, typed by the table above. */
export interface Api {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
}

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(CONTRACT, name);
}

/** Whether the call is the app's own (it runs with the session and host, not with a store). */
export function isAppCall(name: CallName): name is keyof typeof APP_CALLS {
  return Object.hasOwn(APP_CALLS, name);
}
