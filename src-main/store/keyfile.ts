import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Role } from '../domain/words.js';
import { PingshenError } from '../domain/errors.js';
import { deriveKey, KdfParamsSchema, type KdfParams } from '../crypto/kdf.js';
import { writeFileAtomic } from './atomic-write.js';

/**
 * The store's sidecar `<store>.key`: the random data key that encrypts the database, wrapped with
 * AES-256-GCM under a key derived from the passphrase, and wrapped a second time under a key
 * derived from the recovery code (stores made before recovery codes have only the first). A
 * passphrase change or reset rewrites only this file. Everything in the file except the wraps is
 * bound to them as associated data, so editing the role or weakening the KDF parameters makes the
 * file unusable instead of silently effective.
 */

const FORMAT = 'pingshen-store-key';
const VERSION = 1;

const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

const WrapSchema = z
  .object({
    alg: z.literal('A256GCM'),
    iv: b64.refine((s) => Buffer.from(s, 'base64').length === 12),
    tag: b64.refine((s) => Buffer.from(s, 'base64').length === 16),
    ciphertext: b64.refine((s) => Buffer.from(s, 'base64').length === 32),
  })
  .strict();
type Wrap = z.infer<typeof WrapSchema>;

const KeyFileSchema = z
  .object({
    format: z.literal(FORMAT),
    version: z.literal(VERSION),
    role: z.enum(['secretariat', 'expert']),
    createdAt: z.iso.datetime(),
    kdf: KdfParamsSchema,
    wrap: WrapSchema,
    /** the same data key under the recovery code, with that derivation's own salt */
    recovery: z.object({ kdf: KdfParamsSchema, wrap: WrapSchema }).strict().optional(),
  })
  .strict();

export type KeyFile = z.infer<typeof KeyFileSchema>;
type Header = Omit<KeyFile, 'wrap' | 'recovery'>;

export function keyFilePath(storePath: string): string {
  return `${storePath}.key`;
}

function kdfFields(kdf: KdfParams): unknown[] {
  return [kdf.alg, kdf.memoryKiB, kdf.iterations, kdf.parallelism, kdf.salt];
}

function associatedData(k: Header): Buffer {
  return Buffer.from(JSON.stringify([k.format, k.version, k.role, k.createdAt, ...kdfFields(k.kdf)]), 'utf8');
}

/** Marked apart from the passphrase's, so neither wrap can be passed off as the other. */
function recoveryAssociatedData(k: Header, kdf: KdfParams): Buffer {
  return Buffer.from(JSON.stringify(['recovery', k.format, k.version, k.role, k.createdAt, ...kdfFields(kdf)]), 'utf8');
}

async function wrapUnder(dataKey: Buffer, secret: string, kdf: KdfParams, aad: Buffer): Promise<Wrap> {
  const kek = await deriveKey(secret, kdf);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(aad);
    const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return { alg: 'A256GCM', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
  } finally {
    kek.fill(0);
  }
}

/** null when the secret or the file is wrong: the two cannot be told apart, by design of GCM */
async function unwrapUnder(w: Wrap, secret: string, kdf: KdfParams, aad: Buffer): Promise<Buffer | null> {
  const kek = await deriveKey(secret, kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(w.iv, 'base64'));
    decipher.setAAD(aad);
    decipher.setAuthTag(Buffer.from(w.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(w.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

async function recoveryOf(dataKey: Buffer, recoveryCode: string, header: Header, kdf: KdfParams): Promise<NonNullable<KeyFile['recovery']>> {
  return { kdf, wrap: await wrapUnder(dataKey, recoveryCode, kdf, recoveryAssociatedData(header, kdf)) };
}

export function writeKeyFile(storePath: string, kf: KeyFile, opts: { exclusive?: boolean } = {}): void {
  writeFileAtomic(keyFilePath(storePath), `${JSON.stringify(kf, null, 2)}\n`, opts);
}

/** Reads and validates the key file; a missing file is 'store.not-found', a malformed one 'store.corrupt'. */
export function readKeyFile(storePath: string): KeyFile {
  const file = keyFilePath(storePath);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new PingshenError('store.not-found', {
        zh: `找不到存储的密钥文件 ${file}。没有它存储无法解锁：请从备份中恢复该文件（与存储文件放在同一文件夹）。`,
        en: `The store's key file ${file} is missing. The store cannot be unlocked without it: restore it from your backup next to the store file.`,
      });
    }
    throw e;
  }
  return parseKeyFile(text, file);
}

/** A key file's text, validated; `file` names it in the refusal. */
export function parseKeyFile(text: string, file: string): KeyFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = KeyFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new PingshenError(
      'store.corrupt',
      {
        zh: `密钥文件 ${file} 已损坏或不是 Pingshen 的密钥文件。请从备份中恢复它。`,
        en: `The key file ${file} is damaged or is not a Pingshen key file. Restore it from your backup.`,
      },
      { file },
    );
  }
  return parsed.data;
}

/** Unwraps the data key; any failure (wrong passphrase or an edited key file) is 'store.wrong-passphrase'. */
export async function unwrapDataKey(keyFile: KeyFile, passphrase: string): Promise<Buffer> {
  const dataKey = await unwrapUnder(keyFile.wrap, passphrase, keyFile.kdf, associatedData(keyFile));
  if (dataKey) return dataKey;
  throw new PingshenError('store.wrong-passphrase', {
    zh: '口令不正确，存储未打开，文件未被改动。请检查输入法和大小写锁定后重试；口令遗忘时，可用建库时记下的恢复码重设口令。',
    en: 'The passphrase is wrong; the store was not opened and nothing was changed. Check the input method and caps lock and try again. If the passphrase is forgotten, reset it with the recovery code written down when the store was made.',
  });
}

/** Unwraps the data key with the recovery code (already in its canonical form). */
export async function unwrapWithRecoveryCode(keyFile: KeyFile, recoveryCode: string): Promise<Buffer> {
  if (!keyFile.recovery) {
    throw new PingshenError('store.no-recovery-code', {
      zh: '此存储建于恢复码启用之前，没有恢复码，无法用恢复码重设口令；未做任何更改。请用口令解锁后在“设置”中生成恢复码。',
      en: 'This store was made before recovery codes and has none, so its passphrase cannot be reset with one; nothing was changed. Unlock it with the passphrase and make a recovery code in Settings.',
    });
  }
  const dataKey = await unwrapUnder(keyFile.recovery.wrap, recoveryCode, keyFile.recovery.kdf, recoveryAssociatedData(keyFile, keyFile.recovery.kdf));
  if (dataKey) return dataKey;
  throw new PingshenError('store.wrong-recovery-code', {
    zh: '恢复码不是此存储的恢复码，口令未重设，存储未被改动。请确认用的是这台电脑这个角色建库时记下的恢复码（每个存储各有一个）。',
    en: 'The recovery code is not this store\'s; the passphrase was not reset and nothing was changed. Check that it is the code written down when this role\'s store was made on this machine (each store has its own).',
  });
}

/**
 * Writes a new key file for a new store; fails if one already exists. Without `recovery` it is a
 * key file as stores made before recovery codes have it.
 */
export async function createKeyFile(
  storePath: string,
  input: { dataKey: Buffer; passphrase: string; role: Role; kdf: KdfParams; createdAt: string; recovery?: { code: string; kdf: KdfParams } },
): Promise<KeyFile> {
  const header: Header = { format: FORMAT, version: VERSION, role: input.role, createdAt: input.createdAt, kdf: input.kdf };
  const kf: KeyFile = { ...header, wrap: await wrapUnder(input.dataKey, input.passphrase, header.kdf, associatedData(header)) };
  if (input.recovery) kf.recovery = await recoveryOf(input.dataKey, input.recovery.code, header, input.recovery.kdf);
  writeKeyFile(storePath, kf, { exclusive: true });
  return kf;
}

/** Re-wraps the same data key under a new passphrase and replaces the key file atomically; the recovery wrap stays. */
export async function rewrapKeyFile(
  storePath: string,
  current: KeyFile,
  dataKey: Buffer,
  newPassphrase: string,
  kdf: KdfParams,
): Promise<void> {
  const header: Header = { format: current.format, version: current.version, role: current.role, createdAt: current.createdAt, kdf };
  const kf: KeyFile = { ...header, wrap: await wrapUnder(dataKey, newPassphrase, kdf, associatedData(header)) };
  // kept as it is: its associated data names nothing a passphrase change alters
  if (current.recovery) kf.recovery = current.recovery;
  writeKeyFile(storePath, kf);
}

/** Wraps the data key under a new recovery code in place of the old one (or of none). */
export async function replaceRecoveryCode(storePath: string, current: KeyFile, dataKey: Buffer, recoveryCode: string, kdf: KdfParams): Promise<void> {
  const { format, version, role, createdAt, kdf: passphraseKdf, wrap } = current;
  writeKeyFile(storePath, { format, version, role, createdAt, kdf: passphraseKdf, wrap, recovery: await recoveryOf(dataKey, recoveryCode, current, kdf) });
}
