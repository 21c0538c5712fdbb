import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Actor, CHEAP_KDF, pingshen } from './helpers.js';

/**
 * The pool on the command line (issue 13): experts enrolled in one edition are drawn into the
 * next and get their packages there without enrolling again; the app proposes the panels, the
 * clerk edits the file and applies it; a suspended expert stays out.
 */

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pingshen-cli-pool-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface PoolRow {
  code: string;
  enrolled: boolean;
  editions: number;
  status: { state: string };
}

describe('the expert pool across two editions', () => {
  it('draws last edition\'s enrolled experts into the next, proposes panels, applies the edited file and exports packages without a new enrolment', async () => {
    const sec = Actor.create(dir, 'secretariat');
    await sec.ok('init', '--role', 'secretariat', ...CHEAP_KDF);
    await sec.ok('edition', 'create', '--name', '2024年度无锡', '--year', '2024', '--profile', 'wuxi-2024', '--panel-min', '2', '--panel-max', '3');
    const codes = ['E01', 'E02', 'E03', 'E04'];
    const laptops = codes.map((c) => Actor.create(dir, c));
    for (const [i, code] of codes.entries()) {
      await sec.ok('--edition', '2024', 'expert', 'add', '--code', code, '--name', `专家${i + 1}`);
      const { enrollmentCode } = await laptops[i]!.json<{ enrollmentCode: string }>('init', '--role', 'expert', ...CHEAP_KDF);
      await sec.ok('--edition', '2024', 'expert', 'enroll', code, enrollmentCode);
    }
    await sec.ok('pool', 'qualify', 'E01', '--name', '市长质量奖评审员培训', '--certificate', 'WX-2023-07', '--date', '2023-06-30');

    await sec.ok('edition', 'create', '--name', '2025年度无锡', '--year', '2025', '--profile', 'wuxi-2024', '--panel-min', '2', '--panel-max', '3');
    expect(await sec.ok('--edition', '2025', 'pool', 'draw', codes.join(','))).toContain('已选入 4 位专家，其中 4 位已注册');
    const pool = await sec.json<PoolRow[]>('pool', 'list');
    expect(pool.map((p) => [p.code, p.enrolled, p.editions])).toEqual(codes.map((c) => [c, true, 2]));

    for (let i = 1; i <= 4; i++) await sec.ok('--edition', '2025', 'applicant', 'add', '--code', `WX2025-00${i}`, '--name', `申报单位${i}`, '--industry', '2');
    const file = join(dir, 'proposal.json');
    const shown = await sec.ok('--edition', '2025', 'panel', 'propose', '--stage', 'material', '--out', file);
    expect(shown).toContain('尚未应用');
    // each panel says what its members will review in the edition with its applicants: nothing before, two here
    expect(shown).toContain('成员本届评审任务（含本组）');
    expect(shown).toMatch(/^材料评审第1组 .* 2\s*$/m);
    expect(await sec.json<unknown[]>('--edition', '2025', 'panel', 'list')).toEqual([]);
    const proposal = JSON.parse(readFileSync(file, 'utf8')) as { panels: { name: string; members: string[]; leader: string; applicants: string[] }[] };
    expect(proposal.panels.map((p) => [p.members.length, p.applicants.length])).toEqual([
      [2, 2],
      [2, 2],
    ]);
    proposal.panels[0]!.name = '材料评审甲组';
    writeFileSync(file, JSON.stringify(proposal));
    expect(await sec.ok('--edition', '2025', 'panel', 'apply', file)).toContain('已创建 2 个评审组');
    const panels = await sec.json<{ name: string }[]>('--edition', '2025', 'panel', 'list');
    expect(panels.map((p) => p.name).sort()).toEqual(['材料评审甲组', '材料评审第2组']);
    const again = await sec.run('--edition', '2025', 'panel', 'apply', file);
    expect(again.stderr).toContain('已有名为“材料评审甲组”的评审组');
    expect(again.code).not.toBe(0);

    const exported = await sec.json<{ expertCode: string; file: string }[]>('--edition', '2025', 'package', 'export', '--out', join(dir, 'packages'));
    expect(exported.map((p) => p.expertCode).sort()).toEqual(codes);
    await laptops[0]!.ok('package', 'import', exported.find((p) => p.expertCode === 'E01')!.file);
    expect(await laptops[0]!.json<unknown[]>('--edition', '2025', 'assignments')).toHaveLength(2);

    const shownE01 = await sec.ok('pool', 'show', 'E01');
    expect(shownE01).toContain('市长质量奖评审员培训');
    expect(shownE01).toContain('2025年度无锡');
    expect(shownE01).toContain('合计评审任务 2 项');

    await sec.ok('pool', 'status', 'E04', '--state', 'suspended', '--reason', '本年度暂停');
    await sec.ok('edition', 'create', '--name', '2026年度无锡', '--year', '2026', '--profile', 'wuxi-2024', '--panel-min', '2', '--panel-max', '3');
    const refused = await sec.run('--edition', '2026', 'pool', 'draw', 'E04');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('暂停');

    await sec.ok('pool', 'export', join(dir, 'pool.xlsx'));
    const other = Actor.create(dir, 'other');
    await other.ok('init', '--role', 'secretariat', ...CHEAP_KDF);
    expect(await other.ok('pool', 'import', join(dir, 'pool.xlsx'))).toContain('新增 4 位');
  });

  it('corrects a pool record, which both editions then read, and removes a qualification with its reason', async () => {
    const sec = Actor.create(dir, 'secretariat-2');
    await sec.ok('init', '--role', 'secretariat', ...CHEAP_KDF);
    await sec.ok('edition', 'create', '--name', '2024年度无锡', '--year', '2024', '--profile', 'wuxi-2024', '--panel-min', '2', '--panel-max', '3');
    await sec.ok('--edition', '2024', 'expert', 'add', '--code', 'E01', '--name', '张伟', '--organisation', '无锡市质量协会');
    await sec.ok('edition', 'create', '--name', '2025年度无锡', '--year', '2025', '--profile', 'wuxi-2024', '--panel-min', '2', '--panel-max', '3');
    await sec.ok('--edition', '2025', 'pool', 'draw', 'E01');

    const refused = await sec.run('pool', 'update', 'E01', '--organisation', '江南大学', '--phone', '12345');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('不是有效的电话号码');
    const organisations = async () => Promise.all(['2024', '2025'].map(async (y) => (await sec.json<{ organisation: string | null }[]>('--edition', y, 'expert', 'list'))[0]!.organisation));
    expect(await organisations()).toEqual(['无锡市质量协会', '无锡市质量协会']);
    expect(await sec.ok('pool', 'update', 'E01', '--organisation', '江南大学', '--phone', '13912345678', '--reason', '本人来函')).toContain('已更正 E01 张伟 的信息');
    expect(await organisations()).toEqual(['江南大学', '江南大学']);
    expect((await sec.run('pool', 'update', 'E01')).stderr).toContain('没有给出要更正的项');

    await sec.ok('pool', 'qualify', 'E01', '--name', '评审员培训', '--certificate', 'A-1');
    await sec.ok('pool', 'qualify', 'E01', '--name', '评审员培训', '--certificate', 'A-2');
    expect((await sec.run('pool', 'unqualify', 'E01', '--name', '评审员培训', '--reason', '重复登记')).stderr).toContain('用 --certificate 指明哪一项');
    expect(await sec.ok('pool', 'unqualify', 'E01', '--name', '评审员培训', '--certificate', 'A-2', '--reason', '重复登记')).toContain('已删除 E01 的资格');
    const shown = await sec.ok('pool', 'show', 'E01');
    expect(shown).toContain('评审员培训 A-1');
    expect(shown).not.toContain('A-2');
  });
});


interface SuggestionRow {
  expertId: string;
  applicantId: string;
  basis: string;
  state: string;
  reason: { zh: string; en: string };
}

describe('one panel’s conflict suggestions (conflict panel)', () => {
  it('lists what the app shows in the panel’s drawer: its members with the applicants it reviews, and with those about to be assigned', async () => {
    const sec = Actor.create(dir, 'panel-conflicts');
    await sec.ok('init', '--role', 'secretariat', ...CHEAP_KDF);
    await sec.ok('edition', 'create', '--name', '2025年度无锡', '--year', '2025', '--profile', 'wuxi-2024', '--panel-min', '2', '--panel-max', '3');
    await sec.ok('applicant', 'add', '--code', 'WX2025-001', '--name', '无锡华光精密机械股份有限公司', '--industry', '2');
    await sec.ok('applicant', 'add', '--code', 'WX2025-002', '--name', '无锡惠民医疗服务集团有限公司', '--industry', '3');
    await sec.ok('expert', 'add', '--code', 'E01', '--name', '王建国', '--organisation', '无锡华光精密机械股份有限公司');
    await sec.ok('expert', 'add', '--code', 'E02', '--name', '李娜', '--organisation', '无锡惠民医疗服务集团有限公司');
    await sec.ok('panel', 'create', '--stage', 'material', '--name', '材料评审一组', '--members', 'E01,E02');
    await sec.ok('panel', 'assign', '材料评审一组', 'WX2025-001');

    const shown = await sec.ok('conflict', 'panel', '材料评审一组');
    expect(shown).toMatch(/^E01\s+WX2025-001\s+organisation\s+专家工作单位即申报单位（无锡华光精密机械股份有限公司）\s+待复核$/m);
    expect(shown).not.toContain('WX2025-002');

    // picked in the drawer, not yet assigned: its suggestion is seen before the assignment is made
    const ids = new Map((await sec.json<{ id: string; code: string }[]>('applicant', 'list')).map((a) => [a.id, a.code]));
    const picked = await sec.json<SuggestionRow[]>('conflict', 'panel', '材料评审一组', '--applicants', 'WX2025-002');
    expect(picked.map((s) => [ids.get(s.applicantId), s.basis, s.state]).sort()).toEqual([
      ['WX2025-001', 'organisation', 'open'],
      ['WX2025-002', 'organisation', 'open'],
    ]);
    expect(await sec.json<unknown[]>('panel', 'list')).toMatchObject([{ applicantIds: [expect.any(String)] }]);

    await sec.ok('conflict', 'clear', 'E01', 'WX2025-001', '--basis', 'organisation', '--reason', '已于2024年离职');
    expect(await sec.ok('--lang', 'en', 'conflict', 'panel', '材料评审一组')).toMatch(/^E01\s+WX2025-001\s+organisation\s+the expert works for the applicant \(无锡华光精密机械股份有限公司\)\s+cleared$/m);

    const unknown = await sec.run('conflict', 'panel', '现场评审组');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('找不到评审组“现场评审组”');
    const unknownApplicant = await sec.run('conflict', 'panel', '材料评审一组', '--applicants', 'WX2025-009');
    expect(unknownApplicant.code).toBe(2);
    expect(unknownApplicant.stderr).toContain('找不到申报单位“WX2025-009”');
  });

  it('documents the verb in both languages', async () => {
    const r = await pingshen(['conflict', 'panel', '--help']);
    expect(r.code).toBe(0);
    // help wraps at the terminal's width
    const help = r.stdout.replace(/\s+/g, ' ');
    expect(help).toContain('一个评审组的提示：成员及替补与本组的申报单位，可含待分配的');
    expect(help).toContain("one panel's suggestions, as the app shows them at assignment");
    expect(help).toContain('--applicants <codes> 待分配给本组的申报单位编号，逗号分隔 / applicants about to be assigned');
  });
});
