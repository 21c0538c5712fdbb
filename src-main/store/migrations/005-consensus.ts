import type Database from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './types.js';

/**
 * The panel leader's consensus (组长负责制). On an expert's store: who sits on the panels the
 * expert sits on (with the keys a leader needs to verify the members' bundles and a member needs
 * to seal to the leader), and, on a leader's laptop, the members' bundles and sheets as received.
 * On every store: the returns a leader signed, and the consensus records, open or signed.
 * Everything received is append-only; a signed record never changes.
 */
const SQL = `
CREATE TABLE package_rosters (
  package_id TEXT PRIMARY KEY REFERENCES packages(package_id),
  roster_json TEXT NOT NULL
) STRICT;

CREATE TABLE panel_bundles (
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
  audit_seq INTEGER,
  audit_head TEXT,
  CHECK ((status = 'refused') = (reason_json IS NOT NULL)),
  CHECK (status = 'refused' OR (bundle_id IS NOT NULL AND edition_id IS NOT NULL AND expert_id IS NOT NULL AND sequence IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX panel_bundles_once ON panel_bundles(bundle_id) WHERE status <> 'refused';
CREATE UNIQUE INDEX panel_bundles_current ON panel_bundles(edition_id, expert_id) WHERE status = 'accepted';

CREATE TABLE panel_sheets (
  edition_id TEXT NOT NULL REFERENCES editions(id),
  expert_id TEXT NOT NULL,
  applicant_id TEXT NOT NULL REFERENCES applicants(id),
  stage TEXT NOT NULL CHECK (stage IN ('material', 'site', 'defence')),
  version INTEGER NOT NULL CHECK (version >= 1),
  sheet_id TEXT NOT NULL,
  return_id TEXT,
  submitted_at TEXT NOT NULL,
  items_json TEXT NOT NULL,
  bundle_id TEXT NOT NULL,
  PRIMARY KEY (expert_id, applicant_id, stage, version)
) STRICT, WITHOUT ROWID;

CREATE TABLE panel_declarations (
  edition_id TEXT NOT NULL REFERENCES editions(id),
  expert_id TEXT NOT NULL,
  applicant_id TEXT NOT NULL,
  conflict INTEGER NOT NULL CHECK (conflict IN (0, 1)),
  reason TEXT NOT NULL,
  declared_at TEXT NOT NULL,
  bundle_id TEXT NOT NULL,
  PRIMARY KEY (expert_id, applicant_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE leader_returns (
  id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id),
  panel_id TEXT NOT NULL,
  leader_id TEXT NOT NULL,
  expert_id TEXT NOT NULL,
  applicant_id TEXT NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('material', 'site', 'defence')),
  version INTEGER NOT NULL CHECK (version >= 1),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  returned_at TEXT NOT NULL,
  -- the return as the leader signed it (compact JWS): what travels on
  statement TEXT NOT NULL,
  UNIQUE (expert_id, applicant_id, stage, version)
) STRICT;

CREATE TABLE consensus_records (
  id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id),
  applicant_id TEXT NOT NULL REFERENCES applicants(id),
  stage TEXT NOT NULL CHECK (stage IN ('material', 'site', 'defence')),
  panel_id TEXT NOT NULL,
  leader_id TEXT NOT NULL,
  recorded_by TEXT NOT NULL CHECK (recorded_by IN ('leader', 'secretariat')),
  status TEXT NOT NULL CHECK (status IN ('open', 'signed')),
  opened_at TEXT NOT NULL,
  signed_at TEXT,
  -- while open: the members' sheets it opened on, the settlements, the opinion so far, the returns made
  draft_json TEXT,
  -- once signed: the record and its signed statement (compact JWS)
  record_json TEXT,
  statement TEXT,
  -- at the secretariat: the leader's bundle it came in
  bundle_id TEXT,
  CHECK (status = 'signed' OR draft_json IS NOT NULL),
  CHECK ((status = 'signed') = (record_json IS NOT NULL AND statement IS NOT NULL AND signed_at IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX consensus_one_open ON consensus_records(applicant_id, stage) WHERE status = 'open';
CREATE INDEX consensus_records_edition ON consensus_records(edition_id, applicant_id, stage);

CREATE TRIGGER panel_sheets_append_only_u BEFORE UPDATE ON panel_sheets
BEGIN SELECT RAISE(ABORT, 'panel_sheets is append-only'); END;
CREATE TRIGGER panel_sheets_append_only_d BEFORE DELETE ON panel_sheets
BEGIN SELECT RAISE(ABORT, 'panel_sheets is append-only'); END;
CREATE TRIGGER leader_returns_append_only_u BEFORE UPDATE ON leader_returns
BEGIN SELECT RAISE(ABORT, 'leader_returns is append-only'); END;
CREATE TRIGGER leader_returns_append_only_d BEFORE DELETE ON leader_returns
BEGIN SELECT RAISE(ABORT, 'leader_returns is append-only'); END;
CREATE TRIGGER consensus_signed_fixed BEFORE UPDATE ON consensus_records WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, 'consensus.signed: a signed consensus record cannot change'); END;
CREATE TRIGGER consensus_signed_kept BEFORE DELETE ON consensus_records WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, 'consensus.signed: a signed consensus record cannot be deleted'); END;
`;

export const m005: Migration = {
  version: 5,
  name: 'consensus',
  up(db: Database.Database): void {
    db.exec(SQL);
  },
};
