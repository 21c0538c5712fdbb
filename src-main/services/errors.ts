import type { Localized } from '../domain/types.js';

/**
 * The one error type services throw. `code` is stable (tests, the UI and the CLI branch on it);
 * `message` says, in Chinese and English, what happened and what to do. A service that throws
 * has changed nothing.
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
