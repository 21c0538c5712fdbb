import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../audit/chain.js';
import { generateIdentity, loadIdentity, saveIdentity } from '../crypto/identity.js';
import { newRecoveryCode } from '../crypto/recovery-code.js';
import { DEFAULT_KDF_COST, type KdfCost } from '../domain/limits.js';
import { newKdfParams, strengthenedKdfParams } from '../crypto/kdf.js';
import type { Role } from '../domain/words.js';
import { PingshenError } from '../domain/errors.js';
import { MIN_PASSPHRASE_LENGTH } from '../domain/limits.js';
import { createKeyFile, keyFilePath, readKeyFile, replaceRecoveryCode, rewrapKeyFile, unwrapDataKey, unwrapWithRecoveryCode } from './keyfile.js';
import { migrate } from './migrate.js';
import { notAStore, openCipherDatabase } from './sqlcipher.js';

/**
 * One encrypted store per role per machine: `<path>` (SQLCipher database) and `<path>.key`
 * (the data key, wrapped under the passphrase). Nothing touches the database file until the
 * passphrase has been proven right against the key file, so a wrong passphrase changes no byte.
 */
export interface Store {
  db: Database.Database;
  role: Role;
  path: string;
  /** what a passphrase change re-wraps the key with, at the least */
  kdfCost: KdfCost;
  close(): void;
}

export function checkNewPassphrase(passphrase: string): void {
  if (typeof passphrase !== 'string' || [...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new PingshenError('store.weak-passphrase', {
      zh: `口令太短：至少需要 ${MIN_PASSPHRASE_LENGTH} 个字符。请使用一句只有您知道的话，例如几个词组合。`,
      en: `The passphrase is too short: it needs at least ${MIN_PASSPHRASE_LENGTH} characters. Use a phrase only you know, such as several words.`,
    });
  }
}

function storeNotFound(path: string): PingshenError {
  return new PingshenError(
    'store.not-found',
    {
      zh: `找不到存储 ${path}。请检查路径；如果这台电脑上还没有存储，请先新建一个。`,
      en: `No store at ${path}. Check the path, or create a store first if this machine has none yet.`,
    },
    { path },
  );
}

function wrapStore(db: Database.Database, role: Role, path: string, kdfCost: KdfCost): Store {
  return {
    db,
    role,
    path,
    kdfCost,
    close() {
      if (db.open) db.close();
    },
  };
}

/**
 * A new store, with its recovery code: returned this once and never stored, so whoever made the
 * store must show it to its owner now.
 */
export async function createStore(input: { path: string; passphrase: string; role: Role; kdf?: KdfCost }): Promise<Store & { recoveryCode: string }> {
  const path = resolve(input.path);
  checkNewPassphrase(input.passphrase);
  if (input.role !== 'secretariat' && input.role !== 'expert') throw new Error(`unknown role ${String(input.role)}`);
  if (existsSync(path) || existsSync(keyFilePath(path))) {
    throw new PingshenError(
      'store.exists',
      {
        zh: `${path} 已存在（存储或其 .key 文件），未做任何改动。请打开现有存储，或换一个位置新建。`,
        en: `${path} already exists (the store or its .key file); nothing was changed. Open the existing store or choose another location.`,
      },
      { path },
    );
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });

  const dataKey = randomBytes(32);
  const createdAt = new Date().toISOString();
  const identity = await generateIdentity();
  const recoveryCode = newRecoveryCode();
  const cost = input.kdf ?? DEFAULT_KDF_COST;
  let keyWritten = false;
  let db: Database.Database | undefined;
  try {
    await createKeyFile(path, { dataKey, passphrase: input.passphrase, role: input.role, kdf: newKdfParams(cost), createdAt, recovery: { code: recoveryCode, kdf: newKdfParams(cost) } });
    keyWritten = true;
    db = openCipherDatabase(path, dataKey, { create: true });
    // SQLite gives the -wal and -shm files the main file's permissions.
    chmodSync(path, 0o600);
    migrate(db);
    const d = db;
    d.transaction(() => {
      const setMeta = d.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      setMeta.run('role', input.role);
      setMeta.run('created_at', createdAt);
      saveIdentity(d, identity);
      appendAudit(d, {
        actor: `${input.role}:${identity.fingerprint}`,
        action: 'store.created',
        detail: { role: input.role, fingerprint: identity.fingerprint },
      });
    })();
    return { ...wrapStore(db, input.role, path, cost), recoveryCode };
  } catch (e) {
    db?.close();
    if (keyWritten) {
      for (const f of [path, `${path}-wal`, `${path}-shm`, keyFilePath(path)]) rmSync(f, { force: true });
    }
    throw e;
  } finally {
    dataKey.fill(0);
  }
}

export async function openStore(input: { path: string; passphrase: string; kdf?: KdfCost }): Promise<Store> {
  const path = resolve(input.path);
  if (!existsSync(path)) throw storeNotFound(path);
  if (!statSync(path).isFile()) throw notAStore(path, 'not a regular file');
  const keyFile = readKeyFile(path);
  const dataKey = await unwrapDataKey(keyFile, input.passphrase);
  let db: Database.Database;
  try {
    db = openCipherDatabase(path, dataKey, { create: false });
  } finally {
    dataKey.fill(0);
  }
  try {
    migrate(db);
    const role = db.prepare("SELECT value FROM meta WHERE key = 'role'").pluck().get();
    if (role !== keyFile.role) throw notAStore(path, `role in store (${String(role)}) differs from key file (${keyFile.role})`);
    return wrapStore(db, keyFile.role, path, input.kdf ?? DEFAULT_KDF_COST);
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * Proves the old passphrase, then re-wraps the same data key under the new one (the database file
 * is not rewritten). Safe while the store is open elsewhere in this process.
 */
export async function changeStorePassphrase(path: string, oldPassphrase: string, newPassphrase: string, cost: KdfCost = DEFAULT_KDF_COST): Promise<void> {
  const p = resolve(path);
  checkNewPassphrase(newPassphrase);
  if (!existsSync(p)) throw storeNotFound(p);
  const keyFile = readKeyFile(p);
  const dataKey = await unwrapDataKey(keyFile, oldPassphrase);
  try {
    await rewrapKeyFile(p, keyFile, dataKey, newPassphrase, strengthenedKdfParams(keyFile.kdf, cost));
  } finally {
    dataKey.fill(0);
  }
}

/**
 * A forgotten passphrase, reset with the recovery code: the code unwraps the data key, the key is
 * proven to open this very database, and only then is the key file rewritten under the new
 * passphrase (the recovery wrap stays, so the same paper keeps working). A wrong or mistyped code
 * changes no byte of either file. The reset is recorded in the store's audit log.
 */
export async function resetStorePassphrase(path: string, recoveryCode: string, newPassphrase: string, cost: KdfCost = DEFAULT_KDF_COST): Promise<void> {
  const p = resolve(path);
  checkNewPassphrase(newPassphrase);
  if (!existsSync(p)) throw storeNotFound(p);
  const keyFile = readKeyFile(p);
  const dataKey = await unwrapWithRecoveryCode(keyFile, recoveryCode);
  let db: Database.Database | undefined;
  try {
    db = openCipherDatabase(p, dataKey, { create: false });
    const identity = loadIdentity(db);
    await rewrapKeyFile(p, keyFile, dataKey, newPassphrase, strengthenedKdfParams(keyFile.kdf, cost));
    appendAudit(db, { actor: `${keyFile.role}:${identity.fingerprint}`, action: 'store.passphrase-reset', detail: { with: 'recovery-code' } });
  } finally {
    db?.close();
    dataKey.fill(0);
  }
}

/**
 * A new recovery code in place of the old one (a store made before recovery codes gets its
 * first): the passphrase proves the owner. Returned once, like the code a new store gets.
 */
export async function renewRecoveryCode(path: string, passphrase: string, cost: KdfCost = DEFAULT_KDF_COST): Promise<string> {
  const p = resolve(path);
  const keyFile = readKeyFile(p);
  const dataKey = await unwrapDataKey(keyFile, passphrase);
  try {
    const code = newRecoveryCode();
    const kdf = keyFile.recovery ? strengthenedKdfParams(keyFile.recovery.kdf, cost) : newKdfParams(cost);
    await replaceRecoveryCode(p, keyFile, dataKey, code, kdf);
    return code;
  } finally {
    dataKey.fill(0);
  }
}

/** Whether the key file holds a recovery wrap: stores made before recovery codes have none. */
export function hasRecoveryCode(path: string): boolean {
  return readKeyFile(resolve(path)).recovery !== undefined;
}

/** A store's files gone: the database, its write-ahead log and shared memory, its key file. */
export function removeStoreFiles(path: string): void {
  const p = resolve(path);
  for (const f of [p, `${p}-wal`, `${p}-shm`, keyFilePath(p)]) rmSync(f, { force: true });
}
