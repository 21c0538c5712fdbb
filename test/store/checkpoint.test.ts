import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCipherDatabase, withOneCheckpoint } from '../../src-main/store/sqlcipher.js';
import { tempDir } from './helpers.js';

/** A bulk write (an intake of bundles) checkpoints the write-ahead log once, at its end. */
describe('one checkpoint for a bulk write', () => {
  it('leaves the log alone while the write runs, then copies it in and restores the automatic checkpoint', async () => {
    const path = join(tempDir(), 'bulk.db');
    const db = openCipherDatabase(path, randomBytes(32), { create: true });
    db.exec('CREATE TABLE t (bytes BLOB)');
    const wal = () => statSync(`${path}-wal`).size;
    let inside = -1;
    let walAtEnd = 0;
    let fileAtEnd = 0;
    await withOneCheckpoint(db, async () => {
      inside = db.pragma('wal_autocheckpoint', { simple: true }) as number;
      // three commits, each well past the 1,000 pages that would checkpoint
      for (let i = 0; i < 3; i++) db.transaction(() => db.prepare('INSERT INTO t VALUES (?)').run(randomBytes(5_000_000)))();
      walAtEnd = wal();
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
