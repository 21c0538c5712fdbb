import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_KDF_COST, type KdfCost } from '../domain/limits.js';
import { isPingshenError } from '../domain/errors.js';
import { backupHeader, initStore, openStore, resetPassphrase, restoreStore } from '../features/open.js';
import { dataDirFromArgs, defaultBrowserDataDir } from '../ipc/data-dir.js';
import { startBrowserServer } from './server.js';

/**
 * `tsx src-main/browser/main.ts [--port N] [--data-dir DIR] [--kdf-memory KiB --kdf-iterations N]`:
 * browser mode, started by scripts/start.mjs when Electron cannot run. Prints the address to
 * open (with its token). The key-derivation options set how stores made here are protected:
 * below the default they weaken a store against passphrase guessing, so only scripted tests
 * lower them.
 */

function intFromArgs(argv: readonly string[], flag: string, min: number, max: number): number | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === flag ? argv[i + 1] : arg.startsWith(`${flag}=`) ? arg.slice(flag.length + 1) : undefined;
    if (value === undefined) continue;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      console.error(`${flag} 无效 / invalid ${flag}: ${value}`);
      process.exit(2);
    }
    return n;
  }
  return undefined;
}

function kdfFromArgs(argv: readonly string[]): KdfCost | undefined {
  const memoryKiB = intFromArgs(argv, '--kdf-memory', 8, 4 * 1024 * 1024);
  const iterations = intFromArgs(argv, '--kdf-iterations', 1, 64);
  if (memoryKiB === undefined && iterations === undefined) return undefined;
  return { memoryKiB: memoryKiB ?? DEFAULT_KDF_COST.memoryKiB, iterations: iterations ?? DEFAULT_KDF_COST.iterations, parallelism: 1 };
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const rendererDir = fileURLToPath(new URL('../../out/renderer/', import.meta.url));

if (!existsSync(`${rendererDir}index.html`)) {
  console.error('界面尚未构建：请先运行 npx electron-vite build / The renderer is not built: run npx electron-vite build first.');
  process.exit(1);
}

const version = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string }).version;
const dataDir = dataDirFromArgs(process.argv.slice(2), process.env, defaultBrowserDataDir());
const args = process.argv.slice(2);
const port = intFromArgs(args, '--port', 0, 65535);
const kdf = kdfFromArgs(args);
const openers = {
  initStore: (o: { role: 'secretariat' | 'expert'; path: string; passphrase: string }) => initStore({ ...o, ...(kdf ? { kdf } : {}) }),
  openStore: (o: { path: string; passphrase: string }, role: 'secretariat' | 'expert') => openStore({ ...o, ...(kdf ? { kdf } : {}) }, role),
  resetPassphrase: (o: { path: string; recoveryCode: string; newPassphrase: string }) => resetPassphrase({ ...o, ...(kdf ? { kdf } : {}) }),
  backupHeader,
  restoreStore: (o: Parameters<typeof restoreStore>[0]) => restoreStore({ ...o, ...(kdf ? { kdf } : {}) }),
};
let server: Awaited<ReturnType<typeof startBrowserServer>>;
try {
  server = await startBrowserServer({ dataDir, rendererDir, openers, version, ...(port === undefined ? {} : { port }) });
} catch (e) {
  if (!isPingshenError(e)) throw e;
  console.error(`${e.localized.zh}\n${e.localized.en}`);
  process.exit(1);
}

process.stdout.write(
  [
    'Pingshen 评审 — 浏览器模式 / browser mode',
    `  请在 Chromium 中打开 / open in Chromium: ${server.openUrl}`,
    `  数据目录 / data folder: ${dataDir}`,
    '  按 Ctrl+C 退出 / press Ctrl+C to stop',
    '',
  ].join('\n'),
);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
