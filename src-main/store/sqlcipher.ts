import { createRequire } from 'node:module';
import type Database from 'better-sqlite3-multiple-ciphers';
import { PingshenError } from '../domain/errors.js';

// Required, not imported: Node gives a CommonJS package an ES module face by lexing its source
// for the names it exports, a cost every command that opens a store paid (issue 15).
const SQLite = createRequire(import.meta.url)('better-sqlite3-multiple-ciphers') as typeof Database;

/**
 * Opens a database file in SQLCipher 4 format with a raw 32-byte key. The raw-key form
 * (`x'…'`) skips SQLCipher's own passphrase KDF: the key is already random, and our slow,
 * deliberate KDF ran once when the key file was unwrapped.
 */
export function openCipherDatabase(path: string, dataKey: Buffer, opts: { create: boolean }): Database.Database {
  const hex = dataKey.toString('hex');
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('the store key must be exactly 32 bytes');
  const db = new SQLite(path, { fileMustExist: !opts.create });
  try {
    // This library defaults to the sqleet cipher; these two pragmas select SQLCipher 4 and must precede the key.
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${hex}'"`);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (e) {
      throw notAStore(path, e);
    }
    // An empty file opens as an empty database; a real store is never below schema version 1.
    // Checked before the pragmas below, which would write a header into it.
    if (!opts.create && (db.pragma('user_version', { simple: true }) as number) < 1) throw notAStore(path, 'schema version 0');
    db.pragma('journal_mode = WAL');
    // FULL: a commit that returned has been fsynced, even in WAL mode.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Sort and index spills go to memory, never to an unencrypted temp file.
    db.pragma('temp_store = MEMORY');
    // deleted rows (a material the expert may no longer read) are overwritten, not left in free pages
    db.pragma('secure_delete = ON');
    // a batch of bundles writes tens of thousands of rows in one transaction: a 64 MiB page cache
    // keeps it from spilling half-done pages into the WAL, each encrypted twice
    db.pragma('cache_size = -65536');
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export function notAStore(path: string, cause: unknown): PingshenError {
  return new PingshenError(
    'store.corrupt',
    {
      zh: `${path} 不是 Pingshen 存储，或已损坏，或与密钥文件不匹配。文件未被改动；请从备份中恢复存储文件及其 .key 文件。`,
      en: `${path} is not a Pingshen store, is damaged, or does not belong to its key file. Nothing was changed; restore the store file and its .key file from your backup.`,
    },
    { cause: cause instanceof Error ? cause.message : String(cause) },
  );
}

/** SQLite's own default: a checkpoint once the write-ahead log holds this many pages. */
const AUTO_CHECKPOINT_PAGES = 1000;

/**
 * Runs a bulk write (an intake of bundles, tens of megabytes of new pages) with the rollback
 * journal instead of the write-ahead log, so that each new page is encrypted and written once.
 * Through the log every page is encrypted into the log, then read back, decrypted and encrypted
 * again into the file by the checkpoint (measured at 100 applicants: 76 MB of log, a checkpoint
 * of 0.6–0.8 s, a third of the intake). The rollback journal keeps only the old content of the
 * pages a commit changes, encrypted as the file is, and a commit is as durable (synchronous =
 * FULL fsyncs the journal and the file). Leaving the log needs this connection to be the file's
 * only one; when another holds it, the write runs through the log with one checkpoint at the end.
 */
export async function withBulkWrite<T>(db: Database.Database, fn: () => Promise<T>): Promise<T> {
  if (!leaveLog(db)) return withOneCheckpoint(db, fn);
  try {
    return await fn();
  } finally {
    if (db.open) db.pragma('journal_mode = WAL');
  }
}

function leaveLog(db: Database.Database): boolean {
  try {
    return db.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
  } catch (e) {
    // another connection has the file open, or a statement is still reading: keep the log
    if (e instanceof SQLite.SqliteError && (e.code === 'SQLITE_BUSY' || e.code === 'SQLITE_LOCKED')) return false;
    throw e;
  }
}

/**
 * Runs a bulk write with the write-ahead log checkpointed once at the end instead of after every
 * commit that outgrows it. Copying the log into this encrypted file costs more than writing the
 * log itself (measured: three commits of 23 MB took 4.4 s with the automatic checkpoints, 2.1 s
 * with one at the end). The commits stay as durable as before: each is in the log, fsynced,
 * before it returns.
 */
export async function withOneCheckpoint<T>(db: Database.Database, fn: () => Promise<T>): Promise<T> {
  db.pragma('wal_autocheckpoint = 0');
  try {
    return await fn();
  } finally {
    db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
    if (db.open) db.pragma('wal_checkpoint(PASSIVE)');
  }
}
