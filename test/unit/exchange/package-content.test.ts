import { describe, expect, it } from 'vitest';
import { contentDigest, packageChanges, type PackageContent } from '../../../src-main/exchange/package-content.js';

/** What a newer package changes for its expert, in the words the expert reads. */

const applicant = (id: string, code: string, name: string) => ({ id, code, name, kind: 'unit' as const, industry: 2 as const });
const seat = (a: ReturnType<typeof applicant>, stage: 'material' | 'site' = 'material', panel = { id: 'p1', name: '材料评审组' }) => ({ applicant: a, stage, panel, leader: false, recusal: null });
const A = applicant('a1', 'WX-001', '无锡澄光精密机械有限公司');
const B = applicant('a2', 'WX-002', '江阴青禾食品股份有限公司');

const base: PackageContent = {
  edition: { id: 'ed', name: '2025年度无锡市市长质量奖', year: 2025, settings: {} },
  expert: { id: 'e1', code: 'E01', name: '张伟' },
  assignments: [seat(A), seat(B)],
  materials: [{ id: 'm1', applicantId: 'a1', fileName: '自评报告.pdf', sha256: 'a'.repeat(64), version: 1, replaces: null }],
  returns: [],
  lifted: [],
  roster: [],
};

describe('package changes', () => {
  it('says nothing for the first package, or for the same content again', () => {
    expect(packageChanges(null, base)).toEqual([]);
    expect(packageChanges(base, structuredClone(base))).toEqual([]);
    expect(contentDigest(base)).toBe(contentDigest(structuredClone(base)));
  });

  it('names a corrected applicant once, though it sits in two stages', () => {
    const renamed = applicant('a1', 'WX-001', '无锡澄光精密机械股份有限公司');
    const before = { ...base, assignments: [seat(A), seat(A, 'site', { id: 'p2', name: '现场评审组' })] };
    const after = { ...base, assignments: [seat(renamed), seat(renamed, 'site', { id: 'p2', name: '现场评审组' })] };
    expect(packageChanges(before, after).map((c) => c.text.zh)).toEqual(['申报单位信息更正：WX-001 无锡澄光精密机械有限公司 → WX-001 无锡澄光精密机械股份有限公司']);
  });

  it('lists assignments added and removed, a new panel, an imposed recusal, a return and a lift', () => {
    const after: PackageContent = {
      ...base,
      assignments: [{ ...seat(A, 'material', { id: 'p9', name: '材料评审二组' }), leader: true }, { ...seat(applicant('a3', 'WX-003', '宜兴远帆环保科技有限公司')), recusal: null }],
      returns: [{ id: 'r1', applicantId: 'a1', stage: 'material', version: 1, reason: '4.1.2 评语与得分不符', at: '2025-06-01T00:00:00.000Z' }],
      lifted: [{ applicantId: 'a1', source: 'expert', reason: '声明有误', at: '2025-06-01T00:00:00.000Z' }],
    };
    expect(packageChanges(base, after).map((c) => [c.kind, c.text.zh])).toEqual([
      ['panel', 'WX-001 无锡澄光精密机械有限公司（材料评审）现由材料评审二组评审，您任组长'],
      ['assignment-added', '新分配：WX-003 宜兴远帆环保科技有限公司（材料评审，材料评审组）'],
      ['assignment-removed', '不再由您评审：WX-002 江阴青禾食品股份有限公司（材料评审）'],
      ['sheet-returned', 'WX-001（材料评审）的评分表第 1 版被退回修改：4.1.2 评语与得分不符'],
      ['recusal-lifted', '秘书处撤销了您对 WX-001 的回避：声明有误。请重新声明。'],
    ]);
    const imposed = { ...base, assignments: [{ ...seat(A), recusal: { reason: '配偶在该单位任职', at: '2025-06-01T00:00:00.000Z' } }, seat(B)], materials: [] };
    expect(packageChanges(base, imposed).map((c) => c.kind)).toEqual(['recusal-imposed', 'material-removed']);
  });

  it('tells a replaced material from a removed one and a new one', () => {
    const replaced = { ...base, materials: [{ id: 'm2', applicantId: 'a1', fileName: '自评报告（修订）.pdf', sha256: 'b'.repeat(64), version: 2, replaces: 'm1' }] };
    expect(packageChanges(base, replaced).map((c) => c.kind)).toEqual(['material-replaced']);
    expect(packageChanges(base, { ...base, materials: [] }).map((c) => c.kind)).toEqual(['material-removed']);
    const added = { ...base, materials: [...base.materials, { id: 'm3', applicantId: 'a2', fileName: '附件.pdf', sha256: 'c'.repeat(64), version: 1, replaces: null }] };
    expect(packageChanges(base, added).map((c) => c.text.en)).toEqual(['WX-002: new material 附件.pdf']);
  });

  it('says nothing of the materials of an applicant no longer assigned: the assignment says it', () => {
    const after = { ...base, assignments: [seat(B)], materials: [] };
    expect(packageChanges(base, after).map((c) => c.kind)).toEqual(['assignment-removed']);
  });

  it('tells the expert of a corrected own record and of changed rules', () => {
    const after = { ...base, expert: { ...base.expert, name: '张玮' }, edition: { ...base.edition, settings: { panelSize: { min: 3, max: 7 } } } };
    expect(packageChanges(base, after).map((c) => c.kind)).toEqual(['edition', 'expert']);
  });
  it("tells a leader who joined, left, enrolled and was returned a sheet on the panel, and never lists nothing for a roster that changed", () => {
    const member = (id: string, code: string, name: string, keys: null | { signPublic: string; boxRecipient: string; fingerprint: string } = null) => ({ id, code, name, keys, recusedFrom: [], lifted: [], seatedFor: null });
    const keys = { signPublic: 'k'.repeat(44), boxRecipient: 'age1xyz', fingerprint: 'ABCD EFGH' };
    const led = { ...base, assignments: [{ ...seat(A), leader: true }] };
    const before: PackageContent = { ...led, roster: [{ panelId: 'p1', stage: 'material', leaderId: 'e1', members: [member('e2', 'E02', '李娜'), member('e3', 'E03', '王强', keys)], returns: [] }] };
    const after: PackageContent = {
      ...led,
      roster: [
        {
          panelId: 'p1',
          stage: 'material',
          leaderId: 'e1',
          members: [member('e2', 'E02', '李娜', keys), { ...member('e4', 'E04', '赵敏'), seatedFor: ['a1'] }],
          returns: [{ id: 'x1', expertId: 'e2', applicantId: 'a1', version: 1, reason: '4.2.3 缺评语', at: '2025-06-01T00:00:00.000Z' }],
        },
      ],
    };
    expect(packageChanges(before, after).map((c) => [c.kind, c.text.zh])).toEqual([
      ['roster', 'E02 李娜 已完成注册，其评分可以核验'],
      ['roster', '材料评审组（材料评审）新增成员 E04 赵敏（增派，仅评审指定申报单位）'],
      ['roster', 'E03 王强 已不在材料评审组（材料评审）'],
      ['roster', '秘书处退回了 E02 李娜 的评分表第 1 版：4.2.3 缺评语'],
    ]);
    const relead = { ...before, roster: [{ ...before.roster[0]!, leaderId: 'e3' }] };
    expect(packageChanges(before, relead).map((c) => c.text.zh)).toEqual(['材料评审组（材料评审）组长改为 E03 王强']);
    const reordered = { ...before, roster: [{ ...before.roster[0]!, members: [...before.roster[0]!.members].reverse() }] };
    expect(packageChanges(before, reordered).length).toBeGreaterThan(0);
  });
});
