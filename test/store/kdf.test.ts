import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectCode, tempDir, TEST_KDF } from './helpers.js';
import { DEFAULT_KDF_COST } from '../../src-main/domain/limits.js';
import { deriveKey, KdfParamsSchema, newKdfParams, strengthenedKdfParams } from '../../src-main/crypto/kdf.js';
import { keyFilePath, readKeyFile } from '../../src-main/store/keyfile.js';
import { changeStorePassphrase, createStore, openStore } from '../../src-main/store/open.js';

describe('Argon2id key derivation', () => {
  it('is deterministic for the same passphrase and salt, and differs with either', async () => {
    const p = newKdfParams(TEST_KDF);
    const a = await deriveKey('口令 passphrase', p);
    expect(a).toHaveLength(32);
    expect(await deriveKey('口令 passphrase', p)).toEqual(a);
    expect(await deriveKey('口令 passphrase!', p)).not.toEqual(a);
    expect(await deriveKey('口令 passphrase', newKdfParams(TEST_KDF))).not.toEqual(a);
  });

  it('treats the composed and decomposed forms of an accented passphrase as the same passphrase', async () => {
    const p = newKdfParams(TEST_KDF);
    expect(await deriveKey('Caf\u00e9 au lait', p)).toEqual(await deriveKey('Cafe\u0301 au lait', p));
  });

  it('uses the calibrated cost unless the caller asks for another, whatever the environment says', () => {
    process.env.PINGSHEN_TEST_FAST_KDF = '1';
    try {
      expect(newKdfParams()).toMatchObject(DEFAULT_KDF_COST);
    } finally {
      delete process.env.PINGSHEN_TEST_FAST_KDF;
    }
    expect(newKdfParams(TEST_KDF)).toMatchObject(TEST_KDF);
    expect(DEFAULT_KDF_COST.memoryKiB).toBeGreaterThanOrEqual(64 * 1024);
  });

  it('never weakens a store when re-wrapping, even when asked for a cheaper cost', () => {
    const strong = { alg: 'argon2id' as const, ...DEFAULT_KDF_COST, salt: newKdfParams(TEST_KDF).salt };
    const next = strengthenedKdfParams(strong, TEST_KDF);
    expect(next).toMatchObject(DEFAULT_KDF_COST);
    expect(next.salt).not.toBe(strong.salt);
  });

  it('rejects parameters that are malformed or below what Argon2 allows', () => {
    const ok = newKdfParams(TEST_KDF);
    expect(KdfParamsSchema.safeParse(ok).success).toBe(true);
    expect(KdfParamsSchema.safeParse({ ...ok, alg: 'scrypt' }).success).toBe(false);
    expect(KdfParamsSchema.safeParse({ ...ok, salt: 'c2hvcnQ=' }).success).toBe(false);
    expect(KdfParamsSchema.safeParse({ ...ok, memoryKiB: 16, parallelism: 4 }).success).toBe(false);
    expect(KdfParamsSchema.safeParse({ ...ok, iterations: 0 }).success).toBe(false);
    expect(KdfParamsSchema.safeParse({ ...ok, extra: 1 }).success).toBe(false);
  });
});

describe('the key file', () => {
  it('records the cost it was created with, so a cheap store keeps it and a default one keeps the full cost', async () => {
    const dir = tempDir();
    const fast = join(dir, 'fast.pingshen');
    (await createStore({ path: fast, passphrase: 'passphrase one', role: 'expert', kdf: TEST_KDF })).close();
    expect(readKeyFile(fast).kdf).toMatchObject(TEST_KDF);

    const full = join(dir, 'full.pingshen');
    (await createStore({ path: full, passphrase: 'passphrase two', role: 'expert' })).close();
    expect(readKeyFile(full).kdf).toMatchObject(DEFAULT_KDF_COST);

    await changeStorePassphrase(full, 'passphrase two', 'passphrase three', TEST_KDF);
    expect(readKeyFile(full).kdf).toMatchObject(DEFAULT_KDF_COST);
    (await openStore({ path: full, passphrase: 'passphrase three' })).close();
  });

  it('holds no key material in the clear and is versioned', async () => {
    const path = join(tempDir(), 'k.pingshen');
    (await createStore({ path, passphrase: 'passphrase one', role: 'secretariat', kdf: TEST_KDF })).close();
    const kf = JSON.parse(readFileSync(keyFilePath(path), 'utf8'));
    expect(kf).toMatchObject({ format: 'pingshen-store-key', version: 1, role: 'secretariat', wrap: { alg: 'A256GCM' } });
    expect(Buffer.from(kf.wrap.ciphertext, 'base64')).toHaveLength(32);
  });

  it('refuses a key file of an unknown version as corrupt', async () => {
    const path = join(tempDir(), 'k.pingshen');
    (await createStore({ path, passphrase: 'passphrase one', role: 'expert', kdf: TEST_KDF })).close();
    const kf = JSON.parse(readFileSync(keyFilePath(path), 'utf8'));
    writeFileSync(keyFilePath(path), JSON.stringify({ ...kf, version: 2 }));
    await expectCode(openStore({ path, passphrase: 'passphrase one' }), 'store.corrupt');
  });
});
