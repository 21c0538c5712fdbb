import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Role } from '../domain/words.js';
import { PingshenError } from '../domain/errors.js';
import { deriveKey, KdfParamsSchema, type KdfParams } from '../crypto/kdf.js';
import { writeFileAtomic } from './atomic-write.js';

/**
 * The store's sidecar `<store>.key`: the random data key that encrypts the database, wrapped with
 * AES-256-GCM under a key derived from the passphrase. A passphrase change rewrites only this file.
 * Everything in the file except the wrap itself is bound to it as associated data, so editing the
 * role or weakening the KDF parameters makes the file unusable instead of silently effective.
 */

const FORMAT = 'pingshen-store-key';
const VERSION = 1;

const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

const KeyFileSchema = z
  .object({
    format: z.literal(FORMAT),
    version: z.literal(VERSION),
    role: z.enum(['secretariat', 'expert']),
    createdAt: z.iso.datetime(),
    kdf: KdfParamsSchema,
    wrap: z
      .object({
        alg: z.literal('A256GCM'),
        iv: b64.refine((s) => Buffer.from(s, 'base64').length === 12),
        tag: b64.refine((s) => Buffer.from(s, 'base64').length === 16),
        ciphertext: b64.refine((s) => Buffer.from(s, 'base64').length === 32),
      })
      .strict(),
  })
  .strict();

export type KeyFile = z.infer<typeof KeyFileSchema>;

export function keyFilePath(storePath: string): string {
  return `${storePath}.key`;
}

function associatedData(k: Omit<KeyFile, 'wrap'>): Buffer {
  const { kdf } = k;
  return Buffer.from(
    JSON.stringify([k.format, k.version, k.role, k.createdAt, kdf.alg, kdf.memoryKiB, kdf.iterations, kdf.parallelism, kdf.salt]),
    'utf8',
  );
}

async function wrap(dataKey: Buffer, passphrase: string, header: Omit<KeyFile, 'wrap'>): Promise<KeyFile> {
  const kek = await deriveKey(passphrase, header.kdf);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(associatedData(header));
    const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return {
      ...header,
      wrap: {
        alg: 'A256GCM',
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        ciphertext: ciphertext.toString('base64'),
      },
    };
  } finally {
    kek.fill(0);
  }
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
  const kek = await deriveKey(passphrase, keyFile.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(keyFile.wrap.iv, 'base64'));
    decipher.setAAD(associatedData(keyFile));
    decipher.setAuthTag(Buffer.from(keyFile.wrap.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(keyFile.wrap.ciphertext, 'base64')), decipher.final()]);
  } catch {
    throw new PingshenError('store.wrong-passphrase', {
      zh: '口令不正确，存储未打开，文件未被改动。请检查输入法和大小写锁定后重试；口令一旦遗忘，存储中的数据无法恢复（专家可新建存储并请秘书处重新登记）。',
      en: 'The passphrase is wrong; the store was not opened and nothing was changed. Check the input method and caps lock and try again. A forgotten passphrase cannot be recovered (an expert can create a new store and ask the secretariat to enrol it again).',
    });
  } finally {
    kek.fill(0);
  }
}

/** Writes a new key file for a new store; fails if one already exists. */
export async function createKeyFile(
  storePath: string,
  input: { dataKey: Buffer; passphrase: string; role: Role; kdf: KdfParams; createdAt: string },
): Promise<KeyFile> {
  const kf = await wrap(input.dataKey, input.passphrase, {
    format: FORMAT,
    version: VERSION,
    role: input.role,
    createdAt: input.createdAt,
    kdf: input.kdf,
  });
  writeFileAtomic(keyFilePath(storePath), `${JSON.stringify(kf, null, 2)}\n`, { exclusive: true });
  return kf;
}

/** Re-wraps the same data key under a new passphrase and replaces the key file atomically. */
export async function rewrapKeyFile(
  storePath: string,
  current: KeyFile,
  dataKey: Buffer,
  newPassphrase: string,
  kdf: KdfParams,
): Promise<void> {
  const header = { format: current.format, version: current.version, role: current.role, createdAt: current.createdAt, kdf };
  const kf = await wrap(dataKey, newPassphrase, header);
  writeFileAtomic(keyFilePath(storePath), `${JSON.stringify(kf, null, 2)}\n`);
}
