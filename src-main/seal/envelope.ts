import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { Decrypter, Encrypter, identityToRecipient } from 'age-encryption';
import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import { z } from 'zod';
import { PingshenError } from '../domain/errors.js';
import { fingerprint } from '../crypto/identity.js';

/**
 * The one sealed format for review packages and result bundles: the JSON payload is signed as a
 * JWS (EdDSA, jose), then the JWS is encrypted with age to X25519 recipients. Both layers are
 * standard, so `age -d` and any JOSE library can open a file by hand.
 *
 * Signing first means only the recipients learn who signed. The signed header also names the
 * recipients, which closes the classic sign-then-encrypt gap: a recipient cannot decrypt a file
 * and re-encrypt it to someone else as if it had been sealed for them.
 */

export type SealedKind = 'review-package' | 'result-bundle' | 'return-notice';

const TYP_PREFIX = 'pingshen+';

/** printable ASCII, so a key id can be shown in a refusal message as it is */
const KidSchema = z.string().regex(/^[\x20-\x7e]{1,200}$/);

const HeaderSchema = z.object({
  alg: z.literal('EdDSA'),
  typ: z.string().startsWith(TYP_PREFIX),
  kid: KidSchema,
  rcpt: z.array(z.string()).min(1),
});

function refuse(code: string, zh: string, en: string): PingshenError {
  return new PingshenError(code, { zh, en });
}

const KIND_NAMES: Record<SealedKind, { zh: string; en: string }> = {
  'review-package': { zh: '评审包', en: 'review package' },
  'result-bundle': { zh: '结果包', en: 'result bundle' },
  'return-notice': { zh: '退回通知', en: 'return notice' },
};

export async function seal(input: {
  kind: SealedKind;
  payload: unknown;
  signer: { privateKeyPkcs8: string; kid: string };
  recipients: string[];
}): Promise<Uint8Array> {
  if (input.recipients.length === 0) throw new Error('seal needs at least one recipient');
  if (!KidSchema.safeParse(input.signer.kid).success) throw new Error('the key id must be 1–200 printable ASCII characters');
  const key = signingKey(input.signer.privateKeyPkcs8);
  const encrypter = new Encrypter();
  for (const r of input.recipients) encrypter.addRecipient(r);

  const json = JSON.stringify(input.payload);
  if (json === undefined) throw new Error('the payload is not JSON-serialisable');
  const jws = await new CompactSign(Buffer.from(json, 'utf8'))
    .setProtectedHeader({ alg: 'EdDSA', typ: TYP_PREFIX + input.kind, kid: input.signer.kid, rcpt: [...input.recipients] })
    .sign(key);
  return encrypter.encrypt(Buffer.from(jws, 'ascii'));
}

export interface Opened {
  payload: unknown;
  kid: string;
  /** SHA-256 (hex) of the sealed file as received: what a replay register should remember */
  sha256: string;
}

/**
 * Decrypts, then verifies, and only then parses. Every refusal has its own code; nothing of the
 * content is returned or acted upon unless the signature of a known signer holds.
 */
export async function openSealed(input: {
  bytes: Uint8Array;
  kind: SealedKind;
  identity: string;
  resolveSigner: (kid: string) => string | null;
}): Promise<Opened> {
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const expected = KIND_NAMES[input.kind];
  const jws = await decrypt(input.bytes, input.identity, expected);

  let header: z.infer<typeof HeaderSchema>;
  try {
    header = HeaderSchema.parse(decodeProtectedHeader(jws));
  } catch {
    throw unreadable(expected);
  }
  if (header.typ !== TYP_PREFIX + input.kind) {
    const names: Partial<Record<string, { zh: string; en: string }>> = KIND_NAMES;
    const found = names[header.typ.slice(TYP_PREFIX.length)] ?? { zh: '未知类型的文件', en: 'file of an unknown kind' };
    throw refuse(
      'seal.wrong-kind',
      `这是${found.zh}，不是${expected.zh}。请选择正确的文件。`,
      `This is a ${found.en}, not a ${expected.en}. Choose the right file.`,
    );
  }

  // people compare keys by the fingerprint `whoami` prints, never by the key itself
  const signer = fingerprint(header.kid);
  const signPublic = input.resolveSigner(header.kid);
  const signerKey = signPublic === null ? null : publicKeyFrom(signPublic);
  if (signerKey === null) {
    throw refuse(
      'seal.unknown-signer',
      `此${expected.zh}的签名者未登记（指纹 ${signer}），已拒收。只接受已登记专家或本届秘书处签名的文件。`,
      `This ${expected.en} is signed by someone not enrolled (fingerprint ${signer}) and was refused. Only files signed by enrolled experts or this edition's secretariat are accepted.`,
    );
  }

  let payloadBytes: Uint8Array;
  try {
    const verified = await compactVerify(jws, signerKey, { algorithms: ['EdDSA'] });
    payloadBytes = verified.payload;
  } catch {
    throw refuse(
      'seal.bad-signature',
      `此${expected.zh}的签名不成立：内容被改动过，或并非由指纹为 ${signer} 的密钥签名。已拒收，未导入任何内容。`,
      `The signature on this ${expected.en} does not hold: it was altered or not signed by the key with fingerprint ${signer}. It was refused and nothing was imported.`,
    );
  }

  const own = await identityToRecipient(input.identity);
  if (!header.rcpt.includes(own)) throw notForYou(expected);

  try {
    return { payload: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payloadBytes)), kid: header.kid, sha256 };
  } catch {
    throw unreadable(expected);
  }
}

export function signingKey(privateKeyPkcs8: string): KeyObject {
  const key = createPrivateKey({ key: Buffer.from(privateKeyPkcs8, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the signing key must be Ed25519');
  return key;
}

/** null when the resolved value is no Ed25519 public key: such a signer cannot be identified */
export function publicKeyFrom(signPublic: string): KeyObject | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(signPublic)) return null;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: signPublic }, format: 'jwk' });
  } catch {
    return null;
  }
}

async function decrypt(bytes: Uint8Array, identity: string, kind: { zh: string; en: string }): Promise<string> {
  const d = new Decrypter();
  d.addIdentity(identity);
  let plain: Uint8Array;
  try {
    plain = await d.decrypt(bytes);
  } catch (e) {
    if (e instanceof Error && /no identity matched/.test(e.message)) throw notForYou(kind);
    throw unreadable(kind);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw unreadable(kind);
  }
}

function unreadable(kind: { zh: string; en: string }): PingshenError {
  return refuse(
    'seal.unreadable',
    `无法读取此${kind.zh}：文件不完整、被截断或被改动过。已拒收；请让对方重新导出并发送原始文件。`,
    `This ${kind.en} cannot be read: the file is incomplete, truncated or altered. It was refused; ask the sender to export and send the original file again.`,
  );
}

function notForYou(kind: { zh: string; en: string }): PingshenError {
  return refuse(
    'seal.not-for-you',
    `此${kind.zh}不是加密给本存储的（或其文件头已损坏），无法打开。请确认您打开的是发给您的文件，以及对方登记的是本存储的注册码。`,
    `This ${kind.en} was not sealed for this store (or its header is damaged) and cannot be opened. Check that it is the file meant for you and that the sender enrolled this store's code.`,
  );
}
