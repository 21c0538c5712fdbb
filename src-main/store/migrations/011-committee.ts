import type Database from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './types.js';

/**
 * The committee's decision (issue 10): its confirmations of the shortlist and of the proposed
 * award list, its settlements of ties, and the secret ballot's counts. Each is a minute of a
 * meeting, so the tables are append-only: a later record replaces an earlier one in effect, and
 * the earlier one stays to say what was decided before. Only an edition recorded as disposed of
 * may lose them (008-records).

 */
const SQL = `
CREATE TABLE committee_confirmations (
  id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id),
  subject TEXT NOT NULL CHECK (subject IN ('shortlist', 'award-list')),
  held_on TEXT NOT NULL,
  meeting TEXT NOT NULL,
  confirmed_by TEXT NOT NULL,
  note TEXT,
  -- [{applicantId, level}] as confirmed
  snapshot_json TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX committee_confirmations_edition ON committee_confirmations(edition_id, subject);

CREATE TABLE committee_settlements (
  id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id),
  scope TEXT NOT NULL CHECK (scope IN ('cap', 'shortlist')),
  level TEXT CHECK (level IN ('award', 'nomination')),
  kind TEXT CHECK (kind IN ('unit', 'individual')),
  -- the tied applicants' ids, first placed first
  order_json TEXT NOT NULL,
  method TEXT NOT NULL,
  settled_by TEXT NOT NULL,
  reason TEXT NOT NULL,
  held_on TEXT NOT NULL,
  meeting TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX committee_settlements_edition ON committee_settlements(edition_id);

CREATE TABLE committee_tallies (
  seq INTEGER PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id),
  applicant_id TEXT NOT NULL REFERENCES applicants(id),
  voters INTEGER NOT NULL CHECK (voters >= 1),
  votes_for INTEGER NOT NULL CHECK (votes_for >= 0),
  votes_against INTEGER NOT NULL CHECK (votes_against >= 0),
  abstentions INTEGER NOT NULL CHECK (abstentions >= 0),
  invalid INTEGER NOT NULL CHECK (invalid >= 0),
  held_on TEXT NOT NULL,
  meeting TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  CHECK (votes_for + votes_against + abstentions + invalid = voters)
) STRICT;
CREATE INDEX committee_tallies_edition ON committee_tallies(edition_id, applicant_id);
`;

const APPEND_ONLY = ['committee_confirmations', 'committee_settlements', 'committee_tallies']
  .map(
    (t) => `
CREATE TRIGGER ${t}_append_only_u BEFORE UPDATE ON ${t}
BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END;
CREATE TRIGGER ${t}_append_only_d BEFORE DELETE ON ${t}
WHEN NOT EXISTS (SELECT 1 FROM edition_disposals d WHERE d.edition_id = OLD.edition_id)
BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END;`,
  )
  .join('\n');

export const m011: Migration = {
  version: 11,
  name: 'committee',
  up(db: Database.Database): void {
    db.exec(SQL + APPEND_ONLY);
  },
};
