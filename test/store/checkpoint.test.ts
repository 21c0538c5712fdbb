import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCipherDatabase, withBulkWrite, withOneCheckpoint } from '../../src-main/store/sqlcipher.js';
import { tempDir } from './helpers.js';

const walSize = (path: string): number => (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);

/** A bulk write (an intake of bundles) writes each new page once, into the file itself. */
describe('a bulk write', () => {
  it('runs with the rollback journal: its pages go straight into the file, and the log is back afterwards', async () => {
    const path = join(tempDir(), 'bulk.db');
    const key = randomBytes(32);
    const db = openCipherDatabase(path, key, { create: true });
    // a store is never below schema version 1: what opening an existing file checks
    db.pragma('user_version = 1');
    db.exec('CREATE TABLE t (bytes BLOB)');
    let inside = '';
    let walAtEnd = -1;
    await withBulkWrite(db, async () => {
      inside = db.pragma('journal_mode', { simple: true }) as string;
      for (let i = 0; i < 3; i++) db.transaction(() => db.prepare('INSERT INTO t VALUES (?)').run(randomBytes(5_000_000)))();
      walAtEnd = walSize(path);
    });
    expect(inside).toBe('delete');
    expect(walAtEnd).toBe(0);
    expect(statSync(path).size).toBeGreaterThan(15_000_000);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    // committed for good: a new connection reads every row
    const again = openCipherDatabase(path, key, { create: false });
    expect(again.prepare('SELECT count(*) FROM t').pluck().get()).toBe(3);
    again.close();
  });

  it('keeps the journal encrypted: the old content of a changed page is not on disk in the clear', async () => {
    const path = join(tempDir(), 'journal.db');
    const db = openCipherDatabase(path, randomBytes(32), { create: true });
    db.exec('CREATE TABLE t (x TEXT)');
    db.prepare('INSERT INTO t VALUES (?)').run('不可外泄的评语'.repeat(50));
    let journal: Buffer | null = null;
    await withBulkWrite(db, async () => {
      // PERSIST leaves the journal's pages on disk after the commit, for this test to read
      db.pragma('journal_mode = PERSIST');
      db.prepare('UPDATE t SET x = ?').run('other');
      journal = readFileSync(`${path}-journal`);
    });
    expect(journal!.byteLength).toBeGreaterThan(4096);
    expect(journal!.includes(Buffer.from('不可外泄的评语'))).toBe(false);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('goes through the log with one checkpoint at the end while another connection has the file open', async () => {
    const path = join(tempDir(), 'shared.db');
    const key = randomBytes(32);
    const db = openCipherDatabase(path, key, { create: true });
    // a store is never below schema version 1: what opening an existing file checks
    db.pragma('user_version = 1');
    db.exec('CREATE TABLE t (bytes BLOB)');
    const other = openCipherDatabase(path, key, { create: false });
    let inside = '';
    let autoInside = -1;
    await withBulkWrite(db, async () => {
      inside = db.pragma('journal_mode', { simple: true }) as string;
      autoInside = db.pragma('wal_autocheckpoint', { simple: true }) as number;
      for (let i = 0; i < 3; i++) db.transaction(() => db.prepare('INSERT INTO t VALUES (?)').run(randomBytes(5_000_000)))();
    });
    expect(inside).toBe('wal');
    expect(autoInside).toBe(0);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(other.prepare('SELECT count(*) FROM t').pluck().get()).toBe(3);
    other.close();
    db.close();
  });

  it('returns to the log when the write fails', async () => {
    const db = openCipherDatabase(join(tempDir(), 'failed.db'), randomBytes(32), { create: true });
    await expect(withBulkWrite(db, async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});

/** Where the log stays (another connection has the file), it is checkpointed once, at the end. */
describe('one checkpoint for a bulk write', () => {
  it('leaves the log alone while the write runs, then copies it in and restores the automatic checkpoint', async () => {
    const path = join(tempDir(), 'bulk.db');
    const db = openCipherDatabase(path, randomBytes(32), { create: true });
    db.exec('CREATE TABLE t (bytes BLOB)');
    let inside = -1;
    let walAtEnd = 0;
    let fileAtEnd = 0;
    await withOneCheckpoint(db, async () => {
      inside = db.pragma('wal_autocheckpoint', { simple: true }) as number;
      // three commits, each well past the 1,000 pages that would checkpoint
      for (let i = 0; i < 3; i++) db.transaction(() => db.prepare('INSERT INTO t VALUES (?)').run(randomBytes(5_000_000)))();
      walAtEnd = walSize(path);
      fileAtEnd = statSync(path).size;
    });
    expect(inside).toBe(0);
    expect(walAtEnd).toBeGreaterThan(15_000_000);
    expect(fileAtEnd).toBeLessThan(1_000_000);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    // the one checkpoint at the end copied the log into the database file
    expect(statSync(path).size).toBeGreaterThan(15_000_000);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(3);
    db.close();
  });

  it('restores the automatic checkpoint when the write fails', async () => {
    const db = openCipherDatabase(join(tempDir(), 'failed.db'), randomBytes(32), { create: true });
    await expect(withOneCheckpoint(db, async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    db.close();
  });
});
