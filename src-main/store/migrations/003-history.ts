import type Database from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './types.js';

/**
 * What has been received stays received (issue 8): every version of a score sheet, every return
 * of a sheet to its expert, every declaration and recusal event, and every bundle's bytes exactly
 * as they arrived. The tables score_sheets/item_scores and declarations hold the current state,
 * for reading; these hold the history and are append-only at the database level.
 */
const SQL = `
ALTER TABLE score_sheets ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
-- the return this version answers: a returned sheet reopens as the next version
ALTER TABLE score_sheets ADD COLUMN return_id TEXT;

CREATE TABLE sheet_versions (
  id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id),
  expert_id TEXT NOT NULL REFERENCES experts(id),
  applicant_id TEXT NOT NULL REFERENCES applicants(id),
  stage TEXT NOT NULL CHECK (stage IN ('material', 'site', 'defence')),
  version INTEGER NOT NULL CHECK (version >= 1),
  return_id TEXT,
  submitted_at TEXT NOT NULL,
  items_json TEXT NOT NULL,
  bundle_id TEXT,
  recorded_at TEXT NOT NULL,
  UNIQUE (expert_id, applicant_id, stage, version)
) STRICT;

CREATE TABLE sheet_returns (
  id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id),
  expert_id TEXT NOT NULL REFERENCES experts(id),
  applicant_id TEXT NOT NULL REFERENCES applicants(id),
  stage TEXT NOT NULL CHECK (stage IN ('material', 'site', 'defence')),
  -- the version sent back; the next version answers it
  version INTEGER NOT NULL CHECK (version >= 1),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  returned_at TEXT NOT NULL,
  returned_by TEXT NOT NULL,
  UNIQUE (expert_id, applicant_id, stage, version)
) STRICT;

ALTER TABLE declarations ADD COLUMN lifted_at TEXT;
ALTER TABLE declarations ADD COLUMN lifted_reason TEXT;

CREATE TABLE declaration_events (
  seq INTEGER PRIMARY KEY,
  expert_id TEXT NOT NULL REFERENCES experts(id),
  applicant_id TEXT NOT NULL REFERENCES applicants(id),
  source TEXT NOT NULL CHECK (source IN ('expert', 'secretariat')),
  event TEXT NOT NULL CHECK (event IN ('declared', 'imposed', 'lifted')),
  conflict INTEGER NOT NULL CHECK (conflict IN (0, 1)),
  reason TEXT NOT NULL,
  at TEXT NOT NULL,
  bundle_id TEXT,
  actor TEXT NOT NULL
) STRICT;
CREATE INDEX declaration_events_pair ON declaration_events(expert_id, applicant_id);

-- the bytes of every bundle the secretariat received, as they arrived
CREATE TABLE bundle_blobs (
  bundle_seq INTEGER PRIMARY KEY REFERENCES bundles(seq),
  bytes BLOB NOT NULL
) STRICT;

ALTER TABLE bundles ADD COLUMN audit_seq INTEGER;

CREATE TRIGGER sheet_versions_append_only_u BEFORE UPDATE ON sheet_versions
BEGIN SELECT RAISE(ABORT, 'sheet_versions is append-only'); END;
CREATE TRIGGER sheet_versions_append_only_d BEFORE DELETE ON sheet_versions
BEGIN SELECT RAISE(ABORT, 'sheet_versions is append-only'); END;
CREATE TRIGGER sheet_returns_append_only_u BEFORE UPDATE ON sheet_returns
BEGIN SELECT RAISE(ABORT, 'sheet_returns is append-only'); END;
CREATE TRIGGER sheet_returns_append_only_d BEFORE DELETE ON sheet_returns
BEGIN SELECT RAISE(ABORT, 'sheet_returns is append-only'); END;
CREATE TRIGGER declaration_events_append_only_u BEFORE UPDATE ON declaration_events
BEGIN SELECT RAISE(ABORT, 'declaration_events is append-only'); END;
CREATE TRIGGER declaration_events_append_only_d BEFORE DELETE ON declaration_events
BEGIN SELECT RAISE(ABORT, 'declaration_events is append-only'); END;
CREATE TRIGGER bundle_blobs_append_only_u BEFORE UPDATE ON bundle_blobs
BEGIN SELECT RAISE(ABORT, 'bundle_blobs is append-only'); END;
CREATE TRIGGER bundle_blobs_append_only_d BEFORE DELETE ON bundle_blobs
BEGIN SELECT RAISE(ABORT, 'bundle_blobs is append-only'); END;
`;

export const m003: Migration = {
  version: 3,
  name: 'history',
  up(db: Database.Database): void {
    db.exec(SQL);
  },
};
