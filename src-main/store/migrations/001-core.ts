import type Database from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './types.js';

/**
 * What every store has, whatever its role: settings, its own key pair, and the audit log.
 * The triggers make the log append-only at the database level, so no service bug (or SQL typed
 * by hand into an unlocked store) can rewrite history without first dropping them — and the hash
 * chain then shows where it was touched. The identity row is write-once for the same reason:
 * replacing it would orphan every package sealed to the old key.
 */
const SQL = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE identity (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  sign_private TEXT NOT NULL,
  sign_public TEXT NOT NULL,
  box_identity TEXT NOT NULL,
  box_recipient TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER identity_no_update BEFORE UPDATE ON identity
BEGIN SELECT RAISE(ABORT, 'identity is write-once'); END;
CREATE TRIGGER identity_no_delete BEFORE DELETE ON identity
BEGIN SELECT RAISE(ABORT, 'identity is write-once'); END;

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  detail_json TEXT NOT NULL,
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`;

export const m001: Migration = {
  version: 1,
  name: 'core',
  up(db: Database.Database): void {
    db.exec(SQL);
  },
};
