import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectCode, fingerprintFile, tempDir, TEST_KDF } from './helpers.js';
import { listAudit, verifyAuditChain } from '../../src-main/audit/chain.js';
import { newKdfParams } from '../../src-main/crypto/kdf.js';
import { newRecoveryCode, parseRecoveryCode } from '../../src-main/crypto/recovery-code.js';
import { createKeyFile, keyFilePath } from '../../src-main/store/keyfile.js';
import { migrate } from '../../src-main/store/migrate.js';
import { changeStorePassphrase, createStore, hasRecoveryCode, openStore, renewRecoveryCode, resetStorePassphrase } from '../../src-main/store/open.js';
import { openCipherDatabase } from '../../src-main/store/sqlcipher.js';

/**
 * The recovery code: shown once at creation, a second wrap of the data key, and the way to set
 * a new passphrase when the old one is forgotten. A wrong code, like a wrong passphrase, changes
 * no byte of the store or its key file.
 */

const PASS = '建库时的口令 first passphrase';
const NEW = '重设后的口令 second passphrase';

async function newStore(): Promise<{ path: string; code: string }> {
  const path = join(tempDir(), 'expert.pingshen');
  const store = await createStore({ path, passphrase: PASS, role: 'expert', kdf: TEST_KDF });
  store.db.prepare("INSERT INTO meta (key, value) VALUES ('note', '第一天的评分')").run();
  store.close();
  return { path, code: store.recoveryCode };
}

function note(path: string, passphrase: string): Promise<unknown> {
  return openStore({ path, passphrase }).then((s) => {
    const value = s.db.prepare("SELECT value FROM meta WHERE key = 'note'").pluck().get();
    s.close();
    return value;
  });
}

function files(path: string) {
  return { store: fingerprintFile(path), key: fingerprintFile(keyFilePath(path)) };
}

describe('the recovery code', () => {
  it('is 32 symbols in 8 groups of 4 from an alphabet without I, L, O or U, and differs every time', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(newRecoveryCode()).not.toBe(code);
  });

  it('is read back however it was typed, and a misread symbol is caught by its check', () => {
    const code = newRecoveryCode();
    const sloppy = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(parseRecoveryCode(sloppy)).toBe(code);
    const first = code[0]!;
    const misread = (first === '2' ? '3' : '2') + code.slice(1);
    expect(() => parseRecoveryCode(misread)).toThrow(expect.objectContaining({ code: 'recovery-code.invalid' }));
    expect(() => parseRecoveryCode(code.slice(0, -5))).toThrow(expect.objectContaining({ code: 'recovery-code.invalid' }));
  });

  it('catches every single misread symbol, wherever it is and whatever it was read as', () => {
    const code = newRecoveryCode();
    const compact = code.replace(/-/g, '');
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let i = 0; i < compact.length; i++) {
      for (const c of alphabet) {
        if (c === compact[i]) continue;
        const misread = compact.slice(0, i) + c + compact.slice(i + 1);
        expect(() => parseRecoveryCode(misread), `symbol ${i + 1} read as ${c}`).toThrow(expect.objectContaining({ code: 'recovery-code.invalid' }));
      }
    }
  });

  it('comes with a new store and is kept nowhere in the clear, nor is the passphrase', async () => {
    const { path, code } = await newStore();
    const keyText = readFileSync(keyFilePath(path), 'utf8');
    for (const secret of [code, code.replace(/-/g, ''), PASS]) {
      expect(keyText).not.toContain(secret);
      expect(readFileSync(path).includes(Buffer.from(secret, 'utf8'))).toBe(false);
    }
    expect(hasRecoveryCode(path)).toBe(true);
  });

  it('resets a forgotten passphrase: the new one opens the same data, the old one no longer does, the code still works', async () => {
    const { path, code } = await newStore();
    await resetStorePassphrase(path, code, NEW, TEST_KDF);
    expect(await note(path, NEW)).toBe('第一天的评分');
    await expectCode(openStore({ path, passphrase: PASS }), 'store.wrong-passphrase');
    await resetStorePassphrase(path, code, PASS, TEST_KDF);
    expect(await note(path, PASS)).toBe('第一天的评分');

    const store = await openStore({ path, passphrase: PASS });
    expect(listAudit(store.db, 5).map((e) => e.action)).toEqual(['store.passphrase-reset', 'store.passphrase-reset', 'store.created']);
    expect(verifyAuditChain(store.db)).toMatchObject({ ok: true, length: 3 });
    store.close();
  });

  it('refuses the code of another store, and leaves the store and its key file unchanged', async () => {
    const { path } = await newStore();
    const other = await newStore();
    const before = files(path);
    await expectCode(resetStorePassphrase(path, other.code, NEW, TEST_KDF), 'store.wrong-recovery-code');
    expect(files(path)).toEqual(before);
    expect(await note(path, PASS)).toBe('第一天的评分');
  });

  it('refuses a new passphrase that is too short before touching anything', async () => {
    const { path, code } = await newStore();
    const before = files(path);
    await expectCode(resetStorePassphrase(path, code, 'short', TEST_KDF), 'store.weak-passphrase');
    expect(files(path)).toEqual(before);
  });

  it('keeps working across a passphrase change', async () => {
    const { path, code } = await newStore();
    await changeStorePassphrase(path, PASS, NEW, TEST_KDF);
    await resetStorePassphrase(path, code, PASS, TEST_KDF);
    expect(await note(path, PASS)).toBe('第一天的评分');
  });

  it('stops working once renewed; the new code resets the passphrase', async () => {
    const { path, code } = await newStore();
    const renewed = await renewRecoveryCode(path, PASS, TEST_KDF);
    expect(renewed).not.toBe(code);
    await expectCode(resetStorePassphrase(path, code, NEW, TEST_KDF), 'store.wrong-recovery-code');
    await resetStorePassphrase(path, renewed, NEW, TEST_KDF);
    expect(await note(path, NEW)).toBe('第一天的评分');
  });

  it('cannot be weakened by editing its key-derivation cost in the key file', async () => {
    const { path, code } = await newStore();
    const file = keyFilePath(path);
    const kf = JSON.parse(readFileSync(file, 'utf8')) as { recovery: { kdf: { iterations: number } } };
    kf.recovery.kdf.iterations += 1;
    writeFileSync(file, JSON.stringify(kf));
    await expectCode(resetStorePassphrase(path, code, NEW, TEST_KDF), 'store.wrong-recovery-code');
    expect(await note(path, PASS)).toBe('第一天的评分');
  });

  it('is absent from a store made before recovery codes, which gets its first one from its passphrase', async () => {
    const path = join(tempDir(), 'old.pingshen');
    const dataKey = randomBytes(32);
    await createKeyFile(path, { dataKey, passphrase: PASS, role: 'expert', kdf: newKdfParams(TEST_KDF), createdAt: new Date().toISOString() });
    const db = openCipherDatabase(path, dataKey, { create: true });
    migrate(db);
    db.prepare("INSERT INTO meta (key, value) VALUES ('role', 'expert')").run();
    db.close();
    expect(hasRecoveryCode(path)).toBe(false);
    await expectCode(resetStorePassphrase(path, newRecoveryCode(), NEW, TEST_KDF), 'store.no-recovery-code');
    const code = await renewRecoveryCode(path, PASS, TEST_KDF);
    expect(hasRecoveryCode(path)).toBe(true);
    const opened = await openStore({ path, passphrase: PASS });
    opened.close();
    expect(code).toMatch(/^[0-9A-Z-]{39}$/);
  });
});
