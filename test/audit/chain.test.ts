import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tempDir, TEST_KDF } from '../store/helpers.js';
import { appendAudit, auditHead, GENESIS_HASH, listAudit, verifyAuditChain } from '../../src-main/audit/chain.js';
import { canonicalJson } from '../../src-main/audit/canonical-json.js';
import { readKeyFile, unwrapDataKey } from '../../src-main/store/keyfile.js';
import { createStore, type Store } from '../../src-main/store/open.js';
import { openCipherDatabase } from '../../src-main/store/sqlcipher.js';

const PASS = 'audit passphrase';

async function storeWithEntries(n: number): Promise<Store> {
  const store = await createStore({ path: join(tempDir(), 'a.pingshen'), passphrase: PASS, role: 'expert', kdf: TEST_KDF });
  for (let i = 0; i < n; i++) {
    appendAudit(store.db, {
      actor: 'expert:张伟',
      action: 'sheet.item-saved',
      detail: { applicant: `A${i}`, item: '4.1.2', percent: 55, note: '优势：领导作用突出' },
    });
  }
  return store;
}

/** A second connection to the same file, as someone holding the key and a SQLite shell would have. */
async function rawConnection(store: Store) {
  const key = await unwrapDataKey(readKeyFile(store.path), PASS);
  const db = openCipherDatabase(store.path, key, { create: false });
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  return db;
}

describe('audit chain', () => {
  it('chains each entry to the one before, from a genesis of zeros', async () => {
    const store = await storeWithEntries(3);
    const entries = listAudit(store.db, 10).reverse();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    const rows = store.db.prepare('SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq').all() as {
      seq: number;
      prev_hash: string;
      hash: string;
    }[];
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    expect(auditHead(store.db)).toEqual({ seq: 4, hash: rows[3]?.hash });
    expect(verifyAuditChain(store.db)).toEqual({ ok: true, head: rows[3]?.hash, length: 4 });
    store.close();
  });

  it('returns what was appended, and lists newest first within the limit', async () => {
    const store = await storeWithEntries(0);
    const e = appendAudit(store.db, { actor: 'secretariat:x', action: 'edition.created', detail: { b: 2, a: [1, '二'] } });
    expect(e).toMatchObject({ seq: 2, actor: 'secretariat:x', action: 'edition.created', detail: { a: [1, '二'], b: 2 } });
    expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
    const listed = listAudit(store.db, 1);
    expect(listed).toEqual([e]);
    expect(listAudit(store.db, 0)).toEqual([]);
    store.close();
  });

  it('refuses UPDATE and DELETE on the log', async () => {
    const store = await storeWithEntries(2);
    expect(() => store.db.prepare("UPDATE audit_log SET actor = 'someone else' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(/append-only/);
    expect(verifyAuditChain(store.db)).toMatchObject({ ok: true, length: 3 });
    store.close();
  });

  it('rolls the entry back with the change it records when that change fails', async () => {
    const store = await storeWithEntries(1);
    const headBefore = auditHead(store.db);
    expect(() =>
      store.db.transaction(() => {
        appendAudit(store.db, { actor: 'expert:x', action: 'will-fail', detail: {} });
        throw new Error('the change failed');
      })(),
    ).toThrow('the change failed');
    expect(auditHead(store.db)).toEqual(headBefore);
    store.close();
  });

  it('reports where the chain was edited behind its back', async () => {
    const store = await storeWithEntries(5);
    const raw = await rawConnection(store);
    raw.prepare("UPDATE audit_log SET detail_json = ? WHERE seq = 4").run(canonicalJson({ applicant: 'A2', item: '4.1.2', percent: 95, note: '' }));
    raw.close();
    expect(verifyAuditChain(store.db)).toEqual({ ok: false, brokenAt: 4 });
    store.close();
  });

  it('reports an entry removed from the middle, or re-hashed without its successors', async () => {
    const a = await storeWithEntries(5);
    const rawA = await rawConnection(a);
    rawA.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    rawA.close();
    expect(verifyAuditChain(a.db)).toEqual({ ok: false, brokenAt: 3 });
    a.close();

    const b = await storeWithEntries(5);
    const rawB = await rawConnection(b);
    rawB.prepare("UPDATE audit_log SET actor = 'expert:impostor', hash = ? WHERE seq = 2").run('f'.repeat(64));
    rawB.close();
    expect(verifyAuditChain(b.db)).toEqual({ ok: false, brokenAt: 2 });
    b.close();
  });

  it('refuses details that would not read back as they were hashed', async () => {
    const store = await storeWithEntries(0);
    expect(() => appendAudit(store.db, { actor: 'x', action: 'y', detail: { n: Number.NaN } })).toThrow(TypeError);
    expect(() => appendAudit(store.db, { actor: 'x', action: 'y', detail: { d: new Date() } })).toThrow(TypeError);
    expect(auditHead(store.db).seq).toBe(1);
    store.close();
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth and ignores insertion order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: '中' } })).toBe('{"a":{"c":"中","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('names where a value that is not plain JSON sits, and leaves out keys whose value is undefined', () => {
    expect(() => canonicalJson({ a: [1, { b: Number.NaN }] })).toThrow('$.a[1].b: NaN is not representable in JSON');
    expect(() => canonicalJson({ a: { when: new Date(0) } })).toThrow('$.a.when: only plain objects can be hashed, got Date');
    expect(() => canonicalJson([1, () => 2])).toThrow('$[1]: a function is not representable in JSON');
    expect(canonicalJson({ a: undefined, b: [] })).toBe('{"b":[]}');
  });

  it('reads back to itself for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const once = canonicalJson(v);
        expect(canonicalJson(JSON.parse(once))).toBe(once);
      }),
    );
  });
});
