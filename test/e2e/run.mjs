// `npm run test:e2e`: builds the app, checks that Chromium is there, then runs the Playwright
// scenarios (vitest, test/e2e/vitest.config.ts). Screenshots land in test-results/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}. Install it (apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH.`);
  process.exit(1);
}

const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });

const build = run([join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
if (build.status !== 0) process.exit(build.status ?? 1);

mkdirSync(join(root, 'test-results'), { recursive: true });
const vitest = join(root, 'node_modules/vitest/vitest.mjs');
const tests = run([vitest, 'run', '--config', 'test/e2e/vitest.config.ts', ...process.argv.slice(2)]);
process.exit(tests.status ?? 1);
