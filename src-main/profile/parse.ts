import type { Localized } from '../domain/localized.js';
import { type Profile, ProfileSchema } from './schema.js';
import { listReasons, validate } from '../domain/reasons.js';
import { PingshenError } from '../domain/errors.js';

export function invalidProfile(source: string, reasons: Localized[]): PingshenError {
  const list = listReasons(reasons);
  return new PingshenError(
    'profile.invalid',
    {
      zh: `评审规则“${source}”无效：${list.zh}。请按所依据的管理办法修正后重新加载。`,
      en: `Profile "${source}" is invalid: ${list.en}. Correct it against its regulation and load it again.`,
    },
    { source, reasons },
  );
}

export function parseProfile(json: unknown, source: string): Profile {
  const result = validate(ProfileSchema, json);
  if (!result.ok) throw invalidProfile(source, result.reasons);
  return result.value;
}
