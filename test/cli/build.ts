import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * vitest's global setup: the CLI tests run bin/pingshen.mjs, which runs the build in out/cli, so
 * it is built from the sources under test once before any test starts: what ships is what is tested.
 */
export default function buildCli(): void {
  const build = spawnSync(process.execPath, ['scripts/cli-build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`the CLI build failed (exit ${build.status}); its output above says why`);
}
