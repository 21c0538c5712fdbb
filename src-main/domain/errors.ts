import type { Localized } from './localized.js';

/**
 * The one error type the program throws on purpose. `code` is stable (tests, the UI and the CLI
 * branch on it); `message` says, in Chinese and English, what happened and what to do. Whatever
 * throws it has changed nothing.
 */
export class PingshenError extends Error {
  readonly code: string;
  readonly localized: Localized;
  readonly details: unknown;

  constructor(code: string, message: Localized, details?: unknown) {
    super(`${message.zh} / ${message.en}`);
    this.name = 'PingshenError';
    this.code = code;
    this.localized = message;
    this.details = details;
  }
}

export function isPingshenError(e: unknown): e is PingshenError {
  return e instanceof PingshenError;
}

/** A refusal: what happened and what to do, in both languages. */
export function refuse(code: string, zh: string, en: string, details?: unknown): PingshenError {
  return new PingshenError(code, { zh, en }, details);
}

/** The id goes into the details, not the message: nobody reading it knows the thing by its id. */
export function notFound(what: Localized, id: string): PingshenError {
  return new PingshenError(
    `${what.en.replace(/\s+/g, '-')}.not-found`,
    { zh: `找不到该${what.zh}。请刷新列表后重试。`, en: `No such ${what.en}. Refresh the list and try again.` },
    { id },
  );
}
