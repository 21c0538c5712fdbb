/**
 * CLI benchmark (issue 15): the `pingshen` bin as a user starts it, a new process each time,
 * against a baseline measured in the same run, taking turns so that a drift in the machine's
 * speed touches both alike.
 * - `pingshen --version` against a bare `node -e 0`: at most 3× (the median of the pairs' ratios).
 * - `pingshen --json results` on the demo's store against the key derivation that unlocks that
 *   store, the first in a fresh process as the CLI's is (bench/unlock.ts): at most the derivation
 *   + 150 ms (medians).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSPHRASE, runDemoWorkflow } from '../src-main/cli/demo/workflow.js';
import { readKeyFile } from '../src-main/store/keyfile.js';
import { percentile, progress, round3 } from './stats.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'pingshen.mjs');
const UNLOCK = join(ROOT, 'bench', 'unlock.ts');
const WARM_UP = 2;
const PAIRS = 15;

const median = (samples: readonly number[]): number => round3(percentile([...samples].sort((a, b) => a - b), 50));

function run(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`bench: node ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  return child;
}

/** Wall time of one process from spawn to exit; its output is read through pipes as a script would. */
function processMs(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const started = performance.now();
  run(args, env);
  return performance.now() - started;
}

/** Runs a and b in turn, warm-up first; the samples of each. */
function inTurn(a: () => number, b: () => number): { a: number[]; b: number[] } {
  const samples: { a: number[]; b: number[] } = { a: [], b: [] };
  for (let i = 0; i < WARM_UP + PAIRS; i++) {
    const ms = { a: a(), b: b() };
    if (i < WARM_UP) continue;
    samples.a.push(ms.a);
    samples.b.push(ms.b);
  }
  return samples;
}

function benchVersion() {
  progress(`pingshen --version × ${PAIRS}, in turn with node -e 0`);
  const { a, b } = inTurn(
    () => processMs([BIN, '--version']),
    () => processMs(['-e', '0']),
  );
  const ratio = median(a.map((ms, i) => ms / (b[i] ?? Number.NaN)));
  return { ms: median(a), nodeMs: median(b), ratio, target: { ratio: 3 }, pass: ratio <= 3 };
}

async function benchResults() {
  const dir = mkdtempSync(join(tmpdir(), 'pingshen-bench-cli-'));
  try {
    progress('the demo review (npm run demo) for its secretariat store');
    const { secretariatPath } = await runDemoWorkflow(dir, () => undefined);
    const { kdf } = readKeyFile(secretariatPath);
    const env = { ...process.env, PINGSHEN_PASSPHRASE: DEMO_PASSPHRASE };
    progress(`pingshen --json results × ${PAIRS}, in turn with the store's key derivation`);
    const { a, b } = inTurn(
      () => processMs([BIN, '--store', secretariatPath, '--json', 'results'], env),
      () => Number(run(['--import', 'tsx', UNLOCK, secretariatPath], env).stdout),
    );
    const ms = median(a);
    const unlockMs = median(b);
    return {
      ms,
      unlockMs,
      kdf: { memoryKiB: kdf.memoryKiB, iterations: kdf.iterations, note: "the demo's stores use the test KDF: what is left is the command's own cost" },
      target: { unlockPlusMs: 150 },
      pass: ms <= unlockMs + 150,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchCli() {
  const version = benchVersion();
  const results = await benchResults();
  return { version, results, pass: version.pass && results.pass };
}
