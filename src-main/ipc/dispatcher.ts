import { isPingshenError, PingshenError } from '../domain/errors.js';
import { checkAccess, checkCallOutput, parseCallInput } from '../features/boundary.js';
import { NO_AIDS, type AnyCall, type CallAids } from '../features/call.js';
import { CONTRACT, isAppCall, isCallName } from './contract.js';
import type { HostCtx } from './host.js';
import type { CallError, CallResult } from './types.js';

/** Details may carry row errors for a sheet import; anything not plain JSON, or too big, is dropped. */
const MAX_DETAILS_CHARS = 200_000;

function plainDetails(details: unknown): unknown {
  if (details === undefined) return undefined;
  try {
    const text = JSON.stringify(details);
    return text === undefined || text.length > MAX_DETAILS_CHARS ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function serializeError(error: unknown): CallError {
  if (isPingshenError(error)) {
    const details = plainDetails(error.details);
    return details === undefined
      ? { code: error.code, message: { ...error.localized } }
      : { code: error.code, message: { ...error.localized }, details };
  }
  return {
    code: 'internal',
    message: {
      zh: '发生了意外错误，操作未完成。请重试；若仍失败，请重启本软件。',
      en: 'An unexpected error stopped the operation. Try again; if it keeps failing, restart the app.',
    },
  };
}

function unknownCall(name: unknown): PingshenError {
  const shown = typeof name === 'string' ? name.slice(0, 80) : typeof name;
  return new PingshenError('call.unknown', {
    zh: `没有名为“${shown}”的调用。`,
    en: `There is no call named "${shown}".`,
  });
}

/**
 * The one door to the features. An unknown name is refused; the caller's role is checked; the
 * input is parsed with the call's schema before it runs; whatever goes wrong comes back as
 * { code, message: {zh, en} } — never a stack trace, never a path the caller did not give.
 * `checkOutputs` (tests) also holds every output to its declared schema.
 */
export async function dispatch(
  ctx: HostCtx,
  name: unknown,
  rawInput: unknown,
  opts: { onUnexpected?: (error: unknown) => void; checkOutputs?: boolean } = {},
): Promise<CallResult<unknown>> {
  const onUnexpected = opts.onUnexpected ?? ((e: unknown) => console.error('[pingshen] unexpected error', e));
  try {
    if (!isCallName(name)) throw unknownCall(name);
    ctx.session.checkIdle();
    const def = CONTRACT[name] as AnyCall;
    checkAccess(def.access, ctx.session.role());
    const input = parseCallInput(name, def, rawInput);
    const run = def.run as (input: unknown, ctx: unknown, aids: CallAids) => unknown;
    const go = async () => run(input, isAppCall(name) ? ctx : ctx.session.storeCtx(), NO_AIDS);
    const value = def.passive ? await go() : await ctx.session.running(go);
    if (opts.checkOutputs) checkCallOutput(name, def, value);
    return { ok: true, value };
  } catch (error) {
    if (!isPingshenError(error)) onUnexpected(error);
    return { ok: false, error: serializeError(error) };
  }
}
