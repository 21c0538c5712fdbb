import type Database from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './types.js';

/**
 * Every mistake can be put right (issue 9). Applicants and experts can withdraw (the record stays,
 * marked); a material can be replaced by a new version; a panel can seat a substitute expert for
 * one applicant; and the secretariat keeps what each package it exported held (without the
 * materials' bytes), so it can tell which experts hold an out-of-date package and what changed.
 * The expert side keeps the same summary of the package it imported, to tell the expert what a
 * newer one changes.
 */
const SQL = `
ALTER TABLE applicants ADD COLUMN withdrawn_at TEXT;
ALTER TABLE applicants ADD COLUMN withdrawn_reason TEXT;
ALTER TABLE experts ADD COLUMN withdrawn_at TEXT;
ALTER TABLE experts ADD COLUMN withdrawn_reason TEXT;

ALTER TABLE materials ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
-- the material this one replaced (its row is gone; the audit log names it)
ALTER TABLE materials ADD COLUMN replaces TEXT;

-- an expert added to a panel for one applicant only (增派专家), e.g. where recusals left it short
CREATE TABLE substitutes (
  applicant_id TEXT NOT NULL,
  stage TEXT NOT NULL,
  panel_id TEXT NOT NULL REFERENCES panels(id),
  expert_id TEXT NOT NULL REFERENCES experts(id),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  added_at TEXT NOT NULL,
  PRIMARY KEY (applicant_id, stage, expert_id),
  FOREIGN KEY (applicant_id, stage) REFERENCES assignments(applicant_id, stage) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX substitutes_expert ON substitutes(expert_id);

-- secretariat side: what each exported package held, as a canonical summary and its digest
CREATE TABLE package_exports (
  package_id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id),
  expert_id TEXT NOT NULL REFERENCES experts(id),
  issued_at TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  digest TEXT NOT NULL,
  content TEXT NOT NULL
) STRICT;
CREATE INDEX package_exports_expert ON package_exports(expert_id, issued_at);
CREATE TRIGGER package_exports_append_only_u BEFORE UPDATE ON package_exports
BEGIN SELECT RAISE(ABORT, 'package_exports is append-only'); END;
CREATE TRIGGER package_exports_append_only_d BEFORE DELETE ON package_exports
BEGIN SELECT RAISE(ABORT, 'package_exports is append-only'); END;

-- expert side: the summary of the package imported, to say what the next one changes
ALTER TABLE packages ADD COLUMN content TEXT;
`;

export const m004: Migration = {
  version: 4,
  name: 'corrections',
  up(db: Database.Database): void {
    db.exec(SQL);
  },
};
