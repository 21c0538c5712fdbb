import type { z } from 'zod';
import { listReasons, validate } from '../domain/reasons.js';
import { isPingshenError, PingshenError } from '../domain/errors.js';
import { CONTRACT, isCallName, type Access, type CallName } from './contract.js';
import { expertHandlers } from './handlers/expert.js';
import { reportHandlers } from './handlers/report.js';
import { secretariatHandlers } from './handlers/secretariat.js';
import { appHandlers, hostHandlers, sessionHandlers, settingsHandlers, storeHandlers } from './handlers/session.js';
import type { Handler, HandlerCtx } from './handlers/types.js';
import { lockedError, wrongRole } from './session.js';
import type { CallError, CallResult } from './types.js';

export type Handlers = { [N in CallName]: Handler<N> };

export const HANDLERS: Handlers = {
  ...appHandlers,
  ...sessionHandlers,
  ...settingsHandlers,
  ...hostHandlers,
  ...storeHandlers,
  ...secretariatHandlers,
  ...expertHandlers,
  ...reportHandlers,
};

/** Calls that only look; they must not keep an idle session awake. */
const PASSIVE: ReadonlySet<CallName> = new Set(['app.info', 'session.status', 'settings.get']);

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

function checkAccess(access: Access, ctx: HandlerCtx): void {
  if (access === 'open') return;
  const role = ctx.session.role();
  if (role === null) throw lockedError();
  if (access !== 'unlocked' && access !== role) throw wrongRole(access);
}

function unknownCall(name: unknown): PingshenError {
  const shown = typeof name === 'string' ? name.slice(0, 80) : typeof name;
  return new PingshenError('call.unknown', {
    zh: `没有名为“${shown}”的调用。`,
    en: `There is no call named "${shown}".`,
  });
}

function invalidInput(name: CallName, reasons: ReturnType<typeof listReasons>): PingshenError {
  // the call's name is for whoever reads logs, not for the clerk reading the message
  return new PingshenError(
    'input.invalid',
    {
      zh: `输入有误：${reasons.zh}。请更正后重试，未做任何更改。`,
      en: `The input is not valid: ${reasons.en}. Correct it and try again; nothing was changed.`,
    },
    { call: name },
  );
}

/**
 * The one door to the services. An unknown name is refused; the caller's role is checked; the
 * input is parsed with the contract's schema before any handler runs; whatever goes wrong comes
 * back as { code, message: {zh, en} } — never a stack trace, never a path the caller did not give.
 */
export async function dispatch(
  ctx: HandlerCtx,
  name: unknown,
  rawInput: unknown,
  handlers: Handlers = HANDLERS,
  onUnexpected: (error: unknown) => void = (e) => console.error('[pingshen] unexpected error', e),
): Promise<CallResult<unknown>> {
  try {
    if (!isCallName(name)) throw unknownCall(name);
    ctx.session.checkIdle();
    const def = CONTRACT[name];
    checkAccess(def.access, ctx);
    const parsed = validate(def.input as z.ZodType<unknown>, rawInput === undefined ? {} : rawInput);
    if (!parsed.ok) throw invalidInput(name, listReasons(parsed.reasons));
    const handler = handlers[name] as (input: unknown, ctx: HandlerCtx) => unknown;
    const run = async () => handler(parsed.value, ctx);
    const value = PASSIVE.has(name) ? await run() : await ctx.session.running(run);
    return { ok: true, value };
  } catch (error) {
    if (!isPingshenError(error)) onUnexpected(error);
    return { ok: false, error: serializeError(error) };
  }
}
