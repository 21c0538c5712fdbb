import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** What `npm run demo` prints, run as a user runs it (tsx from the project's own Node). */
function runDemo(): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src-main/cli/demo.ts')], { cwd: ROOT, env: { ...process.env, PINGSHEN_PASSPHRASE: '' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('the demo', () => {
  it('runs a whole review and prints the ranking, naming people and applicants, never by an internal id', async () => {
    const { code, out } = await runDemo();
    expect(code, out).toBe(0);
    expect(out).toContain('质量奖候选');
    expect(out).toMatch(/WX2025-\d{3}/);
    expect(out).not.toMatch(UUID);
  }, 120_000);
});
