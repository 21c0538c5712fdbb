import type { Localized } from '../../src-main/domain/localized.js';
import type { CallError } from '../../src-main/ipc/types.js';
import en from '../i18n/en.json';
import zh from '../i18n/zh.json';

/** A refused or failed call, as the screens show it: stable code, message in both languages. */
export class CallFailure extends Error {
  readonly code: string;
  readonly localized: Localized;
  readonly details: unknown;

  constructor(error: CallError) {
    super(error.message.en);
    this.name = 'CallFailure';
    this.code = error.code;
    this.localized = error.message;
    this.details = error.details;
  }
}

export function asCallFailure(error: unknown): CallFailure {
  if (error instanceof CallFailure) return error;
  return new CallFailure({
    code: 'transport',
    message: { zh: zh.transport.unreachable, en: en.transport.unreachable },
  });
}
