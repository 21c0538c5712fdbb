import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CriteriaFramework, CriteriaItem } from '../domain/types.js';
import type { Localized } from '../domain/localized.js';
import { resourcePath } from '../resources.js';
import { PingshenError } from '../domain/errors.js';
import { listReasons, validate } from '../domain/reasons.js';
import { FrameworkSchema } from './schema.js';

function invalid(source: string, reasons: Localized[]): PingshenError {
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

/** Validates a framework given as parsed JSON; `source` names it in the error (file path, id). */
export function parseFramework(json: unknown, source: string): CriteriaFramework {
  const result = validate(FrameworkSchema, json);
  if (!result.ok) throw invalid(source, result.reasons);
  return result.value;
}

export function loadFrameworkFile(path: string): CriteriaFramework {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new PingshenError(
      'framework.unreadable',
      {
        zh: `无法读取评价准则文件“${path}”。请检查路径和访问权限。`,
        en: `Cannot read the criteria framework file "${path}". Check the path and permissions.`,
      },
      { path, cause: String(e) },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw invalid(path, [{ zh: `不是有效的 JSON（${String(e)}）`, en: `not valid JSON (${String(e)})` }]);
  }
  return parseFramework(json, path);
}

/** The frameworks shipped in resources/criteria, sorted by file name. */
export function builtInFrameworks(): CriteriaFramework[] {
  const dir = resourcePath('criteria');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const frameworks = files.map((f) => loadFrameworkFile(join(dir, f)));
  const ids = frameworks.map((f) => f.id);
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length > 0) {
    throw invalid(dir, [{ zh: `多个文件使用同一编号：${twice.join('、')}`, en: `several files use the id ${twice.join(', ')}` }]);
  }
  return frameworks;
}

/** Every scored item, in the framework's order, with the code of its category. */
export function allItems(framework: CriteriaFramework): (CriteriaItem & { categoryCode: string })[] {
  return framework.categories.flatMap((cat) => cat.items.map((item) => ({ ...item, categoryCode: cat.code })));
}
