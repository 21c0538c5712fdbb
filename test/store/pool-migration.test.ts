import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, TEST_KDF } from './helpers.js';
import { appendAudit, verifyAuditChain } from '../../src-main/audit/chain.js';
import { generateIdentity, saveIdentity } from '../../src-main/crypto/identity.js';
import { newKdfParams } from '../../src-main/crypto/kdf.js';
import { createKeyFile } from '../../src-main/store/keyfile.js';
import { migrate } from '../../src-main/store/migrate.js';
import { MIGRATIONS } from '../../src-main/store/migrations/index.js';
import { openStore } from '../../src-main/store/open.js';
import { openCipherDatabase } from '../../src-main/store/sqlcipher.js';

/**
 * Schema 7 moves a secretariat's experts into one pool (issue 13): every seat keeps its id, and
 * with it every panel, declaration, sheet and package that names it; each gets a pool record,
 * seats that enrolled one key share theirs, and two editions' "E01" who are not known to be one
 * person stay two records.
 */
describe('the pool migration', () => {
  it('gives every seat of a secretariat store at version 6 its pool record, keeping every row', async () => {
    const path = join(tempDir(), 'v6.pingshen');
    const dataKey = randomBytes(32);
    const PASS = 'migration passphrase';
    await createKeyFile(path, { dataKey, passphrase: PASS, role: 'secretariat', kdf: newKdfParams(TEST_KDF), createdAt: new Date().toISOString() });
    const db = openCipherDatabase(path, dataKey, { create: true });
    migrate(db, MIGRATIONS.slice(0, 6));
    db.prepare("INSERT INTO meta (key, value) VALUES ('role', 'secretariat')").run();
    saveIdentity(db, await generateIdentity());
    appendAudit(db, { actor: 'secretariat:test', action: 'store.created', detail: {} });
    const ed = db.prepare("INSERT INTO editions (id, name, year, profile_id, framework_id, profile_json, framework_json, settings_json, created_at) VALUES (?, ?, ?, 'xinyang-2022', 'gbt19580-2012', '{}', '{}', '{}', ?)");
    ed.run('ed-24', '2024年', 2024, '2024-01-01T00:00:00.000Z');
    ed.run('ed-26', '2026年', 2026, '2026-01-01T00:00:00.000Z');
    const seat = db.prepare(
      `INSERT INTO experts (id, edition_id, code, name, organisation, sign_public, box_recipient, fingerprint, enrolled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const key = ['sign-key-of-zhang-000000', 'age1zhang', 'AAAA BBBB', '2024-02-01T00:00:00.000Z'];
    seat.run('s-24-1', 'ed-24', 'E01', '张伟', '旧单位', ...key);
    seat.run('s-26-1', 'ed-26', 'E07', '张伟', '信阳师范大学', ...key);
    seat.run('s-24-2', 'ed-24', 'E02', '李娜', null, null, null, null, null);
    seat.run('s-26-2', 'ed-26', 'E02', '王强', null, null, null, null, null);
    db.prepare("INSERT INTO panels (id, edition_id, stage, name, leader_id) VALUES ('p', 'ed-24', 'material', '组', NULL)").run();
    db.prepare("INSERT INTO panel_members (panel_id, expert_id) VALUES ('p', 's-24-1'), ('p', 's-24-2')").run();
    const members = db.prepare('SELECT * FROM panel_members ORDER BY expert_id').all();
    db.close();

    const store = await openStore({ path, passphrase: PASS, kdf: TEST_KDF });
    const pool = store.db.prepare('SELECT code, name, organisation, fingerprint FROM pool_experts ORDER BY code').all();
    expect(pool).toEqual([
      { code: 'E02', name: '王强', organisation: null, fingerprint: null },
      { code: 'E02-2024', name: '李娜', organisation: null, fingerprint: null },
      // one key, one person: the latest edition's details
      { code: 'E07', name: '张伟', organisation: '信阳师范大学', fingerprint: 'AAAA BBBB' },
    ]);
    const seats = store.db.prepare('SELECT e.id, p.code FROM experts e JOIN pool_experts p ON p.id = e.pool_id ORDER BY e.id').all();
    expect(seats).toEqual([
      { id: 's-24-1', code: 'E07' },
      { id: 's-24-2', code: 'E02-2024' },
      { id: 's-26-1', code: 'E07' },
      { id: 's-26-2', code: 'E02' },
    ]);
    expect(store.db.prepare('SELECT * FROM panel_members ORDER BY expert_id').all()).toEqual(members);
    expect(store.db.prepare("SELECT code FROM experts WHERE id = 's-26-1'").pluck().get()).toBe('E07');
    expect(verifyAuditChain(store.db)).toMatchObject({ ok: true, length: 2 });
    expect(store.db.prepare('SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get()).toBe('pool.formed');
    store.close();
  });
});
