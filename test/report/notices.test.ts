import { describe, expect, it } from 'vitest';
import { reportEdition } from '../../src-main/report/assemble.js';
import type { FinalListInput, NoticeInput, ObjectionReplyInput } from '../../src-main/report/types.js';
import { wuxi } from './fixtures.js';
import { render } from './pdf.js';

const edition = { ...reportEdition(wuxi), issuingBody: '无锡市市场监督管理局' };
const contact = { office: '无锡市市长质量奖评审委员会办公室', address: '无锡市观山路199号', phone: '0510-81820000', email: 'zlj@example.cn' };
const rules = {
  notice: { zh: '第十一条第（六）项：公示期为7日', en: 'art. 11(6): 7-day public notice' },
  objections: { zh: '第十一条第（六）、（七）项：公示期内的异议', en: 'art. 11(6)–(7): objections during the notice' },
  realName: true,
  withinPeriod: true,
};
const entries = [
  { applicantId: 'a1', code: 'WX2025-001', name: '无锡澄光精密机械有限公司', designation: 'award' as const },
  { applicantId: 'a2', code: 'WX2025-002', name: '江阴青禾食品股份有限公司', designation: 'nomination' as const },
];

describe('public notice (公示)', () => {
  const input: NoticeInput = { report: 'notice', edition, kind: 'award-list', startDate: '2026-09-30', endDate: '2026-10-06', days: 7, working: false, contact, entries, rules };

  it('publishes the list with its dates, where to object and the real-name rule', async () => {
    const r = await render(input, 'zh');
    expect(r.all).toContain('关于无锡市市长质量奖拟奖名单的公示');
    expect(r.all).toContain('1WX2025-001无锡澄光精密机械有限公司市长质量奖');
    expect(r.all).toContain('2WX2025-002江阴青禾食品股份有限公司提名奖');
    expect(r.all).toContain('公示期：2026年9月30日至2026年10月6日（7日）');
    expect(r.all).toContain('公示期间，任何单位或者个人对上述名单有异议的，可以书面形式向无锡市市长质量奖评审委员会办公室提出');
    expect(r.all).toContain('以匿名方式提出的异议不予受理');
    expect(r.all).toContain('0510-81820000');
    // sealed and dated on its first day, not on the day it was printed
    expect(r.all).toContain('（盖章）无锡市市场监督管理局2026年9月30日');
  });

  it('says working days where the profile counts them, and prints in English', async () => {
    const r = await render({ ...input, days: 5, working: true, endDate: '2026-10-12' }, 'en');
    expect(r.all).toContain('Noticeperiod:2026-09-30to2026-10-12(5workingdays).');
    expect(r.all).toContain('Anonymousobjectionsarenotaccepted.');
  });
});

describe('reply to an objection (异议处理结果告知书)', () => {
  const base: ObjectionReplyInput = {
    report: 'objection-reply',
    edition,
    noticeKind: 'award-list',
    number: 2,
    objectorKind: 'person',
    objectorName: '赵六',
    receivedOn: '2026-10-08',
    applicant: { code: 'WX2025-002', name: '江阴青禾食品股份有限公司' },
    state: 'upheld',
    acceptedOn: '2026-10-09',
    decidedOn: '2026-10-14',
    decision: '申报材料财务数据与审计报告不符。',
    contact,
    rules,
  };

  it('tells an upheld objection’s outcome: the applicant leaves the list without replacement', async () => {
    const r = await render(base, 'zh');
    expect(r.all).toContain('赵六：');
    expect(r.all).toContain('你方于2026年10月8日提出的关于拟奖名单中“WX2025-002江阴青禾食品股份有限公司”的异议材料（第2号）收悉');
    expect(r.all).toContain('异议成立');
    expect(r.all).toContain('从名单中除名，不进行递补');
  });

  it('tells an upheld objection to the accepted list that the applicant leaves the review, not that a place stays empty', async () => {
    const zh = (await render({ ...base, noticeKind: 'accepted-list' }, 'zh')).all;
    expect(zh).toContain('关于受理名单中“WX2025-002江阴青禾食品股份有限公司”的异议材料');
    expect(zh).toContain('从受理名单中除名，不再参加本届评审');
    expect(zh).not.toContain('不进行递补');
    expect((await render({ ...base, noticeKind: 'accepted-list' }, 'en')).all).toContain('takesnofurtherpartinthisedition');
  });

  it('is the written proof of acceptance while the investigation runs, and gives the reason when not accepted', async () => {
    expect((await render({ ...base, state: 'accepted', decidedOn: null, decision: null }, 'zh')).all).toContain('已于2026年10月9日予以受理');
    expect((await render({ ...base, state: 'not-accepted', acceptedOn: null, decision: '异议材料未提供任何证明。' }, 'zh')).all).toContain('该异议不予受理。理由：异议材料未提供任何证明。');
  });
});

describe('final award list (获奖名单)', () => {
  const input: FinalListInput = {
    report: 'final-list',
    edition,
    startDate: '2026-09-30',
    endDate: '2026-10-06',
    entries: [entries[0]!],
    removed: [{ ...entries[1]!, objection: 2 }],
    publishedOn: '2026-10-20',
  };

  it('lists what stands, and apart from it the applicants an upheld objection removed', async () => {
    const r = await render(input, 'zh');
    expect(r.all).toContain('1WX2025-001无锡澄光精密机械有限公司市长质量奖');
    expect(r.all).toContain('经公示异议成立、取消获奖资格（不递补）编号名称类别异议编号WX2025-002江阴青禾食品股份有限公司提名奖#2');
    expect(r.all).toContain('公布日期：2026年10月20日（盖章）无锡市市场监督管理局2026年10月20日');
    expect(r.all).not.toContain('暂定');
  });

  it('is provisional until published', async () => {
    const r = await render({ ...input, publishedOn: null }, 'zh');
    expect(r.all).toContain('获奖名单尚未公布');
  });
});
