import type Database from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './types.js';

/**
 * The review's own tables, shared by both roles: the secretariat fills them by hand and from
 * result bundles, an expert's store from review packages. Rules that must hold whatever the code
 * does are constraints here (one panel per applicant and stage, the leader sits on the panel, a
 * submitted sheet is locked), so a bug upstream fails loudly instead of corrupting a ranking.
 * Materials are BLOBs inside the encrypted store: they never touch the disk in the clear.
 */
const SQL = `
CREATE TABLE frameworks (
  id TEXT PRIMARY KEY,
  framework_json TEXT NOT NULL,
  source TEXT NOT NULL,
  added_at TEXT NOT NULL
) STRICT;

CREATE TABLE editions (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2200),
  profile_id TEXT NOT NULL,
  framework_id TEXT NOT NULL,
  profile_json TEXT NOT NULL,
  framework_json TEXT NOT NULL,
  settings_json TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE applicants (
  id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id),
  code TEXT NOT NULL CHECK (length(trim(code)) > 0),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  kind TEXT NOT NULL CHECK (kind IN ('unit', 'individual')),
  industry INTEGER NOT NULL CHECK (industry IN (1, 2, 3)),
  contact_name TEXT,
  contact_phone TEXT,
  contact_email TEXT,
  UNIQUE (edition_id, code)
) STRICT;

CREATE TABLE experts (
  id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id),
  code TEXT NOT NULL CHECK (length(trim(code)) > 0),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  organisation TEXT,
  title TEXT,
  industry INTEGER CHECK (industry IS NULL OR industry IN (1, 2, 3)),
  phone TEXT,
  email TEXT,
  sign_public TEXT,
  box_recipient TEXT,
  fingerprint TEXT,
  enrolled_at TEXT,
  UNIQUE (edition_id, code),
  UNIQUE (edition_id, sign_public),
  CHECK ((sign_public IS NULL) = (box_recipient IS NULL)),
  CHECK ((sign_public IS NULL) = (fingerprint IS NULL)),
  CHECK ((sign_public IS NULL) = (enrolled_at IS NULL))
) STRICT;
CREATE INDEX experts_sign_public ON experts(sign_public) WHERE sign_public IS NOT NULL;

CREATE TABLE panels (
  id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id),
  stage TEXT NOT NULL CHECK (stage IN ('material', 'site', 'defence')),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  leader_id TEXT,
  UNIQUE (id, stage),
  UNIQUE (edition_id, stage, name),
  FOREIGN KEY (id, leader_id) REFERENCES panel_members(panel_id, expert_id) DEFERRABLE INITIALLY DEFERRED
) STRICT;

CREATE TABLE panel_members (
  panel_id TEXT NOT NULL REFERENCES panels(id) DEFERRABLE INITIALLY DEFERRED,
  expert_id TEXT NOT NULL REFERENCES experts(id),
  PRIMARY KEY (panel_id, expert_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX panel_members_expert ON panel_members(expert_id);

-- the primary key is the rule "an applicant is reviewed by exactly one panel per stage"
CREATE TABLE assignments (
  applicant_id TEXT NOT NULL REFERENCES applicants(id),
  stage TEXT NOT NULL,
  panel_id TEXT NOT NULL,
  PRIMARY KEY (applicant_id, stage),
  FOREIGN KEY (panel_id, stage) REFERENCES panels(id, stage)
) STRICT, WITHOUT ROWID;
CREATE INDEX assignments_panel ON assignments(panel_id);

CREATE TABLE materials (
  id TEXT PRIMARY KEY,
  applicant_id TEXT NOT NULL REFERENCES applicants(id),
  file_name TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size > 0),
  sha256 TEXT NOT NULL,
  bytes BLOB NOT NULL,
  added_at TEXT NOT NULL,
  UNIQUE (applicant_id, sha256)
) STRICT;

CREATE TABLE declarations (
  expert_id TEXT NOT NULL REFERENCES experts(id),
  applicant_id TEXT NOT NULL REFERENCES applicants(id),
  source TEXT NOT NULL CHECK (source IN ('expert', 'secretariat')),
  conflict INTEGER NOT NULL CHECK (conflict IN (0, 1)),
  reason TEXT NOT NULL,
  declared_at TEXT NOT NULL,
  bundle_id TEXT,
  PRIMARY KEY (expert_id, applicant_id, source),
  CHECK (conflict = 0 OR length(trim(reason)) > 0),
  CHECK (source = 'expert' OR conflict = 1)
) STRICT, WITHOUT ROWID;
CREATE INDEX declarations_applicant ON declarations(applicant_id);

CREATE TABLE score_sheets (
  id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id),
  expert_id TEXT NOT NULL REFERENCES experts(id),
  applicant_id TEXT NOT NULL REFERENCES applicants(id),
  stage TEXT NOT NULL CHECK (stage IN ('material', 'site', 'defence')),
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
  created_at TEXT NOT NULL,
  submitted_at TEXT,
  bundle_id TEXT,
  UNIQUE (expert_id, applicant_id, stage),
  CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
) STRICT;
CREATE INDEX score_sheets_edition ON score_sheets(edition_id, applicant_id);

CREATE TABLE item_scores (
  sheet_id TEXT NOT NULL REFERENCES score_sheets(id) ON DELETE CASCADE,
  item_code TEXT NOT NULL,
  percent INTEGER CHECK (percent IS NULL OR percent BETWEEN 0 AND 100),
  strengths TEXT NOT NULL DEFAULT '',
  opportunities TEXT NOT NULL DEFAULT '',
  updated_at TEXT,
  PRIMARY KEY (sheet_id, item_code)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER item_scores_locked BEFORE UPDATE ON item_scores
WHEN (SELECT status FROM score_sheets WHERE id = OLD.sheet_id) = 'submitted'
BEGIN SELECT RAISE(ABORT, 'sheet.locked: a submitted score sheet cannot change'); END;

CREATE TRIGGER score_sheets_no_reopen BEFORE UPDATE OF status ON score_sheets
WHEN OLD.status = 'submitted' AND NEW.status <> 'submitted'
BEGIN SELECT RAISE(ABORT, 'sheet.locked: a submitted score sheet cannot be reopened'); END;

-- result bundles the secretariat received; a refused one may be unreadable, so ids are nullable
CREATE TABLE bundles (
  seq INTEGER PRIMARY KEY,
  bundle_id TEXT,
  edition_id TEXT,
  expert_id TEXT,
  sequence INTEGER,
  sha256 TEXT NOT NULL,
  payload_sha256 TEXT,
  file_name TEXT NOT NULL,
  received_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('accepted', 'superseded', 'refused')),
  reason_json TEXT,
  audit_head TEXT,
  superseded_by TEXT,
  CHECK ((status = 'refused') = (reason_json IS NOT NULL)),
  CHECK (status = 'refused' OR (bundle_id IS NOT NULL AND edition_id IS NOT NULL AND expert_id IS NOT NULL AND sequence IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX bundles_once ON bundles(bundle_id) WHERE status <> 'refused';
CREATE UNIQUE INDEX bundles_one_current ON bundles(edition_id, expert_id) WHERE status = 'accepted';

-- expert side: the packages imported and the bundles exported
CREATE TABLE packages (
  package_id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id),
  expert_id TEXT NOT NULL REFERENCES experts(id),
  issued_at TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  secretariat_sign_public TEXT NOT NULL,
  secretariat_box_recipient TEXT NOT NULL,
  secretariat_fingerprint TEXT NOT NULL,
  imported_at TEXT NOT NULL
) STRICT;
CREATE INDEX packages_edition ON packages(edition_id, issued_at);

CREATE TABLE bundle_exports (
  bundle_id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id),
  sequence INTEGER NOT NULL CHECK (sequence >= 1),
  sheets INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (edition_id, sequence)
) STRICT;
`;

export const m002: Migration = {
  version: 2,
  name: 'review',
  up(db: Database.Database): void {
    db.exec(SQL);
  },
};
