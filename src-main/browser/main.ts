import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serviceOpeners } from '../ipc/openers.js';
import { dataDirFromArgs, defaultBrowserDataDir } from '../shell/data-dir.js';
import { startBrowserServer } from './server.js';

/**
 * `tsx src-main/browser/main.ts [--port N] [--data-dir DIR]`: browser mode, started by
 * scripts/start.mjs when Electron cannot run. Prints the address to open (with its token).
 */

function portFromArgs(argv: readonly string[]): number | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === '--port' ? argv[i + 1] : arg.startsWith('--port=') ? arg.slice(7) : undefined;
    if (value === undefined) continue;
    const port = Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      console.error(`端口无效 / invalid port: ${value}`);
      process.exit(2);
    }
    return port;
  }
  return undefined;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const rendererDir = fileURLToPath(new URL('../../out/renderer/', import.meta.url));

if (!existsSync(`${rendererDir}index.html`)) {
  console.error('界面尚未构建：请先运行 npx electron-vite build / The renderer is not built: run npx electron-vite build first.');
  process.exit(1);
}

const version = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string }).version;
const dataDir = dataDirFromArgs(process.argv.slice(2), process.env, defaultBrowserDataDir());
const port = portFromArgs(process.argv.slice(2));
const server = await startBrowserServer({ dataDir, rendererDir, openers: serviceOpeners, version, ...(port === undefined ? {} : { port }) });

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
