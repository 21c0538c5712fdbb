import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectCode, fingerprintFile, tempDir, TEST_KDF } from './helpers.js';
import { loadIdentity } from '../../src-main/crypto/identity.js';
import { keyFilePath, readKeyFile } from '../../src-main/store/keyfile.js';
import { changeStorePassphrase, createStore, openStore, type Store } from '../../src-main/store/open.js';
import { verifyAuditChain } from '../../src-main/audit/chain.js';
import { MIGRATIONS } from '../../src-main/store/migrations/index.js';

const PASS = '正确的口令 correct horse';

async function newStore(role: 'secretariat' | 'expert' = 'expert') {
  const path = join(tempDir(), 'sub', 'expert.pingshen');
  const store = await createStore({ path, passphrase: PASS, role, kdf: TEST_KDF });
  return { path, store };
}

function setMeta(db: Store['db'], key: string, value: string) {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(key, value);
}

function getMeta(db: Store['db'], key: string): unknown {
  return db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key);
}

describe('creating a store', () => {
  it('gives a store at the latest schema with its role, an identity and a verified first audit entry', async () => {
    const { path, store } = await newStore('secretariat');
    expect(store.role).toBe('secretariat');
    expect(store.path).toBe(path);
    expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(loadIdentity(store.db).fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    expect(verifyAuditChain(store.db)).toMatchObject({ ok: true, length: 1 });
    store.close();
    expect(statSync(path).mode & 0o077).toBe(0);
    expect(statSync(keyFilePath(path)).mode & 0o077).toBe(0);
  });

  it('writes a real SQLCipher file, not a plain SQLite one', async () => {
    const { path, store } = await newStore();
    store.close();
    expect(readFileSync(path).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
  });

  it('refuses an existing path and leaves it alone', async () => {
    const { path, store } = await newStore();
    store.close();
    const before = fingerprintFile(path);
    await expectCode(createStore({ path, passphrase: PASS, role: 'expert', kdf: TEST_KDF }), 'store.exists');
    expect(fingerprintFile(path)).toEqual(before);
  });

  it('refuses a passphrase shorter than 10 characters, the one minimum everywhere, counting Chinese characters as one each', async () => {
    const path = join(tempDir(), 's.pingshen');
    await expectCode(createStore({ path, passphrase: '九个字的口令好不好', role: 'expert', kdf: TEST_KDF }), 'store.weak-passphrase');
    expect(existsSync(path)).toBe(false);
    expect(existsSync(keyFilePath(path))).toBe(false);
    const store = await createStore({ path, passphrase: '十个字的口令真的好吗', role: 'expert', kdf: TEST_KDF });
    store.close();
  });
});

describe('opening a store', () => {
  it('keeps data across close and reopen', async () => {
    const { path, store } = await newStore();
    setMeta(store.db, 'note', '无锡市某某精密机械有限公司');
    const fp = loadIdentity(store.db).fingerprint;
    store.close();
    const again = await openStore({ path, passphrase: PASS });
    expect(again.role).toBe('expert');
    expect(getMeta(again.db, 'note')).toBe('无锡市某某精密机械有限公司');
    expect(loadIdentity(again.db).fingerprint).toBe(fp);
    again.close();
  });

  it('refuses a wrong passphrase with a clear message, leaving both files byte for byte untouched', async () => {
    const { path, store } = await newStore();
    setMeta(store.db, 'note', 'x');
    store.close();
    const dbBefore = fingerprintFile(path);
    const keyBefore = fingerprintFile(keyFilePath(path));
    let err: unknown;
    try {
      await openStore({ path, passphrase: '错误的口令 wrong horse' });
    } catch (e) {
      err = e;
    }
    expect((err as { code: string }).code).toBe('store.wrong-passphrase');
    expect((err as { localized: { zh: string; en: string } }).localized.zh).toContain('口令不正确');
    expect((err as { localized: { zh: string; en: string } }).localized.en).toContain('passphrase is wrong');
    expect(fingerprintFile(path)).toEqual(dbBefore);
    expect(fingerprintFile(keyFilePath(path))).toEqual(keyBefore);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('reports a missing store, and a store whose key file is missing, as not found', async () => {
    const dir = tempDir();
    await expectCode(openStore({ path: join(dir, 'nothing.pingshen'), passphrase: PASS }), 'store.not-found');
    const path = join(dir, 'only-db.pingshen');
    writeFileSync(path, 'x');
    await expectCode(openStore({ path, passphrase: PASS }), 'store.not-found');
  });

  it('reports a damaged key file, a file that is not a store, and an emptied store as corrupt', async () => {
    const { path, store } = await newStore();
    store.close();
    const keyText = readFileSync(keyFilePath(path), 'utf8');

    writeFileSync(keyFilePath(path), '{"format":"something else"}');
    await expectCode(openStore({ path, passphrase: PASS }), 'store.corrupt');
    writeFileSync(keyFilePath(path), keyText);

    const other = await newStore();
    other.store.close();
    writeFileSync(other.path, readFileSync(path).subarray(0, 4096).fill(7, 100));
    await expectCode(openStore({ path: other.path, passphrase: PASS }), 'store.corrupt');

    const dir = tempDir();
    const plain = join(dir, 'notes.pingshen');
    writeFileSync(plain, '这只是一个文本文件'.repeat(500));
    writeFileSync(keyFilePath(plain), keyText);
    await expectCode(openStore({ path: plain, passphrase: PASS }), 'store.corrupt');

    const empty = join(dir, 'empty.pingshen');
    writeFileSync(empty, '');
    writeFileSync(keyFilePath(empty), keyText);
    await expectCode(openStore({ path: empty, passphrase: PASS }), 'store.corrupt');
    expect(statSync(empty).size).toBe(0);
  });

  it('does not open a store with the key file of another store', async () => {
    const a = await newStore();
    const b = await newStore();
    a.store.close();
    b.store.close();
    writeFileSync(keyFilePath(a.path), readFileSync(keyFilePath(b.path)));
    const before = fingerprintFile(a.path);
    await expectCode(openStore({ path: a.path, passphrase: PASS }), 'store.corrupt');
    expect(fingerprintFile(a.path)).toEqual(before);
  });

  it('refuses a key file whose role or KDF cost was edited', async () => {
    const { path, store } = await newStore('expert');
    store.close();
    const original = readFileSync(keyFilePath(path), 'utf8');
    const kf = JSON.parse(original);
    writeFileSync(keyFilePath(path), JSON.stringify({ ...kf, role: 'secretariat' }));
    await expectCode(openStore({ path, passphrase: PASS }), 'store.wrong-passphrase');
    writeFileSync(keyFilePath(path), JSON.stringify({ ...kf, kdf: { ...kf.kdf, iterations: kf.kdf.iterations + 1 } }));
    await expectCode(openStore({ path, passphrase: PASS }), 'store.wrong-passphrase');
    writeFileSync(keyFilePath(path), original);
    (await openStore({ path, passphrase: PASS })).close();
  });
});

describe('confidentiality at rest', () => {
  it('keeps names and markers out of the store file and its WAL', async () => {
    const { path, store } = await newStore();
    const marker = 'PLAINTEXT-MARKER-7f3a9c';
    const name = '张伟红';
    store.db.pragma('wal_autocheckpoint = 0');
    for (let i = 0; i < 50; i++) setMeta(store.db, `k${i}`, `${marker} ${name} 无锡市第${i}精密机械有限公司`);
    const wal = readFileSync(`${path}-wal`);
    expect(wal.length).toBeGreaterThan(0);
    store.close();
    const files = [wal, readFileSync(path), readFileSync(keyFilePath(path))];
    for (const bytes of files) {
      expect(bytes.includes(Buffer.from(marker, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(name, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from('AGE-SECRET-KEY-1', 'utf8'))).toBe(false);
    }
  });
});

describe('durability', () => {
  it('keeps a committed write when the process is killed before any checkpoint or close', async () => {
    const { path, store } = await newStore();
    store.close();
    const marker = `durable-${Date.now()}`;
    const script = fileURLToPath(new URL('./fixtures/write-and-die.ts', import.meta.url));
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, path, PASS, marker], {
      env: process.env,
      encoding: 'utf8',
    });
    expect(child.stdout).toContain('written');
    expect(child.signal).toBe('SIGKILL');
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    const again = await openStore({ path, passphrase: PASS });
    expect(getMeta(again.db, 'durability-marker')).toBe(marker);
    again.close();
  });
});

describe('changing the passphrase', () => {
  it('re-wraps the key only: the old passphrase stops working, the new one opens the same data', async () => {
    const { path, store } = await newStore();
    setMeta(store.db, 'note', '保密');
    store.close();
    const dbBefore = fingerprintFile(path);
    const kdfBefore = readKeyFile(path).kdf;
    await changeStorePassphrase(path, PASS, '新的口令 new passphrase', TEST_KDF);
    expect(fingerprintFile(path)).toEqual(dbBefore);
    expect(readKeyFile(path).kdf.salt).not.toBe(kdfBefore.salt);
    await expectCode(openStore({ path, passphrase: PASS }), 'store.wrong-passphrase');
    const again = await openStore({ path, passphrase: '新的口令 new passphrase' });
    expect(getMeta(again.db, 'note')).toBe('保密');
    again.close();
  });

  it('refuses with the wrong old passphrase or a too-short new one, leaving the key file alone', async () => {
    const { path, store } = await newStore();
    store.close();
    const before = fingerprintFile(keyFilePath(path));
    await expectCode(changeStorePassphrase(path, 'not the passphrase', '另一个很长很长的新口令', TEST_KDF), 'store.wrong-passphrase');
    await expectCode(changeStorePassphrase(path, PASS, 'short', TEST_KDF), 'store.weak-passphrase');
    expect(fingerprintFile(keyFilePath(path))).toEqual(before);
  });

  it('works while the store is open in this process', async () => {
    const { path, store } = await newStore();
    await changeStorePassphrase(path, PASS, 'while-open passphrase', TEST_KDF);
    setMeta(store.db, 'after', 'yes');
    store.close();
    const again = await openStore({ path, passphrase: 'while-open passphrase' });
    expect(getMeta(again.db, 'after')).toBe('yes');
    again.close();
  });
});
