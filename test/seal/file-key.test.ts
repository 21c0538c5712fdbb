import { generateKeyPairSync } from 'node:crypto';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { seal } from '../../src-main/seal/envelope.js';
import { fileKeyOf, openWithFileKey } from '../../src-main/seal/file-key.js';

/**
 * A sealed file opened by its file key alone, as an archive's verifier does: without the
 * recipient's private key, yet still refusing any altered byte and any other signer.
 */

function signer() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x!;
  return { privateKeyPkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'), kid: x };
}

describe('opening a sealed file with its file key', () => {
  it('gives the signed payload, with the signed recipients, and nothing when a byte, the key or the signer differs', async () => {
    const identity = await generateX25519Identity();
    const recipient = await identityToRecipient(identity);
    const expert = signer();
    const bytes = await seal({ kind: 'result-bundle', payload: { sheets: ['评分表'] }, signer: expert, recipients: [recipient] });
    const fileKey = await fileKeyOf(bytes, identity);
    expect(fileKey).toHaveLength(16);

    expect(await openWithFileKey({ bytes, fileKey, kind: 'result-bundle', signPublic: expert.kid })).toEqual({ ok: true, payload: { sheets: ['评分表'] }, rcpt: [recipient] });
    const flipped = new Uint8Array(bytes);
    flipped[flipped.length - 5]! ^= 1;
    expect(await openWithFileKey({ bytes: flipped, fileKey, kind: 'result-bundle', signPublic: expert.kid })).toEqual({ ok: false, problem: 'unreadable' });
    const otherKey = new Uint8Array(fileKey);
    otherKey[0]! ^= 1;
    expect(await openWithFileKey({ bytes, fileKey: otherKey, kind: 'result-bundle', signPublic: expert.kid })).toEqual({ ok: false, problem: 'unreadable' });
    expect(await openWithFileKey({ bytes, fileKey, kind: 'result-bundle', signPublic: signer().kid })).toEqual({ ok: false, problem: 'other-signer' });
    expect(await openWithFileKey({ bytes, fileKey, kind: 'review-package', signPublic: expert.kid })).toEqual({ ok: false, problem: 'wrong-kind' });
  });

  it('cannot be had without one of the recipients’ identities', async () => {
    const bytes = await seal({ kind: 'result-bundle', payload: {}, signer: signer(), recipients: [await identityToRecipient(await generateX25519Identity())] });
    await expect(fileKeyOf(bytes, await generateX25519Identity())).rejects.toThrow();
  });
});
