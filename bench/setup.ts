/**
 * Setup benchmark (issue 15, target 7): the README's setup (`bash scripts/setup.sh`) on a fresh
 * clone of the commit being benched, with the machine's npm cache as it is (warm after the
 * project's own install). Judged: the clone is still clean afterwards (`git status` shows
 * nothing), the setup prints no wall of warnings (at most 3 lines that warn), and it takes under
 * 2 minutes. The clone is local (`git clone` of this checkout), so only HEAD is set up: changes
 * not committed are not part of a fresh clone.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { progress, round3 } from './stats.js';

const ROOT = join(import.meta.dirname, '..');
const TARGETS = { seconds: 120, warningLines: 3, dirtyFiles: 0 } as const;

/** A line that warns: npm's `npm warn …`/`npm WARN …` (EBADENGINE and the like) or any other tool's warning. */
const WARNING = /\bwarn(ing)?\b|EBADENGINE|deprecated/i;

function git(cwd: string, args: string[]): string {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bench: git ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

/**
 * The environment of a fresh shell: without what `npm run bench` adds (npm's variables, and the
 * project's node_modules/.bin, where Node 22 would otherwise already be first on the PATH).
 */
function shellEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') && k !== 'INIT_CWD' && k !== 'NODE'));
  env.PATH = (process.env.PATH ?? '').split(':').filter((p) => !p.includes('node_modules')).join(':');
  return env;
}

export function benchSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'pingshen-bench-setup-'));
  const clone = join(dir, 'pingshen');
  try {
    git(ROOT, ['clone', '--quiet', '--no-hardlinks', ROOT, clone]);
    progress(`bash scripts/setup.sh on a fresh clone of ${git(clone, ['rev-parse', '--short', 'HEAD']).trim()}`);
    const started = performance.now();
    const run = spawnSync('bash', ['scripts/setup.sh'], { cwd: clone, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: shellEnv() });
    const seconds = round3((performance.now() - started) / 1000);
    if (run.status !== 0) throw new Error(`bench: setup failed (${run.status}): ${run.stderr.slice(-2000)}`);
    const output = `${run.stdout}\n${run.stderr}`.split('\n');
    const warnings = output.filter((line) => WARNING.test(line));
    const dirty = git(clone, ['status', '--porcelain']).split('\n').filter(Boolean);
    return {
      how: 'git clone of this checkout, then bash scripts/setup.sh in it (the README\'s setup), npm cache as the machine has it',
      seconds,
      warningLines: warnings.length,
      warnings: warnings.slice(0, 10),
      dirtyFiles: dirty,
      targets: TARGETS,
      pass: seconds < TARGETS.seconds && warnings.length <= TARGETS.warningLines && dirty.length === TARGETS.dirtyFiles,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
