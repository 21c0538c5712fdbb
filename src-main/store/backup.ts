import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { z } from 'zod';
import { appendAudit, auditHead } from '../audit/chain.js';
import { loadIdentity } from '../crypto/identity.js';
import { PingshenError, refuse } from '../domain/errors.js';
import { DEFAULT_KDF_COST, type KdfCost } from '../domain/limits.js';
import type { Role } from '../domain/words.js';
import { strengthenedKdfParams } from '../crypto/kdf.js';
import { writeFileAtomic } from './atomic-write.js';
import { keyFilePath, parseKeyFile, rewrapKeyFile, unwrapDataKey, unwrapWithRecoveryCode } from './keyfile.js';
import { migrate, schemaVersion } from './migrate.js';
import { notAStore, openCipherDatabase } from './sqlcipher.js';
import { checkNewPassphrase, type Store } from './open.js';

/**
 * A store's backup (备份): one file holding the database exactly as it lies on disk (encrypted page
 * by page with the data key, as SQLCipher writes it) and its key file (the data key wrapped under
 * the passphrase and the recovery code), zipped with a header naming the store. Nothing in it is in
 * the clear, and no second secret is needed: whoever restores it proves the passphrase or the
 * recovery code, as when unlocking. A restore writes a new store on another machine or folder; it
 * never overwrites one.
 */

const FORMAT = 'pingshen/store-backup';
const VERSION = 1;
const ENTRIES = { header: 'pingshen-backup.json', store: 'store.db', key: 'store.key' } as const;

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

export const BackupHeaderSchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  role: z.enum(['secretariat', 'expert']),
  fingerprint: z.string(),
  storeCreatedAt: z.string(),
  madeAt: z.string(),
  schemaVersion: z.number().int().min(1),
  auditHead: z.strictObject({ seq: z.number().int().min(0), hash: z.string() }),
  editions: z.array(z.strictObject({ id: z.string(), name: z.string(), year: z.number().int() })),
  sha256: z.strictObject({ store: z.string(), key: z.string() }),
});
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;

/**
 * The database file as a consistent whole: the write-ahead log is checkpointed into it, then, while
 * this connection holds the write lock (so no one adds to the log), the file is read once the log
 * is seen empty. Another process writing in between makes it try again.
 */
function snapshot(store: Store): Uint8Array {
  const wal = `${store.path}-wal`;
  for (let attempt = 0; attempt < 5; attempt++) {
    const [cp] = store.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    store.db.exec('BEGIN IMMEDIATE');
    try {
      if (cp?.busy === 0 && (!existsSync(wal) || statSync(wal).size === 0)) return new Uint8Array(readFileSync(store.path));
    } finally {
      store.db.exec('ROLLBACK');
    }
  }
  throw refuse(
    'backup.busy',
    '另一个程序正在写入此库，无法取得完整的快照。请关闭同时打开此库的其他 Pingshen 窗口或命令后重试；未做任何更改。',
    'Another program is writing to this store, so no whole snapshot could be taken. Close other Pingshen windows or commands using this store and try again; nothing was changed.',
  );
}

/** The backup file of an open store; `editions` names what it holds, for whoever restores it. */
export function makeBackup(store: Store, editions: BackupHeader['editions']): { bytes: Uint8Array; header: BackupHeader } {
  const identity = loadIdentity(store.db);
  const db = snapshot(store);
  const key = new Uint8Array(readFileSync(keyFilePath(store.path)));
  const header: BackupHeader = {
    format: FORMAT,
    version: VERSION,
    role: store.role,
    fingerprint: identity.fingerprint,
    storeCreatedAt: identity.createdAt,
    madeAt: new Date().toISOString(),
    schemaVersion: schemaVersion(store.db),
    auditHead: auditHead(store.db),
    editions,
    sha256: { store: sha256(db), key: sha256(key) },
  };
  const bytes = zipSync({
    [ENTRIES.header]: Buffer.from(`${JSON.stringify(header, null, 2)}\n`, 'utf8'),
    // encrypted pages do not compress
    [ENTRIES.store]: [db, { level: 0 }],
    [ENTRIES.key]: key,
  });
  return { bytes, header };
}

function unreadable(): PingshenError {
  return refuse(
    'backup.unreadable',
    '这不是 Pingshen 库备份，或备份文件不完整、被改动过。请选择由“备份本库”得到的原始文件；未做任何更改。',
    'This is not a Pingshen store backup, or the backup file is incomplete or altered. Choose the original file “back up this store” made; nothing was changed.',
  );
}

/** The header and parts of a backup file, each part checked against the hash the header gives. */
export function readBackup(bytes: Uint8Array): { header: BackupHeader; store: Uint8Array; keyText: string } {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw unreadable();
  }
  const [h, store, key] = [files[ENTRIES.header], files[ENTRIES.store], files[ENTRIES.key]];
  if (!h || !store || !key) throw unreadable();
  let header: BackupHeader;
  try {
    header = BackupHeaderSchema.parse(JSON.parse(Buffer.from(h).toString('utf8')));
  } catch {
    throw unreadable();
  }
  if (sha256(store) !== header.sha256.store || sha256(key) !== header.sha256.key) throw unreadable();
  return { header, store, keyText: Buffer.from(key).toString('utf8') };
}

export type RestoreProof = { passphrase: string } | { recoveryCode: string; newPassphrase: string };

/**
 * Writes the backup as a new store at `path`: only once the passphrase (or the recovery code)
 * opens it, and only where no store is. The restored database is opened, checked whole, and must
 * be the store the header names; it then records that it was restored (its backup record and its
 * audit log). With the recovery code, the key file is written under the new passphrase.
 */
export async function restoreBackup(input: { bytes: Uint8Array; fileName: string; path: string; proof: RestoreProof; cost?: KdfCost }): Promise<BackupHeader> {
  const path = resolve(input.path);
  if ('newPassphrase' in input.proof) checkNewPassphrase(input.proof.newPassphrase);
  const { header, store, keyText } = readBackup(input.bytes);
  if (existsSync(path) || existsSync(keyFilePath(path))) {
    throw refuse(
      'store.exists',
      `${path} 已有存储，恢复不会覆盖它；未做任何更改。请恢复到另一个位置，或先处置现有存储。`,
      `${path} already holds a store, and a restore never overwrites one; nothing was changed. Restore elsewhere, or deal with the existing store first.`,
      { path },
    );
  }
  const keyFile = parseKeyFile(keyText, ENTRIES.key);
  const dataKey = 'passphrase' in input.proof ? await unwrapDataKey(keyFile, input.proof.passphrase) : await unwrapWithRecoveryCode(keyFile, input.proof.recoveryCode);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const written = [path, `${path}-wal`, `${path}-shm`, keyFilePath(path)];
  try {
    writeFileAtomic(path, store, { exclusive: true });
    if ('passphrase' in input.proof) writeFileAtomic(keyFilePath(path), keyText, { exclusive: true });
    else await rewrapKeyFile(path, keyFile, dataKey, input.proof.newPassphrase, strengthenedKdfParams(keyFile.kdf, input.cost ?? DEFAULT_KDF_COST));
    const db = openCipherDatabase(path, dataKey, { create: false });
    try {
      chmodSync(path, 0o600);
      if (db.pragma('quick_check', { simple: true }) !== 'ok') throw notAStore(path, 'the restored database fails its check');
      const identity = loadIdentity(db);
      const role = db.prepare("SELECT value FROM meta WHERE key = 'role'").pluck().get() as Role;
      if (identity.fingerprint !== header.fingerprint || role !== header.role || role !== keyFile.role) throw unreadable();
      migrate(db);
      const at = new Date().toISOString();
      db.transaction(() => {
        db.prepare("INSERT INTO store_backups (kind, at, made_at, file_name, sha256, size, audit_seq) VALUES ('restored', ?, ?, ?, ?, ?, ?)").run(
          at,
          header.madeAt,
          input.fileName,
          sha256(input.bytes),
          input.bytes.byteLength,
          header.auditHead.seq,
        );
        appendAudit(db, { actor: `${role}:${identity.fingerprint}`, action: 'store.restored', detail: { from: input.fileName, madeAt: header.madeAt, with: 'passphrase' in input.proof ? 'passphrase' : 'recovery-code' } });
      })();
    } finally {
      db.close();
    }
    return header;
  } catch (e) {
    for (const f of written) rmSync(f, { force: true });
    throw e;
  } finally {
    dataKey.fill(0);
  }
}
