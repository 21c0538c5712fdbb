import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectCode, fingerprintFile, tempDir, TEST_KDF } from './helpers.js';
import { appendAudit, verifyAuditChain } from '../../src-main/audit/chain.js';
import { generateIdentity, loadIdentity, saveIdentity } from '../../src-main/crypto/identity.js';
import { newKdfParams } from '../../src-main/crypto/kdf.js';
import { createKeyFile } from '../../src-main/store/keyfile.js';
import { migrate, schemaVersion, type Migration } from '../../src-main/store/migrate.js';
import { MIGRATIONS } from '../../src-main/store/migrations/index.js';
import { openStore, type Store } from '../../src-main/store/open.js';
import { openCipherDatabase } from '../../src-main/store/sqlcipher.js';

type Db = Store['db'];
const PASS = 'migration passphrase';

/** Rows a store at that version would hold; versions without an entry get none of their own. */
const SAMPLES: Record<number, (db: Db) => Promise<void>> = {
  1: async (db) => {
    db.prepare("INSERT INTO meta (key, value) VALUES ('role', 'expert'), ('created_at', '2024-03-01T08:00:00.000Z')").run();
    saveIdentity(db, await generateIdentity());
    appendAudit(db, { actor: 'expert:test', action: 'store.created', detail: { note: '旧版本的记录' } });
  },
};

/** every row of every user table, keyed by table, as sorted JSON lines */
function snapshot(db: Db): Map<string, { columns: string[]; rows: string[] }> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const out = new Map<string, { columns: string[]; rows: string[] }>();
  for (const t of tables) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]).sort();
    out.set(t, { columns, rows: rowsOf(db, t, columns) });
  }
  return out;
}

function rowsOf(db: Db, table: string, columns: string[]): string[] {
  const list = columns.map((c) => `"${c}"`).join(', ');
  return (db.prepare(`SELECT ${list} FROM "${table}"`).raw().all() as unknown[][])
    .map((r) => JSON.stringify(r, (_k, v) => (Buffer.isBuffer(v) ? v.toString('base64') : v)))
    .sort();
}

/** A real store (key file + SQLCipher database) whose schema stops at version k. */
async function storeAtVersion(k: number): Promise<{ path: string; before: ReturnType<typeof snapshot> }> {
  const path = join(tempDir(), `v${k}.pingshen`);
  const dataKey = randomBytes(32);
  await createKeyFile(path, { dataKey, passphrase: PASS, role: 'expert', kdf: newKdfParams(TEST_KDF), createdAt: new Date().toISOString() });
  const db = openCipherDatabase(path, dataKey, { create: true });
  for (let v = 1; v <= k; v++) {
    migrate(db, MIGRATIONS.slice(0, v));
    await SAMPLES[v]?.(db);
  }
  expect(schemaVersion(db)).toBe(k);
  const before = snapshot(db);
  db.close();
  return { path, before };
}

describe('schema migrations', () => {
  it('are numbered 1..n without gaps and have names', () => {
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(2);
    MIGRATIONS.forEach((m, i) => {
      expect(m.version).toBe(i + 1);
      expect(m.name).toMatch(/\S/);
    });
  });

  for (let k = 1; k <= MIGRATIONS.length; k++) {
    it(`upgrade a store at version ${k} to the latest, keeping every row`, async () => {
      const { path, before } = await storeAtVersion(k);
      const store = await openStore({ path, passphrase: PASS });
      expect(schemaVersion(store.db)).toBe(MIGRATIONS.length);
      const after = snapshot(store.db);
      for (const [table, { columns, rows }] of before) {
        expect(after.has(table), `table ${table} still exists`).toBe(true);
        expect(rowsOf(store.db, table, columns), `rows of ${table}`).toEqual(rows);
      }
      expect(loadIdentity(store.db).signPublic).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(verifyAuditChain(store.db)).toMatchObject({ ok: true, length: 1 });
      store.close();
    });
  }

  it('upgrade an empty database from version 0', async () => {
    const db = openCipherDatabase(join(tempDir(), 'v0.db'), randomBytes(32), { create: true });
    expect(migrate(db)).toEqual({ from: 0, to: MIGRATIONS.length });
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(migrate(db)).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length });
    db.close();
  });

  it('refuse a store written by a newer app, without changing it', async () => {
    const dir = tempDir();
    const path = join(dir, 'new.pingshen');
    const dataKey = randomBytes(32);
    await createKeyFile(path, { dataKey, passphrase: PASS, role: 'expert', kdf: newKdfParams(TEST_KDF), createdAt: new Date().toISOString() });
    const db = openCipherDatabase(path, dataKey, { create: true });
    migrate(db);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    const before = fingerprintFile(path);
    await expectCode(openStore({ path, passphrase: PASS }), 'store.too-new');
    expect(fingerprintFile(path).sha256).toBe(before.sha256);
  });

  it('roll back a step that fails, leaving the store at the previous version with nothing half-made', () => {
    const db = openCipherDatabase(join(tempDir(), 'fail.db'), randomBytes(32), { create: true });
    const failing: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'fails halfway',
      up(d) {
        d.exec('CREATE TABLE half_made (x INTEGER)');
        throw new Error('disk full');
      },
    };
    expect(() => migrate(db, [...MIGRATIONS, failing])).toThrow('disk full');
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_made'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuse a migration list with a gap', () => {
    const db = openCipherDatabase(join(tempDir(), 'gap.db'), randomBytes(32), { create: true });
    const [first] = MIGRATIONS;
    if (!first) throw new Error('no migrations');
    expect(() => migrate(db, [first, { version: 3, name: 'gap', up() {} }])).toThrow(/out of order/);
    expect(schemaVersion(db)).toBe(0);
    db.close();
  });
});
