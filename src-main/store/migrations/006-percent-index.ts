import type Database from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './types.js';

/**
 * Ranking reads every submitted item's percent and none of the comments (issue 15). item_scores
 * keeps the comments inline, so reading percents through it decrypts every page of comments;
 * this index holds only the sheet, the percent and (as the table's key) the item, a small
 * fraction of the pages.
 */
const SQL = `CREATE INDEX item_scores_percent ON item_scores(sheet_id, percent);`;

export const m006: Migration = {
  version: 6,
  name: 'percent-index',
  up(db: Database.Database) {
    db.exec(SQL);
  },
};
