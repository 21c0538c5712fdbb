import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPingshenError } from '../../src-main/domain/errors.js';
import { pageTexts, squash } from '../report/pdf.js';
import { exportBundleFile, scoreAll, setupReview, upload, type Review } from './fixtures.js';

const CONTACT = { office: '信阳市市长质量奖评审委员会秘书处', address: '信阳市羊山新区新七大道', phone: '0376-6200000', email: null };

function refusal(fn: () => unknown): { code: string; zh: string } {
  try {
    fn();
  } catch (e) {
    if (isPingshenError(e)) return { code: e.code, zh: e.message };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('public notices and objections (Xinyang)', () => {
  let r: Review;
  let a1: string;
  let a2: string;
  let a3: string;

  beforeAll(async () => {
    r = await setupReview();
    [a1, a2, a3] = r.applicants.map((a) => a.id) as [string, string, string];
    const [e1, e2, e3] = r.stores as [NonNullable<Review['stores'][0]>, NonNullable<Review['stores'][0]>, NonNullable<Review['stores'][0]>];
    for (const e of [e1, e2, e3]) {
      scoreAll(e, r.editionId, a1, 'material', 80);
      scoreAll(e, r.editionId, a1, 'site', 85);
      scoreAll(e, r.editionId, a2, 'material', 65);
      scoreAll(e, r.editionId, a2, 'site', 65);
      scoreAll(e, r.editionId, a3, 'material', 40);
      scoreAll(e, r.editionId, a3, 'site', 40);
    }
    const files = [];
    for (const [i, e] of [e1, e2, e3].entries()) files.push((await exportBundleFile(e, r.editionId, join(r.dir, `b${i}.psb`))).file);
    await r.sec.bundles.import({ files: files.map(upload) });
    // Xinyang art. 21: the committee's secret ballot passes both candidates, and it confirms the list it puts on notice
    const meeting = { heldOn: '2026-09-25', meeting: '评委会全体会议' };
    for (const applicantId of [a1, a2]) r.sec.committee.recordTally({ editionId: r.editionId, ...meeting, applicantId, voters: 9, votesFor: 8, votesAgainst: 1, abstentions: 0, invalid: 0 });
    r.sec.committee.confirmList({ editionId: r.editionId, ...meeting, confirmedBy: '评委会主任委员', note: null });
  }, 120_000);
  afterAll(() => r.cleanup());

  it('counts the accepted list’s 5 working days over the National Day holiday of 2026', () => {
    const n = r.sec.notices.issue({ editionId: r.editionId, kind: 'accepted-list', startDate: '2026-09-28', contact: CONTACT });
    // Mon 28, Tue 29, Wed 30, then 1–7 October off, then Thu 8 and Fri 9
    expect(n.endDate).toBe('2026-10-09');
    expect(n.working).toBe(true);
    expect(n.entries.map((e) => e.code)).toEqual(['XY2025-001', 'XY2025-002', 'XY2025-003']);
    expect(n.phase).toBe('closed');
    expect(refusal(() => r.sec.notices.issue({ editionId: r.editionId, kind: 'accepted-list', startDate: '2026-10-12', contact: CONTACT })).code).toBe('notice.exists');
  });

  it('lists the award and nomination candidates on the award notice, counting the make-up Saturday', () => {
    const n = r.sec.notices.issue({ editionId: r.editionId, kind: 'award-list', startDate: '2026-09-30', contact: CONTACT });
    // Wed 30 September, Thu 8, Fri 9, Sat 10 (调休上班), Mon 12 October
    expect(n.endDate).toBe('2026-10-12');
    expect(n.entries.map((e) => [e.code, e.designation])).toEqual([
      ['XY2025-001', 'award'],
      ['XY2025-002', 'award'],
    ]);
  });

  it('refuses an anonymous objection with the article, and one received after the notice', () => {
    const notice = r.sec.notices.list({ editionId: r.editionId }).find((n) => n.kind === 'award-list')!;
    const base = { noticeId: notice.id, applicantId: a1, objectorKind: 'person' as const, organisation: null, phone: '13912345678', address: null, grounds: '该单位近三年发生质量事故。' };
    const anonymous = refusal(() => r.sec.objections.register({ ...base, objectorName: '', receivedOn: '2026-10-08' }));
    expect(anonymous.code).toBe('objection.anonymous');
    expect(anonymous.zh).toContain('第二十三条');
    expect(refusal(() => r.sec.objections.register({ ...base, objectorName: '赵六', receivedOn: '2026-10-13' })).code).toBe('objection.after-notice');
    expect(refusal(() => r.sec.objections.register({ ...base, applicantId: a3, objectorName: '赵六', receivedOn: '2026-10-08' })).code).toBe('objection.not-listed');
    expect(r.sec.objections.list({ editionId: r.editionId })).toEqual([]);
  });

  it('takes an objection through acceptance, investigation and rejection, with its deadline in working days', async () => {
    const notice = r.sec.notices.list({ editionId: r.editionId }).find((n) => n.kind === 'award-list')!;
    const o = r.sec.objections.register({
      noticeId: notice.id,
      applicantId: a1,
      objectorKind: 'person',
      objectorName: '赵六',
      organisation: null,
      phone: '13912345678',
      address: '信阳市浉河区',
      receivedOn: '2026-10-08',
      grounds: '该单位近三年发生质量事故。',
    });
    expect(o.number).toBe(1);
    expect(o.state).toBe('received');
    // five working days after 8 October: 9, 10 (make-up Saturday), 12, 13, 14
    expect(o.acceptBy).toBe('2026-10-14');
    expect(o.overdue).toBe(true);
    expect(refusal(() => r.sec.objections.decide({ objectionId: o.id, on: '2026-10-09', upheld: false, finding: '—' })).code).toBe('objection.wrong-state');
    expect(refusal(() => r.sec.objections.letter({ objectionId: o.id, lang: 'zh' })).code).toBe('objection.undecided');

    const accepted = r.sec.objections.accept({ objectionId: o.id, on: '2026-10-09' });
    expect([accepted.state, accepted.overdue]).toEqual(['accepted', false]);
    expect(refusal(() => r.sec.objections.decide({ objectionId: o.id, on: '2026-10-12', upheld: false, finding: '查无实据' })).code).toBe('objection.not-investigated');
    r.sec.objections.note({ objectionId: o.id, on: '2026-10-12', text: '调阅市场监管部门近三年记录，未发现质量事故。' });
    const decided = r.sec.objections.decide({ objectionId: o.id, on: '2026-10-13', upheld: false, finding: '经核查，未发现该单位近三年发生质量事故。' });
    expect(decided.state).toBe('rejected');
    expect(decided.notes).toHaveLength(1);

    const letter = await r.sec.objections.letter({ objectionId: o.id, lang: 'zh' });
    const text = squash((await pageTexts(letter.bytes)).join(''));
    expect(text).toContain('赵六：');
    expect(text).toContain('异议不成立');
    expect(text).toContain('未发现该单位近三年发生质量事故');
  });

  it('removes the applicant of an upheld objection from the final list, without replacement, and publishes it once', async () => {
    const notice = r.sec.notices.list({ editionId: r.editionId }).find((n) => n.kind === 'award-list')!;
    const o = r.sec.objections.register({
      noticeId: notice.id,
      applicantId: a2,
      objectorKind: 'organisation',
      objectorName: '信阳某某商贸有限公司',
      organisation: '信阳市平桥区',
      phone: '0376-6300000',
      address: null,
      receivedOn: '2026-10-10',
      grounds: '该单位申报材料中的财务数据与审计报告不符。',
    });
    expect(r.sec.finalList.get({ editionId: r.editionId }).blockers.map((b) => b.zh).join()).toContain('第2号');
    expect(refusal(() => r.sec.finalList.publish({ editionId: r.editionId, on: '2026-10-20' })).code).toBe('final-list.not-ready');
    r.sec.objections.accept({ objectionId: o.id, on: '2026-10-12' });
    r.sec.objections.note({ objectionId: o.id, on: '2026-10-14', text: '核对审计报告原件，营业收入虚增。' });
    r.sec.objections.decide({ objectionId: o.id, on: '2026-10-16', upheld: true, finding: '申报材料财务数据与审计报告不符，异议成立。' });

    const list = r.sec.finalList.get({ editionId: r.editionId });
    expect(list.blockers).toEqual([]);
    expect(list.entries.map((e) => [e.code, e.removedBy])).toEqual([
      ['XY2025-001', null],
      ['XY2025-002', 2],
    ]);
    expect(refusal(() => r.sec.finalList.publish({ editionId: r.editionId, on: '2026-10-12' })).code).toBe('final-list.bad-date');
    const published = r.sec.finalList.publish({ editionId: r.editionId, on: '2026-10-20' });
    expect(published.published?.entries.map((e) => e.code)).toEqual(['XY2025-001']);
    expect(refusal(() => r.sec.finalList.publish({ editionId: r.editionId, on: '2026-10-21' })).code).toBe('final-list.not-ready');

    const pdf = await r.sec.finalList.print({ editionId: r.editionId, lang: 'zh' });
    const text = squash((await pageTexts(pdf.bytes)).join(''));
    expect(text).toContain('无锡澄光精密机械有限公司');
    expect(text).toContain('公布日期：2026年10月20日');
    expect(text).toMatch(/经公示异议成立、取消获奖资格（不递补）.*XY2025-002/);
  });

  it('keeps the secretariat’s corrections for a year the holiday table does not know', () => {
    const year = r.sec.calendar.year({ year: 2099 });
    expect(year.known).toBe(false);
    expect(r.sec.calendar.year({ year: 2026 }).days.find((d) => d.date === '2026-10-10')).toMatchObject({ working: true, makeUp: true });
    const day = r.sec.calendar.setDay({ date: '2099-01-01', working: false, note: '元旦' });
    expect(day.working).toBe(false);
    expect(r.sec.calendar.year({ year: 2099 }).days.map((d) => [d.date, d.working, d.correction?.note])).toEqual([['2099-01-01', false, '元旦']]);
    r.sec.calendar.clearDay({ date: '2099-01-01', reason: '录入有误' });
    expect(r.sec.calendar.corrections({})).toEqual([]);
    expect(refusal(() => r.sec.calendar.clearDay({ date: '2099-01-01', reason: '再次撤销' })).code).toBe('calendar.not-corrected');
  });
});

describe('a notice over days the holiday table does not know', () => {
  it('counts the secretariat’s corrections, names the years nobody checked, and refuses a notice the regulation does not have', async () => {
    const { tempDir, newSecretariat } = await import('./fixtures.js');
    const { dir, cleanup } = tempDir();
    const sec = await newSecretariat(dir);
    try {
      const xinyang = sec.editions.create({ name: '2099年信阳市市长质量奖', year: 2099, profileId: 'xinyang-2022', frameworkId: 'gbt19580-2012', settings: {} });
      for (const code of ['XY2099-001', 'XY2099-002']) {
        sec.applicants.add({ editionId: xinyang.id, applicant: { code, name: `申报单位${code}`, kind: 'unit', industry: 2, contactName: null, contactPhone: null, contactEmail: null } });
      }
      sec.calendar.setDay({ date: '2099-01-01', working: false, note: '元旦' });
      sec.calendar.setDay({ date: '2099-01-02', working: false, note: '元旦' });
      const n = sec.notices.issue({ editionId: xinyang.id, kind: 'accepted-list', startDate: '2098-12-31', contact: CONTACT });
      // Wed 31 December; 1–2 January corrected to rest, then the weekend; Mon 5 … Thu 8
      expect(n.endDate).toBe('2099-01-08');
      expect(n.uncoveredYears).toEqual([2098]);

      const wuxi = sec.editions.create({ name: '2099年无锡市市长质量奖', year: 2099, profileId: 'wuxi-2024', frameworkId: 'gbt19580-2012', settings: { panelSize: { min: 3, max: 7 } } });
      const refused = refusal(() => sec.notices.issue({ editionId: wuxi.id, kind: 'accepted-list', startDate: '2099-03-02', contact: CONTACT }));
      expect(refused.code).toBe('notice.not-in-profile');
      // no scores yet, so the committee has confirmed no award list: there is nothing it may put on notice
      expect(refusal(() => sec.notices.issue({ editionId: wuxi.id, kind: 'award-list', startDate: '2099-03-02', contact: CONTACT })).code).toBe('notice.award-list-unconfirmed');
    } finally {
      sec.close();
      cleanup();
    }
  });
});

describe('an upheld objection to the accepted list (Xinyang arts. 17, 18, 24)', () => {
  let r: Review;
  let a1: string;
  let a2: string;
  let a3: string;
  const FINDING = '该单位近三年发生较大生产安全事故，不符合第十三条第（三）项。';

  beforeAll(async () => {
    r = await setupReview();
    [a1, a2, a3] = r.applicants.map((a) => a.id) as [string, string, string];
    const notice = r.sec.notices.issue({ editionId: r.editionId, kind: 'accepted-list', startDate: '2026-09-28', contact: CONTACT });
    const objection = (applicantId: string, name: string) =>
      r.sec.objections.register({ noticeId: notice.id, applicantId, objectorKind: 'person', objectorName: name, organisation: null, phone: '13912345678', address: null, receivedOn: '2026-10-08', grounds: '该单位近三年发生安全事故。' });
    const upheld = objection(a2, '赵六');
    r.sec.objections.accept({ objectionId: upheld.id, on: '2026-10-09' });
    r.sec.objections.note({ objectionId: upheld.id, on: '2026-10-12', text: '调阅应急管理部门记录。' });
    r.sec.objections.decide({ objectionId: upheld.id, on: '2026-10-13', upheld: true, finding: FINDING });
    const rejected = objection(a3, '钱七');
    r.sec.objections.accept({ objectionId: rejected.id, on: '2026-10-09' });
    r.sec.objections.note({ objectionId: rejected.id, on: '2026-10-12', text: '调阅应急管理部门记录。' });
    r.sec.objections.decide({ objectionId: rejected.id, on: '2026-10-13', upheld: false, finding: '未发现安全事故。' });
    // the panels already had it: its experts score it all the same, and the scores come in
    for (const e of r.stores) {
      for (const a of [a1, a2, a3]) {
        scoreAll(e, r.editionId, a, 'material', a === a2 ? 95 : 70);
        scoreAll(e, r.editionId, a, 'site', a === a2 ? 95 : 70);
      }
    }
    const files = [];
    for (const [i, e] of r.stores.entries()) files.push((await exportBundleFile(e, r.editionId, join(r.dir, `b${i}.psb`))).file);
    await r.sec.bundles.import({ files: files.map(upload) });
  }, 120_000);
  afterAll(() => r.cleanup());

  it('admits it to no stage, saying which objection and what it found, while a rejected objection changes nothing', () => {
    const entries = r.sec.panels.entries({ editionId: r.editionId, stage: 'site' });
    const of = (id: string) => entries.find((e) => e.applicantId === id)!;
    expect(of(a2).eligible).toBe(false);
    expect(of(a2).reason?.zh).toBe(`受理名单公示第1号异议经调查成立（2026-10-13），已退出评审：${FINDING}`);
    expect([of(a1).eligible, of(a3).eligible]).toEqual([true, true]);
    // taken off its panel, it cannot be given one again
    const site = r.panels.site!.id;
    r.sec.panels.unassign({ panelId: site, applicantIds: [a2], reason: '受理名单异议成立' });
    expect(refusal(() => r.sec.panels.assign({ panelId: site, applicantIds: [a2] }))).toMatchObject({ code: 'assignment.not-eligible', zh: expect.stringContaining('第1号异议经调查成立') });
  });

  it('leaves it out of the ranking, the candidates, the award list and the work owed, though it scored highest', () => {
    const results = r.sec.results.get({ editionId: r.editionId });
    expect(results.ranking.map((e) => e.applicant.code)).toEqual(['XY2025-001', 'XY2025-003']);
    expect(results.candidates.entries.map((c) => c.applicantId)).not.toContain(a2);
    expect(results.stageResults.map((s) => s.applicantId)).not.toContain(a2);
    expect(r.sec.committee.get({ editionId: r.editionId }).awardList.entries.map((e) => e.applicant.id)).not.toContain(a2);
    expect(r.sec.results.owedWork({ editionId: r.editionId }).map((w) => w.applicantId)).not.toContain(a2);
    const material = r.sec.editions.steps({ editionId: r.editionId }).find((s) => s.step === 'material')!;
    expect(material.counts.find((c) => c.key === 'due')?.value).toBe(2);
  });

  it('keeps what was recorded: its sheets, its eligibility and the audit entry of the decision, and says why it is out', () => {
    expect(r.sec.sheets.list({ editionId: r.editionId, filter: { applicantId: a2 } }).filter((s) => s.status === 'submitted')).toHaveLength(6);
    const row = r.sec.eligibility.list({ editionId: r.editionId }).rows.find((x) => x.applicant.id === a2)!;
    expect(row.objectionUpheld).toEqual({ number: 1, decidedOn: '2026-10-13', finding: FINDING });
    expect(r.sec.eligibility.list({ editionId: r.editionId }).rows.find((x) => x.applicant.id === a3)!.objectionUpheld).toBeNull();
    expect(r.sec.store.auditLog({ limit: 50 }).find((e) => e.action === 'objection.uphold')?.detail).toMatchObject({ number: 1, decision: FINDING });
  });

  it('is left out of the results the same way when an archive is recomputed', async () => {
    const { generateX25519Identity, identityToRecipient } = await import('age-encryption');
    const { verifyArchive } = await import('../../src-main/exchange/archive/verify.js');
    const office = await generateX25519Identity();
    const made = await r.sec.archive.create({ editionId: r.editionId, protection: { kind: 'encrypted', recipients: [await identityToRecipient(office)] } });
    const v = await verifyArchive(made.bytes, { identities: [office] });
    expect(v.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual([]);
    expect(v.checks.find((c) => c.id === 'results')!.done.en).toContain('of 2 applicants');
  }, 60_000);
});
