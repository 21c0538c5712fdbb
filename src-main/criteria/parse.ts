import type { Localized } from '../domain/localized.js';
import { PingshenError } from '../domain/errors.js';
import { listReasons, validate } from '../domain/reasons.js';
import { FrameworkSchema, type CriteriaFramework } from './schema.js';

export function invalidFramework(source: string, reasons: Localized[]): PingshenError {
  const list = listReasons(reasons);
  return new PingshenError(
    'framework.invalid',
    {
      zh: `评价准则“${source}”无效：${list.zh}。请修正该文件后重新加载。`,
      en: `Criteria framework "${source}" is invalid: ${list.en}. Correct the file and load it again.`,
    },
    { source, reasons },
  );
}

/** Validates a framework given as parsed JSON; `source` names it in the error (file name, id). */
export function parseFramework(json: unknown, source: string): CriteriaFramework {
  const result = validate(FrameworkSchema, json);
  if (!result.ok) throw invalidFramework(source, result.reasons);
  return result.value;
}

/** A framework file's text, as JSON. */
export function parseFrameworkText(text: string, source: string): CriteriaFramework {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw invalidFramework(source, [{ zh: `不是有效的 JSON（${String(e)}）`, en: `not valid JSON (${String(e)})` }]);
  }
  return parseFramework(json, source);
}
