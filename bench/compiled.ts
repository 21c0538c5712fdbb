/**
 * What the `pingshen` bin runs (issue 15, target 1): compiled JavaScript built by the project's
 * build, with no TypeScript compiler at run time, and no compiler among the production
 * dependencies. Checked by running `pingshen --version` and `pingshen --help` with a hook that
 * records every module the process loads (bench/load-trace.mjs), and by reading package.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const COMPILERS = ['tsx', 'esbuild', 'typescript', '@esbuild/', 'ts-node', '@swc/'];

const isCompiler = (name: string): boolean => COMPILERS.some((c) => (c.endsWith('/') ? name.startsWith(c) : name === c));

function loadedBy(args: string[], trace: string): string[] {
  const run = spawnSync(process.execPath, ['--import', join(ROOT, 'bench/load-trace.mjs'), join(ROOT, 'bin/pingshen.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, PINGSHEN_LOAD_TRACE: trace },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`bench: pingshen ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return readFileSync(trace, 'utf8').split('\n').filter(Boolean);
}

export function benchCompiled() {
  const dir = mkdtempSync(join(tmpdir(), 'pingshen-bench-loads-'));
  try {
    const loaded = [...new Set([...loadedBy(['--version'], join(dir, 'version')), ...loadedBy(['--help'], join(dir, 'help'))])];
    const fromProject = loaded.filter((url) => url.startsWith('file:')).map((url) => url.replace(`file://${ROOT}/`, ''));
    const typescriptLoaded = fromProject.filter((path) => /\.[cm]?tsx?$/.test(path) || COMPILERS.some((c) => path.includes(`node_modules/${c}`)));
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    const compilerDependencies = Object.keys(pkg.dependencies ?? {}).filter(isCompiler);
    const runsBuild = fromProject.some((path) => path.startsWith('out/cli/'));
    return {
      how: 'pingshen --version and --help with a hook recording every module loaded (bench/load-trace.mjs); package.json read',
      modulesLoaded: fromProject.length,
      runsBuild,
      typescriptOrCompilerLoaded: typescriptLoaded,
      compilerDependencies,
      pass: runsBuild && typescriptLoaded.length === 0 && compilerDependencies.length === 0,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
