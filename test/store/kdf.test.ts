import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectCode, tempDir } from './helpers.js';
import {
  DEFAULT_KDF_COST,
  deriveKey,
  FAST_KDF_COST,
  FAST_KDF_ENV,
  KdfParamsSchema,
  newKdfParams,
  strengthenedKdfParams,
} from '../../src-main/crypto/kdf.js';
import { keyFilePath, readKeyFile } from '../../src-main/store/keyfile.js';
import { changeStorePassphrase, createStore, openStore } from '../../src-main/store/open.js';

afterEach(() => {
  process.env[FAST_KDF_ENV] = '1';
});

describe('Argon2id key derivation', () => {
  it('is deterministic for the same passphrase and salt, and differs with either', async () => {
    const p = newKdfParams();
    const a = await deriveKey('口令 passphrase', p);
    expect(a).toHaveLength(32);
    expect(await deriveKey('口令 passphrase', p)).toEqual(a);
    expect(await deriveKey('口令 passphrase!', p)).not.toEqual(a);
    expect(await deriveKey('口令 passphrase', newKdfParams())).not.toEqual(a);
  });

  it('treats the composed and decomposed forms of an accented passphrase as the same passphrase', async () => {
    const p = newKdfParams();
    expect(await deriveKey('Caf\u00e9 au lait', p)).toEqual(await deriveKey('Cafe\u0301 au lait', p));
  });

  it('uses the calibrated cost unless the test switch is set, and the cheap cost only with it', () => {
    delete process.env[FAST_KDF_ENV];
    expect(newKdfParams()).toMatchObject(DEFAULT_KDF_COST);
    process.env[FAST_KDF_ENV] = '0';
    expect(newKdfParams()).toMatchObject(DEFAULT_KDF_COST);
    process.env[FAST_KDF_ENV] = '1';
    expect(newKdfParams()).toMatchObject(FAST_KDF_COST);
    expect(DEFAULT_KDF_COST.memoryKiB).toBeGreaterThanOrEqual(64 * 1024);
  });

  it('never weakens a store when re-wrapping, even with the test switch on', () => {
    process.env[FAST_KDF_ENV] = '1';
    const strong = { alg: 'argon2id' as const, ...DEFAULT_KDF_COST, salt: newKdfParams().salt };
    const next = strengthenedKdfParams(strong);
    expect(next).toMatchObject(DEFAULT_KDF_COST);
    expect(next.salt).not.toBe(strong.salt);
  });

  it('rejects parameters that are malformed or below what Argon2 allows', () => {
    const ok = newKdfParams();
    expect(KdfParamsSchema.safeParse(ok).success).toBe(true);
    expect(KdfParamsSchema.safeParse({ ...ok, alg: 'scrypt' }).success).toBe(false);
    expect(KdfParamsSchema.safeParse({ ...ok, salt: 'c2hvcnQ=' }).success).toBe(false);
    expect(KdfParamsSchema.safeParse({ ...ok, memoryKiB: 16, parallelism: 4 }).success).toBe(false);
    expect(KdfParamsSchema.safeParse({ ...ok, iterations: 0 }).success).toBe(false);
    expect(KdfParamsSchema.safeParse({ ...ok, extra: 1 }).success).toBe(false);
  });
});

describe('the key file', () => {
  it('records the cost it was created with, so a store made with the switch keeps it and one made without keeps the full cost', async () => {
    const dir = tempDir();
    const fast = join(dir, 'fast.pingshen');
    (await createStore({ path: fast, passphrase: 'passphrase one', role: 'expert' })).close();
    expect(readKeyFile(fast).kdf).toMatchObject(FAST_KDF_COST);

    delete process.env[FAST_KDF_ENV];
    const full = join(dir, 'full.pingshen');
    (await createStore({ path: full, passphrase: 'passphrase two', role: 'expert' })).close();
    expect(readKeyFile(full).kdf).toMatchObject(DEFAULT_KDF_COST);

    process.env[FAST_KDF_ENV] = '1';
    await changeStorePassphrase(full, 'passphrase two', 'passphrase three');
    expect(readKeyFile(full).kdf).toMatchObject(DEFAULT_KDF_COST);
    (await openStore({ path: full, passphrase: 'passphrase three' })).close();
  });

  it('holds no key material in the clear and is versioned', async () => {
    const path = join(tempDir(), 'k.pingshen');
    (await createStore({ path, passphrase: 'passphrase one', role: 'secretariat' })).close();
    const kf = JSON.parse(readFileSync(keyFilePath(path), 'utf8'));
    expect(kf).toMatchObject({ format: 'pingshen-store-key', version: 1, role: 'secretariat', wrap: { alg: 'A256GCM' } });
    expect(Buffer.from(kf.wrap.ciphertext, 'base64')).toHaveLength(32);
  });

  it('refuses a key file of an unknown version as corrupt', async () => {
    const path = join(tempDir(), 'k.pingshen');
    (await createStore({ path, passphrase: 'passphrase one', role: 'expert' })).close();
    const kf = JSON.parse(readFileSync(keyFilePath(path), 'utf8'));
    writeFileSync(keyFilePath(path), JSON.stringify({ ...kf, version: 2 }));
    await expectCode(openStore({ path, passphrase: 'passphrase one' }), 'store.corrupt');
  });
});
