// `npm start [-- --data-dir DIR] [-- --port N] [-- --browser]`: builds the app when the build is
// missing or older than the sources, then runs it in Electron where Electron can run, and in
// browser mode (127.0.0.1, random token) where it cannot — saying so, with the address to open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildState } from './freshness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const passOn = args.filter((a) => a !== '--browser');

const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((p) => join(root, p));
const sources = ['src-main', 'src-renderer', 'electron.vite.config.ts'].map((p) => join(root, p));

if (buildState(outputs, sources)) {
  console.log('正在构建 / building (electron-vite build)…');
  const build = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('构建失败 / build failed');
    process.exit(build.status ?? 1);
  }
}

const NOT_INSTALLED = { zh: '未安装 Electron 程序，下载它需要联网', en: 'the Electron binary is not installed, and downloading it needs the network' };

/** Why Electron cannot run here, or null when it can. */
function electronProblem() {
  const pathFile = join(root, 'node_modules/electron/path.txt');
  const dist = join(root, 'node_modules/electron/dist');
  if (!existsSync(dist) || !existsSync(pathFile)) return NOT_INSTALLED;
  const binary = join(dist, readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return NOT_INSTALLED;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { zh: '没有图形显示', en: 'there is no graphical display' };
  return null;
}

function forward(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

function browserMode(reason) {
  const lead = reason
    ? `Electron 无法在此运行：${reason.zh}。已改用浏览器模式。\nElectron cannot run here: ${reason.en}. Using browser mode instead.`
    : '按要求使用浏览器模式。 / Browser mode, as asked.';
  console.log(`${lead}\n`);
  // the server prints the address to open, token included
  const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src-main/browser/main.ts'), ...passOn], {
    cwd: root,
    stdio: 'inherit',
  });
  forward(child);
}

const problem = forceBrowser ? null : electronProblem();
if (forceBrowser || problem) {
  browserMode(problem);
} else {
  const binary = join(root, 'node_modules/electron/dist', readFileSync(join(root, 'node_modules/electron/path.txt'), 'utf8').trim());
  const child = spawn(binary, [root, ...passOn], { cwd: root, stdio: 'inherit' });
  child.on('error', (error) => {
    console.error(`Electron 启动失败 / Electron failed to start: ${error.message}`);
    browserMode({ zh: 'Electron 启动失败', en: 'Electron failed to start' });
  });
  forward(child);
}
