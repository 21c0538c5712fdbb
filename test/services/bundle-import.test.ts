import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrollmentCode, generateIdentity, type Identity } from '../../src-main/crypto/identity.js';
import type { BundleOutcome } from '../../src-main/domain/files.js';
import type { StoreClient } from '../../src-main/features/open.js';
import { asUpload, exportBundleFile, ITEM_CODES, scoreAll, setupReview, upload, type Review } from './fixtures.js';
import { forge, identityOf, payload, tableCounts } from './forge.js';

function refusal(o: BundleOutcome | undefined): string {
  if (o?.status !== 'refused') throw new Error(`expected a refusal, got ${JSON.stringify(o)}`);
  return `${o.reason.zh} / ${o.reason.en}`;
}

describe('the secretariat imports result bundles', () => {
  let r: Review;
  let e1: StoreClient;
  let id: string;
  let a1: string;
  let a2: string;
  let e1Key: Identity;
  let secCode: string;
  beforeEach(async () => {
    r = await setupReview();
    e1 = r.stores[0]!;
    id = r.editionId;
    [a1, a2] = r.applicants.map((a) => a.id) as [string, string];
    e1Key = await identityOf(r.expertPaths[0]!);
    secCode = r.sec.store.enrollmentCode();
  });
  afterEach(() => r.cleanup());

  const exportAs = async (svc: StoreClient, name: string): Promise<{ file: string; bundleId: string }> =>
    exportBundleFile(svc, id, join(r.dir, name));

  it('treats the same bundle imported twice as a duplicate that changes nothing', async () => {
    scoreAll(e1, id, a1, 'material', 70);
    const b = await exportAs(e1, 'b1.psb');
    expect((await r.sec.bundles.import({ files: [b.file].map(upload) }))[0]).toMatchObject({ status: 'accepted', bundleId: b.bundleId, sheets: 1, replaced: null });
    const before = await tableCounts(r.secretariatPath);
    expect(await r.sec.bundles.import({ files: [b.file].map(upload) })).toEqual([{ status: 'duplicate', fileName: 'b1.psb', bundleId: b.bundleId, expertId: r.experts[0]!.id }]);
    expect(await tableCounts(r.secretariatPath)).toEqual(before);
  });

  it('lets a later bundle replace the earlier one, as the audit log records; the earlier one again changes nothing', async () => {
    scoreAll(e1, id, a1, 'material', 70);
    const first = await exportAs(e1, 'b1.psb');
    scoreAll(e1, id, a2, 'material', 65);
    const second = await exportAs(e1, 'b2.psb');

    await r.sec.bundles.import({ files: [first.file].map(upload) });
    const [outcome] = await r.sec.bundles.import({ files: [second.file].map(upload) });
    expect(outcome).toMatchObject({ status: 'accepted', sheets: 2, replaced: first.bundleId });
    expect(r.sec.bundles.list({ editionId: id }).map((b) => [b.bundleId, b.sequence, b.status])).toEqual([
      [first.bundleId, 1, 'superseded'],
      [second.bundleId, 2, 'accepted'],
    ]);
    const superseded = r.sec.store.auditLog({ limit: 20 }).find((e) => e.action === 'bundle.superseded');
    expect(superseded?.detail).toMatchObject({ oldBundleId: first.bundleId, newBundleId: second.bundleId });

    const before = await tableCounts(r.secretariatPath);
    expect((await r.sec.bundles.import({ files: [first.file].map(upload) }))[0]).toMatchObject({ status: 'duplicate', bundleId: first.bundleId });
    expect(await tableCounts(r.secretariatPath)).toEqual(before);
    expect(r.sec.sheets.list({ editionId: id })).toHaveLength(2);
  });

  it('refuses an earlier bundle that arrives after a later one', async () => {
    scoreAll(e1, id, a1, 'material', 70);
    const first = await exportAs(e1, 'b1.psb');
    const second = await exportAs(e1, 'b2.psb');
    const outcomes = await r.sec.bundles.import({ files: [second.file, first.file].map(upload) });
    expect(outcomes[0]?.status).toBe('accepted');
    expect(refusal(outcomes[1])).toMatch(/重放.*sequence 1; 2 already received\), possibly replayed/);
  });

  it('refuses a bundle for an edition it does not hold, and one naming an expert of no edition here', async () => {
    const other = payload({ editionId: randomUUID(), expertId: r.experts[0]!.id, sequence: 1 });
    const stranger = payload({ editionId: id, expertId: randomUUID(), sequence: 1 });
    const outcomes = await r.sec.bundles.import({ files: [
      await forge(r.dir, 'other.psb', other, e1Key, secCode),
      await forge(r.dir, 'stranger.psb', stranger, e1Key, secCode),
    ].map(upload) });
    expect(refusal(outcomes[0])).toMatch(/edition this store does not hold/);
    expect(refusal(outcomes[1])).toMatch(/not in this edition/);
  });

  it('refuses a bundle signed by a key that was never enrolled', async () => {
    const outsider = await generateIdentity();
    const body = payload({ editionId: id, expertId: r.experts[0]!.id, sequence: 1, declarations: [{ applicantId: a1, conflict: false }] });
    const [outcome] = await r.sec.bundles.import({ files: [await forge(r.dir, 'outsider.psb', body, outsider, secCode)].map(upload) });
    expect(refusal(outcome)).toMatch(/not enrolled/);
    // the signer is named by the fingerprint `whoami` shows, not by the raw key
    expect(refusal(outcome)).toContain(`指纹 ${outsider.fingerprint}`);
    expect(refusal(outcome)).not.toContain(outsider.signPublic);
  });

  it('lists every refused file for the receipt, also those that could not be opened at all', async () => {
    scoreAll(e1, id, a1, 'material', 70);
    const good = await exportAs(e1, 'good.psb');
    const tampered = readFileSync(good.file);
    const at = tampered.length - 40;
    tampered.writeUInt8(tampered.readUInt8(at) ^ 0xff, at);
    const outcomes = await r.sec.bundles.import({
      files: [
        { fileName: 'tampered.psb', bytes: new Uint8Array(tampered) },
        { fileName: 'noise.psb', bytes: new Uint8Array([1, 2, 3, 4]) },
        upload(good.file),
      ],
    });
    expect(outcomes.map((o) => o.status)).toEqual(['refused', 'refused', 'accepted']);
    const records = r.sec.bundles.list({ editionId: id });
    expect(records.filter((b) => b.status === 'refused').map((b) => b.fileName)).toEqual(['tampered.psb', 'noise.psb']);
    expect(records.filter((b) => b.status === 'refused').every((b) => b.bundleId === null && b.expertId === null)).toBe(true);
  });

  it('refuses a bundle re-signed by another enrolled expert who claims to be someone else', async () => {
    const mallory = await generateIdentity();
    const e4 = r.sec.experts.add({ editionId: id, expert: { code: 'E04', name: '赵敏', organisation: null, title: null, industry: null, phone: null, email: null } });
    r.sec.experts.enroll({ expertId: e4.id, enrollmentCode: enrollmentCode(mallory) });
    const body = payload({
      editionId: id,
      expertId: r.experts[0]!.id,
      sequence: 9,
      declarations: [{ applicantId: a1, conflict: false }],
      sheets: [{ applicantId: a1, stage: 'material', percent: 100 }],
    });
    const [outcome] = await r.sec.bundles.import({ files: [await forge(r.dir, 'mallory.psb', body, mallory, secCode)].map(upload) });
    expect(refusal(outcome)).toMatch(/impersonation/);
    expect(r.sec.sheets.list({ editionId: id })).toEqual([]);
  });

  it('refuses a bundle altered at any byte or truncated, and such a refusal changes nothing but the record of it', async () => {
    scoreAll(e1, id, a1, 'material', 70);
    const b = await exportAs(e1, 'b1.psb');
    const bytes = readFileSync(b.file);
    const before = await tableCounts(r.secretariatPath);
    const files = [Math.floor(bytes.length / 3), bytes.length - 20].map((at, n) => {
      const copy = Buffer.from(bytes);
      copy[at] = copy[at]! ^ 0x01;
      const f = join(r.dir, `altered-${n}.psb`);
      writeFileSync(f, copy);
      return f;
    });
    const truncated = join(r.dir, 'truncated.psb');
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 100));
    const outcomes = await r.sec.bundles.import({ files: [...files, truncated].map(upload) });
    expect(outcomes.map((o) => o.status)).toEqual(['refused', 'refused', 'refused']);
    const after = await tableCounts(r.secretariatPath);
    expect(after).toEqual({ ...before, bundles: before.bundles! + 3, audit_log: before.audit_log! + 3 });
    expect((await r.sec.bundles.import({ files: [b.file].map(upload) }))[0]?.status).toBe('accepted');
  });

  it('refuses the whole bundle when one sheet breaks a rule, listing the reasons', async () => {
    const base = { editionId: id, expertId: r.experts[0]!.id };
    const declared = [
      { applicantId: a1, conflict: false },
      { applicantId: a2, conflict: true, reason: '亲属任职' },
    ];
    const offGrid = ITEM_CODES.map((itemCode, i) => ({ itemCode, percent: i === 0 ? 52 : 50 }));
    const cases: [string, ReturnType<typeof payload>, RegExp][] = [
      ['off-grid', payload({ ...base, sequence: 1, declarations: declared, sheets: [{ applicantId: a1, stage: 'material', items: offGrid }] }), /off the 5% grid/],
      ['missing-item', payload({ ...base, sequence: 2, declarations: declared, sheets: [{ applicantId: a1, stage: 'material', items: offGrid.slice(1) }] }), /lacks items 4\.1\.2/],
      ['conflicted', payload({ ...base, sequence: 3, declarations: declared, sheets: [{ applicantId: a2, stage: 'material' }] }), /declared a conflict/],
      ['undeclared', payload({ ...base, sequence: 4, sheets: [{ applicantId: a1, stage: 'site' }] }), /has not declared no conflict/],
      ['unassigned-stage', payload({ ...base, sequence: 5, declarations: declared, sheets: [{ applicantId: a1, stage: 'defence' }] }), /not assigned to this expert's panel/],
    ];
    const good = { applicantId: a1, stage: 'site' as const, percent: 60 };
    const before = await tableCounts(r.secretariatPath);
    for (const [name, body, reason] of cases) {
      body.sheets.push(...payload({ ...base, sequence: 1, sheets: [good] }).sheets);
      const [outcome] = await r.sec.bundles.import({ files: [await forge(r.dir, `${name}.psb`, body, e1Key, secCode)].map(upload) });
      expect(refusal(outcome), name).toMatch(reason);
    }
    const after = await tableCounts(r.secretariatPath);
    expect(after.score_sheets).toBe(before.score_sheets);
    expect(after.item_scores).toBe(before.item_scores);
    expect(after.declarations).toBe(before.declarations);
  });

  it('refuses a sheet on which the secretariat imposed a recusal, and drops an accepted one from the ranking with a flag', async () => {
    scoreAll(e1, id, a1, 'material', 70);
    scoreAll(e1, id, a2, 'material', 40);
    await r.sec.bundles.import({ files: [(await exportAs(e1, 'b1.psb')).file].map(upload) });
    r.sec.declarations.impose({ expertId: r.experts[0]!.id, applicantId: a2, reason: '经核实与申报单位存在利害关系' });
    // the register keeps the expert's own no-conflict declaration beside the secretariat's recusal
    expect(r.sec.declarations.register({ editionId: id }).filter((d) => d.applicantId === a2)).toEqual([
      expect.objectContaining({ expertId: r.experts[0]!.id, conflict: false, source: 'expert' }),
      expect.objectContaining({ expertId: r.experts[0]!.id, conflict: true, source: 'secretariat', reason: '经核实与申报单位存在利害关系' }),
    ]);

    const results = r.sec.results.get({ editionId: id });
    const material = results.stageResults.find((s) => s.applicantId === a2 && s.stage === 'material');
    expect(material?.expertTotals).toEqual([]);
    expect(results.flags.find((f) => f.code === 'recused-sheet-excluded')).toMatchObject({ applicantId: a2, stage: 'material' });

    const [outcome] = await r.sec.bundles.import({ files: [(await exportAs(e1, 'b2.psb')).file].map(upload) });
    expect(refusal(outcome)).toMatch(/secretariat recused this expert/);

    // once the expert's store has the recusal from a new package, its bundles leave that sheet out
    const [pkg] = await r.sec.packages.export(({
	editionId: id,
	expertIds: [r.experts[0]!.id]
}));
    await e1.packages.import({ file: asUpload(pkg!) });
    const [later] = await r.sec.bundles.import({ files: [(await exportAs(e1, 'b3.psb')).file].map(upload) });
    expect(later).toMatchObject({ status: 'accepted', sheets: 1 });
  });
});
