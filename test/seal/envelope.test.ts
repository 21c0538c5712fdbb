import { createHash, createPrivateKey, randomBytes } from 'node:crypto';
import { Decrypter, Encrypter } from 'age-encryption';
import { CompactSign } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity, type Identity } from '../../src-main/crypto/identity.js';
import { openSealed, seal, type SealedKind } from '../../src-main/seal/envelope.js';

let secretariat: Identity;
let expertA: Identity;
let expertB: Identity;

beforeAll(async () => {
  [secretariat, expertA, expertB] = await Promise.all([generateIdentity(), generateIdentity(), generateIdentity()]);
});

const sample = {
  bundleId: 'b-0001',
  sequence: 1,
  sheets: [{ applicant: '无锡市惠山精密机械有限公司', expert: '张伟红', items: [{ code: '4.1.2', percent: 55, strengths: '高层领导作用突出' }] }],
};

function signerOf(id: Identity) {
  return { privateKeyPkcs8: id.signPrivate, kid: id.fingerprint };
}

/** the secretariat's register of enrolled experts, by kid */
function enrolled(...ids: Identity[]) {
  return (kid: string) => ids.find((i) => i.fingerprint === kid)?.signPublic ?? null;
}

function bundleFromA(payload: unknown = sample) {
  return seal({ kind: 'result-bundle', payload, signer: signerOf(expertA), recipients: [secretariat.boxRecipient] });
}

function openAsSecretariat(bytes: Uint8Array, kind: SealedKind = 'result-bundle') {
  return openSealed({ bytes, kind, identity: secretariat.boxIdentity, resolveSigner: enrolled(expertA, expertB) });
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code ?? `not a PingshenError: ${String(e)}`;
  }
  return 'accepted';
}

describe('sealing and opening', () => {
  it('round-trips the payload with the signer and the hash of the sealed bytes', async () => {
    const bytes = await bundleFromA();
    const opened = await openAsSecretariat(bytes);
    expect(opened.payload).toEqual(sample);
    expect(opened.kid).toBe(expertA.fingerprint);
    expect(opened.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('produces a standard age file whose content is a JWS signed with EdDSA', async () => {
    const bytes = await bundleFromA();
    expect(Buffer.from(bytes.subarray(0, 22)).toString()).toBe('age-encryption.org/v1\n');
    const d = new Decrypter();
    d.addIdentity(secretariat.boxIdentity);
    const jws = await d.decrypt(bytes, 'text');
    const header = JSON.parse(Buffer.from(jws.split('.')[0] ?? '', 'base64url').toString());
    expect(header).toMatchObject({ alg: 'EdDSA', typ: 'pingshen+result-bundle', kid: expertA.fingerprint });
  });

  it('shows nothing of the payload in the sealed bytes', async () => {
    const bytes = Buffer.from(await bundleFromA());
    for (const clear of ['无锡市惠山精密机械有限公司', '张伟红', '高层领导作用突出', '4.1.2', 'bundleId', expertA.fingerprint]) {
      expect(bytes.includes(Buffer.from(clear)), clear).toBe(false);
      expect(bytes.includes(Buffer.from(Buffer.from(clear).toString('base64url'))), clear).toBe(false);
    }
  });

  it('opens for every listed recipient', async () => {
    const bytes = await seal({
      kind: 'review-package',
      payload: sample,
      signer: signerOf(secretariat),
      recipients: [expertA.boxRecipient, expertB.boxRecipient],
    });
    for (const id of [expertA, expertB]) {
      const opened = await openSealed({ bytes, kind: 'review-package', identity: id.boxIdentity, resolveSigner: enrolled(secretariat) });
      expect(opened.payload).toEqual(sample);
    }
  });

  it('carries a package of ~20 MB of materials', async () => {
    const pdf = randomBytes(15 * 1024 * 1024);
    const payload = { materials: [{ fileName: '申报材料.pdf', data: pdf.toString('base64') }] };
    const bytes = await seal({ kind: 'review-package', payload, signer: signerOf(secretariat), recipients: [expertA.boxRecipient] });
    expect(bytes.length).toBeGreaterThan(20 * 1024 * 1024);
    const opened = await openSealed({ bytes, kind: 'review-package', identity: expertA.boxIdentity, resolveSigner: enrolled(secretariat) });
    const back = (opened.payload as typeof payload).materials[0];
    expect(back?.fileName).toBe('申报材料.pdf');
    expect(Buffer.from(back?.data ?? '', 'base64').equals(pdf)).toBe(true);

    const positions = [0, 30, 100, 200, 5_000, 70_000, 1_000_000, bytes.length >> 1, bytes.length - 70_000, bytes.length - 17, bytes.length - 1];
    for (const pos of positions) {
      const altered = Uint8Array.from(bytes);
      altered[pos] = (altered[pos] ?? 0) ^ 0x01;
      const code = await refusal(openSealed({ bytes: altered, kind: 'review-package', identity: expertA.boxIdentity, resolveSigner: enrolled(secretariat) }));
      expect(['seal.unreadable', 'seal.not-for-you'], `byte ${pos}`).toContain(code);
    }
    for (const len of [bytes.length - 1, bytes.length - 65_552, 1_000_000]) {
      const code = await refusal(
        openSealed({ bytes: bytes.subarray(0, len), kind: 'review-package', identity: expertA.boxIdentity, resolveSigner: enrolled(secretariat) }),
      );
      expect(code, `truncated to ${len}`).toBe('seal.unreadable');
    }
  }, 120_000);
});

describe('refusing what must not be opened', () => {
  it('refuses a file with any single byte altered', async () => {
    const bytes = await bundleFromA();
    const codes = new Set<string>();
    for (let i = 0; i < bytes.length; i++) {
      const altered = Uint8Array.from(bytes);
      altered[i] = (altered[i] ?? 0) ^ 0xff;
      const code = await refusal(openAsSecretariat(altered));
      expect(['seal.unreadable', 'seal.not-for-you'], `byte ${i} of ${bytes.length}`).toContain(code);
      codes.add(code);
    }
    expect(codes.has('seal.unreadable')).toBe(true);
  }, 120_000);

  it('refuses a file truncated at any of several lengths, and an empty one', async () => {
    const bytes = await bundleFromA();
    const headerEnd = Buffer.from(bytes).indexOf('\n---') + 48;
    for (const len of [0, 1, 21, 60, headerEnd - 1, headerEnd, headerEnd + 16, bytes.length - 17, bytes.length - 16, bytes.length - 1]) {
      expect(await refusal(openAsSecretariat(bytes.subarray(0, len))), `length ${len}`).toMatch(/^seal\.(unreadable|not-for-you)$/);
    }
    expect(await refusal(openAsSecretariat(bytes.subarray(0, bytes.length - 1)))).toBe('seal.unreadable');
  });

  it('refuses a file sealed for someone else', async () => {
    const bytes = await seal({ kind: 'result-bundle', payload: sample, signer: signerOf(expertA), recipients: [expertB.boxRecipient] });
    expect(await refusal(openAsSecretariat(bytes))).toBe('seal.not-for-you');
  });

  it('refuses a package that its expert decrypted and re-encrypted to another expert', async () => {
    const forA = await seal({ kind: 'review-package', payload: sample, signer: signerOf(secretariat), recipients: [expertA.boxRecipient] });
    const d = new Decrypter();
    d.addIdentity(expertA.boxIdentity);
    const jws = await d.decrypt(forA);
    const e = new Encrypter();
    e.addRecipient(expertB.boxRecipient);
    const forwarded = await e.encrypt(jws);
    const code = await refusal(
      openSealed({ bytes: forwarded, kind: 'review-package', identity: expertB.boxIdentity, resolveSigner: enrolled(secretariat) }),
    );
    expect(code).toBe('seal.not-for-you');
  });

  it('refuses a bundle signed by another key than the one its kid names', async () => {
    const forged = await seal({
      kind: 'result-bundle',
      payload: sample,
      signer: { privateKeyPkcs8: expertB.signPrivate, kid: expertA.fingerprint },
      recipients: [secretariat.boxRecipient],
    });
    expect(await refusal(openAsSecretariat(forged))).toBe('seal.bad-signature');
  });

  it('refuses a bundle from a signer who is not enrolled', async () => {
    const stranger = await generateIdentity();
    const bytes = await seal({ kind: 'result-bundle', payload: sample, signer: signerOf(stranger), recipients: [secretariat.boxRecipient] });
    expect(await refusal(openAsSecretariat(bytes))).toBe('seal.unknown-signer');
  });

  it('treats a signer resolved to something that is no Ed25519 key as unknown', async () => {
    const bytes = await bundleFromA();
    for (const bogus of ['', 'not a key', expertA.boxRecipient, `${expertA.signPublic}A`]) {
      const code = await refusal(openSealed({ bytes, kind: 'result-bundle', identity: secretariat.boxIdentity, resolveSigner: () => bogus }));
      expect(code, bogus).toBe('seal.unknown-signer');
    }
  });

  it('refuses a package offered as a bundle, and the other way round', async () => {
    const pkg = await seal({ kind: 'review-package', payload: sample, signer: signerOf(expertA), recipients: [secretariat.boxRecipient] });
    expect(await refusal(openAsSecretariat(pkg, 'result-bundle'))).toBe('seal.wrong-kind');
    expect(await refusal(openAsSecretariat(await bundleFromA(), 'review-package'))).toBe('seal.wrong-kind');
  });

  it('refuses age files whose content is not a signed Pingshen envelope', async () => {
    const key = createPrivateKey({ key: Buffer.from(expertA.signPrivate, 'base64'), format: 'der', type: 'pkcs8' });
    const noRcpt = await new CompactSign(Buffer.from(JSON.stringify(sample)))
      .setProtectedHeader({ alg: 'EdDSA', typ: 'pingshen+result-bundle', kid: expertA.fingerprint })
      .sign(key);
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'pingshen+result-bundle', kid: expertA.fingerprint, rcpt: [secretariat.boxRecipient] })).toString('base64url')}.${Buffer.from(JSON.stringify(sample)).toString('base64url')}.`;
    for (const content of ['{"sheets":[]}', noRcpt, unsigned, new Uint8Array([0xff, 0xfe, 0x00])]) {
      const e = new Encrypter();
      e.addRecipient(secretariat.boxRecipient);
      const bytes = await e.encrypt(content);
      expect(await refusal(openAsSecretariat(bytes))).toBe('seal.unreadable');
    }
  });

  it('refuses to seal to a malformed recipient', async () => {
    await expect(
      seal({ kind: 'result-bundle', payload: sample, signer: signerOf(expertA), recipients: ['age1notarecipient'] }),
    ).rejects.toThrow();
  });
});
