import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { join } from 'node:path';
import { identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { expectCode, tempDir, TEST_KDF } from '../store/helpers.js';
import {
  enrollmentCode,
  fingerprint,
  generateIdentity,
  loadIdentity,
  parseEnrollmentCode,
  saveIdentity,
} from '../../src-main/crypto/identity.js';
import { createStore } from '../../src-main/store/open.js';

describe('identity', () => {
  it('holds a working Ed25519 pair and a matching age identity', async () => {
    const id = await generateIdentity();
    const priv = createPrivateKey({ key: Buffer.from(id.signPrivate, 'base64'), format: 'der', type: 'pkcs8' });
    const pub = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: id.signPublic }, format: 'jwk' });
    const msg = Buffer.from('评分表');
    expect(verify(null, msg, pub, sign(null, msg, priv))).toBe(true);
    expect(Buffer.from(id.signPublic, 'base64url')).toHaveLength(32);
    expect(id.boxIdentity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+$/);
    expect(await identityToRecipient(id.boxIdentity)).toBe(id.boxRecipient);
  });

  it('shows the fingerprint as 8 groups of 4 hex digits from SHA-256 of the public key', async () => {
    const id = await generateIdentity();
    const hex = createHash('sha256').update(Buffer.from(id.signPublic, 'base64url')).digest('hex').toUpperCase();
    expect(id.fingerprint).toBe(fingerprint(id.signPublic));
    expect(id.fingerprint.replaceAll(' ', '')).toBe(hex.slice(0, 32));
    expect(id.fingerprint.split(' ')).toHaveLength(8);
    expect(fingerprint((await generateIdentity()).signPublic)).not.toBe(id.fingerprint);
  });

  it('is stored once per store and read back identical; a second one is refused', async () => {
    const store = await createStore({ path: join(tempDir(), 'i.pingshen'), passphrase: 'identity passphrase', role: 'expert', kdf: TEST_KDF });
    const id = loadIdentity(store.db);
    expect(id.boxRecipient).toBe(await identityToRecipient(id.boxIdentity));
    await expectCode(async () => saveIdentity(store.db, await generateIdentity()), 'identity.exists');
    expect(() => store.db.prepare("UPDATE identity SET box_identity = 'x'").run()).toThrow(/write-once/);
    expect(loadIdentity(store.db)).toEqual(id);
    store.close();
  });
});

describe('enrollment codes', () => {
  it('carry exactly the public keys, on one line, and parse back with the fingerprint', async () => {
    const id = await generateIdentity();
    const code = enrollmentCode(id);
    expect(code).toMatch(/^PINGSHEN-KEY-1:[A-Za-z0-9_-]+$/);
    expect(code).not.toContain(id.boxIdentity.slice(16));
    expect(Buffer.from(code.split(':')[1] ?? '', 'base64url').toString()).not.toContain(id.signPrivate);
    expect(parseEnrollmentCode(code)).toEqual({ signPublic: id.signPublic, boxRecipient: id.boxRecipient, fingerprint: id.fingerprint });
  });

  it('survive line wrapping and surrounding spaces from an e-mail', async () => {
    const id = await generateIdentity();
    const code = enrollmentCode(id);
    const wrapped = `  ${code.slice(0, 40)}\r\n${code.slice(40, 90)}\n  ${code.slice(90)}\n`;
    expect(parseEnrollmentCode(wrapped).fingerprint).toBe(id.fingerprint);
  });

  it('refuse anything that is not exactly a code', async () => {
    const id = await generateIdentity();
    const code = enrollmentCode(id);
    const body = (o: unknown) => `PINGSHEN-KEY-1:${Buffer.from(JSON.stringify(o)).toString('base64url')}`;
    const bad = [
      '',
      'hello',
      code.replace('PINGSHEN-KEY-1:', 'PINGSHEN-KEY-2:'),
      code.slice(0, -5),
      `${code}!`,
      body({ v: 1, signPublic: id.signPublic }),
      body({ v: 2, signPublic: id.signPublic, boxRecipient: id.boxRecipient }),
      body({ v: 1, signPublic: id.signPublic, boxRecipient: id.boxRecipient, name: '张伟' }),
      body({ v: 1, signPublic: id.signPublic.slice(0, -1), boxRecipient: id.boxRecipient }),
      body({ v: 1, signPublic: id.signPublic, boxRecipient: `${id.boxRecipient.slice(0, -1)}${id.boxRecipient.endsWith('q') ? 'p' : 'q'}` }),
      body({ v: 1, signPublic: id.signPublic, boxRecipient: id.boxIdentity }),
    ];
    for (const text of bad) expect(() => parseEnrollmentCode(text), text).toThrow(expect.objectContaining({ code: 'enrollment.invalid' }));
  });
});
