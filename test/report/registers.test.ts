import { describe, expect, it } from 'vitest';
import type { Confirmation } from '../../src-main/domain/committee.js';
import type { Applicant } from '../../src-main/domain/people.js';
import { decisionsInput, receiptInput, recusalsInput } from '../../src-main/report/assemble.js';
import { groupedHex } from '../../src-main/report/receipt.js';
import { applicants, bundles, declarations, experts, wuxi, corrections } from './fixtures.js';
import { render } from './pdf.js';

describe('recusal register (回避记录)', () => {
  const input = () => recusalsInput({ edition: wuxi, applicants, experts, declarations, corrections });

  it("lists every recusal, the expert's own and the secretariat's, with time and reason, then the declarations of no conflict", async () => {
    const r = await render(input(), 'zh');
    expect(r.all).toContain('回避记录');
    expect(r.all).toContain('共5条记录：回避2条（其中秘书处决定1条），无利害关系声明3条。');
    expect(r.all).toContain('2025年5月20日11:00杨丽（E06）无锡华光精密机械股份有限公司（WX2025-001）专家声明曾于2023年担任该公司质量管理顾问。');
    expect(r.all).toContain('2025年5月22日16:30赵敏（E07）无锡惠民医疗服务集团有限公司（WX2025-003）秘书处决定其配偶在该单位任职，本人未主动申报。');
    const clear = r.all.indexOf('二、无利害关系声明');
    expect(clear).toBeGreaterThan(r.all.indexOf('一、回避'));
    expect(r.all.slice(clear)).toContain('2025年5月20日09:15王建国（E01）无锡华光精密机械股份有限公司（WX2025-001）专家声明');
    expect(r.all.slice(clear)).toContain('2025年5月21日14:05张伟（E03）');
    expect(r.all).toContain('文中时间均为北京时间。');
  });

  it('shows a lifted recusal as lifted, and annexes the recusals changed after the packages went out', async () => {
    const lifted = declarations.map((d) => (d.expertId === 'ex-7' ? { ...d, lifted: { at: '2025-05-25T03:00:00.000Z', reason: '经核实配偶已于2024年离职' } } : d));
    const r = await render(recusalsInput({ edition: wuxi, applicants, experts, declarations: lifted, corrections }), 'zh');
    expect(r.all).toContain('其配偶在该单位任职，本人未主动申报。已于2025年5月25日11:00撤销：经核实配偶已于2024年离职');
    const annex = r.all.indexOf('三、评审包发出后的回避变更');
    expect(annex).toBeGreaterThan(r.all.indexOf('二、无利害关系声明'));
    expect(r.all.slice(annex)).toContain('撤销E07对WX2025-003秘书处决定的回避');
    expect(r.all.slice(annex)).not.toContain('替换');
  });

  it('has an English edition', async () => {
    const r = await render(input(), 'en');
    expect(r.all).toContain('Recusalregister');
    expect(r.all).toContain('5records:2recusals(1imposedbythesecretariat),3declarationsofnoconflict.');
    expect(r.all).toContain('2025-05-2216:30赵敏（E07）无锡惠民医疗服务集团有限公司（WX2025-003）Imposedbythesecretariat');
  });
});

describe('import receipt (结果包导入回执)', () => {
  const input = () => receiptInput({ edition: wuxi, experts, bundles });

  it('shows each bundle with its time, expert, sequence, status, full SHA-256 and the reason for a refusal', async () => {
    const r = await render(input(), 'zh');
    expect(r.all).toContain('结果包导入回执');
    expect(r.all).toContain('共5个结果包：接受2个，被后续结果包替代1个，拒收2个。');
    expect(r.all).toContain(`2025年6月12日11:00王建国（E01）1已被替代${bundles[0]!.sha256}—`);
    expect(r.all).toContain(`2025年6月13日09:20王建国（E01）2已接受${bundles[1]!.sha256}—`);
    expect(r.all).toContain(`2025年6月13日10:30（未识别）来历不明.psbundle1已拒收${bundles[3]!.sha256}签名与登记的评审专家不符，结果包未导入。`);
  });

  it('counts and lists a refused file that could not be opened, by its file name', async () => {
    const r = await render(input(), 'zh');
    expect(r.all).toContain(`2025年6月13日10:40（未识别）张伟-评审包.pspackage—已拒收${bundles[4]!.sha256}这不是结果包，而是评审包。`);
  });

  it('has an English edition', async () => {
    const r = await render(input(), 'en');
    expect(r.all).toContain('5bundles:2accepted,1supersededbyalaterbundle,2refused.');
    expect(r.all).toContain(`2025-06-1310:30(unidentified)来历不明.psbundle1Refused${bundles[3]!.sha256}Thesignaturedoesnotmatchanenrolledexpert;thebundlewasnotimported.`);
  });

  it('groups a fingerprint in eights, four groups a line', () => {
    expect(groupedHex('5d41402abc4b2a76b9719d911017c592e3b0c44298fc1c149afbf4c8996fb924')).toBe(
      '5d41402a bc4b2a76 b9719d91 1017c592\ne3b0c442 98fc1c14 9afbf4c8 996fb924',
    );
  });
});

describe('register of committee decisions, notices and objections (评委会审议、公示与异议记录)', () => {
  const [a1, a2] = applicants as [Applicant, Applicant];
  const meeting = { heldOn: '2025-11-20', meeting: '第二次评委会全体会议' };
  const confirmation = (id: string, recordedAt: string, applicantIds: string[]): Confirmation => ({
    id,
    subject: 'award-list',
    ...meeting,
    confirmedBy: '评委会主任委员',
    note: null,
    recordedAt,
    snapshot: applicantIds.map((applicantId) => ({ applicantId, level: 'award' })),
  });
  const none = { confirmations: [], settlements: [], tallies: [], notices: [], finalList: null, objections: [] };

  it('says so where the committee, the notices and the objections have no record yet, and how long the records are kept', async () => {
    const r = await render(decisionsInput({ edition: wuxi, applicants, decisions: none }), 'zh');
    expect(r.all).toContain('共记录评委会决定0项、公示0份、异议0件。');
    expect(r.all).toContain('保存期限：本届所用规则未规定资料保存期限。');
    expect(r.all).toMatch(/（一）确认名单无（二）并列的决定无二、公示无三、异议无/);
  });

  it('marks a confirmation the committee gave again as superseded, and names the one the notice published', async () => {
    const first = confirmation('c-1', '2025-11-20T08:00:00.000Z', [a1.id]);
    const again = confirmation('c-2', '2025-11-21T08:00:00.000Z', [a1.id, a2.id]);
    const notice = {
      id: 'n-1',
      editionId: wuxi.id,
      kind: 'award-list' as const,
      startDate: '2025-11-24',
      endDate: '2025-11-28',
      days: 5,
      working: true,
      contact: { office: '无锡市市场监督管理局', address: null, phone: null, email: null },
      issuedAt: '2025-11-22T02:00:00.000Z',
      entries: [a1, a2].map((a) => ({ applicantId: a.id, code: a.code, name: a.name, designation: 'award' as const })),
    };
    const r = await render(decisionsInput({ edition: wuxi, applicants, decisions: { ...none, confirmations: [first, again], notices: [notice] } }), 'zh');
    expect(r.all).toContain(`${a1.code}（市长质量奖）（1）已由2025年11月21日16:00的确认取代`);
    expect(r.all).toContain('评委会2025年11月20日（第二次评委会全体会议）确认的拟奖名单');
    expect(r.all).toContain('获奖名单尚未公布。');
    const stale = await render(decisionsInput({ edition: wuxi, applicants, decisions: { ...none, confirmations: [first], notices: [notice] } }), 'en');
    expect(stale.all).toContain('Notthelistthecommitteeconfirmed');
  });
});
