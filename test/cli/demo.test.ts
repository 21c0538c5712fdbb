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
  it('runs a whole review with its corrections and prints the ranking, naming people and applicants, never by an internal id', async () => {
    const { code, out } = await runDemo();
    expect(code, out).toBe(0);
    expect(out).toContain('质量奖候选');
    expect(out).toMatch(/WX2025-\d{3}/);
    expect(out).not.toMatch(UUID);
    // it repairs its undersized panel with a substitute, and shows a returned sheet resubmitted
    expect(out).toContain('WX2025-006（现场评审）回避后人数不足：增派后备专家 E17');
    expect(out).toContain('现场评审已无人数不足的评审组');
    expect(out).not.toContain('请增派专家');
    expect(out).toMatch(/退回 E02 .+ 对 WX2025-001 的材料评审评分表（第 1 版）/);
    expect(out).toMatch(/提交第 2 版，秘书处已接收（第 1 版留档）/);
    // the award list's notice over National Day, an anonymous objection refused, a named one rejected after investigation
    expect(out).toContain('公示期    2026-09-28 — 2026-10-04（7 日）');
    expect(out).toContain('匿名异议不予受理');
    expect(out).toContain('第1号异议：已受理，调查中。');
    expect(out).toContain('第1号异议：异议不成立。');
    expect(out).toMatch(/获奖名单已于 2026-10-16 公布：WX2025-\d{3}/);
  }, 120_000);
});
