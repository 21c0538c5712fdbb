import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { bech32 } from '@scure/base';
import { z } from 'zod';
import { PingshenError } from '../domain/errors.js';

/**
 * A store's key pair: Ed25519 to sign (node:crypto, which Electron's BoringSSL also has) and an
 * age X25519 identity to receive sealed files. Only the public halves ever leave the store, as
 * an enrollment code; people compare the fingerprint by phone or in person.
 */
export interface Identity {
  /** Ed25519 private key, PKCS#8 DER, base64 */
  signPrivate: string;
  /** Ed25519 public key, raw 32 bytes, base64url */
  signPublic: string;
  /** age secret key, 'AGE-SECRET-KEY-1…' */
  boxIdentity: string;
  /** age recipient, 'age1…' */
  boxRecipient: string;
  fingerprint: string;
  createdAt: string;
}

export async function generateIdentity(): Promise<Identity> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signPrivate = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  const jwk = publicKey.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('Ed25519 public key export has no x');
  // age (with its post-quantum code) loads when a key is made, not with every store opening
  const { generateX25519Identity, identityToRecipient } = await import('age-encryption');
  const boxIdentity = await generateX25519Identity();
  const boxRecipient = await identityToRecipient(boxIdentity);
  return {
    signPrivate,
    signPublic: jwk.x,
    boxIdentity,
    boxRecipient,
    fingerprint: fingerprint(jwk.x),
    createdAt: new Date().toISOString(),
  };
}

/** SHA-256 of the raw public signing key, first 16 bytes as 8 groups of 4 hex digits. */
export function fingerprint(signPublic: string): string {
  const digest = createHash('sha256').update(Buffer.from(signPublic, 'base64url')).digest('hex').toUpperCase();
  return (digest.slice(0, 32).match(/.{4}/g) ?? []).join(' ');
}

const ENROLLMENT_PREFIX = 'PINGSHEN-KEY-1:';

const SignPublicSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/)
  .refine(isEd25519PublicKey, 'not an Ed25519 public key');

const BoxRecipientSchema = z
  .string()
  .regex(/^age1[02-9ac-hj-np-z]{58}$/)
  .refine(isAgeRecipient, 'not an age X25519 recipient');

const EnrollmentSchema = z.object({ v: z.literal(1), signPublic: SignPublicSchema, boxRecipient: BoxRecipientSchema }).strict();

function isEd25519PublicKey(x: string): boolean {
  try {
    createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
    return Buffer.from(x, 'base64url').length === 32;
  } catch {
    return false;
  }
}

/** The check age makes of an X25519 recipient (bech32 with its checksum, prefix age, 32 bytes), without loading age. */
function isAgeRecipient(r: string): boolean {
  try {
    const { prefix, bytes } = bech32.decodeToBytes(r);
    return prefix === 'age' && bytes.length === 32;
  } catch {
    return false;
  }
}

/** The public half of an identity as one line of text, safe to paste into an e-mail or chat. */
export function enrollmentCode(input: { signPublic: string; boxRecipient: string }): string {
  const body = EnrollmentSchema.parse({ v: 1, signPublic: input.signPublic, boxRecipient: input.boxRecipient });
  return ENROLLMENT_PREFIX + Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

export interface EnrollmentKeys {
  signPublic: string;
  boxRecipient: string;
  fingerprint: string;
}

/**
 * Whitespace anywhere is ignored because mail clients wrap long lines; everything else must be
 * exactly what `enrollmentCode` produces.
 */
export function parseEnrollmentCode(text: string): EnrollmentKeys {
  const compact = typeof text === 'string' ? text.replace(/\s+/g, '') : '';
  const body = compact.startsWith(ENROLLMENT_PREFIX) ? compact.slice(ENROLLMENT_PREFIX.length) : null;
  let json: unknown;
  if (body !== null && /^[A-Za-z0-9_-]+$/.test(body)) {
    try {
      json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      json = undefined;
    }
  }
  const parsed = EnrollmentSchema.safeParse(json);
  if (!parsed.success) {
    throw new PingshenError('enrollment.invalid', {
      zh: `这不是有效的专家注册码（应以 ${ENROLLMENT_PREFIX} 开头，完整复制一整行）。请让专家在其 Pingshen 中重新复制注册码后再试。`,
      en: `This is not a valid expert enrollment code (it starts with ${ENROLLMENT_PREFIX} and must be copied whole). Ask the expert to copy the code from their Pingshen again.`,
    });
  }
  const { signPublic, boxRecipient } = parsed.data;
  return { signPublic, boxRecipient, fingerprint: fingerprint(signPublic) };
}

interface IdentityRow {
  sign_private: string;
  sign_public: string;
  box_identity: string;
  box_recipient: string;
  fingerprint: string;
  created_at: string;
}

export function loadIdentity(db: Database.Database): Identity {
  const row = db
    .prepare('SELECT sign_private, sign_public, box_identity, box_recipient, fingerprint, created_at FROM identity WHERE id = 1')
    .get() as IdentityRow | undefined;
  if (!row) {
    throw new PingshenError('store.corrupt', {
      zh: '存储中没有密钥对，无法签名或解密。此存储不完整，请新建存储。',
      en: 'The store holds no key pair, so it can neither sign nor decrypt. The store is incomplete; create a new one.',
    });
  }
  return {
    signPrivate: row.sign_private,
    signPublic: row.sign_public,
    boxIdentity: row.box_identity,
    boxRecipient: row.box_recipient,
    fingerprint: row.fingerprint,
    createdAt: row.created_at,
  };
}

/** Write-once: a store keeps its identity for life (the table's triggers refuse a replacement). */
export function saveIdentity(db: Database.Database, identity: Identity): void {
  const exists = db.prepare('SELECT 1 FROM identity WHERE id = 1').get();
  if (exists) {
    throw new PingshenError('identity.exists', {
      zh: '此存储已有密钥对，不能替换。如需新的密钥对，请新建存储。',
      en: 'This store already has a key pair and it cannot be replaced. Create a new store for a new key pair.',
    });
  }
  db.prepare(
    `INSERT INTO identity (id, sign_private, sign_public, box_identity, box_recipient, fingerprint, created_at)
     VALUES (1, ?, ?, ?, ?, ?, ?)`,
  ).run(
    identity.signPrivate,
    identity.signPublic,
    identity.boxIdentity,
    identity.boxRecipient,
    identity.fingerprint,
    identity.createdAt,
  );
}
