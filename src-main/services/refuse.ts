import type { z } from 'zod';
import type { Localized } from '../domain/types.js';
import { listReasons, validate } from '../criteria/reasons.js';
import { PingshenError } from './errors.js';

/** A refusal: what happened and what to do, in both languages. */
export function refuse(code: string, zh: string, en: string, details?: unknown): PingshenError {
  return new PingshenError(code, { zh, en }, details);
}

/**
 * Every service method parses its input again: the IPC layer and the CLI are callers, not
 * guarantors. A bad input lists every reason and changes nothing.
 */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, what: Localized): T {
  const result = validate(schema, input);
  if (result.ok) return result.value;
  const list = listReasons(result.reasons);
  throw new PingshenError(
    'input.invalid',
    {
      zh: `${what.zh}无效：${list.zh}。请更正后重试，未做任何更改。`,
      en: `Invalid ${what.en}: ${list.en}. Correct it and try again; nothing was changed.`,
    },
    { reasons: result.reasons },
  );
}

export function notFound(what: Localized, id: string): PingshenError {
  return new PingshenError(
    `${what.en.replace(/\s+/g, '-')}.not-found`,
    { zh: `找不到该${what.zh}（${id}）。请刷新列表后重试。`, en: `No such ${what.en} (${id}). Refresh the list and try again.` },
    { id },
  );
}
