import { hash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { AuditEntry } from '../domain/store.js';
import { canonicalJson } from './canonical-json.js';

/**
 * The append-only audit log as a hash chain: each entry's hash covers the previous hash and the
 * entry itself, so removing, reordering or editing any entry breaks every hash after it. The
 * head (seq + hash) travels in result bundles, which lets the secretariat notice an expert's log
 * that was rewound or forked.
 */

export const GENESIS_HASH = '0'.repeat(64);

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  detail_json: string;
  prev_hash: string;
  hash: string;
}

function entryHash(prevHash: string, e: { seq: number; at: string; actor: string; action: string; detail: unknown }): string {
  const body = canonicalJson({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, detail: e.detail });
  // one-shot: an intake hashes every entry of every bundle's log, and a Hash object per entry
  // cost more than the digest; the bytes are the same (the previous hash, then the body, UTF-8)
  return hash('sha256', prevHash + body, 'hex');
}

/** Appending sits on the hot path of every saved score: prepare its statements once per connection. */
const statementCache = new WeakMap<Database.Database, { head: Database.Statement; insert: Database.Statement }>();

function statements(db: Database.Database): { head: Database.Statement; insert: Database.Statement } {
  let s = statementCache.get(db);
  if (!s) {
    s = {
      head: db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
      insert: db.prepare(
        'INSERT INTO audit_log (seq, at, actor, action, detail_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
    };
    statementCache.set(db, s);
  }
  return s;
}

export function auditHead(db: Database.Database): { seq: number; hash: string } {
  const row = statements(db).head.get() as { seq: number; hash: string } | undefined;
  return row ?? { seq: 0, hash: GENESIS_HASH };
}

/** Appends one entry. Call it inside the transaction that makes the change it records. */
export function appendAudit(
  db: Database.Database,
  input: { actor: string; action: string; detail: Record<string, unknown> },
): AuditEntry {
  const detailJson = canonicalJson(input.detail);
  const detail = JSON.parse(detailJson) as Record<string, unknown>;
  return db.transaction((): AuditEntry => {
    const head = auditHead(db);
    const seq = head.seq + 1;
    const at = new Date().toISOString();
    const hash = entryHash(head.hash, { seq, at, actor: input.actor, action: input.action, detail });
    statements(db).insert.run(seq, at, input.actor, input.action, detailJson, head.hash, hash);
    return { seq, at, actor: input.actor, action: input.action, detail, hash };
  })();
}

/** The entry that follows `prev` (or starts the chain), linked and hashed. Pure. */
export function linkEntry(
  prev: Pick<ChainEntry, 'seq' | 'hash'> | null,
  e: { at: string; actor: string; action: string; detail: Record<string, unknown> },
): ChainEntry {
  const seq = (prev?.seq ?? 0) + 1;
  const prevHash = prev?.hash ?? GENESIS_HASH;
  const detail = JSON.parse(canonicalJson(e.detail)) as Record<string, unknown>;
  return { seq, at: e.at, actor: e.actor, action: e.action, detail, prevHash, hash: entryHash(prevHash, { seq, ...e, detail }) };
}

/** One entry as the chain links it: what a bundle carries of the expert's log. */
export interface ChainEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export type ChainCheck = { ok: true; head: string; length: number } | { ok: false; brokenAt: number };

/**
 * Walks entries from the first: `brokenAt` is the first seq whose entry does not match the chain:
 * edited, missing (a gap), or linked to anything but its predecessor. Pure, so the secretariat
 * checks a bundle's copy of an expert's log exactly as a store checks its own.
 */
export function walkChain(entries: Iterable<ChainEntry>): ChainCheck {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of entries) {
    if (e.seq !== expectedSeq || e.prevHash !== prev) return { ok: false, brokenAt: expectedSeq };
    if (entryHash(prev, e) !== e.hash) return { ok: false, brokenAt: e.seq };
    prev = e.hash;
    expectedSeq += 1;
  }
  return { ok: true, head: prev, length: expectedSeq - 1 };
}

/** Every entry of the store's log, oldest first, as the chain links them. */
export function* chainEntries(db: Database.Database): Generator<ChainEntry> {
  const rows = db
    .prepare('SELECT seq, at, actor, action, detail_json, prev_hash, hash FROM audit_log ORDER BY seq')
    .iterate() as IterableIterator<AuditRow>;
  for (const r of rows) {
    let detail: Record<string, unknown>;
    try {
      detail = JSON.parse(r.detail_json) as Record<string, unknown>;
    } catch {
      // a detail that no longer parses cannot hash to its entry: the walk reports it there
      detail = { unreadable: r.detail_json };
    }
    yield { seq: r.seq, at: r.at, actor: r.actor, action: r.action, detail, prevHash: r.prev_hash, hash: r.hash };
  }
}

/** Walks the store's whole log. */
export function verifyAuditChain(db: Database.Database): ChainCheck {
  return walkChain(chainEntries(db));
}

/** The most recent `limit` entries, newest first. */
export function listAudit(db: Database.Database, limit: number): AuditEntry[] {
  const n = Math.max(0, Math.floor(limit));
  const rows = db
    .prepare('SELECT seq, at, actor, action, detail_json, hash FROM audit_log ORDER BY seq DESC LIMIT ?')
    .all(n) as Omit<AuditRow, 'prev_hash'>[];
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    detail: JSON.parse(r.detail_json) as Record<string, unknown>,
    hash: r.hash,
  }));
}
