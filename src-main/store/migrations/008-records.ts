import type Database from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './types.js';

/**
 * Records that last (issue 12): the archives of an edition this store verified, the backups it
 * made (or was restored from), and the editions it disposed of. All three are append-only and
 * outlive the editions they name (no foreign keys), so the store keeps saying what was archived,
 * backed up and deleted, and when. An edition's history tables stay append-only, except for an
 * edition recorded as disposed of: only then may its rows go.
 */
const SQL = `
CREATE TABLE edition_archives (
  seq INTEGER PRIMARY KEY,
  edition_id TEXT NOT NULL,
  archive_id TEXT NOT NULL,
  -- of the archive file as verified
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  made_at TEXT NOT NULL,
  verified_at TEXT NOT NULL,
  -- of the edition's records as the archive holds them: equal to the store's while nothing changed
  record_digest TEXT NOT NULL CHECK (length(record_digest) = 64),
  audit_seq INTEGER NOT NULL,
  plain INTEGER NOT NULL CHECK (plain IN (0, 1)),
  recipients_json TEXT NOT NULL
) STRICT;
CREATE INDEX edition_archives_edition ON edition_archives(edition_id);

CREATE TABLE store_backups (
  seq INTEGER PRIMARY KEY,
  -- 'made': this store made the backup; 'restored': this store was restored from it
  kind TEXT NOT NULL CHECK (kind IN ('made', 'restored')),
  at TEXT NOT NULL,
  made_at TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  size INTEGER NOT NULL CHECK (size > 0),
  -- the last audit entry the backup holds
  audit_seq INTEGER NOT NULL
) STRICT;

CREATE TABLE edition_disposals (
  edition_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  year INTEGER NOT NULL,
  disposed_at TEXT NOT NULL,
  retention_until TEXT,
  -- the verified archive that allowed it within its retention period
  archive_sha256 TEXT
) STRICT;

CREATE TRIGGER edition_archives_append_only_u BEFORE UPDATE ON edition_archives
BEGIN SELECT RAISE(ABORT, 'edition_archives is append-only'); END;
CREATE TRIGGER edition_archives_append_only_d BEFORE DELETE ON edition_archives
BEGIN SELECT RAISE(ABORT, 'edition_archives is append-only'); END;
CREATE TRIGGER store_backups_append_only_u BEFORE UPDATE ON store_backups
BEGIN SELECT RAISE(ABORT, 'store_backups is append-only'); END;
CREATE TRIGGER store_backups_append_only_d BEFORE DELETE ON store_backups
BEGIN SELECT RAISE(ABORT, 'store_backups is append-only'); END;
CREATE TRIGGER edition_disposals_append_only_u BEFORE UPDATE ON edition_disposals
BEGIN SELECT RAISE(ABORT, 'edition_disposals is append-only'); END;
CREATE TRIGGER edition_disposals_append_only_d BEFORE DELETE ON edition_disposals
BEGIN SELECT RAISE(ABORT, 'edition_disposals is append-only'); END;

DROP TRIGGER sheet_versions_append_only_d;
CREATE TRIGGER sheet_versions_append_only_d BEFORE DELETE ON sheet_versions
WHEN NOT EXISTS (SELECT 1 FROM edition_disposals d WHERE d.edition_id = OLD.edition_id)
BEGIN SELECT RAISE(ABORT, 'sheet_versions is append-only'); END;
DROP TRIGGER sheet_returns_append_only_d;
CREATE TRIGGER sheet_returns_append_only_d BEFORE DELETE ON sheet_returns
WHEN NOT EXISTS (SELECT 1 FROM edition_disposals d WHERE d.edition_id = OLD.edition_id)
BEGIN SELECT RAISE(ABORT, 'sheet_returns is append-only'); END;
DROP TRIGGER declaration_events_append_only_d;
CREATE TRIGGER declaration_events_append_only_d BEFORE DELETE ON declaration_events
WHEN NOT EXISTS (SELECT 1 FROM edition_disposals d JOIN applicants a ON a.edition_id = d.edition_id WHERE a.id = OLD.applicant_id)
BEGIN SELECT RAISE(ABORT, 'declaration_events is append-only'); END;
DROP TRIGGER package_exports_append_only_d;
CREATE TRIGGER package_exports_append_only_d BEFORE DELETE ON package_exports
WHEN NOT EXISTS (SELECT 1 FROM edition_disposals d WHERE d.edition_id = OLD.edition_id)
BEGIN SELECT RAISE(ABORT, 'package_exports is append-only'); END;
DROP TRIGGER panel_sheets_append_only_d;
CREATE TRIGGER panel_sheets_append_only_d BEFORE DELETE ON panel_sheets
WHEN NOT EXISTS (SELECT 1 FROM edition_disposals d WHERE d.edition_id = OLD.edition_id)
BEGIN SELECT RAISE(ABORT, 'panel_sheets is append-only'); END;
DROP TRIGGER leader_returns_append_only_d;
CREATE TRIGGER leader_returns_append_only_d BEFORE DELETE ON leader_returns
WHEN NOT EXISTS (SELECT 1 FROM edition_disposals d WHERE d.edition_id = OLD.edition_id)
BEGIN SELECT RAISE(ABORT, 'leader_returns is append-only'); END;
DROP TRIGGER consensus_signed_kept;
CREATE TRIGGER consensus_signed_kept BEFORE DELETE ON consensus_records
WHEN OLD.status = 'signed' AND NOT EXISTS (SELECT 1 FROM edition_disposals d WHERE d.edition_id = OLD.edition_id)
BEGIN SELECT RAISE(ABORT, 'consensus.signed: a signed consensus record cannot be deleted'); END;
DROP TRIGGER bundle_blobs_append_only_d;
CREATE TRIGGER bundle_blobs_append_only_d BEFORE DELETE ON bundle_blobs
WHEN NOT EXISTS (SELECT 1 FROM edition_disposals d JOIN bundles b ON b.edition_id = d.edition_id WHERE b.seq = OLD.bundle_seq)
BEGIN SELECT RAISE(ABORT, 'bundle_blobs is append-only'); END;
`;

export const m008: Migration = {
  version: 8,
  name: 'records',
  up(db: Database.Database): void {
    db.exec(SQL);
  },
};
