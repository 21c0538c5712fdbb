import type { z } from 'zod';
import type { Role } from '../domain/words.js';
import { checkAccess, checkCallOutput, parseCallInput } from './boundary.js';
import { NO_AIDS, type CallAids, type CallTable } from './call.js';
import type { Ctx } from './context.js';

/** An open store of either role, as the CLI, the app's session and the tests hold it. */
export interface OpenStore {
  readonly role: Role;
  readonly ctx: Ctx;
  close(): void;
}

type Group<N> = N extends `${infer G}.${string}` ? G : never;
type Verb<N, G extends string> = N extends `${G}.${infer V}` ? V : never;
type Args<I extends z.ZodType> = {} extends z.input<I> ? [input?: z.input<I>, aids?: Partial<CallAids>] : [input: z.input<I>, aids?: Partial<CallAids>];

type Method<D> = D extends { input: infer I extends z.ZodType; run: (...args: never[]) => infer R } ? (...args: Args<I>) => R : never;

/** `client.applicants.add(input)` for the call 'applicants.add': typed from the declarations. */
export type Client<T extends CallTable> = {
  readonly [G in Group<keyof T & string>]: { readonly [V in Verb<keyof T & string, G>]: Method<T[`${G}.${V}`]> };
} & { readonly role: Role; close(): void };

/**
 * The in-process way to make calls: the same role check and the same input validation as the
 * IPC door. `checkOutputs` (tests) also holds every output to its declared schema.
 */
export function clientOf<T extends CallTable>(table: T, store: OpenStore, opts: { checkOutputs?: boolean } = {}): Client<T> {
  const groups: Record<string, Record<string, (input?: unknown, aids?: Partial<CallAids>) => unknown>> = {};
  for (const [name, def] of Object.entries(table)) {
    const [group, verb] = name.split('.') as [string, string];
    (groups[group] ??= {})[verb] = (input, aids) => {
      checkAccess(def.access, store.role);
      const parsed = parseCallInput(name, def, input);
      const value = (def.run as (i: unknown, c: Ctx, a: CallAids) => unknown)(parsed, store.ctx, { ...NO_AIDS, ...aids });
      if (!opts.checkOutputs) return value;
      if (value instanceof Promise) return value.then((v: unknown) => (checkCallOutput(name, def, v), v));
      checkCallOutput(name, def, value);
      return value;
    };
  }
  return { ...groups, role: store.role, close: () => store.close() } as unknown as Client<T>;
}
