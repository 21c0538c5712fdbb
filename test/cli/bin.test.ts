import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, pingshen, ROOT } from './helpers.js';

describe('the pingshen bin', () => {
  it('runs the built CLI, which reads its version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await pingshen(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('stops writing, quietly, once its reader has gone (`pingshen --help | head -1`)', async () => {
    const child = spawn(process.execPath, [BIN, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // the reader goes before the help is written: every write after it meets a closed pipe
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  describe('refuses a build it cannot trust, saying what to run', () => {
    // a stand-in checkout: the real bin and build scripts, a source tree and a "build" that only says it ran
    const dir = mkdtempSync(join(tmpdir(), 'pingshen-bin-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    for (const file of ['bin/pingshen.mjs', 'scripts/cli-build.mjs', 'scripts/freshness.mjs']) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      copyFileSync(join(ROOT, file), join(dir, file));
    }
    const sources = ['src-main/cli/index.ts', 'src-main/cli', 'src-main', 'vite.cli.config.ts', 'package-lock.json'];
    const outputs = ['out/cli/index.js', 'out/cli/render-worker.js'];
    mkdirSync(join(dir, 'src-main/cli'), { recursive: true });
    for (const file of ['src-main/cli/index.ts', 'vite.cli.config.ts', 'package-lock.json']) writeFileSync(join(dir, file), '');
    const build = () => {
      mkdirSync(join(dir, 'out/cli'), { recursive: true });
      writeFileSync(join(dir, 'out/cli/index.js'), "process.stdout.write('built CLI ran\\n');\n");
      writeFileSync(join(dir, 'out/cli/render-worker.js'), '');
    };
    const at = (paths: string[], seconds: number) => {
      for (const path of paths) utimesSync(join(dir, path), seconds, seconds);
    };
    const run = () => spawnSync(process.execPath, [join(dir, 'bin/pingshen.mjs'), '--version'], { encoding: 'utf8' });

    it('runs a build newer than every source', () => {
      build();
      at(sources, 1_000_000);
      at(outputs, 1_000_100);
      expect(run()).toMatchObject({ status: 0, stdout: 'built CLI ran\n' });
    });

    it('refuses one older than a changed source', () => {
      at(['src-main/cli/index.ts'], 1_000_200);
      const r = run();
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('npm run build:cli');
      expect(r.stderr).toContain('The built CLI is older than its sources');
    });

    it('refuses one older than the lock, whose packages are bundled in', () => {
      at(sources, 1_000_000);
      at(['package-lock.json'], 1_000_200);
      expect(run()).toMatchObject({ status: 2, stdout: '' });
    });

    it('says so when there is no build', () => {
      rmSync(join(dir, 'out'), { recursive: true });
      const r = run();
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('The CLI is not built yet (no out/cli): run npm run build:cli first.');
    });
  });
});
