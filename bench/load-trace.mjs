// `node --import ./bench/load-trace.mjs …`: writes every module the process loads, one URL a line,
// to the file PINGSHEN_LOAD_TRACE names (bench/compiled.ts reads it).
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(${JSON.stringify(process.env.PINGSHEN_LOAD_TRACE ?? '/dev/null')}, resolved.url + '\\n');
  return resolved;
}`)}`,
);
