// The `pingshen` command's build (vite.cli.config.ts → out/cli). `node scripts/cli-build.mjs`
// builds it; with --if-stale only when it is missing or older than its sources (npm run pingshen,
// npm run bench). The bin asks cliBuildProblem() before it runs the build.
import { buildState } from './freshness.mjs';

// Node's modules taken as they are, not imported: an import builds each one's ES module face,
// which loads much the bin never uses (issue 15)
const { dirname, join } = process.getBuiltinModule('node:path');
const { fileURLToPath } = process.getBuiltinModule('node:url');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CONFIG = join(root, 'vite.cli.config.ts');

export const CLI_ENTRY = join(root, 'out/cli/index.js');
// V8's compiled code of the build, kept beside it: each build starts it afresh (the build empties
// out/cli), and it lies in the checkout's own folder rather than in a temporary one other users of
// the machine could write to first. It holds compiled code of the build, no data of any store.
export const CLI_COMPILE_CACHE = join(root, 'out/cli/.compile-cache');
const OUTPUTS = [CLI_ENTRY, join(root, 'out/cli/render-worker.js')];
// the lock too: the packages without native code or files of their own are bundled into the build
const SOURCES = [join(root, 'src-main'), CONFIG, join(root, 'package-lock.json')];

const PROBLEMS = {
  missing: {
    zh: '命令行尚未构建（没有 out/cli）：请先运行 npm run build:cli。',
    en: 'The CLI is not built yet (no out/cli): run npm run build:cli first.',
  },
  stale: {
    zh: '命令行的构建比它的源代码（src-main 或依赖包）旧：请先运行 npm run build:cli（npm run pingshen -- … 会先自动构建）。',
    en: 'The built CLI is older than its sources (src-main or the packages): run npm run build:cli first (npm run pingshen -- … builds it by itself).',
  },
};

/** Why the built CLI must not run (missing, or older than its sources), or null when it is current. */
export function cliBuildProblem() {
  const state = buildState(OUTPUTS, SOURCES);
  return state ? PROBLEMS[state] : null;
}

/** Builds out/cli; returns the build's exit status. */
async function buildCli() {
  // loaded here, not at the top: the bin imports this module on every start
  const { spawnSync } = await import('node:child_process');
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  return spawnSync(process.execPath, [vite, 'build', '--config', CONFIG, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' }).status ?? 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes('--if-stale');
  if (!ifStale || cliBuildProblem()) {
    if (ifStale) process.stderr.write('正在构建命令行 / building the CLI…\n');
    const status = await buildCli();
    if (status !== 0) process.stderr.write('命令行构建失败，原因见上方输出。/ The CLI build failed; the output above says why.\n');
    process.exitCode = status;
  }
}
