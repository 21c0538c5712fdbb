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
    // the eligibility check: one applicant asked for a missing paper, one found ineligible with the reason and left out of the ranking
    expect(out).toMatch(/WX2025-002 材料不完整，已发补正通知：.+申报材料补正通知书-WX2025-002\.pdf/);
    expect(out).toMatch(/资格审核：WX2025-024 .+ 不符合第十条第（七）项：.+；说明：2024年3月发生一起较大生产安全事故/);
    expect(out).toContain('资格审核：23 家审核通过，1 家不符合条件');
    expect(out).toMatch(/WX2025-\d{3} 未入围，书面告知理由：贵单位材料评审得分 [\d.]+ 分，在 23 家申报单位中排名第 2\d 位；按评审规则，进入下一环节的为得分前 20 家。（.+未入围告知书-WX2025-\d{3}\.pdf）/);
    const ranking = out.slice(out.indexOf('$ pingshen --store'), out.indexOf('archive keygen'));
    expect(ranking).toContain('WX2025-023');
    expect(ranking).not.toContain('WX2025-024');
    // the committee fixes the shortlist after the material review, and adopts the proposed award list
    expect(out).toContain('评委会确认入围名单：20 家进入现场评审和陈述答辩');
    expect(out).toContain('拟奖名单（评委会已于 2025-11-20 确认）：');
    expect(out).toMatch(/市长质量奖 +1 +WX2025-\d{3} .+综合排名第 1 名/);
    expect(out).toMatch(/已另存为 PDF：.+拟奖名单\.pdf/);
    // the award list's notice over National Day, an anonymous objection refused, a named one rejected after investigation
    expect(out).toContain('公示期    2026-09-28 — 2026-10-04（7 日）');
    expect(out).toContain('匿名异议不予受理');
    expect(out).toContain('第1号异议：已受理，调查中。');
    expect(out).toContain('第1号异议：异议不成立。');
    expect(out).toMatch(/获奖名单已于 2026-10-16 公布：WX2025-\d{3}/);
    // the archive holds the committee's two confirmations, the notice and the objection registered, held against the audit log
    expect(out).toContain('登记册中有评委会决定 2 项、公示 1 份、异议 1 件。');
    expect(out).toContain('及其记载的每个已接收结果包、评委会决定、公示和异议处理步骤');
    expect(out).toContain('评委会决定 2 项、公示 1 份、异议 1 件，与名单、档案中的规则逐一对照');
  }, 120_000);
});
