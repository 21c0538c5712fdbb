import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = new URL('../../../', import.meta.url).pathname;
export const RESULTS = join(ROOT, 'test-results');

export interface RunningApp {
  url: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Starts browser mode exactly as scripts/start.mjs does, on its own data folder. */
export async function startApp(dataDir: string): Promise<RunningApp> {
  // stores the scenarios create are cheap to unlock; the calibrated cost has its own tests
  const args = [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src-main/browser/main.ts'), '--data-dir', dataDir, '--port', '0', '--kdf-memory', '64', '--kdf-iterations', '1'];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${out}`)), 60_000);
    const check = () => {
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${out}`)));
  });
  return {
    url,
    process: child,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Debian's Chromium, headless; `extraArgs` for a run that measures with flags of its own. */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', ...extraArgs],
  });
}

export async function openPage(browser: Browser, url: string, colorScheme: 'light' | 'dark' = 'light', viewport = { width: 1440, height: 900 }): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true, colorScheme });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1') && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) problems.push(`external request: ${r.url()}`);
  });
  await page.goto(url);
  return { page, problems };
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: false, animations: 'disabled' });
}
