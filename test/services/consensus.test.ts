import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BundleOutcome } from '../../src-main/domain/files.js';
import { isPingshenError } from '../../src-main/domain/errors.js';
import { sheetTotal } from '../../src-main/scoring/sheet.js';
import { pageTexts, squash } from '../report/pdf.js';
import { asUpload, saveAs, upload } from './fixtures.js';
import { acceptProposal, scoreSheet, setupPanels, stick, uploads, type Panels } from './consensus-fixtures.js';

/**
 * Issue 11: the panel leader's consensus on site, offline, on the leader's own laptop; then the
 * secretariat's intake of the members' and the leader's bundles.
 */

function refusal(o: BundleOutcome | undefined): string {
  if (o?.status !== 'refused') throw new Error(`expected a refusal, got ${JSON.stringify(o)}`);
  return `${o.reason.zh} / ${o.reason.en}`;
}

async function refused(fn: () => unknown): Promise<{ code: string; text: string }> {
  try {
    await fn();
  } catch (e) {
    if (isPingshenError(e)) return { code: e.code, text: `${e.localized.zh} / ${e.localized.en}` };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('the leader’s consensus on site, offline', () => {
  let p: Panels;
  let id: string;
  let a1: string;
  beforeEach(async () => {
    p = await setupPanels();
    id = p.editionId;
    a1 = p.applicants[0]!.id;
  });
  afterEach(() => p.cleanup());

  const seat = () => ({ editionId: id, applicantId: a1, stage: 'site' as const });
  const [E01, E02, E03] = [0, 1, 2];

  /** E02 scored 4.1.2 and 4.7.2 far from the others; everyone submits and hands over a bundle. */
  async function allSubmitted(): Promise<{ e2: string; e3: string }> {
    scoreSheet(p.store.E01, id, a1, 'site', 60, {}, '高层领导亲自推动');
    scoreSheet(p.store.E02, id, a1, 'site', 60, { '4.1.2': 100, '4.7.2': 20 }, '方法系统');
    scoreSheet(p.store.E03, id, a1, 'site', 65, {}, '高层领导亲自推动');
    return { e2: await stick(p, p.store.E02, 'E02-1.psbundle'), e3: await stick(p, p.store.E03, 'E03-1.psbundle') };
  }

  it('runs the whole step: import from the stick, return a sheet, settle, sign off; the secretariat accepts the record and scores the final sheets', async () => {
    const leader = p.store.E01;
    const { e2, e3 } = await allSubmitted();
    expect((await leader.consensus.importBundles({ files: uploads([e2, e3]) })).map((o) => o.status)).toEqual(['accepted', 'accepted']);
    expect(leader.consensus.seats({ editionId: id }).find((s) => s.applicant.id === a1)).toMatchObject({ state: 'ready', expected: 3, submitted: 3, flagged: 2 });

    const opened = leader.consensus.open(seat());
    expect(opened.members.map((m) => [m.code, m.version, m.leader])).toEqual([
      ['E01', 1, true],
      ['E02', 1, false],
      ['E03', 1, false],
    ]);
    expect(opened.flagged.map((f) => [f.itemCode, f.base.max - f.base.min])).toEqual([
      ['4.1.2', 40],
      ['4.7.2', 45],
    ]);
    expect(opened.proposal.find((c) => c.code === '4.1')?.strengths).toContain('高层领导亲自推动（4.1.2）');
    expect(opened.blockers.map((b) => b.zh).join('\n')).toContain('评分项 4.1.2 尚未记录合议结果');

    // the leader cannot claim the gap closed while it is open
    expect((await refused(() => leader.consensus.settle({ ...seat(), itemCode: '4.1.2', resolution: 'revised' }))).code).toBe('consensus.cannot-settle');

    const { notice } = await leader.consensus.return({ ...seat(), expertId: p.experts[E02]!.id, reason: '4.1.2 给分与现场所见不符，请复核' });
    const noticeFile = saveAs(notice!, join(p.dir, 'stick', notice!.fileName));
    expect(await p.store.E02.returns.import({ file: upload(noticeFile) })).toMatchObject({ version: 2, reason: '4.1.2 给分与现场所见不符，请复核' });
    // importing the notice again changes nothing
    expect(await p.store.E02.returns.import({ file: upload(noticeFile) })).toMatchObject({ version: 2 });
    const draft = p.store.E02.sheets.open(seat());
    expect(draft).toMatchObject({ status: 'draft', version: 2, revisedFor: '4.1.2 给分与现场所见不符，请复核' });
    p.store.E02.sheets.saveItem({ sheetId: draft.id, itemCode: '4.1.2', percent: 70, strengths: '方法系统（4.1.2）', opportunities: '' });
    p.store.E02.sheets.submit({ sheetId: draft.id });
    const e2b = await stick(p, p.store.E02, 'E02-2.psbundle');
    expect((await leader.consensus.importBundles({ files: uploads([e2b]) }))[0]).toMatchObject({ status: 'accepted' });

    leader.consensus.settle({ ...seat(), itemCode: '4.1.2', resolution: 'revised' });
    expect((await refused(() => leader.consensus.settle({ ...seat(), itemCode: '4.7.2', resolution: 'stands', reason: ' ' }))).text).toContain('须说明理由');
    const settled = leader.consensus.settle({ ...seat(), itemCode: '4.7.2', resolution: 'stands', reason: '企业提供的财务数据口径不一，专家各自保留意见' });
    expect((await refused(() => leader.consensus.signOff(seat()))).text).toContain('尚未填写综合评价');
    leader.consensus.saveOpinion({ ...seat(), opinion: acceptProposal(settled, '该企业卓越绩效管理体系总体健全，领导作用突出，结果指标仍有提升空间。') });
    const signed = await leader.consensus.signOff(seat());
    expect(signed).toMatchObject({ status: 'signed', blockers: [] });
    expect(leader.consensus.seats({ editionId: id }).find((s) => s.applicant.id === a1)).toMatchObject({ state: 'signed' });
    expect((await refused(() => leader.consensus.settle({ ...seat(), itemCode: '4.7.2', resolution: 'stands', reason: '改' }))).code).toBe('consensus.not-open');

    scoreSheet(leader, id, p.applicants[1]!.id, 'site', 70);
    const mine = await stick(p, leader, 'E01.psbundle');
    const e3Now = await stick(p, p.store.E03, 'E03-2.psbundle');
    // the leader's bundle first in the batch: it is judged after the members' all the same
    const outcomes = await p.sec.bundles.import({ files: uploads([mine, e2, e3Now, e2b]) });
    expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    expect(p.sec.consensus.records({ editionId: id })).toMatchObject([{ applicantId: a1, stage: 'site', leaderId: p.experts[E01]!.id, recordedBy: 'leader', current: true }]);

    // the panel score is still the mean of the members' final sheets: E02's revised version counts
    const sheets = p.sec.sheets.list({ editionId: id, filter: { applicantId: a1, stage: 'site' } });
    expect(sheets.map((s) => s.version).sort()).toEqual([1, 1, 2]);
    const edition = p.sec.editions.get({ editionId: id });
    const totals = sheets.map((s) => sheetTotal(edition.framework, Object.fromEntries(s.items.map((i) => [i.itemCode, i.percent]))));
    const all = p.sec.results.get({ editionId: id });
    const result = all.stageResults.find((r) => r.applicantId === a1 && r.stage === 'site')!;
    // the difference the leader let stand is flagged with its reason, no longer as a consensus to hold
    expect(all.flags.filter((f) => f.applicantId === a1 && f.code === 'disagreement').map((f) => f.detail.zh)).toEqual([
      'XY2025-001 现场评审：评分项 4.7.2 的专家打分在 20%–65% 之间，经组长合议保留差异：企业提供的财务数据口径不一，专家各自保留意见',
    ]);
    expect(result.panelScore).toBeCloseTo(totals.reduce((x, y) => x + y, 0) / 3, 2);
    // the leader's return is on record as E02's return, answered by version 2
    expect(p.sec.sheets.returns({ editionId: id })).toMatchObject([{ expertId: p.experts[E02]!.id, version: 1, reason: '4.1.2 给分与现场所见不符，请复核' }]);
    expect(sheets.find((s) => s.expertId === p.experts[E02]!.id)).toMatchObject({ version: 2, returned: null, revisedFor: '4.1.2 给分与现场所见不符，请复核' });

    // the applicant reads the leader's signed-off opinion for the site review
    const feedback = squash((await pageTexts((await p.sec.reports.make({ kind: 'feedback', editionId: id, applicantId: a1, lang: 'zh' })).bytes)).join(''));
    expect(feedback).toContain('该企业卓越绩效管理体系总体健全，领导作用突出，结果指标仍有提升空间。');
    expect(feedback).toContain('由组长周建华于');
    expect(feedback).toContain('高层领导亲自推动（4.1.2）');
    const summary = squash((await pageTexts((await p.sec.reports.make({ kind: 'panel-summary', editionId: id, applicantId: a1, stage: 'site', lang: 'zh' })).bytes)).join(''));
    expect(summary).toContain('企业提供的财务数据口径不一，专家各自保留意见');
  });

  it('opens only once every member, the leader included, has submitted: nobody sees the others’ scores before', async () => {
    scoreSheet(p.store.E02, id, a1, 'site', 60);
    scoreSheet(p.store.E03, id, a1, 'site', 60);
    expect((await refused(() => p.store.E01.consensus.open(seat()))).code).toBe('declaration.required');
    p.store.E01.declarations.declare({ editionId: id, applicantId: a1, conflict: false, reason: '' });
    await p.store.E01.consensus.importBundles({ files: uploads([await stick(p, p.store.E02, 'E02.psb'), await stick(p, p.store.E03, 'E03.psb')]) });
    const early = await refused(() => p.store.E01.consensus.open(seat()));
    expect(early.code).toBe('consensus.not-ready');
    expect(early.text).toContain('周建华（E01）');
    expect(p.store.E01.consensus.seats({ editionId: id }).find((s) => s.applicant.id === a1)).toMatchObject({ state: 'waiting', submitted: 2, expected: 3, flagged: 0 });
    // a member is no leader: the consensus is not theirs to open
    expect((await refused(() => p.store.E02.consensus.open(seat()))).code).toBe('consensus.not-leader');
    expect(p.store.E02.consensus.seats({ editionId: id })).toEqual([]);
  });

  it("refuses a member's bundle opened by the leader of another panel, and one from outside the leader's panels", async () => {
    const { e2 } = await allSubmitted();
    const [other] = await p.store.E04.consensus.importBundles({ files: uploads([e2]) });
    expect(refusal(other)).toContain('不是加密给本存储的');
    expect(p.store.E04.store.auditLog({ limit: 1 })[0]).toMatchObject({ action: 'consensus.bundle-refused' });
    scoreSheet(p.store.E05, id, p.applicants[2]!.id, 'site', 60);
    const fromB = await stick(p, p.store.E05, 'E05.psb');
    expect(refusal((await p.store.E01.consensus.importBundles({ files: uploads([fromB]) }))[0])).toContain('不是加密给本存储的');
    expect((await p.store.E04.consensus.importBundles({ files: uploads([fromB]) }))[0]).toMatchObject({ status: 'accepted' });
    // sealed by hand to the leader of a panel the member does not sit on: still no bundle of that leader's panel
    const { resealTo } = await import('./consensus-forge.js');
    const stray = await resealTo(p, 'E05', fromB, 'E01');
    expect(refusal((await p.store.E01.consensus.importBundles({ files: uploads([stray]) }))[0])).toContain('不在您所领评审组中');
  });

  it('refuses a consensus record from someone other than the leader, and a return a member made up', async () => {
    const leader = p.store.E01;
    const { e2, e3 } = await allSubmitted();
    await leader.consensus.importBundles({ files: uploads([e2, e3]) });
    await p.sec.bundles.import({ files: uploads([e2, e3]) });
    const view = leader.consensus.open(seat());
    leader.consensus.settle({ ...seat(), itemCode: '4.1.2', resolution: 'stands', reason: '各自保留' });
    leader.consensus.settle({ ...seat(), itemCode: '4.7.2', resolution: 'stands', reason: '各自保留' });
    leader.consensus.saveOpinion({ ...seat(), opinion: acceptProposal(view, '总体良好。') });
    await leader.consensus.signOff(seat());
    const genuine = await bodyOf(p, await stick(p, leader, 'E01.psb'));
    const record = await payloadOf(genuine.consensus[0]!);

    const { forgeBundle, signAs } = await import('./consensus-forge.js');
    // E02 signs the leader's very record with their own key, in their own bundle
    const asMember = await forgeBundle(p, 'E02', async (b) => ({ ...b, consensus: [await signAs(p, 'E02', 'consensus-record', record)] }));
    expect(refusal((await p.sec.bundles.import({ files: uploads([asMember]) }))[0])).toContain('合议记录（XY2025-001（现场评审））不是评审该申报单位此环节的评审组组长签署的');
    // E02 names themself the leader
    const selfMade = await forgeBundle(p, 'E02', async (b) => ({ ...b, consensus: [await signAs(p, 'E02', 'consensus-record', { ...record, leaderId: p.experts[1]!.id })] }));
    expect(refusal((await p.sec.bundles.import({ files: uploads([selfMade]) }))[0])).toContain('不是评审该申报单位此环节的评审组组长签署的');
    // E02 writes a return of their own sheet and signs it, claiming E01 returned it
    const made = { format: 'pingshen/leader-return', id: crypto.randomUUID(), editionId: id, panelId: view.panelId, leaderId: p.experts[0]!.id, expertId: p.experts[1]!.id, applicantId: a1, stage: 'site', version: 1, reason: '组长同意改分', returnedAt: new Date().toISOString() };
    const forgedReturn = await forgeBundle(p, 'E02', async (b) => ({ ...b, leaderReturns: [await signAs(p, 'E02', 'leader-return', made)] }));
    expect(refusal((await p.sec.bundles.import({ files: uploads([forgedReturn]) }))[0])).toContain('所附的退回记录（XY2025-001（现场评审））不是评审该申报单位此环节的评审组组长签署的');
    expect(p.sec.consensus.records({ editionId: id })).toEqual([]);
    expect(p.sec.sheets.returns({ editionId: id })).toEqual([]);
  });

  it("refuses a leader's record that does not match the members' sheets the secretariat holds, until it does", async () => {
    const leader = p.store.E01;
    const { e2, e3 } = await allSubmitted();
    await leader.consensus.importBundles({ files: uploads([e2, e3]) });
    leader.consensus.open(seat());
    const { notice } = await leader.consensus.return({ ...seat(), expertId: p.experts[E03]!.id, reason: '请补写 4.3 的评语' });
    await p.store.E03.returns.import({ file: asUpload(notice!) });
    const draft = p.store.E03.sheets.open(seat());
    p.store.E03.sheets.saveItem({ sheetId: draft.id, itemCode: '4.3.2', percent: 60, strengths: '顾客需求识别方法完整', opportunities: '' });
    p.store.E03.sheets.submit({ sheetId: draft.id });
    const e3b = await stick(p, p.store.E03, 'E03-2.psb');
    await leader.consensus.importBundles({ files: uploads([e3b]) });
    for (const itemCode of ['4.1.2', '4.7.2']) leader.consensus.settle({ ...seat(), itemCode, resolution: 'stands', reason: '各自保留' });
    const view = leader.consensus.saveOpinion({ ...seat(), opinion: { categories: [], overall: '总体良好。' } });
    expect(view.blockers).toEqual([]);
    await leader.consensus.signOff(seat());
    const mine = await stick(p, leader, 'E01.psb');

    // the secretariat has E03's first version only: the record stands on the second
    await p.sec.bundles.import({ files: uploads([e2, e3]) });
    const reason = refusal((await p.sec.bundles.import({ files: uploads([mine]) }))[0]);
    expect(reason).toContain('合议记录（XY2025-001）：合议记录中 郑国栋（E03） 的评分表（第 2 版）与所持的第 1 版不符');
    expect(reason).toContain('请先导入各成员（含修改后）的结果包，再导入组长的结果包');
    expect(p.sec.consensus.records({ editionId: id })).toEqual([]);
    expect((await p.sec.bundles.import({ files: uploads([e3b, mine]) })).map((o) => o.status)).toEqual(['accepted', 'accepted']);
    expect(p.sec.consensus.records({ editionId: id })).toMatchObject([{ current: true }]);

    // a later return by the secretariat makes the record stale: it no longer speaks for the sheets
    const e3Sheet = p.sec.sheets.list({ editionId: id, filter: { applicantId: a1, stage: 'site', expertId: p.experts[E03]!.id } })[0]!;
    p.sec.sheets.return({ sheetId: e3Sheet.id, reason: '秘书处复核：请核对 4.6.2' });
    expect(p.sec.consensus.records({ editionId: id })).toMatchObject([{ current: false }]);
  });
});

describe('the consensus at the secretariat’s workstation', () => {
  it('runs the same step there, returning a sheet the way the secretariat returns sheets', async () => {
    const p = await setupPanels();
    try {
      const id = p.editionId;
      const a1 = p.applicants[0]!.id;
      const seat = { editionId: id, applicantId: a1, stage: 'site' as const };
      scoreSheet(p.store.E01, id, a1, 'site', 60);
      scoreSheet(p.store.E02, id, a1, 'site', 60, { '4.5.2': 100 });
      scoreSheet(p.store.E03, id, a1, 'site', 60);
      await p.sec.bundles.import({ files: uploads([await stick(p, p.store.E01, '1.psb'), await stick(p, p.store.E02, '2.psb'), await stick(p, p.store.E03, '3.psb')]) });
      const view = p.sec.consensus.open(seat);
      expect(view).toMatchObject({ recordedBy: 'secretariat', leader: { code: 'E01' }, flagged: [{ itemCode: '4.5.2' }] });
      const made = await p.sec.consensus.return({ ...seat, expertId: p.experts[1]!.id, reason: '4.5.2 请复核' });
      expect(made.notice).toBeNull();
      expect(p.sec.sheets.returns({ editionId: id })).toMatchObject([{ id: made.return.id, reason: '4.5.2 请复核' }]);
      const [pkg] = await p.sec.packages.export({ editionId: id, expertIds: [p.experts[1]!.id] });
      await p.store.E02.packages.import({ file: asUpload(pkg!) });
      const draft = p.store.E02.sheets.open(seat);
      p.store.E02.sheets.saveItem({ sheetId: draft.id, itemCode: '4.5.2', percent: 65, strengths: '', opportunities: '' });
      p.store.E02.sheets.submit({ sheetId: draft.id });
      await p.sec.bundles.import({ files: uploads([await stick(p, p.store.E02, '2b.psb')]) });
      p.sec.consensus.settle({ ...seat, itemCode: '4.5.2', resolution: 'revised' });
      p.sec.consensus.saveOpinion({ ...seat, opinion: { categories: [{ code: '4.5', strengths: ['过程识别系统'], opportunities: [] }], overall: '经评审组合议，总体良好。' } });
      expect(await p.sec.consensus.signOff(seat)).toMatchObject({ status: 'signed', recordedBy: 'secretariat' });
      expect(p.sec.consensus.records({ editionId: id })).toMatchObject([{ recordedBy: 'secretariat', current: true }]);
    } finally {
      p.cleanup();
    }
  });
});

async function bodyOf(p: Panels, file: string) {
  const { openBody } = await import('./consensus-forge.js');
  return openBody(p, file);
}

async function payloadOf(jws: string): Promise<Record<string, unknown>> {
  return JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('a substitute seated for one applicant', () => {
  it('joins the consensus on that applicant only, on the leader’s laptop as at the secretariat', async () => {
    const p = await setupPanels();
    try {
      const id = p.editionId;
      const [a1, a2] = [p.applicants[0]!.id, p.applicants[1]!.id];
      const panelA = p.sec.panels.list({ editionId: id }).find((x) => x.name === '现场评审一组')!;
      p.sec.panels.addSubstitute({ panelId: panelA.id, applicantId: a1, expertId: p.experts[4]!.id, reason: '回避后人数不足，增派' });
      for (const e of [p.experts[0]!, p.experts[4]!]) {
        const [pkg] = await p.sec.packages.export({ editionId: id, expertIds: [e.id] });
        await p.store[e.code as 'E01' | 'E05'].packages.import({ file: asUpload(pkg!) });
      }
      for (const s of [p.store.E01, p.store.E02, p.store.E03, p.store.E05]) scoreSheet(s, id, a1, 'site', 60);
      const files = await Promise.all((['E02', 'E03', 'E05'] as const).map((c) => stick(p, p.store[c], `${c}.psb`)));
      // the substitute's bundle is sealed to panel A's leader too, who keeps only what concerns a1
      expect((await p.store.E01.consensus.importBundles({ files: uploads(files) })).map((o) => o.status)).toEqual(['accepted', 'accepted', 'accepted']);
      const seats = p.store.E01.consensus.seats({ editionId: id });
      expect(seats.find((s) => s.applicant.id === a1)).toMatchObject({ expected: 4, submitted: 4, state: 'ready' });
      expect(seats.find((s) => s.applicant.id === a2)).toMatchObject({ expected: 3, submitted: 0 });
      expect(p.store.E01.consensus.open({ editionId: id, applicantId: a1, stage: 'site' }).members.map((m) => m.code)).toEqual(['E01', 'E02', 'E03', 'E05']);
      await p.sec.bundles.import({ files: uploads([await stick(p, p.store.E01, 'E01.psb'), ...files]) });
      expect(p.sec.consensus.open({ editionId: id, applicantId: a1, stage: 'site' }).members.map((m) => m.code)).toEqual(['E01', 'E02', 'E03', 'E05']);
    } finally {
      p.cleanup();
    }
  });
});
