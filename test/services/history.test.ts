import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BundleOutcome } from '../../src-main/domain/files.js';
import type { StoreClient } from '../../src-main/features/open.js';
import { openStore } from '../../src-main/store/open.js';
import { asUpload, exportBundleFile, ITEM_CODES, PASS, scoreAll, setupReview, upload, type Review } from './fixtures.js';
import { forge, identityOf, tableCounts } from './forge.js';

/**
 * Issue 8: the laptop is not trusted. An expert holds the key to their own store and can edit
 * it with any SQLCipher tool; what the secretariat already received must survive that.
 */

function refusal(o: BundleOutcome | undefined): string {
  if (o?.status !== 'refused') throw new Error(`expected a refusal, got ${JSON.stringify(o)}`);
  return `${o.reason.zh} / ${o.reason.en}`;
}

describe('what the secretariat has received stays received', () => {
  let r: Review;
  let e1: StoreClient;
  let id: string;
  let a1: string;
  let a2: string;
  beforeEach(async () => {
    r = await setupReview();
    e1 = r.stores[0]!;
    id = r.editionId;
    [a1, a2] = r.applicants.map((a) => a.id) as [string, string];
  });
  afterEach(() => r.cleanup());

  const send = async (svc: StoreClient, name: string) => r.sec.bundles.import({ files: [upload((await exportBundleFile(svc, id, join(r.dir, name))).file)] });
  const standing = () => ({
    results: r.sec.results.get({ editionId: id }).stageResults.map((s) => [s.applicantId, s.stage, s.panelScore]),
    register: r.sec.declarations.register({ editionId: id }).map((d) => [d.expertId, d.applicantId, d.conflict, d.lifted]),
  });

  it('refuses whole the bundle of an expert who edited their own store: sheets rescored, a conflict deleted, then scored', async () => {
    scoreAll(e1, id, a1, 'material', 60, '体系较完整');
    e1.declarations.declare({ editionId: id, applicantId: a2, conflict: true, reason: '曾任该单位质量顾问' });
    expect((await send(e1, 'honest.psb'))[0]).toMatchObject({ status: 'accepted' });
    const before = standing();
    const counts = await tableCounts(r.secretariatPath);

    // the expert opens their own store with its key, as any SQLCipher tool would
    const raw = await openStore({ path: r.expertPaths[0]!, passphrase: PASS });
    raw.db.exec('DROP TRIGGER item_scores_locked');
    raw.db.prepare('UPDATE item_scores SET percent = 100').run();
    raw.db.prepare("DELETE FROM declarations WHERE applicant_id = ? AND source = 'expert'").run(a2);
    raw.close();
    // the laptop now lets them declare no conflict and score the applicant they were recused from
    scoreAll(e1, id, a2, 'material', 100);

    const [outcome] = await send(e1, 'rewritten.psb');
    const reason = refusal(outcome);
    expect(reason).toContain(`${r.applicants[0]!.code}（材料评审）的评分表（第 1 版）已提交给秘书处，未经退回却被改动`);
    expect(reason).toContain(`专家已声明与 ${r.applicants[1]!.code} 存在利益冲突，秘书处已收到`);
    expect(reason).toMatch(/does not match the scores the expert's audit log recorded/);
    expect(standing()).toEqual(before);
    const after = await tableCounts(r.secretariatPath);
    expect({ ...after, bundles: counts.bundles, audit_log: counts.audit_log }).toEqual(counts);
    expect(after.bundles).toBe(counts.bundles! + 1);
    const attempt = r.sec.store.auditLog({ limit: 1 })[0]!;
    expect(attempt).toMatchObject({ action: 'bundle.refused', detail: { code: 'bundle.rewrites-history' } });
    expect(r.sec.bundles.list({ editionId: id }).at(-1)).toMatchObject({ status: 'refused' });
  });

  it('refuses a bundle made by hand whose audit log was shortened, even with the expert’s own signature', async () => {
    scoreAll(e1, id, a1, 'material', 60);
    const first = await exportBundleFile(e1, id, join(r.dir, 'first.psb'));
    expect((await r.sec.bundles.import({ files: [upload(first.file)] }))[0]).toMatchObject({ status: 'accepted' });
    const before = standing();
    scoreAll(e1, id, a1, 'site', 70);
    // what the expert's store would send next, with the log cut back to before the first bundle
    const key = await identityOf(r.expertPaths[0]!);
    const raw = await openStore({ path: r.expertPaths[0]!, passphrase: PASS });
    const entries = (raw.db.prepare('SELECT seq FROM audit_log ORDER BY seq').pluck().all() as number[]).length;
    raw.close();
    expect(entries).toBeGreaterThan(10);
    const body = (await nextBundleBody(e1, id, r.secretariatPath)) as { audit: { seq: number; hash: string }[]; auditHead: unknown; sheets: { stage: string }[] };
    body.audit = body.audit.slice(0, 3);
    body.auditHead = { seq: body.audit.at(-1)!.seq, hash: body.audit.at(-1)!.hash };
    body.sheets = body.sheets.filter((s) => s.stage === 'material');
    const file = await forge(r.dir, 'short.psb', body, key, r.sec.store.enrollmentCode());
    const [outcome] = await r.sec.bundles.import({ files: [upload(file)] });
    expect(refusal(outcome)).toContain('没有延续秘书处此前收到的第');
    expect(standing()).toEqual(before);
  });

  it('keeps every version and every declaration: a returned sheet comes back revised, a lifted recusal is declared again', async () => {
    scoreAll(e1, id, a1, 'material', 60);
    e1.declarations.declare({ editionId: id, applicantId: a2, conflict: true, reason: '误填' });
    await send(e1, 'b1.psb');
    const sheet = r.sec.sheets.list({ editionId: id, filter: { expertId: r.experts[0]!.id, applicantId: a1 } })[0]!;
    r.sec.sheets.return({ sheetId: sheet.id, reason: '4.1.2 的评分与评语不符，请复核' });
    expect(r.sec.sheets.list({ editionId: id, filter: { expertId: r.experts[0]!.id, applicantId: a1 } })[0]).toMatchObject({ returned: { reason: '4.1.2 的评分与评语不符，请复核' } });
    r.sec.declarations.lift({ expertId: r.experts[0]!.id, applicantId: a2, source: 'expert', reason: '专家来电说明系误填，经核实无利害关系' });

    // before the expert has the new package, a bundle that changes nothing is still welcome
    expect((await send(e1, 'b2.psb'))[0]).toMatchObject({ status: 'accepted' });

    const [pkg] = await r.sec.packages.export({ editionId: id, expertIds: [r.experts[0]!.id] });
    await e1.packages.import({ file: { fileName: pkg!.fileName, bytes: pkg!.bytes } });
    const reopened = e1.assignments.mine({ editionId: id }).find((a) => a.applicant.id === a1 && a.stage === 'material')!;
    expect(reopened).toMatchObject({ sheetStatus: 'draft', returnReason: '4.1.2 的评分与评语不符，请复核', scoredItems: ITEM_CODES.length });
    const draft = e1.sheets.open({ editionId: id, applicantId: a1, stage: 'material' });
    expect(draft).toMatchObject({ version: 2, revisedFor: '4.1.2 的评分与评语不符，请复核' });
    e1.sheets.saveItem({ sheetId: draft.id, itemCode: '4.1.2', percent: 75, strengths: '领导作用发挥充分', opportunities: '' });
    e1.sheets.submit({ sheetId: draft.id });
    e1.declarations.declare({ editionId: id, applicantId: a2, conflict: false, reason: '' });

    expect((await send(e1, 'b3.psb'))[0]).toMatchObject({ status: 'accepted' });
    const now = r.sec.sheets.list({ editionId: id, filter: { expertId: r.experts[0]!.id, applicantId: a1 } })[0]!;
    expect(now).toMatchObject({ version: 2, returned: null, revisedFor: '4.1.2 的评分与评语不符，请复核' });
    expect(now.items.find((i) => i.itemCode === '4.1.2')?.percent).toBe(75);
    const versions = r.sec.sheets.versions({ editionId: id }).filter((v) => v.applicantId === a1);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]!.items.find((i) => i.itemCode === '4.1.2')?.percent).toBe(60);
    const history = r.sec.declarations.history({ editionId: id }).filter((e) => e.applicantId === a2).map((e) => [e.event, e.conflict]);
    expect(history).toEqual([
      ['declared', true],
      ['lifted', true],
      ['declared', false],
    ]);
  });

  it('refuses a revised sheet the secretariat never returned, and a sheet that vanished', async () => {
    scoreAll(e1, id, a1, 'material', 60);
    scoreAll(e1, id, a2, 'material', 65);
    await send(e1, 'b1.psb');
    const raw = await openStore({ path: r.expertPaths[0]!, passphrase: PASS });
    raw.db.prepare('DELETE FROM score_sheets WHERE applicant_id = ?').run(a2);
    raw.close();
    const reason = refusal((await send(e1, 'b2.psb'))[0]);
    expect(reason).toContain(`已收到的${r.applicants[1]!.code}（材料评审）的评分表在本结果包中缺失`);
  });
});

describe('exports at the same moment', () => {
  it('give each bundle its own sequence, and the secretariat accepts them in order', async () => {
    const r = await setupReview();
    try {
      const e1 = r.stores[0]!;
      scoreAll(e1, r.editionId, r.applicants[0]!.id, 'material', 70);
      const made = await Promise.all(Array.from({ length: 8 }, () => e1.bundles.export({ editionId: r.editionId })));
      const sequences = await Promise.all(made.map(async (m) => ((await nextBundleBodyOf(m.bytes, r.secretariatPath)) as { sequence: number }).sequence));
      expect([...sequences].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      const inOrder = made.map((m, i) => ({ m, seq: sequences[i]! })).sort((a, b) => a.seq - b.seq);
      const outcomes = await r.sec.bundles.import({ files: inOrder.map(({ m }) => asUpload(m)) });
      expect(outcomes.map((o) => o.status)).toEqual(Array(8).fill('accepted'));
    } finally {
      r.cleanup();
    }
  });
});

/**
 * What the expert's store would seal next, opened as the secretariat opens it: the body a
 * forger starts from.
 */
async function nextBundleBody(svc: StoreClient, editionId: string, secretariatPath: string): Promise<unknown> {
  const made = await svc.bundles.export({ editionId });
  return nextBundleBodyOf(made.bytes, secretariatPath);
}

async function nextBundleBodyOf(bytes: Uint8Array, secretariatPath: string): Promise<unknown> {
  const secretariat = await identityOf(secretariatPath);
  const { openSealed } = await import('../../src-main/seal/envelope.js');
  const opened = await openSealed({ bytes, kind: 'result-bundle', identity: secretariat.boxIdentity, resolveSigner: (kid) => kid });
  return opened.payload;
}
