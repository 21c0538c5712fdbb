import { randomUUID } from 'node:crypto';
import type { CriteriaFramework } from '../../criteria/schema.js';
import type { Stage } from '../../domain/words.js';
import { sheetTotal } from '../../scoring/sheet.js';
import type { ItemScore, ScoreSheet, SheetReturn, SheetVersion } from '../../domain/review.js';
import type { Ctx } from '../context.js';
import { refuse } from '../../domain/errors.js';
import { getEdition } from './editions.js';
import { getApplicant } from './people.js';

export interface SheetRow {
  id: string;
  edition_id: string;
  expert_id: string;
  applicant_id: string;
  stage: Stage;
  status: 'draft' | 'submitted';
  created_at: string;
  submitted_at: string | null;
  bundle_id: string | null;
  version: number;
  /** the return this version answers */
  return_id: string | null;
}

/** An open return: the secretariat sent this version back and no later version has come. */
const RETURNED = `EXISTS (SELECT 1 FROM sheet_returns r WHERE r.expert_id = s.expert_id AND r.applicant_id = s.applicant_id
                    AND r.stage = s.stage AND r.version = s.version)`;

export function itemsOf(ctx: Ctx, sheetId: string, framework: CriteriaFramework): ItemScore[] {
  const rows = ctx
    .stmt('SELECT item_code AS itemCode, percent, strengths, opportunities, updated_at AS updatedAt FROM item_scores WHERE sheet_id = ?')
    .all(sheetId) as ItemScore[];
  const byCode = new Map(rows.map((r) => [r.itemCode, r]));
  return framework.categories.flatMap((cat) =>
    cat.items.map((item): ItemScore => byCode.get(item.code) ?? { itemCode: item.code, percent: null, strengths: '', opportunities: '', updatedAt: null }),
  );
}

export function percentsOf(items: ItemScore[]): Record<string, number> {
  const percents: Record<string, number> = {};
  for (const item of items) if (item.percent !== null) percents[item.itemCode] = item.percent;
  return percents;
}

/**
 * Every counted sheet's percents in one query: ranking needs the numbers, not the comments.
 * SQLite gathers each sheet's percents into one JSON object: a row per item score, handed from
 * the native module to JavaScript one at a time, cost more than the query itself (issue 15). The
 * items go in code order, so every sheet's object has the same shape: JSON.parse builds objects
 * whose keys come in varying orders (the index gives them by percent) several times slower.
 */
export function submittedPercentsOfEdition(ctx: Ctx, editionId: string): Map<string, Record<string, number>> {
  const rows = ctx
    .stmt(
      `SELECT s.id, (SELECT json_group_object(i.item_code, i.percent ORDER BY i.item_code) FROM item_scores i WHERE i.sheet_id = s.id AND i.percent IS NOT NULL)
       FROM score_sheets s WHERE s.edition_id = ? AND s.status = 'submitted' AND NOT ${RETURNED}`,
    )
    .raw(true)
    .all(editionId) as [sheetId: string, percents: string][];
  return new Map(rows.map(([sheetId, percents]) => [sheetId, JSON.parse(percents) as Record<string, number>]));
}

const RETURN_COLUMNS = `id, edition_id AS editionId, expert_id AS expertId, applicant_id AS applicantId, stage, version, reason,
  returned_at AS returnedAt, returned_by AS returnedBy`;

/** The return sent for exactly this version of the sheet, if any. */
export function returnOf(ctx: Ctx, r: Pick<SheetRow, 'expert_id' | 'applicant_id' | 'stage' | 'version'>): SheetReturn | undefined {
  return ctx
    .stmt(`SELECT ${RETURN_COLUMNS} FROM sheet_returns WHERE expert_id = ? AND applicant_id = ? AND stage = ? AND version = ?`)
    .get(r.expert_id, r.applicant_id, r.stage, r.version) as SheetReturn | undefined;
}

export function findReturn(ctx: Ctx, id: string): SheetReturn | undefined {
  return ctx.stmt(`SELECT ${RETURN_COLUMNS} FROM sheet_returns WHERE id = ?`).get(id) as SheetReturn | undefined;
}

export function insertReturn(ctx: Ctx, r: SheetReturn): void {
  ctx
    .stmt(
      `INSERT INTO sheet_returns (id, edition_id, expert_id, applicant_id, stage, version, reason, returned_at, returned_by)
       VALUES (@id, @editionId, @expertId, @applicantId, @stage, @version, @reason, @returnedAt, @returnedBy)`,
    )
    .run(r);
}

/**
 * Sends a received sheet back to its expert for correction, with the reason: it stops counting,
 * the expert's next package reopens it, and only the revised version may replace it. The
 * secretariat's own return, and the one it makes for a panel meeting at its workstation.
 */
export function returnSheet(ctx: Ctx, row: SheetRow, reason: string): SheetReturn {
  const code = getApplicant(ctx, row.applicant_id).code;
  if (row.status !== 'submitted') {
    throw refuse('sheet.not-submitted', `${code} 的这张评分表尚未提交，不能退回。`, `This sheet for ${code} has not been submitted, so it cannot be returned.`);
  }
  if (returnOf(ctx, row)) {
    throw refuse(
      'sheet.already-returned',
      `${code} 的这张评分表已退回专家修改，正在等待其重新提交。`,
      `This sheet for ${code} was already returned to its expert and awaits the revised version.`,
    );
  }
  const r: SheetReturn = {
    id: randomUUID(),
    editionId: row.edition_id,
    expertId: row.expert_id,
    applicantId: row.applicant_id,
    stage: row.stage,
    version: row.version,
    reason,
    returnedAt: ctx.now(),
    returnedBy: ctx.actor,
  };
  return ctx.change('sheet.returned', () => {
    insertReturn(ctx, r);
    return { result: r, detail: { returnId: r.id, expertId: r.expertId, applicantId: r.applicantId, stage: r.stage, version: r.version, reason: r.reason } };
  });
}

/** Every return ever sent to this expert, for the package that tells the expert's store. */
export function returnsOfExpert(ctx: Ctx, expertId: string): SheetReturn[] {
  return ctx.stmt(`SELECT ${RETURN_COLUMNS} FROM sheet_returns WHERE expert_id = ? ORDER BY returned_at`).all(expertId) as SheetReturn[];
}

export function returnsOfEdition(ctx: Ctx, editionId: string): SheetReturn[] {
  return ctx.stmt(`SELECT ${RETURN_COLUMNS} FROM sheet_returns WHERE edition_id = ? ORDER BY returned_at`).all(editionId) as SheetReturn[];
}

export function recordVersion(ctx: Ctx, v: SheetVersion): void {
  ctx
    .stmt(
      `INSERT INTO sheet_versions (id, edition_id, expert_id, applicant_id, stage, version, return_id, submitted_at, items_json, bundle_id, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(v.id, v.editionId, v.expertId, v.applicantId, v.stage, v.version, v.returnId, v.submittedAt, JSON.stringify(v.items), v.bundleId, v.recordedAt);
}

interface VersionRow {
  id: string;
  editionId: string;
  expertId: string;
  applicantId: string;
  stage: Stage;
  version: number;
  returnId: string | null;
  submittedAt: string;
  items_json: string;
  bundleId: string | null;
  recordedAt: string;
}

const VERSION_COLUMNS = `id, edition_id AS editionId, expert_id AS expertId, applicant_id AS applicantId, stage, version,
  return_id AS returnId, submitted_at AS submittedAt, items_json, bundle_id AS bundleId, recorded_at AS recordedAt`;

const version = ({ items_json, ...v }: VersionRow): SheetVersion => ({ ...v, items: JSON.parse(items_json) as ItemScore[] });

/** Every version of every sheet of an edition, oldest first: the panel summary's annex of changes. */
export function versionsOfEdition(ctx: Ctx, editionId: string): SheetVersion[] {
  return (ctx.stmt(`SELECT ${VERSION_COLUMNS} FROM sheet_versions WHERE edition_id = ? ORDER BY recorded_at, version`).all(editionId) as VersionRow[]).map(version);
}

export function versionsOf(ctx: Ctx, expertId: string, applicantId: string, stage: Stage): SheetVersion[] {
  return (
    ctx
      .stmt(`SELECT ${VERSION_COLUMNS} FROM sheet_versions WHERE expert_id = ? AND applicant_id = ? AND stage = ? ORDER BY version`)
      .all(expertId, applicantId, stage) as VersionRow[]
  ).map(version);
}

export function toSheet(ctx: Ctx, r: SheetRow, framework: CriteriaFramework): ScoreSheet {
  const items = itemsOf(ctx, r.id, framework);
  const open = r.status === 'submitted' ? returnOf(ctx, r) : undefined;
  const answered = r.return_id === null ? undefined : findReturn(ctx, r.return_id);
  return {
    id: r.id,
    editionId: r.edition_id,
    expertId: r.expert_id,
    applicantId: r.applicant_id,
    stage: r.stage,
    status: r.status,
    submittedAt: r.submitted_at,
    items,
    total: sheetTotal(framework, percentsOf(items)),
    version: r.version,
    returned: open ? { reason: open.reason, at: open.returnedAt } : null,
    revisedFor: answered?.reason ?? null,
  };
}

export function findSheetRow(ctx: Ctx, id: string): SheetRow | undefined {
  return ctx.stmt('SELECT * FROM score_sheets WHERE id = ?').get(id) as SheetRow | undefined;
}

export function findSheetRowFor(ctx: Ctx, expertId: string, applicantId: string, stage: Stage): SheetRow | undefined {
  return ctx
    .stmt('SELECT * FROM score_sheets WHERE expert_id = ? AND applicant_id = ? AND stage = ?')
    .get(expertId, applicantId, stage) as SheetRow | undefined;
}

/**
 * Only the conditions a filter names go into the statement: a condition of the form
 * `(@x IS NULL OR s.x = @x)` keeps SQLite from using the index on the expert's sheets, and intake
 * asks for one expert's sheets once per bundle, so every bundle would read every sheet of the
 * edition (issue 15: intake grew faster than the edition).
 */
const SHEET_FILTERS = {
  applicantId: 's.applicant_id = @applicantId',
  stage: 's.stage = @stage',
  expertId: 's.expert_id = @expertId',
  status: 's.status = @status',
} as const;

export function sheetRowsOfEdition(
  ctx: Ctx,
  editionId: string,
  filter: { applicantId?: string; stage?: Stage; expertId?: string; status?: SheetRow['status']; counted?: boolean } = {},
): SheetRow[] {
  const params: Record<string, string> = { editionId };
  // one expert's sheets are found through the expert's index, not by reading the edition's:
  // the unary plus keeps SQLite from choosing the edition's index, which it would without statistics
  const conditions = [filter.expertId === undefined ? 's.edition_id = @editionId' : '+s.edition_id = @editionId'];
  for (const [key, condition] of Object.entries(SHEET_FILTERS) as [keyof typeof SHEET_FILTERS, string][]) {
    const value = filter[key];
    if (value === undefined) continue;
    conditions.push(condition);
    params[key] = value;
  }
  if (filter.counted) conditions.push(`s.status = 'submitted' AND NOT ${RETURNED}`);
  return ctx
    .stmt(
      `SELECT s.* FROM score_sheets s JOIN applicants a ON a.id = s.applicant_id
       WHERE ${conditions.join(' AND ')}
       ORDER BY a.code, s.stage, s.expert_id`,
    )
    .all(params) as SheetRow[];
}

export function sheetsOfApplicant(ctx: Ctx, expertId: string, applicantId: string): SheetRow[] {
  return ctx
    .stmt('SELECT * FROM score_sheets WHERE expert_id = ? AND applicant_id = ?')
    .all(expertId, applicantId) as SheetRow[];
}

export function insertSheet(ctx: Ctx, r: SheetRow): void {
  ctx
    .stmt(
      `INSERT INTO score_sheets (id, edition_id, expert_id, applicant_id, stage, status, created_at, submitted_at, bundle_id, version, return_id)
       VALUES (@id, @edition_id, @expert_id, @applicant_id, @stage, @status, @created_at, @submitted_at, @bundle_id, @version, @return_id)`,
    )
    .run(r);
}

/** A sheet's items in one statement: a bundle brings tens of thousands of them. */
export function insertItems(ctx: Ctx, sheetId: string, items: ItemScore[]): void {
  if (items.length === 0) return;
  const tuples = Array.from({ length: items.length }, () => '(?, ?, ?, ?, ?, ?)').join(', ');
  const values = items.flatMap((item) => [sheetId, item.itemCode, item.percent, item.strengths, item.opportunities, item.updatedAt]);
  ctx.stmt(`INSERT INTO item_scores (sheet_id, item_code, percent, strengths, opportunities, updated_at) VALUES ${tuples}`).run(values);
}

export function deleteSheet(ctx: Ctx, id: string): void {
  ctx.stmt('DELETE FROM score_sheets WHERE id = ?').run(id);
}

/**
 * A returned sheet comes back to its expert as the next version, a draft holding what the returned
 * version said, so the expert corrects rather than starts again; the returned version stays in the
 * store's history. The same whoever returned it: the secretariat (in a package) or the panel's
 * leader (in a return notice).
 */
export function reopenSheet(ctx: Ctx, row: SheetRow, framework: CriteriaFramework, returnId: string): string {
  const items = itemsOf(ctx, row.id, framework);
  deleteSheet(ctx, row.id);
  const id = randomUUID();
  insertSheet(ctx, { ...row, id, status: 'draft', created_at: ctx.now(), submitted_at: null, bundle_id: null, version: row.version + 1, return_id: returnId });
  insertItems(ctx, id, items);
  ctx.audit('sheet.reopened', {
    sheetId: id,
    fromSheetId: row.id,
    returnId,
    applicantId: row.applicant_id,
    stage: row.stage,
    version: row.version + 1,
    percents: Object.fromEntries(items.map((i) => [i.itemCode, i.percent])),
  });
  return id;
}

export function scoredItemCount(ctx: Ctx, sheetId: string): number {
  return ctx.stmt('SELECT count(*) FROM item_scores WHERE sheet_id = ? AND percent IS NOT NULL').pluck().get(sheetId) as number;
}

export function markSubmitted(ctx: Ctx, sheetId: string, at: string): void {
  ctx.stmt("UPDATE score_sheets SET status = 'submitted', submitted_at = ? WHERE id = ?").run(at, sheetId);
}

/** The edition's sheets as records, with their items and totals. */
export function sheetsOfEdition(
  ctx: Ctx,
  editionId: string,
  filter: { applicantId?: string; stage?: Stage; expertId?: string } = {},
): ScoreSheet[] {
  const framework = getEdition(ctx, editionId).framework;
  return sheetRowsOfEdition(ctx, editionId, filter).map((r) => toSheet(ctx, r, framework));
}
