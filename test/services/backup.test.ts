import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initStore, openStore, restoreStore, storeClient } from '../../src-main/features/open.js';
import { dispatch } from '../../src-main/ipc/dispatcher.js';
import { Session } from '../../src-main/ipc/session.js';
import { keyFilePath } from '../../src-main/store/keyfile.js';
import { APPLICANT_NAMES, exportBundleFile, PASS, scoreAll, setupReview, TEST_KDF, TEST_OPENERS, upload } from './fixtures.js';

/**
 * A backup of a store, to a file the user keeps apart, and its restore elsewhere: the same store
 * with the same results, proven by its passphrase or its recovery code, never over another store.
 */

const dirs: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function elsewhere(): string {
  const d = mkdtempSync(join(tmpdir(), 'pingshen-restore-'));
  dirs.push(d);
  return d;
}

async function scoredReview() {
  const r = await setupReview();
  const id = r.editionId;
  for (const [i, e] of r.stores.entries()) {
    for (const a of r.applicants) {
      scoreAll(e, id, a.id, 'material', 60 + 5 * i);
      scoreAll(e, id, a.id, 'site', 70 + 5 * i);
    }
  }
  const files = [];
  for (const [i, e] of r.stores.entries()) files.push((await exportBundleFile(e, id, join(r.dir, `b${i}.psb`))).file);
  await r.sec.bundles.import({ files: files.map(upload) });
  return r;
}

describe('backing up and restoring a store', () => {
  it('restores a secretariat store in another data folder with identical results, and keeps no secret in the clear', async () => {
    const r = await scoredReview();
    try {
      const backup = r.sec.backup.create();
      const bytes = Buffer.from(backup.bytes);
      for (const secret of [...APPLICANT_NAMES, '商业秘密', PASS]) expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);

      const path = join(elsewhere(), 'secretariat.db');
      const header = await restoreStore({ bytes: backup.bytes, fileName: backup.fileName, path, proof: { passphrase: PASS }, kdf: TEST_KDF });
      expect(header).toMatchObject({ role: 'secretariat', editions: [{ id: r.editionId }] });
      const restored = storeClient(await openStore({ path, passphrase: PASS, kdf: TEST_KDF }, 'secretariat'));
      try {
        expect(restored.results.get({ editionId: r.editionId })).toEqual(r.sec.results.get({ editionId: r.editionId }));
        expect(restored.store.info().fingerprint).toBe(r.sec.store.info().fingerprint);
        expect(restored.store.verifyAuditChain()).toMatchObject({ ok: true });
        expect(restored.store.auditLog({ limit: 1 })[0]).toMatchObject({ action: 'store.restored', detail: { from: backup.fileName } });
        // the restored store counts the backup it came from as its latest
        expect(restored.backup.status()).toMatchObject({ last: { kind: 'restored', madeAt: backup.madeAt }, due: [] });
      } finally {
        restored.close();
      }
    } finally {
      r.cleanup();
    }
  }, 60_000);

  it('restores an expert’s laptop, their sheets with it', async () => {
    const r = await setupReview();
    try {
      const e = r.stores[0]!;
      scoreAll(e, r.editionId, r.applicants[0]!.id, 'material', 75);
      const backup = e.backup.create();
      const path = join(elsewhere(), 'expert.db');
      await restoreStore({ bytes: backup.bytes, fileName: backup.fileName, path, proof: { passphrase: PASS }, kdf: TEST_KDF });
      const restored = storeClient(await openStore({ path, passphrase: PASS, kdf: TEST_KDF }, 'expert'));
      expect(restored.assignments.mine({ editionId: r.editionId })).toEqual(e.assignments.mine({ editionId: r.editionId }));
      restored.close();
    } finally {
      r.cleanup();
    }
  }, 60_000);

  it('restores with the recovery code under a new passphrase when the old one is forgotten', async () => {
    const dir = elsewhere();
    const made = await initStore({ role: 'expert', path: join(dir, 'old.db'), passphrase: PASS, kdf: TEST_KDF });
    const store = storeClient(await openStore({ path: made.path, passphrase: PASS, kdf: TEST_KDF }));
    const backup = store.backup.create();
    store.close();
    const path = join(dir, 'new', 'expert.db');
    await restoreStore({ bytes: backup.bytes, fileName: backup.fileName, path, proof: { recoveryCode: made.recoveryCode.toLowerCase(), newPassphrase: '新电脑上的新口令 new one' }, kdf: TEST_KDF });
    (await openStore({ path, passphrase: '新电脑上的新口令 new one', kdf: TEST_KDF })).close();
    await expect(openStore({ path, passphrase: PASS, kdf: TEST_KDF })).rejects.toMatchObject({ code: 'store.wrong-passphrase' });
  });

  it('refuses a wrong passphrase, a tampered file and an occupied place, writing nothing', async () => {
    const dir = elsewhere();
    const made = await initStore({ role: 'expert', path: join(dir, 'a.db'), passphrase: PASS, kdf: TEST_KDF });
    const store = storeClient(await openStore({ path: made.path, passphrase: PASS, kdf: TEST_KDF }));
    const backup = store.backup.create();
    store.close();
    const target = join(dir, 'b.db');
    await expect(restoreStore({ bytes: backup.bytes, fileName: 'x', path: target, proof: { passphrase: 'not the passphrase' }, kdf: TEST_KDF })).rejects.toMatchObject({ code: 'store.wrong-passphrase' });
    const tampered = new Uint8Array(backup.bytes);
    tampered[Math.floor(tampered.length / 2)]! ^= 1;
    await expect(restoreStore({ bytes: tampered, fileName: 'x', path: target, proof: { passphrase: PASS }, kdf: TEST_KDF })).rejects.toMatchObject({ code: 'backup.unreadable' });
    expect(existsSync(target) || existsSync(keyFilePath(target))).toBe(false);
    const before = readFileSync(made.path);
    await expect(restoreStore({ bytes: backup.bytes, fileName: 'x', path: made.path, proof: { passphrase: PASS }, kdf: TEST_KDF })).rejects.toMatchObject({ code: 'store.exists' });
    expect(readFileSync(made.path).equals(before)).toBe(true);
  });
});

describe('the backup reminder', () => {
  it('names an edition with changes and no backup, none right after one, and the edition again once the backup is old and it changed', async () => {
    const r = await setupReview();
    try {
      expect(r.sec.backup.status()).toMatchObject({ last: null, reminderDays: 7, due: [{ editionId: r.editionId, name: '2025年信阳市市长质量奖' }] });
      r.sec.backup.create();
      expect(r.sec.backup.status().due).toEqual([]);
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + 8 * 24 * 60 * 60 * 1000);
      expect(r.sec.backup.status().due).toEqual([]);
      r.sec.applicants.add({ editionId: r.editionId, applicant: { code: 'XY2025-009', name: '信阳新材料有限公司', kind: 'unit', industry: 2, contactName: null, contactPhone: null, contactEmail: null } });
      expect(r.sec.backup.status().due.map((d) => d.editionId)).toEqual([r.editionId]);
    } finally {
      r.cleanup();
    }
  }, 60_000);
});

describe('the app’s session', () => {
  it('restores a backup into an empty data folder and unlocks it; refuses where the role already has a store', async () => {
    const r = await setupReview();
    const sessions: Session[] = [];
    try {
      const backup = r.sec.backup.create();
      const ctx = { session: new Session(elsewhere(), TEST_OPENERS), host: { mode: 'browser' as const, version: '0.0.0-test' } };
      sessions.push(ctx.session);
      const restored = await dispatch(ctx, 'session.restore', { file: { fileName: backup.fileName, bytes: backup.bytes }, proof: { passphrase: PASS } });
      expect(restored).toMatchObject({ ok: true, value: { role: 'secretariat', stores: { secretariat: true } } });
      expect(await dispatch(ctx, 'editions.list', {})).toMatchObject({ ok: true, value: [{ id: r.editionId }] });
      const again = await dispatch(ctx, 'session.restore', { file: { fileName: backup.fileName, bytes: backup.bytes }, proof: { passphrase: PASS } });
      expect(again).toMatchObject({ ok: false, error: { code: 'session.store-exists' } });
    } finally {
      for (const s of sessions) s.dispose();
      r.cleanup();
    }
  }, 60_000);

  it('shows the recovery code once at creation, and resets a forgotten passphrase with it', async () => {
    const ctx = { session: new Session(elsewhere(), TEST_OPENERS), host: { mode: 'browser' as const, version: '0.0.0-test' } };
    try {
      const created = await dispatch(ctx, 'session.create', { role: 'expert', passphrase: PASS });
      if (!created.ok) throw new Error('not created');
      const code = (created.value as { recoveryCode: string }).recoveryCode;
      expect(code).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
      expect(await dispatch(ctx, 'session.status', {})).not.toHaveProperty('value.recoveryCode');
      await dispatch(ctx, 'session.lock', { reason: 'user' });
      const wrong = await dispatch(ctx, 'session.resetPassphrase', { role: 'expert', recoveryCode: '0000-0000-0000-0000-0000-0000-0000-0000', newPassphrase: '另一个足够长的新口令呀' });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'recovery-code.invalid' } });
      const reset = await dispatch(ctx, 'session.resetPassphrase', { role: 'expert', recoveryCode: code, newPassphrase: '另一个足够长的新口令呀' });
      expect(reset).toMatchObject({ ok: true, value: { role: 'expert' } });
    } finally {
      ctx.session.dispose();
    }
  });
});
