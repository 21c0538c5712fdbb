import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Actor, CHEAP_KDF } from './helpers.js';

/**
 * The eligibility check on the command line (issue 10): the credit code on entry, the checklist
 * answered and refused while unmet, a bar from an earlier record, the request for materials as a PDF.
 */

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pingshen-cli-eligibility-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Row {
  applicant: { code: string; creditCode: string | null };
  state: string;
  reasons: { zh: string; en: string }[];
  bars: { event: string; until: string | null }[];
}

const DAQING = ['registered=2019-04-01', 'leading=yes', 'excellence=yes', 'policy=yes', 'credit=yes', 'record=yes', 'inspections=yes', 'exports=yes', 'sector=yes'];

describe('the eligibility check', () => {
  it('checks the credit code, refuses "eligible" under a bar, asks for materials and prints the request', async () => {
    const sec = Actor.create(dir, 'secretariat');
    await sec.ok('init', '--role', 'secretariat', ...CHEAP_KDF);
    await sec.ok('edition', 'create', '--name', '2026年大庆', '--year', '2026', '--profile', 'daqing-2018', '--weights', 'material=40,site=60', '--shortlist', '5', '--panel-min', '3', '--panel-max', '7');
    const bad = await sec.run('applicant', 'add', '--code', 'DQ-001', '--name', '大庆某石化', '--industry', '2', '--credit-code', '91320211MA1W8Q8A0X');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('末位校验码须相符');
    await sec.ok('applicant', 'add', '--code', 'DQ-001', '--name', '大庆某石化', '--industry', '2', '--credit-code', '91320211ma1w8q8a0w');
    await sec.ok('applicant', 'add', '--code', 'DQ-002', '--name', '大庆某装备', '--industry', '2');

    await sec.ok('eligibility', 'past', 'add', '--holder', '91320211MA1W8Q8A0W', '--name', '大庆某石化', '--event', 'fraud', '--on', '2023-09-01', '--note', '2023年申报材料弄虚作假');
    const refused = await sec.run('eligibility', 'decide', 'DQ-001', '--decision', 'eligible', '--on', '2026-06-01', '--answer', ...DAQING);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('第三十一条');
    expect(refused.stderr).toContain('至 2027-09-01 不得申报');
    await sec.ok('eligibility', 'decide', 'DQ-001', '--decision', 'ineligible', '--on', '2026-06-01', '--answer', ...DAQING);
    await sec.ok('eligibility', 'request', 'DQ-002', '--missing', '自评报告', '县区推荐意见', '--due', '2099-07-15');

    const view = await sec.json<{ inUse: boolean; rows: Row[] }>('eligibility', 'list');
    expect(view.inUse).toBe(true);
    expect(view.rows.map((r) => [r.applicant.code, r.state])).toEqual([
      ['DQ-001', 'ineligible'],
      ['DQ-002', 'incomplete'],
    ]);
    expect(view.rows[0]!.applicant.creditCode).toBe('91320211MA1W8Q8A0W');
    expect(view.rows[0]!.reasons[0]!.zh).toContain('第三十一条');

    const out = join(dir, '补正通知.pdf');
    await sec.ok('eligibility', 'letter', 'DQ-002', '--kind', 'incomplete', '--out', out);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const none = await sec.run('eligibility', 'letter', 'DQ-001', '--kind', 'not-shortlisted', '--out', join(dir, 'x.pdf'));
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('入围名单尚未确定');
  }, 120_000);
});
