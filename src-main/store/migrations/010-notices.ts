import type Database from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './types.js';

/**
 * Public notices and objections (issue 10): the secretariat's corrections to the working-day
 * calendar (store-wide, not an edition's: a holiday is everyone's); an edition's notices, each
 * with the list it published as it stood when issued; the objection register with its
 * investigation notes; and the final list once published.
 */
const SQL = `
CREATE TABLE calendar_days (
  day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  working INTEGER NOT NULL CHECK (working IN (0, 1)),
  note TEXT NOT NULL CHECK (length(trim(note)) > 0),
  set_at TEXT NOT NULL,
  actor TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE notices (
  id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id),
  kind TEXT NOT NULL CHECK (kind IN ('accepted-list', 'award-list')),
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL CHECK (end_date >= start_date),
  days INTEGER NOT NULL CHECK (days > 0),
  working INTEGER NOT NULL CHECK (working IN (0, 1)),
  contact_json TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  UNIQUE (edition_id, kind)
) STRICT;

CREATE TABLE notice_entries (
  notice_id TEXT NOT NULL REFERENCES notices(id),
  position INTEGER NOT NULL,
  applicant_id TEXT NOT NULL REFERENCES applicants(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  designation TEXT CHECK (designation IS NULL OR designation IN ('award', 'nomination')),
  PRIMARY KEY (notice_id, applicant_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE objections (
  id TEXT PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id),
  notice_id TEXT NOT NULL REFERENCES notices(id),
  number INTEGER NOT NULL,
  applicant_id TEXT NOT NULL REFERENCES applicants(id),
  objector_kind TEXT NOT NULL CHECK (objector_kind IN ('person', 'organisation')),
  objector_name TEXT NOT NULL CHECK (length(trim(objector_name)) > 0),
  organisation TEXT,
  phone TEXT,
  address TEXT,
  received_on TEXT NOT NULL,
  grounds TEXT NOT NULL CHECK (length(trim(grounds)) > 0),
  state TEXT NOT NULL CHECK (state IN ('received', 'accepted', 'not-accepted', 'upheld', 'rejected')),
  accepted_on TEXT,
  decided_on TEXT,
  decision TEXT,
  registered_at TEXT NOT NULL,
  UNIQUE (edition_id, number),
  CHECK (state NOT IN ('received', 'accepted') OR decided_on IS NULL),
  CHECK (state NOT IN ('not-accepted', 'upheld', 'rejected') OR (decided_on IS NOT NULL AND length(trim(decision)) > 0)),
  CHECK (state NOT IN ('accepted', 'upheld', 'rejected') OR accepted_on IS NOT NULL)
) STRICT;
CREATE INDEX objections_notice ON objections(notice_id);

CREATE TABLE objection_notes (
  seq INTEGER PRIMARY KEY,
  edition_id TEXT NOT NULL REFERENCES editions(id),
  objection_id TEXT NOT NULL REFERENCES objections(id),
  noted_on TEXT NOT NULL,
  text TEXT NOT NULL CHECK (length(trim(text)) > 0),
  at TEXT NOT NULL
) STRICT;
CREATE INDEX objection_notes_objection ON objection_notes(objection_id);

CREATE TABLE final_lists (
  edition_id TEXT PRIMARY KEY REFERENCES editions(id),
  notice_id TEXT NOT NULL REFERENCES notices(id),
  published_on TEXT NOT NULL,
  published_at TEXT NOT NULL,
  entries_json TEXT NOT NULL
) STRICT;
`;

export const m010: Migration = {
  version: 10,
  name: 'notices',
  up(db: Database.Database) {
    db.exec(SQL);
  },
};
