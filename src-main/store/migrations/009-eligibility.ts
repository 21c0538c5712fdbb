import type Database from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './types.js';

/**
 * The eligibility check (issue 10): an individual applicant's 居民身份证号码 beside the credit code;
 * every step of an applicant's check as an event (who, when, the answers, why), the latest being
 * its standing; the reason text the clerk writes for a not-shortlisted letter; and the earlier
 * awards, revocations and frauds the clerk records for years before the app, keyed by credit
 * code or ID number, so that they outlive any one edition.
 *
 * Events are never updated. They may be deleted only with their applicant (an applicant entered
 * in error) or their edition (disposal); the audit log keeps saying what they were.
 */
const SQL = `
ALTER TABLE applicants ADD COLUMN id_number TEXT;

CREATE TABLE eligibility_events (
  seq INTEGER PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id),
  applicant_id TEXT NOT NULL REFERENCES applicants(id),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('incomplete', 'eligible', 'ineligible')),
  level TEXT NOT NULL CHECK (level IN ('award', 'nomination')),
  -- the day the conditions were judged on
  on_day TEXT NOT NULL,
  answers_json TEXT NOT NULL,
  -- the materials asked for (incomplete), and by when
  missing_json TEXT NOT NULL,
  due_day TEXT,
  -- the derived reasons (unmet conditions, standing bars), each in both languages
  reasons_json TEXT NOT NULL,
  note TEXT
) STRICT;
CREATE INDEX eligibility_events_applicant ON eligibility_events(applicant_id, seq);
CREATE INDEX eligibility_events_edition ON eligibility_events(edition_id);

CREATE TRIGGER eligibility_events_no_update BEFORE UPDATE ON eligibility_events
BEGIN SELECT RAISE(ABORT, 'eligibility_events is append-only'); END;

CREATE TABLE letter_reasons (
  applicant_id TEXT PRIMARY KEY REFERENCES applicants(id),
  edition_id TEXT NOT NULL REFERENCES editions(id),
  text TEXT NOT NULL CHECK (length(trim(text)) > 0),
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE past_awards (
  id TEXT PRIMARY KEY,
  -- 统一社会信用代码 or 居民身份证号码, as the applicants carry them
  holder TEXT NOT NULL CHECK (length(holder) = 18),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  event TEXT NOT NULL CHECK (event IN ('award', 'nomination', 'revoked', 'fraud')),
  on_day TEXT NOT NULL,
  note TEXT,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX past_awards_holder ON past_awards(holder);
`;

export const m009: Migration = {
  version: 9,
  name: 'eligibility',
  up(db: Database.Database): void {
    db.exec(SQL);
  },
};
