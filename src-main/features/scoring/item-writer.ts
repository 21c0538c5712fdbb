import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../../audit/chain.js';
import type { ItemEntry, SheetStatus } from '../../domain/review.js';
import { standing, type Standing } from '../../rules/recusal.js';

/**
 * The hot path of scoring: what one saved item costs the database, as statements prepared once
 * per connection. The bench runs the very same function on a plain SQLite copy to measure what
 * the encryption adds.
 */
export interface ItemGate {
  status: SheetStatus;
  editionId: string;
  expertId: string;
  applicantId: string;
  /** where the sheet's expert stands on its applicant */
  standing: Standing;
}

export type ItemWrite = ItemEntry & { sheetId: string; itemCode: string };

export interface ItemWriter {
  gate(sheetId: string): ItemGate | undefined;
  /** the item and its audit entry, in one transaction */
  write(item: ItemWrite, at: string): void;
}

const writers = new WeakMap<Database.Database, ItemWriter>();

export function itemWriter(db: Database.Database, actor: string): ItemWriter {
  const cached = writers.get(db);
  if (cached) return cached;
  const sheet = db.prepare(
    'SELECT status, edition_id AS editionId, expert_id AS expertId, applicant_id AS applicantId FROM score_sheets WHERE id = ?',
  );
  const pair = db.prepare('SELECT conflict FROM declarations WHERE expert_id = ? AND applicant_id = ?');
  const update = db.prepare('UPDATE item_scores SET percent = ?, strengths = ?, opportunities = ?, updated_at = ? WHERE sheet_id = ? AND item_code = ?');
  const write = db.transaction((i: ItemWrite, at: string) => {
    update.run(i.percent, i.strengths, i.opportunities, at, i.sheetId, i.itemCode);
    appendAudit(db, { actor, action: 'sheet.item-saved', detail: { sheetId: i.sheetId, itemCode: i.itemCode, percent: i.percent } });
  });
  const writer: ItemWriter = {
    gate(sheetId) {
      const row = sheet.get(sheetId) as Omit<ItemGate, 'standing'> | undefined;
      if (!row) return undefined;
      const declarations = (pair.all(row.expertId, row.applicantId) as { conflict: 0 | 1 }[]).map((d) => ({ conflict: d.conflict === 1 }));
      return { ...row, standing: standing(declarations) };
    },
    write: (item, at) => write(item, at),
  };
  writers.set(db, writer);
  return writer;
}
