import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPingshenError } from '../../src-main/domain/errors.js';
import type { StoreClient } from '../../src-main/features/open.js';
import { pageTexts, squash } from '../report/pdf.js';
import { asUpload, newExpertStore, scoreAll, setupReview, upload, writePdf, type Review } from './fixtures.js';

/**
 * Issue 9: every mistake can be put right, and each correction is in the audit log with who,
 * when and why. What a clerk would notice: the corrected name on the results, a refusal that says
 * why and what to do instead, the expert told what changed.
 */

async function refusal(fn: () => unknown): Promise<{ code: string; zh: string; en: string }> {
  try {
    await fn();
  } catch (e) {
    if (isPingshenError(e)) return { code: e.code, zh: e.localized.zh, en: e.localized.en };
    throw e;
  }
  throw new Error('expected a refusal');
}

/** The secretariat's next package for this expert, imported: what it changed, as the expert is told. */
async function redeliver(r: Review, store: StoreClient, expertId: string) {
  const [pkg] = await r.sec.packages.export({ editionId: r.editionId, expertIds: [expertId] });
  return (await store.packages.import({ file: asUpload(pkg!) })).changes;
}

const lastAudit = (svc: StoreClient) => svc.store.auditLog({ limit: 1 })[0]!;

describe('applicants and experts', () => {
  let r: Review;
  beforeEach(async () => {
    r = await setupReview();
  });
  afterEach(() => r.cleanup());

  it('corrects an applicant’s name: the results show it, the package goes out of date, and the expert is told', async () => {
    const a = r.applicants[0]!;
    expect(r.sec.packages.status({ editionId: r.editionId }).every((s) => !s.outOfDate)).toBe(true);
    const fixed = r.sec.applicants.update({ applicantId: a.id, changes: { name: '无锡澄光精密机械股份有限公司' }, reason: '营业执照名称为股份有限公司' });
    expect(fixed.name).toBe('无锡澄光精密机械股份有限公司');
    expect(lastAudit(r.sec)).toMatchObject({ action: 'applicant.corrected', detail: { changed: { name: [a.name, fixed.name] }, reason: '营业执照名称为股份有限公司' } });

    const status = r.sec.packages.status({ editionId: r.editionId });
    expect(status.map((s) => s.outOfDate)).toEqual([true, true, true]);
    expect(status[0]!.changes.map((c) => c.text.zh)).toEqual([`申报单位信息更正：${a.code} ${a.name} → ${a.code} 无锡澄光精密机械股份有限公司`]);

    const changes = await redeliver(r, r.stores[0]!, r.experts[0]!.id);
    expect(changes.map((c) => c.kind)).toEqual(['applicant']);
    expect(r.stores[0]!.assignments.mine({ editionId: r.editionId }).find((x) => x.applicant.id === a.id)?.applicant.name).toBe('无锡澄光精密机械股份有限公司');
    expect(r.sec.packages.status({ editionId: r.editionId }).find((s) => s.expertId === r.experts[0]!.id)).toMatchObject({ outOfDate: false, changes: [] });

    scoreAll(r.stores[0]!, r.editionId, a.id, 'material', 70);
    expect(r.sec.results.get({ editionId: r.editionId }).ranking.find((e) => e.applicant.id === a.id)?.applicant.name).toBe('无锡澄光精密机械股份有限公司');
  });

  it('refuses a correction to a code another applicant holds, or to a kind the city does not admit, and changes nothing', async () => {
    const [a, b] = r.applicants as [(typeof r.applicants)[0], (typeof r.applicants)[0]];
    expect((await refusal(() => r.sec.applicants.update({ applicantId: a.id, changes: { code: b.code } }))).code).toBe('applicant.code-taken');
    expect(r.sec.applicants.list({ editionId: r.editionId }).find((x) => x.id === a.id)?.code).toBe(a.code);
    // Xinyang admits units only
    expect((await refusal(() => r.sec.applicants.update({ applicantId: a.id, changes: { kind: 'individual' } }))).code).toBe('applicant.kind-not-admitted');
  });

  it('removes an applicant entered in error, but once a package named it only lets it withdraw', async () => {
    const late = r.sec.applicants.add({ editionId: r.editionId, applicant: { code: 'XY2025-099', name: '误录单位', kind: 'unit', industry: 2, contactName: null, contactPhone: null, contactEmail: null } });
    expect(r.sec.applicants.remove({ applicantId: late.id, reason: '重复录入' }).removed.code).toBe('XY2025-099');
    expect(r.sec.applicants.list({ editionId: r.editionId }).map((a) => a.code)).not.toContain('XY2025-099');

    const a = r.applicants[2]!;
    const refused = await refusal(() => r.sec.applicants.remove({ applicantId: a.id, reason: '误删' }));
    expect(refused.code).toBe('applicant.has-work');
    expect(refused.zh).toMatch(/已发出 3 个评审包.*只能撤回申报/);
    expect(r.sec.applicants.list({ editionId: r.editionId })).toHaveLength(3);
  });

  it('withdraws an applicant: not ranked, listed with its reason, and its experts learn it', async () => {
    const [a1, a2] = r.applicants as [(typeof r.applicants)[0], (typeof r.applicants)[0]];
    scoreAll(r.stores[0]!, r.editionId, a2.id, 'material', 60);
    const withdrawn = r.sec.applicants.withdraw({ applicantId: a2.id, reason: '申报单位书面申请撤回' });
    expect(withdrawn.withdrawn).toMatchObject({ reason: '申报单位书面申请撤回' });
    const results = r.sec.results.get({ editionId: r.editionId });
    expect(results.ranking.map((e) => e.applicant.id)).not.toContain(a2.id);
    expect(results.withdrawn).toEqual([expect.objectContaining({ applicant: expect.objectContaining({ code: a2.code }), reason: '申报单位书面申请撤回' })]);
    expect(r.sec.sheets.list({ editionId: r.editionId, filter: { applicantId: a2.id } })).toHaveLength(0);

    const changes = await redeliver(r, r.stores[0]!, r.experts[0]!.id);
    expect(changes.filter((c) => c.kind === 'assignment-removed').map((c) => c.applicantId)).toEqual([a2.id, a2.id]);
    expect(r.stores[0]!.assignments.mine({ editionId: r.editionId }).map((x) => x.applicant.id)).not.toContain(a2.id);
    expect((await refusal(() => r.sec.applicants.withdraw({ applicantId: a2.id, reason: '再次' }))).code).toBe('applicant.withdrawn');
    expect((await refusal(() => r.sec.panels.assign({ panelId: r.panels.material!.id, applicantIds: [a2.id] }))).zh).toMatch(/已撤回申报/);
    expect(r.sec.applicants.list({ editionId: r.editionId }).find((a) => a.id === a1.id)?.withdrawn).toBeNull();
  });

  it('corrects an expert, refuses removing one who received a package, and withdraws them from every panel', async () => {
    const [e1, , e3] = r.experts as [(typeof r.experts)[0], (typeof r.experts)[0], (typeof r.experts)[0]];
    expect(r.sec.experts.update({ expertId: e3.id, changes: { title: '研究员' } }).title).toBe('研究员');
    expect((await refusal(() => r.sec.experts.remove({ expertId: e3.id, reason: '误录' }))).code).toBe('expert.has-work');
    // E01 leads both panels
    expect((await refusal(() => r.sec.experts.withdraw({ expertId: e1.id, reason: '身体原因' }))).code).toBe('panel.leader-leaving');

    const a = r.applicants[0]!;
    scoreAll(r.stores[2]!, r.editionId, a.id, 'material', 90);
    await r.sec.bundles.import({ files: [asUpload(await r.stores[2]!.bundles.export({ editionId: r.editionId }))] });
    const totals = () => r.sec.results.get({ editionId: r.editionId }).stageResults.find((s) => s.applicantId === a.id && s.stage === 'material')?.expertTotals ?? [];
    expect(totals().map((t) => t.expertId)).toEqual([e3.id]);
    const out = r.sec.experts.withdraw({ expertId: e3.id, reason: '身体原因退出' });
    expect(out.withdrawn?.reason).toBe('身体原因退出');
    expect(r.sec.panels.list({ editionId: r.editionId }).every((p) => !p.memberIds.includes(e3.id))).toBe(true);
    expect(r.sec.packages.status({ editionId: r.editionId }).find((s) => s.expertId === e3.id)?.changes.filter((c) => c.kind === 'assignment-removed')).toHaveLength(6);
    expect((await refusal(() => r.sec.panels.addMember({ panelId: r.panels.site!.id, expertId: e3.id, reason: '回来' }))).code).toBe('expert.withdrawn');
    expect(totals()).toEqual([]);
    expect(r.sec.sheets.versions({ editionId: r.editionId }).filter((v) => v.expertId === e3.id)).toHaveLength(1);
  });
});

describe('panels', () => {
  let r: Review;
  beforeEach(async () => {
    r = await setupReview();
  });
  afterEach(() => r.cleanup());

  async function reserve(code: string): Promise<{ id: string; store: StoreClient }> {
    const e = r.sec.experts.add({ editionId: r.editionId, expert: { code, name: `后备专家${code}`, organisation: null, title: null, industry: 2, phone: null, email: null } });
    const { svc } = await newExpertStore(r.dir, `reserve-${code}`);
    r.sec.experts.enroll({ expertId: e.id, enrollmentCode: svc.store.enrollmentCode() });
    return { id: e.id, store: svc };
  }

  it('replaces a member: the replacement takes the seat and the lead, the member’s sheet stops counting', async () => {
    const material = r.panels.material!;
    const [e1] = r.experts;
    const a = r.applicants[0]!;
    scoreAll(r.stores[0]!, r.editionId, a.id, 'material', 100);
    scoreAll(r.stores[1]!, r.editionId, a.id, 'material', 50);
    scoreAll(r.stores[2]!, r.editionId, a.id, 'material', 50);
    for (const [i, s] of r.stores.entries()) await r.sec.bundles.import({ files: [asUpload({ ...(await s.bundles.export({ editionId: r.editionId })), fileName: `b${i}.psbundle` })] });
    const withAll = r.sec.results.get({ editionId: r.editionId }).stageResults.find((s) => s.applicantId === a.id && s.stage === 'material')!;

    const sub = await reserve('E09');
    try {
      const panel = r.sec.panels.replaceMember({ panelId: material.id, expertId: e1!.id, byExpertId: sub.id, reason: '原组长回避后改派' });
      expect(panel.memberIds).toContain(sub.id);
      expect(panel.memberIds).not.toContain(e1!.id);
      expect(panel.leaderId).toBe(sub.id);
      const withoutE1 = r.sec.results.get({ editionId: r.editionId }).stageResults.find((s) => s.applicantId === a.id && s.stage === 'material')!;
      expect(withoutE1.panelScore).not.toBe(withAll.panelScore);
      expect(r.sec.sheets.versions({ editionId: r.editionId }).filter((v) => v.expertId === e1!.id)).toHaveLength(1);
      expect(lastAudit(r.sec)).toMatchObject({ action: 'panel.member-replaced', detail: { leader: true, reason: '原组长回避后改派' } });

      const [pkg] = await r.sec.packages.export({ editionId: r.editionId, expertIds: [sub.id] });
      const imported = await sub.store.packages.import({ file: asUpload(pkg!) });
      expect(imported.changes).toEqual([]);
      expect(sub.store.assignments.mine({ editionId: r.editionId }).filter((x) => x.stage === 'material')).toHaveLength(3);
    } finally {
      sub.store.close();
    }
  });

  it('refuses what would break a panel, each with what to do instead', async () => {
    const material = r.panels.material!;
    const [e1, e2] = r.experts;
    expect((await refusal(() => r.sec.panels.removeMember({ panelId: material.id, expertId: e1!.id, reason: 'x' }))).zh).toMatch(/请先指定另一位组长/);
    expect((await refusal(() => r.sec.panels.addMember({ panelId: material.id, expertId: e2!.id, reason: 'x' }))).code).toBe('panel.already-member');
    expect((await refusal(() => r.sec.panels.remove({ panelId: material.id, reason: 'x' }))).zh).toMatch(/请先取消分配或移到其他评审组/);
    const led = r.sec.panels.update({ panelId: material.id, leaderId: e2!.id, reason: '组长调整' });
    expect(led.leaderId).toBe(e2!.id);
    expect(r.sec.panels.removeMember({ panelId: material.id, expertId: e1!.id, reason: '另有任务' }).memberIds).toHaveLength(2);
    expect((await refusal(() => r.sec.panels.update({ panelId: material.id, leaderId: e1!.id }))).code).toBe('panel.not-member');
  });

  it('unassigns an applicant, moves one to another panel of its stage, and removes an emptied panel', async () => {
    const material = r.panels.material!;
    const [a1, a2] = r.applicants;
    const second = r.sec.panels.create({ editionId: r.editionId, panel: { stage: 'material', name: '材料评审二组', memberIds: r.experts.map((e) => e.id), leaderId: r.experts[1]!.id } });
    const moved = r.sec.panels.move({ applicantId: a1!.id, toPanelId: second.id, reason: '平衡工作量' });
    expect(moved.applicantIds).toEqual([a1!.id]);
    expect(r.sec.panels.unassign({ panelId: material.id, applicantIds: [a2!.id], reason: '材料不全，暂缓' }).applicantIds).not.toContain(a2!.id);
    expect((await refusal(() => r.sec.panels.unassign({ panelId: material.id, applicantIds: [a2!.id], reason: 'x' }))).code).toBe('assignment.not-found');
    r.sec.panels.move({ applicantId: a1!.id, toPanelId: material.id, reason: '撤回调整' });
    expect(r.sec.panels.remove({ panelId: second.id, reason: '不再需要' }).removed.name).toBe('材料评审二组');
    expect(r.sec.panels.list({ editionId: r.editionId }).map((p) => p.name)).not.toContain('材料评审二组');
  });

  it('seats a substitute expert for one applicant, who scores it, and the sheet counts', async () => {
    const site = r.panels.site!;
    const a = r.applicants[0]!;
    const sub = await reserve('E10');
    try {
      const panel = r.sec.panels.addSubstitute({ panelId: site.id, applicantId: a.id, expertId: sub.id, reason: '回避后人数不足，增派' });
      expect(panel.substitutes).toEqual([expect.objectContaining({ applicantId: a.id, expertId: sub.id, reason: '回避后人数不足，增派' })]);
      expect(panel.memberIds).not.toContain(sub.id);
      expect((await refusal(() => r.sec.panels.addSubstitute({ panelId: site.id, applicantId: a.id, expertId: sub.id, reason: 'x' }))).code).toBe('panel.already-substitute');

      const [pkg] = await r.sec.packages.export({ editionId: r.editionId, expertIds: [sub.id] });
      await sub.store.packages.import({ file: asUpload(pkg!) });
      expect(sub.store.assignments.mine({ editionId: r.editionId }).map((x) => [x.applicant.id, x.stage])).toEqual([[a.id, 'site']]);
      scoreAll(sub.store, r.editionId, a.id, 'site', 80);
      const bundle = await sub.store.bundles.export({ editionId: r.editionId });
      expect((await r.sec.bundles.import({ files: [asUpload(bundle)] }))[0]).toMatchObject({ status: 'accepted' });
      const result = r.sec.results.get({ editionId: r.editionId }).stageResults.find((s) => s.applicantId === a.id && s.stage === 'site');
      expect(result?.expertTotals.map((t) => t.expertId)).toContain(sub.id);

      r.sec.panels.removeSubstitute({ panelId: site.id, applicantId: a.id, expertId: sub.id, reason: '原专家恢复' });
      expect(r.sec.results.get({ editionId: r.editionId }).stageResults.find((s) => s.applicantId === a.id && s.stage === 'site')?.expertTotals.map((t) => t.expertId) ?? []).not.toContain(sub.id);
    } finally {
      sub.store.close();
    }
  });

  it('refuses a substitute who is recused from the applicant', async () => {
    const a = r.applicants[1]!;
    const sub = await reserve('E11');
    try {
      r.sec.declarations.impose({ expertId: sub.id, applicantId: a.id, reason: '曾在该单位任职' });
      expect((await refusal(() => r.sec.panels.addSubstitute({ panelId: r.panels.site!.id, applicantId: a.id, expertId: sub.id, reason: '增派' }))).code).toBe('recusal.conflicted');
    } finally {
      sub.store.close();
    }
  });
});

describe('who may enter a stage', () => {
  it('offers the site review only to the shortlist, and only once the material review has scored everyone', async () => {
    const r = await setupReview();
    try {
      const sec = r.sec;
      const wuxi = sec.editions.create({ name: '2025年度无锡市市长质量奖', year: 2025, profileId: 'wuxi-2024', frameworkId: 'gbt19580-2012', settings: { panelSize: { min: 3, max: 7 } } });
      const ids = Array.from({ length: 22 }, (_, i) =>
        sec.applicants.add({ editionId: wuxi.id, applicant: { code: `WX-${String(i + 1).padStart(2, '0')}`, name: `申报单位${i + 1}`, kind: 'unit', industry: 2, contactName: null, contactPhone: null, contactEmail: null } }).id,
      );
      expect(sec.panels.entries({ editionId: wuxi.id, stage: 'material' }).every((e) => e.eligible)).toBe(true);
      const site = sec.panels.entries({ editionId: wuxi.id, stage: 'site' });
      expect(site.every((e) => !e.eligible)).toBe(true);
      expect(site[0]!.reason?.zh).toBe('材料评审尚未完成（22 家单位尚无评审组得分），入围名单未定');
      const experts = ['W1', 'W2', 'W3'].map((c) => sec.experts.add({ editionId: wuxi.id, expert: { code: c, name: c, organisation: null, title: null, industry: null, phone: null, email: null } }).id);
      const panel = sec.panels.create({ editionId: wuxi.id, panel: { stage: 'site', name: '现场组', memberIds: experts, leaderId: null } });
      const refused = await refusal(() => sec.panels.assign({ panelId: panel.id, applicantIds: [ids[0]!] }));
      expect(refused.code).toBe('assignment.not-eligible');
      expect(refused.zh).toMatch(/WX-01（材料评审尚未完成/);
    } finally {
      r.cleanup();
    }
  });
});

describe('materials', () => {
  let r: Review;
  beforeEach(async () => {
    r = await setupReview();
  });
  afterEach(() => r.cleanup());

  it('replaces a material with a new version: the expert gets it, told so, and the old one is gone', async () => {
    const a = r.applicants[0]!;
    const [old] = r.sec.materials.list({ applicantId: a.id });
    const file = writePdf(r.dir, '自评报告（修订版）.pdf', 'REVISED-EDITION-2');
    const next = r.sec.materials.replace({ materialId: old!.id, file: upload(file), reason: '申报单位提交了修订版' });
    expect(next).toMatchObject({ version: 2, replaces: old!.id, fileName: '自评报告（修订版）.pdf' });
    expect(r.sec.materials.list({ applicantId: a.id }).map((m) => m.id)).toEqual([next.id]);

    const e1 = r.stores[0]!;
    e1.declarations.declare({ editionId: r.editionId, applicantId: a.id, conflict: false, reason: '' });
    const changes = await redeliver(r, e1, r.experts[0]!.id);
    expect(changes).toEqual([expect.objectContaining({ kind: 'material-replaced', applicantId: a.id })]);
    expect(changes[0]!.text.zh).toMatch(/已换为新版本（第 2 版）自评报告（修订版）\.pdf/);
    const held = e1.materials.forReview({ editionId: r.editionId, applicantId: a.id });
    expect(held.map((m) => [m.id, m.version])).toEqual([[next.id, 2]]);
    expect(Buffer.from(e1.materials.read({ editionId: r.editionId, materialId: next.id })).toString('latin1')).toContain('REVISED-EDITION-2');
    expect((await refusal(() => e1.materials.read({ editionId: r.editionId, materialId: old!.id }))).code).toBe('material.not-found');
  });

  it('removes a material attached in error, and the expert is told', async () => {
    const a = r.applicants[1]!;
    const extra = r.sec.materials.attach({ applicantId: a.id, file: upload(writePdf(r.dir, '误传文件.pdf', '无关')) });
    await redeliver(r, r.stores[0]!, r.experts[0]!.id);
    expect(r.sec.materials.remove({ materialId: extra.id, reason: '误传' }).removed.fileName).toBe('误传文件.pdf');
    const changes = await redeliver(r, r.stores[0]!, r.experts[0]!.id);
    expect(changes.map((c) => [c.kind, c.text.zh])).toEqual([['material-removed', `${a.code} 的材料 误传文件.pdf 已被秘书处撤下`]]);
    expect((await refusal(() => r.sec.materials.remove({ materialId: extra.id, reason: 'x' }))).code).toBe('material.not-found');
  });
});

describe('the package an expert holds', () => {
  it('is up to date until something it carries changes, and says what', async () => {
    const r = await setupReview();
    try {
      const id = r.experts[1]!.id;
      const status = () => r.sec.packages.status({ editionId: r.editionId }).find((s) => s.expertId === id)!;
      expect(status()).toMatchObject({ outOfDate: false, changes: [] });
      r.sec.declarations.impose({ expertId: id, applicantId: r.applicants[2]!.id, reason: '配偶在该单位任职' });
      expect(status().outOfDate).toBe(true);
      expect(status().changes.map((c) => c.kind)).toEqual(['recusal-imposed', 'recusal-imposed', 'material-removed']);
      const changes = await redeliver(r, r.stores[1]!, id);
      expect(changes.map((c) => c.kind)).toEqual(['recusal-imposed', 'recusal-imposed', 'material-removed']);
      expect(status()).toMatchObject({ outOfDate: false });
    } finally {
      r.cleanup();
    }
  });
});

describe('what the reports carry', () => {
  it('annexes to the panel summary and the recusal register the changes made after the packages went out', async () => {
    const r = await setupReview();
    try {
      const [a1, a2] = r.applicants as [(typeof r.applicants)[0], (typeof r.applicants)[0]];
      const [e1, e2, e3] = r.experts as [(typeof r.experts)[0], (typeof r.experts)[0], (typeof r.experts)[0]];
      for (const s of r.stores) scoreAll(s, r.editionId, a1.id, 'material', 70);
      for (const [i, s] of r.stores.entries()) await r.sec.bundles.import({ files: [asUpload({ ...(await s.bundles.export({ editionId: r.editionId })), fileName: `b${i}.psbundle` })] });
      const [sheet] = r.sec.sheets.list({ editionId: r.editionId, filter: { applicantId: a1.id, expertId: e2.id } });
      r.sec.sheets.return({ sheetId: sheet!.id, reason: '4.1.2 评语与得分不符' });
      r.sec.panels.update({ panelId: r.panels.material!.id, leaderId: e3.id, reason: '组长调整' });
      r.sec.declarations.impose({ expertId: e1.id, applicantId: a2.id, reason: '曾任该单位顾问' });
      r.sec.applicants.update({ applicantId: a1.id, changes: { name: '无锡澄光精密机械股份有限公司' }, reason: '以营业执照为准' });

      expect(r.sec.corrections.list({ editionId: r.editionId }).map((c) => c.action)).toEqual(['sheet.returned', 'panel.updated', 'recusal.imposed', 'applicant.corrected']);
      const text = async (req: Parameters<typeof r.sec.reports.make>[0]) => squash((await pageTexts((await r.sec.reports.make(req)).bytes)).join(''));
      const summary = await text({ kind: 'panel-summary', editionId: r.editionId, applicantId: a1.id, stage: 'material', lang: 'zh' });
      const annex = summary.slice(summary.indexOf('附：评审包发出后的变更'));
      expect(annex).toContain(`退回E02${e2.name}对${a1.code}无锡澄光精密机械股份有限公司的材料评审评分表第1版：4.1.2评语与得分不符`);
      expect(annex).toContain(`材料评审组组长由E01${e1.name}改为E03${e3.name}：组长调整`);
      expect(annex).toContain(`更正${a1.code}无锡澄光精密机械股份有限公司：名称`);
      expect(annex).not.toContain('曾任该单位顾问');

      const register = await text({ kind: 'recusals', editionId: r.editionId, lang: 'zh' });
      expect(register.slice(register.indexOf('三、评审包发出后的回避变更'))).toContain(`秘书处决定E01${e1.name}回避${a2.code}`);
    } finally {
      r.cleanup();
    }
  });
});
