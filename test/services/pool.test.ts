import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreClient } from '../../src-main/features/open.js';
import { asUpload, newExpertStore, newSecretariat, saveAs, tempDir, upload, writePdf } from './fixtures.js';

/**
 * The expert pool across two editions (issue 13): experts kept once with their key, drawn into a
 * second edition without enrolling again, their history and workload per edition, corrections
 * and status carried by the pool, conflict suggestions from what the store holds, and panels the
 * app proposes and the clerk applies.
 */

async function codeOf(fn: () => unknown): Promise<string | undefined> {
  try {
    await fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

const CREDIT = { chengguang: '91320211MA1W8Q8A0W', taihu: '91320200135914527T' };
const person = (code: string, name: string, organisation: string | null = null) => ({ code, name, organisation, title: '教授', industry: 2 as const, phone: null, email: null });
const unit = (code: string, name: string, creditCode: string | null = null) => ({ code, name, kind: 'unit' as const, industry: 2 as const, creditCode, contactName: null, contactPhone: null, contactEmail: null });
const edition = (sec: StoreClient, year: number) => sec.editions.create({ name: `${year}年信阳市市长质量奖`, year, profileId: 'xinyang-2022', frameworkId: 'gbt19580-2012', settings: {} });

describe('the expert pool across editions', () => {
  let t: ReturnType<typeof tempDir>;
  let sec: StoreClient;
  const stores: StoreClient[] = [];
  beforeEach(async () => {
    t = tempDir();
    sec = await newSecretariat(t.dir);
  });
  afterEach(() => {
    sec.close();
    for (const s of stores.splice(0)) s.close();
    t.cleanup();
  });

  it('seats the experts of one edition in the next from the pool, enrolled once, and their store takes the new package', async () => {
    const first = edition(sec, 2024);
    const experts = ['张伟', '李娜', '王强'].map((name, i) => sec.experts.add({ editionId: first.id, expert: person(`E0${i + 1}`, name) }));
    const laptops = [];
    for (const [i, e] of experts.entries()) {
      const { svc } = await newExpertStore(t.dir, `expert-${i + 1}`);
      stores.push(svc);
      laptops.push(svc);
      sec.experts.enroll({ expertId: e.id, enrollmentCode: svc.store.enrollmentCode() });
    }
    const a24 = sec.applicants.add({ editionId: first.id, applicant: unit('XY2024-001', '无锡澄光精密机械有限公司') });
    const p24 = sec.panels.create({ editionId: first.id, panel: { stage: 'material', name: '材料评审组', memberIds: experts.map((e) => e.id), leaderId: experts[0]!.id } });
    sec.panels.assign({ panelId: p24.id, applicantIds: [a24.id] });

    const pool = sec.pool.list({});
    expect(pool.map((p) => [p.code, p.enrolled, p.editions])).toEqual([
      ['E01', true, 1],
      ['E02', true, 1],
      ['E03', true, 1],
    ]);

    const second = edition(sec, 2026);
    const seats = sec.pool.draw({ editionId: second.id, experts: pool.map((p) => ({ expertId: p.id })) });
    expect(seats.map((s) => [s.code, s.enrolled, s.fingerprint])).toEqual(experts.map((e) => [e.code, true, sec.experts.list({ editionId: first.id }).find((x) => x.id === e.id)!.fingerprint]));
    expect(sec.store.auditLog({ limit: 1 })[0]).toMatchObject({ action: 'pool.drawn', detail: { editionId: second.id } });
    expect(await codeOf(() => sec.pool.draw({ editionId: second.id, experts: [{ expertId: pool[0]!.id }] }))).toBe('pool.already-seated');

    // the second edition goes out to the same laptops: nobody enrolled again
    const a26 = sec.applicants.add({ editionId: second.id, applicant: unit('XY2026-001', '江阴青禾食品股份有限公司') });
    const p26 = sec.panels.create({ editionId: second.id, panel: { stage: 'material', name: '材料评审组', memberIds: seats.map((s) => s.id), leaderId: seats[0]!.id } });
    sec.panels.assign({ panelId: p26.id, applicantIds: [a26.id] });
    sec.materials.attach({ applicantId: a26.id, file: upload(writePdf(t.dir, '申报材料.pdf', '秘密')) });
    const packages = await sec.packages.export({ editionId: second.id });
    for (const [i, laptop] of laptops.entries()) {
      const mine = packages.find((p) => p.expertId === seats[i]!.id)!;
      await laptop.packages.import({ file: asUpload(mine) });
      expect(laptop.assignments.mine({ editionId: second.id }).map((a) => a.applicant.code)).toEqual(['XY2026-001']);
    }

    const detail = sec.pool.get({ expertId: pool[0]!.id });
    expect(detail.seats.map((s) => [s.year, s.code, s.panels.map((p) => [p.name, p.leader, p.applicants]), s.load])).toEqual([
      [2026, 'E01', [['材料评审组', true, 1]], 1],
      [2024, 'E01', [['材料评审组', true, 1]], 1],
    ]);
    expect(detail.load).toBe(2);
  });

  it('carries a correction to every edition that seats the expert, and keeps a suspended or removed expert out of the next', async () => {
    const first = edition(sec, 2024);
    const seat = sec.experts.add({ editionId: first.id, expert: person('E01', '张伟', '信阳师范学院') });
    const second = edition(sec, 2026);
    const [again] = sec.pool.draw({ editionId: second.id, experts: [{ expertId: seat.poolId! }] });
    const corrected = sec.pool.update({ expertId: seat.poolId!, changes: { organisation: '信阳师范大学', speciality: '质量管理', creditCode: CREDIT.taihu }, reason: '单位更名' });
    expect(corrected).toMatchObject({ organisation: '信阳师范大学', speciality: '质量管理', creditCode: CREDIT.taihu });
    for (const e of [first, second]) expect(sec.experts.list({ editionId: e.id })[0]).toMatchObject({ organisation: '信阳师范大学' });
    // a correction made on the edition's own list is the pool's too
    sec.experts.update({ expertId: again!.id, changes: { title: '研究员' } });
    expect(sec.pool.get({ expertId: seat.poolId! }).expert.title).toBe('研究员');
    expect(sec.experts.list({ editionId: first.id })[0]!.title).toBe('研究员');

    const q = sec.pool.addQualification({ expertId: seat.poolId!, qualification: { name: '市长质量奖评审员培训', certificate: 'XYZL-2023-018', obtainedOn: '2023-06-30' } });
    expect(q.qualifications).toMatchObject([{ name: '市长质量奖评审员培训', certificate: 'XYZL-2023-018', obtainedOn: '2023-06-30' }]);
    expect(await codeOf(() => sec.pool.addQualification({ expertId: seat.poolId!, qualification: { name: '培训', certificate: null, obtainedOn: '2023-13-01' } }))).toBe('input.invalid');

    const suspended = sec.pool.setStatus({ expertId: seat.poolId!, state: 'suspended', reason: '本届因病暂停' });
    expect(suspended.status).toMatchObject({ state: 'suspended', reason: '本届因病暂停' });
    expect(sec.store.auditLog({ limit: 1 })[0]).toMatchObject({ action: 'pool.status-changed', detail: { from: 'active', to: 'suspended', reason: '本届因病暂停' } });
    const third = edition(sec, 2028);
    expect(await codeOf(() => sec.pool.draw({ editionId: third.id, experts: [{ expertId: seat.poolId! }] }))).toBe('pool.not-active');
    expect(sec.experts.list({ editionId: third.id })).toEqual([]);
    expect(await codeOf(() => sec.pool.setStatus({ expertId: seat.poolId!, state: 'removed', reason: ' ' }))).toBe('input.invalid');
    sec.pool.setStatus({ expertId: seat.poolId!, state: 'removed', reason: '违反评审纪律（无锡第十六条）' });
    expect(await codeOf(() => sec.pool.draw({ editionId: third.id, experts: [{ expertId: seat.poolId! }] }))).toBe('pool.not-active');
    // an edition's code and the pool's are checked where they belong
    expect(await codeOf(() => sec.experts.add({ editionId: third.id, expert: person('E01', '另一位') }))).toBe('pool.code-taken');
  });

  it('suggests conflicts from organisation, credit code, an earlier review and an earlier declaration; the clerk clears or imposes each', async () => {
    const first = edition(sec, 2024);
    const [zhang, li, wang] = [person('E01', '张伟', '无锡澄光精密机械有限公司'), person('E02', '李娜'), person('E03', '王强')].map((p) => sec.experts.add({ editionId: first.id, expert: p }));
    sec.pool.update({ expertId: li!.poolId!, changes: { organisation: '太湖集团', creditCode: CREDIT.taihu } });
    const old = sec.applicants.add({ editionId: first.id, applicant: unit('XY2024-001', '江阴青禾食品股份有限公司') });
    const other = sec.applicants.add({ editionId: first.id, applicant: unit('XY2024-002', '宜兴远帆环保科技有限公司') });
    const p = sec.panels.create({ editionId: first.id, panel: { stage: 'material', name: '材料评审组', memberIds: [zhang!.id, li!.id, wang!.id], leaderId: zhang!.id } });
    sec.panels.assign({ panelId: p.id, applicantIds: [old.id, other.id] });
    sec.declarations.impose({ expertId: wang!.id, applicantId: other.id, reason: '王强曾任该公司顾问' });

    const second = edition(sec, 2026);
    const seats = sec.pool.draw({ editionId: second.id, experts: [zhang, li, wang].map((e) => ({ expertId: e!.poolId! })) });
    const [z2, l2, w2] = seats;
    const chengguang = sec.applicants.add({ editionId: second.id, applicant: unit('XY2026-001', '无锡澄光精密机械有限公司') });
    const taihu = sec.applicants.add({ editionId: second.id, applicant: unit('XY2026-002', '太湖新能源科技有限公司', CREDIT.taihu) });
    const qinghe = sec.applicants.add({ editionId: second.id, applicant: unit('XY2026-003', '江阴青禾食品股份有限公司') });
    const yuanfan = sec.applicants.add({ editionId: second.id, applicant: unit('XY2026-004', '宜兴远帆环保科技有限公司') });
    const panel = sec.panels.create({ editionId: second.id, panel: { stage: 'material', name: '材料评审组', memberIds: seats.map((s) => s.id), leaderId: z2!.id } });
    sec.panels.assign({ panelId: panel.id, applicantIds: [chengguang.id, taihu.id, qinghe.id, yuanfan.id] });

    const suggested = sec.conflicts.suggest({ editionId: second.id, stage: 'material' });
    const brief = (list: typeof suggested) => list.map((s) => [seats.find((x) => x.id === s.expertId)!.code, sec.applicants.list({ editionId: second.id }).find((a) => a.id === s.applicantId)!.code, s.basis, s.state]).sort();
    expect(brief(suggested)).toEqual(
      [
        ['E01', 'XY2026-001', 'organisation', 'open'],
        ['E02', 'XY2026-002', 'credit-code', 'open'],
        ['E01', 'XY2026-003', 'reviewed-before', 'open'],
        ['E02', 'XY2026-003', 'reviewed-before', 'open'],
        ['E03', 'XY2026-003', 'reviewed-before', 'open'],
        ['E01', 'XY2026-004', 'reviewed-before', 'open'],
        ['E02', 'XY2026-004', 'reviewed-before', 'open'],
        ['E03', 'XY2026-004', 'reviewed-before', 'open'],
        ['E03', 'XY2026-004', 'declared-before', 'open'],
      ].sort(),
    );
    expect(suggested.find((s) => s.basis === 'declared-before')!.reason.zh).toContain('王强曾任该公司顾问');

    // cleared with a reason, or imposed: the suggestion says which, and an imposed recusal recuses as a declared one does
    const cleared = sec.conflicts.check({ expertId: z2!.id, applicantId: qinghe.id, basis: 'reviewed-before', reason: '上届仅材料评审，无利害关系' });
    expect(cleared).toMatchObject({ state: 'checked', checked: { reason: '上届仅材料评审，无利害关系' } });
    expect(sec.store.auditLog({ limit: 1 })[0]).toMatchObject({ action: 'conflict.checked', detail: { basis: 'reviewed-before', reason: '上届仅材料评审，无利害关系' } });
    sec.declarations.impose({ expertId: l2!.id, applicantId: taihu.id, reason: suggested.find((s) => s.basis === 'credit-code')!.reason.zh });
    const after = sec.conflicts.suggest({ editionId: second.id });
    expect(after.find((s) => s.expertId === l2!.id && s.applicantId === taihu.id)!.state).toBe('recused');
    expect(sec.declarations.register({ editionId: second.id }).some((d) => d.expertId === l2!.id && d.applicantId === taihu.id && d.conflict)).toBe(true);
    expect(await codeOf(() => sec.conflicts.check({ expertId: w2!.id, applicantId: chengguang.id, basis: 'organisation', reason: '无' }))).toBe('conflict.no-suggestion');

    // at assignment, in a panel's drawer: the pairs it seats, and those of an applicant about to be assigned
    const site = sec.panels.create({ editionId: second.id, panel: { stage: 'site', name: '现场评审组', memberIds: seats.map((x) => x.id), leaderId: z2!.id } });
    sec.panels.assign({ panelId: site.id, applicantIds: [chengguang.id] });
    expect(brief(sec.conflicts.forPanel({ panelId: site.id }))).toEqual([['E01', 'XY2026-001', 'organisation', 'open']]);
    expect(brief(sec.conflicts.forPanel({ panelId: site.id, applicantIds: [taihu.id] }))).toEqual([
      ['E01', 'XY2026-001', 'organisation', 'open'],
      ['E02', 'XY2026-002', 'credit-code', 'recused'],
    ]);
  });

  it('proposes panels that keep apart the pairs with a conflict, changes nothing until applied, and applies the edited proposal whole', async () => {
    const ed = edition(sec, 2026);
    const experts = Array.from({ length: 8 }, (_, i) => sec.experts.add({ editionId: ed.id, expert: person(`E${i + 1}`, `专家${i + 1}`) }));
    sec.pool.update({ expertId: experts[0]!.poolId!, changes: { creditCode: CREDIT.chengguang } });
    const applicants = Array.from({ length: 6 }, (_, i) => sec.applicants.add({ editionId: ed.id, applicant: unit(`XY2026-00${i + 1}`, `申报单位${i + 1}`, i === 0 ? CREDIT.chengguang : null) }));
    sec.declarations.impose({ expertId: experts[1]!.id, applicantId: applicants[1]!.id, reason: '亲属任职' });

    const proposal = sec.panels.propose({ editionId: ed.id, stage: 'material' });
    expect(proposal.panels.map((p) => [p.name, p.memberIds.length, p.applicantIds.length])).toEqual([
      ['材料评审第1组', 4, 3],
      ['材料评审第2组', 4, 3],
    ]);
    expect(proposal.avoided).toBe(2);
    const seatedWith = (expertId: string, applicantId: string) => proposal.panels.some((p) => p.memberIds.includes(expertId) && p.applicantIds.includes(applicantId));
    expect(seatedWith(experts[0]!.id, applicants[0]!.id)).toBe(false);
    expect(seatedWith(experts[1]!.id, applicants[1]!.id)).toBe(false);
    expect(sec.panels.list({ editionId: ed.id })).toEqual([]);
    // three panels of at least three cannot be formed from eight: the proposal forms as many as it can
    expect(sec.panels.propose({ editionId: ed.id, stage: 'material', panels: 3 }).panels).toHaveLength(2);

    // the clerk moves one applicant to the other panel, renames a panel, then applies
    const [one, two] = proposal.panels;
    const moved = one!.applicantIds.find((id) => id !== applicants[0]!.id && id !== applicants[1]!.id)!;
    const edited = [
      { name: '材料评审甲组', memberIds: one!.memberIds, leaderId: one!.leaderId, applicantIds: one!.applicantIds.filter((id) => id !== moved) },
      { name: two!.name, memberIds: two!.memberIds, leaderId: two!.leaderId, applicantIds: [...two!.applicantIds, moved] },
    ];
    const applied = sec.panels.applyProposal({ editionId: ed.id, stage: 'material', panels: edited });
    expect(applied.panels.map((p) => [p.name, p.applicantIds.length])).toEqual([
      ['材料评审甲组', 2],
      ['材料评审第2组', 4],
    ]);
    expect(sec.store.auditLog({ limit: 1 })[0]).toMatchObject({ action: 'panels.proposal-applied', detail: { stage: 'material' } });
    // applied twice, nothing changes: the applicants are assigned now
    expect(await codeOf(() => sec.panels.applyProposal({ editionId: ed.id, stage: 'material', panels: [{ ...edited[0]!, name: '再一组' }] }))).toBe('assignment.taken');
    expect(sec.panels.list({ editionId: ed.id })).toHaveLength(2);
    expect(sec.panels.propose({ editionId: ed.id, stage: 'material' }).panels).toEqual([]);
  });

  it('proposes a stage\'s panels so that the edition\'s workloads come out even, the other stages counted', async () => {
    const ed = sec.editions.create({ name: '2026年信阳市市长质量奖', year: 2026, profileId: 'xinyang-2022', frameworkId: 'gbt19580-2012', settings: { panelSize: { min: 3, max: 3 } } });
    const experts = Array.from({ length: 6 }, (_, i) => sec.experts.add({ editionId: ed.id, expert: person(`E${i + 1}`, `专家${i + 1}`) }));
    const applicants = Array.from({ length: 6 }, (_, i) => sec.applicants.add({ editionId: ed.id, applicant: unit(`XY2026-00${i + 1}`, `申报单位${i + 1}`) }));
    // the material stage, formed by hand: the first three experts review four applicants, the others two
    const busy = sec.panels.create({ editionId: ed.id, panel: { stage: 'material', name: '材料甲组', memberIds: experts.slice(0, 3).map((e) => e.id), leaderId: experts[0]!.id } });
    const light = sec.panels.create({ editionId: ed.id, panel: { stage: 'material', name: '材料乙组', memberIds: experts.slice(3).map((e) => e.id), leaderId: experts[3]!.id } });
    sec.panels.assign({ panelId: busy.id, applicantIds: applicants.slice(0, 4).map((a) => a.id) });
    sec.panels.assign({ panelId: light.id, applicantIds: applicants.slice(4).map((a) => a.id) });

    const proposal = sec.panels.propose({ editionId: ed.id, stage: 'site' });
    expect(experts.map((e) => proposal.loads[e.id])).toEqual([4, 4, 4, 2, 2, 2]);
    expect(proposal.panels.map((p) => [p.memberIds.map((id) => experts.find((e) => e.id === id)!.code).sort(), p.applicantIds.length])).toEqual([
      [['E4', 'E5', 'E6'], 4],
      [['E1', 'E2', 'E3'], 2],
    ]);
    sec.panels.applyProposal({ editionId: ed.id, stage: 'site', panels: proposal.panels.map(({ name, memberIds, leaderId, applicantIds }) => ({ name, memberIds, leaderId, applicantIds })) });
    expect(experts.map((e) => sec.pool.get({ expertId: e.poolId! }).load)).toEqual([6, 6, 6, 6, 6, 6]);
  });

  it('forms Jinan panels by industry from the profile', async () => {
    const ed = sec.editions.create({ name: '2026年济南', year: 2026, profileId: 'jinan-2018', frameworkId: 'gbt19580-2012', settings: { weights: { material: 30, site: 50, defence: 20 }, panelSize: { min: 3, max: 5 } } });
    for (const [i, industry] of [1, 1, 1, 2, 2, 2, 3, 3, 3].entries()) sec.experts.add({ editionId: ed.id, expert: { ...person(`J${i + 1}`, `专家${i + 1}`), industry: industry as 1 | 2 | 3 } });
    for (const [i, industry] of [1, 2, 2, 3].entries()) sec.applicants.add({ editionId: ed.id, applicant: { ...unit(`JN-${i + 1}`, `单位${i + 1}`), industry: industry as 1 | 2 | 3 } });
    const proposal = sec.panels.propose({ editionId: ed.id, stage: 'material' });
    expect(proposal.byIndustry).toBe(true);
    expect(proposal.panels.map((p) => [p.name, p.industry, p.applicantIds.length])).toEqual([
      ['一产业材料评审第1组', 1, 1],
      ['二产业材料评审第1组', 2, 2],
      ['三产业材料评审第1组', 3, 1],
    ]);
  });

  it('exports the pool to Excel and imports it into another store, qualifications and all, refusing a bad workbook whole', async () => {
    const ed = edition(sec, 2026);
    const e = sec.experts.add({ editionId: ed.id, expert: person('E01', '张伟', '江南大学') });
    sec.pool.update({ expertId: e.poolId!, changes: { speciality: '卓越绩效', phone: '13912345678' } });
    sec.pool.addQualification({ expertId: e.poolId!, qualification: { name: '评审员培训', certificate: 'QA-1', obtainedOn: '2022-05-01' } });
    sec.pool.add({ expert: { code: 'P02', name: '李娜', organisation: null, creditCode: null, title: null, industry: 3, speciality: null, phone: null, email: null } });
    const file = saveAs(await sec.pool.export({}), join(t.dir, 'pool.xlsx'));

    const other = await newSecretariat(join(t.dir, 'other'));
    stores.push(other);
    expect(await other.pool.import({ file: upload(file) })).toEqual({ added: 2, updated: 0, qualifications: 1 });
    expect(other.pool.list({}).map((p) => [p.code, p.name, p.organisation, p.speciality, p.phone, p.industry, p.qualifications.map((q) => [q.name, q.certificate, q.obtainedOn])])).toEqual([
      ['E01', '张伟', '江南大学', '卓越绩效', '13912345678', 2, [['评审员培训', 'QA-1', '2022-05-01']]],
      ['P02', '李娜', null, null, null, 3, []],
    ]);
    // again: nothing new, nothing changed
    expect(await other.pool.import({ file: upload(file) })).toEqual({ added: 0, updated: 0, qualifications: 0 });

    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.worksheets[0]!.getRow(2).getCell(4).value = '91320211MA1W8Q8A0X';
    wb.worksheets[0]!.getRow(3).getCell(2).value = '李娜娜';
    const bad = join(t.dir, 'bad.xlsx');
    await wb.xlsx.writeFile(bad);
    const refused = await other.pool.import({ file: upload(bad) }).catch((err: { code: string; details: { row: number }[] }) => err);
    expect(refused).toMatchObject({ code: 'xlsx.invalid-rows', details: [{ row: 2 }] });
    expect(other.pool.list({}).find((p) => p.code === 'P02')!.name).toBe('李娜');
  });
});
