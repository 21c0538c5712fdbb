import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterEach, describe, expect, it } from 'vitest';
import { EDITION_TABLES } from '../../src-main/features/repo/records.js';
import type { StoreClient } from '../../src-main/features/open.js';
import { exportBundleFile, newSecretariat, scoreAll, setupReview, tempDir, upload } from './fixtures.js';

/**
 * Daqing art. 36 keeps the review records ten years. Within that period an edition, or the store
 * that holds it, is deleted only once the store has verified an archive holding the edition as it
 * stands; the refusal says so and changes nothing.
 */

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function daqing(year = 2025): Promise<{ sec: StoreClient; editionId: string; name: string }> {
  const { dir, cleanup } = tempDir();
  const sec = await newSecretariat(dir);
  cleanups.push(() => {
    sec.close();
    cleanup();
  });
  const name = `${year}年大庆市政府质量奖`;
  const edition = sec.editions.create({ name, year, profileId: 'daqing-2018', frameworkId: 'gbt19580-2012', settings: { weights: { material: 40, site: 60 }, shortlistSize: 10, panelSize: { min: 3, max: 7 } } });
  sec.applicants.add({ editionId: edition.id, applicant: { code: 'DQ-001', name: '大庆油田装备制造有限公司', kind: 'unit', industry: 2, contactName: null, contactPhone: null, contactEmail: null } });
  return { sec, editionId: edition.id, name };
}

async function archiveAndVerify(sec: StoreClient, editionId: string) {
  const office = await identityToRecipient(await generateX25519Identity());
  const made = await sec.archive.create({ editionId, protection: { kind: 'encrypted', recipients: [office] } });
  return sec.archive.verify({ file: { fileName: made.fileName, bytes: made.bytes } });
}

describe('the retention period', () => {
  it('refuses to delete an edition within it while no verified archive holds it, and changes nothing', async () => {
    const { sec, editionId, name } = await daqing();
    const standing = sec.retention.get({ editionId });
    expect(await standing).toMatchObject({ retention: { years: 10, until: '2035-12-31' }, inForce: true, archive: null, mayDelete: false });
    expect((await standing).text.zh).toBe('保存 10 年，至 2035-12-31（第三十六条：评审资料一般保存10年）');
    const before = sec.store.auditLog({ limit: 1000 }).length;
    await expect(sec.editions.delete({ editionId, confirmName: name })).rejects.toMatchObject({
      code: 'retention.in-force',
      localized: { zh: expect.stringContaining('仍在保存期内（保存 10 年，至 2035-12-31'), en: expect.stringContaining('no archive of it has been verified') },
    });
    expect(sec.editions.list()).toHaveLength(1);
    expect(sec.store.auditLog({ limit: 1000 })).toHaveLength(before);
    expect((await sec.retention.storeCheck()).blocking).toEqual([{ editionId, name, until: '2035-12-31' }]);
  });

  it('deletes it once the store has verified an archive that holds the edition as it stands', async () => {
    const { sec, editionId, name } = await daqing();
    const verified = await archiveAndVerify(sec, editionId);
    expect(verified).toMatchObject({ recorded: true, note: null, verification: { ok: true } });
    expect(await sec.retention.get({ editionId })).toMatchObject({ mayDelete: true, archive: { current: true } });
    expect(await sec.retention.storeCheck()).toEqual({ mayDelete: true, blocking: [], refusal: null });

    await expect(sec.editions.delete({ editionId, confirmName: '别的名字' })).rejects.toMatchObject({ code: 'edition.delete-unconfirmed' });
    const { deleted } = await sec.editions.delete({ editionId, confirmName: name });
    expect(deleted).toMatchObject({ editions: 1, applicants: 1 });
    expect(sec.editions.list()).toEqual([]);
    expect(sec.store.auditLog({ limit: 1 })[0]).toMatchObject({ action: 'edition.deleted', detail: { editionId, retentionUntil: '2035-12-31', archiveSha256: verified.verification.sha256 } });
    expect(sec.store.verifyAuditChain()).toMatchObject({ ok: true });
  }, 60_000);

  it('counts an archive made before a later change as no longer holding the edition', async () => {
    const { sec, editionId, name } = await daqing();
    await archiveAndVerify(sec, editionId);
    sec.applicants.add({ editionId, applicant: { code: 'DQ-002', name: '大庆石化精细化工有限公司', kind: 'unit', industry: 2, contactName: null, contactPhone: null, contactEmail: null } });
    const standing = await sec.retention.get({ editionId });
    expect(standing).toMatchObject({ mayDelete: false, archive: { current: false } });
    expect(standing.refusal?.en).toContain('the edition changed since');
    await expect(sec.editions.delete({ editionId, confirmName: name })).rejects.toMatchObject({ code: 'retention.in-force' });
    const again = await archiveAndVerify(sec, editionId);
    expect(again.recorded).toBe(true);
    await sec.editions.delete({ editionId, confirmName: name });
  }, 60_000);

  it('no longer holds an edition whose period is over, nor one whose rules set none', async () => {
    const old = await daqing(2000);
    expect(await old.sec.retention.get({ editionId: old.editionId })).toMatchObject({ retention: { until: '2010-12-31' }, inForce: false, mayDelete: true });
    await old.sec.editions.delete({ editionId: old.editionId, confirmName: old.name });
    expect(old.sec.editions.list()).toEqual([]);
  });
});

describe('deleting an edition', () => {
  it('removes every row of it, the received history too, and leaves the other editions and the audit log whole', async () => {
    const r = await setupReview();
    cleanups.push(() => r.cleanup());
    const other = r.sec.editions.create({ name: '2027年信阳市市长质量奖', year: 2027, profileId: 'xinyang-2022', frameworkId: 'gbt19580-2012', settings: {} });
    const kept = r.sec.applicants.add({ editionId: other.id, applicant: { code: 'XY2027-001', name: '信阳毛尖茶业有限公司', kind: 'unit', industry: 1, contactName: null, contactPhone: null, contactEmail: null } });
    const keptExpert = r.sec.experts.add({ editionId: other.id, expert: { code: 'E91', name: '赵敏', organisation: null, title: null, industry: null, phone: null, email: null } });
    const [a1] = r.applicants.map((a) => a.id) as [string];
    scoreAll(r.stores[0]!, r.editionId, a1, 'material', 70);
    await r.sec.bundles.import({ files: [upload((await exportBundleFile(r.stores[0]!, r.editionId, join(r.dir, 'b.psb'))).file)] });
    const sheet = r.sec.sheets.list({ editionId: r.editionId, filter: {} })[0]!;
    r.sec.sheets.return({ sheetId: sheet.id, reason: '请复核' });
    r.sec.declarations.impose({ expertId: r.experts[1]!.id, applicantId: a1, reason: '亲属在该单位任职' });

    // Xinyang's rules set no retention period: the edition may go at once
    await r.sec.editions.delete({ editionId: r.editionId, confirmName: '2025年信阳市市长质量奖' });
    expect(r.sec.editions.list().map((e) => e.id)).toEqual([other.id]);
    expect(r.sec.applicants.list({ editionId: other.id })).toHaveLength(1);
    expect(r.sec.store.verifyAuditChain()).toMatchObject({ ok: true });
    const { openStore } = await import('../../src-main/features/open.js');
    const { PASS, TEST_KDF } = await import('./fixtures.js');
    const raw = await openStore({ path: r.secretariatPath, passphrase: PASS, kdf: TEST_KDF }, 'secretariat');
    try {
      for (const [table] of EDITION_TABLES.filter(([t]) => !['editions', 'applicants', 'experts'].includes(t))) {
        const left = raw.ctx.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
        expect(left, table).toBe(0);
      }
      // the history tables stay append-only for every edition not disposed of
      raw.ctx.db
        .prepare("INSERT INTO sheet_returns (id, edition_id, expert_id, applicant_id, stage, version, reason, returned_at, returned_by) VALUES ('r', ?, ?, ?, 'material', 1, 'x', 'now', 'me')")
        .run(other.id, keptExpert.id, kept.id);
      expect(() => raw.ctx.db.prepare('DELETE FROM sheet_returns').run()).toThrow(/append-only/);
    } finally {
      raw.close();
    }
  }, 60_000);

  it('knows every table that holds an edition’s rows (a table added later must be added to the deletion)', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const sec = await newSecretariat(dir);
    sec.close();
    const { openStore } = await import('../../src-main/features/open.js');
    const { PASS, TEST_KDF } = await import('./fixtures.js');
    const raw = await openStore({ path: join(dir, 'secretariat.db'), passphrase: PASS, kdf: TEST_KDF }, 'secretariat');
    const db = raw.ctx.db;
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    const owned = new Set(['editions', 'applicants', 'experts', 'panels', 'score_sheets', 'bundles', 'assignments', 'packages']);
    const ofAnEdition = tables.filter((t) => {
      const columns = (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
      const refs = (db.prepare(`PRAGMA foreign_key_list(${t})`).all() as { table: string }[]).map((f) => f.table);
      return t === 'editions' || columns.includes('edition_id') || columns.includes('bundle_seq') || refs.some((x) => owned.has(x));
    });
    raw.close();
    // the records of archives and disposals outlive the editions they name
    const kept = ['edition_archives', 'edition_disposals'];
    expect(ofAnEdition.filter((t) => !kept.includes(t)).sort()).toEqual(EDITION_TABLES.map(([t]) => t).sort());
  });
});
