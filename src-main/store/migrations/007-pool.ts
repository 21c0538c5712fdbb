import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../../audit/chain.js';
import type { Migration } from './types.js';

/**
 * The expert pool (issue 13): the secretariat keeps each expert once, across editions, with
 * their profile, qualifications, status and the key they enrolled, and an edition seats experts
 * drawn from it. An `experts` row stays what every review table refers to — the expert's seat
 * in one edition — and now names its pool record; the seat carries a copy of the pool's profile
 * and keys, written by the same statement that changes the pool, so packages, bundles and
 * reports keep reading one table. Applicants gain their 统一社会信用代码, and a clerk's answer
 * to a conflict suggestion ("checked, no conflict") is kept with its reason.
 */
const SQL = `
CREATE TABLE pool_experts (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (length(trim(code)) > 0),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  organisation TEXT,
  credit_code TEXT,
  title TEXT,
  industry INTEGER CHECK (industry IS NULL OR industry IN (1, 2, 3)),
  speciality TEXT,
  phone TEXT,
  email TEXT,
  sign_public TEXT UNIQUE,
  box_recipient TEXT,
  fingerprint TEXT,
  enrolled_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'removed')),
  status_reason TEXT NOT NULL,
  status_at TEXT NOT NULL,
  added_at TEXT NOT NULL,
  CHECK ((sign_public IS NULL) = (box_recipient IS NULL)),
  CHECK ((sign_public IS NULL) = (fingerprint IS NULL)),
  CHECK ((sign_public IS NULL) = (enrolled_at IS NULL)),
  CHECK (status = 'active' OR length(trim(status_reason)) > 0)
) STRICT;

CREATE TABLE pool_qualifications (
  id TEXT PRIMARY KEY,
  expert_id TEXT NOT NULL REFERENCES pool_experts(id),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  certificate TEXT,
  obtained_on TEXT,
  added_at TEXT NOT NULL
) STRICT;
CREATE INDEX pool_qualifications_expert ON pool_qualifications(expert_id);

ALTER TABLE experts ADD COLUMN pool_id TEXT REFERENCES pool_experts(id);
CREATE UNIQUE INDEX experts_pool_seat ON experts(edition_id, pool_id) WHERE pool_id IS NOT NULL;

ALTER TABLE applicants ADD COLUMN credit_code TEXT;

-- a conflict suggestion the clerk looked into and found no conflict in
CREATE TABLE conflict_checks (
  expert_id TEXT NOT NULL REFERENCES experts(id),
  applicant_id TEXT NOT NULL REFERENCES applicants(id),
  basis TEXT NOT NULL CHECK (basis IN ('organisation', 'credit-code', 'reviewed-before', 'declared-before')),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  checked_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  PRIMARY KEY (expert_id, applicant_id, basis)
) STRICT, WITHOUT ROWID;
`;

interface SeatRow {
  id: string;
  code: string;
  name: string;
  organisation: string | null;
  title: string | null;
  industry: number | null;
  phone: string | null;
  email: string | null;
  sign_public: string | null;
  box_recipient: string | null;
  fingerprint: string | null;
  enrolled_at: string | null;
  year: number;
}

/**
 * Every seat a secretariat's store already has gets its pool record. Seats holding the same
 * enrolled key are one person (one laptop, one key) and share one record, with the profile of
 * their latest edition; nothing else is taken to be the same person, so two editions' "E01"
 * stay two records unless they enrolled one key. A code already taken in the pool gets the
 * edition's year, then a counter, appended.
 */
function poolFromSeats(db: Database.Database): void {
  if (db.prepare("SELECT value FROM meta WHERE key = 'role'").pluck().get() !== 'secretariat') return;
  const seats = db
    .prepare('SELECT e.*, ed.year FROM experts e JOIN editions ed ON ed.id = e.edition_id ORDER BY ed.year DESC, ed.created_at DESC, e.code')
    .all() as SeatRow[];
  if (seats.length === 0) return;
  const now = new Date().toISOString();
  const byKey = new Map<string, string>();
  const codes = new Set<string>();
  const insert = db.prepare(
    `INSERT INTO pool_experts (id, code, name, organisation, title, industry, phone, email, sign_public, box_recipient, fingerprint,
                               enrolled_at, status, status_reason, status_at, added_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', '', ?, ?)`,
  );
  const link = db.prepare('UPDATE experts SET pool_id = ? WHERE id = ?');
  const made: { poolId: string; code: string; seats: string[] }[] = [];
  for (const s of seats) {
    const known = s.sign_public === null ? undefined : byKey.get(s.sign_public);
    if (known) {
      link.run(known, s.id);
      made.find((m) => m.poolId === known)!.seats.push(s.id);
      continue;
    }
    let code = s.code;
    for (let n = 2; codes.has(code); n++) code = n === 2 ? `${s.code}-${s.year}` : `${s.code}-${s.year}-${n - 1}`;
    codes.add(code);
    const poolId = randomUUID();
    insert.run(poolId, code, s.name, s.organisation, s.title, s.industry, s.phone, s.email, s.sign_public, s.box_recipient, s.fingerprint, s.enrolled_at, now, now);
    if (s.sign_public !== null) byKey.set(s.sign_public, poolId);
    link.run(poolId, s.id);
    made.push({ poolId, code, seats: [s.id] });
  }
  const fingerprint = db.prepare('SELECT fingerprint FROM identity WHERE id = 1').pluck().get() as string | undefined;
  appendAudit(db, { actor: `secretariat:${fingerprint ?? ''}`, action: 'pool.formed', detail: { reason: 'schema 7: experts kept in one pool across editions', experts: made } });
}

export const m007: Migration = {
  version: 7,
  name: 'pool',
  up(db: Database.Database): void {
    db.exec(SQL);
    poolFromSeats(db);
  },
};
