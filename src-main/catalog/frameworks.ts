import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PingshenError } from '../domain/errors.js';
import { invalidFramework, parseFrameworkText } from '../criteria/parse.js';
import type { CriteriaFramework } from '../criteria/schema.js';
import { resourcePath } from './resources.js';

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
  return parseFrameworkText(text, path);
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
    throw invalidFramework(dir, [{ zh: `多个文件使用同一编号：${twice.join('、')}`, en: `several files use the id ${twice.join(', ')}` }]);
  }
  return frameworks;
}
