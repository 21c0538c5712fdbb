import type { EditionDecisions } from '../../domain/notices.js';
import type { Ctx } from '../context.js';
import type { BundleRow } from './bundles.js';
import { confirmationsOf, countsOf, settlementsOf } from './committee.js';
import { noticesOfEdition, objectionsOfEdition, publishedList } from './notices.js';

/**
 * The tables of records that last: received bundles' bytes and the committee's, the notices' and
 * the objections' records for the archive, the archives this store verified, its backups, and the
 * deletion of an edition once its records may go.
 */

/** Every bundle received for the edition, refused ones too, with its bytes, in the order received. */
export function receivedBundlesOfEdition(ctx: Ctx, editionId: string): (BundleRow & { seq: number; bytes: Uint8Array })[] {
  return ctx
    .stmt('SELECT b.*, x.bytes FROM bundles b JOIN bundle_blobs x ON x.bundle_seq = b.seq WHERE b.edition_id = ? ORDER BY b.seq')
    .all(editionId) as (BundleRow & { seq: number; bytes: Uint8Array })[];
}

/** The committee's decisions, the notices and the objections of the edition, as recorded. */
export function decisionsOfEdition(ctx: Ctx, editionId: string): EditionDecisions {
  return {
    confirmations: confirmationsOf(ctx, editionId),
    settlements: settlementsOf(ctx, editionId),
    tallies: countsOf(ctx, editionId),
    notices: noticesOfEdition(ctx, editionId),
    finalList: publishedList(ctx, editionId) ?? null,
    objections: objectionsOfEdition(ctx, editionId),
  };
}

export interface ArchiveRecord {
  editionId: string;
  archiveId: string;
  sha256: string;
  madeAt: string;
  verifiedAt: string;
  recordDigest: string;
  auditSeq: number;
  plain: boolean;
  recipients: string[];
}

interface ArchiveRow {
  edition_id: string;
  archive_id: string;
  sha256: string;
  made_at: string;
  verified_at: string;
  record_digest: string;
  audit_seq: number;
  plain: 0 | 1;
  recipients_json: string;
}

const archive = (r: ArchiveRow): ArchiveRecord => ({
  editionId: r.edition_id,
  archiveId: r.archive_id,
  sha256: r.sha256,
  madeAt: r.made_at,
  verifiedAt: r.verified_at,
  recordDigest: r.record_digest,
  auditSeq: r.audit_seq,
  plain: r.plain === 1,
  recipients: JSON.parse(r.recipients_json) as string[],
});

export function insertVerifiedArchive(ctx: Ctx, a: ArchiveRecord): void {
  ctx
    .stmt(
      `INSERT INTO edition_archives (edition_id, archive_id, sha256, made_at, verified_at, record_digest, audit_seq, plain, recipients_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(a.editionId, a.archiveId, a.sha256, a.madeAt, a.verifiedAt, a.recordDigest, a.auditSeq, a.plain ? 1 : 0, JSON.stringify(a.recipients));
}

/** The archives of the edition this store verified, the latest first. */
export function verifiedArchives(ctx: Ctx, editionId: string): ArchiveRecord[] {
  return (ctx.stmt('SELECT * FROM edition_archives WHERE edition_id = ? ORDER BY seq DESC').all(editionId) as ArchiveRow[]).map(archive);
}

export interface BackupRecord {
  kind: 'made' | 'restored';
  at: string;
  madeAt: string;
  fileName: string;
  sha256: string;
  size: number;
  auditSeq: number;
}

export function insertBackup(ctx: Ctx, b: BackupRecord): void {
  ctx
    .stmt('INSERT INTO store_backups (kind, at, made_at, file_name, sha256, size, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(b.kind, b.at, b.madeAt, b.fileName, b.sha256, b.size, b.auditSeq);
}

/** The newest backup this store holds the state of: one it made, or the one it was restored from. */
export function latestBackup(ctx: Ctx): BackupRecord | undefined {
  const r = ctx
    .stmt('SELECT kind, at, made_at AS madeAt, file_name AS fileName, sha256, size, audit_seq AS auditSeq FROM store_backups ORDER BY made_at DESC, seq DESC LIMIT 1')
    .get() as BackupRecord | undefined;
  return r;
}

/**
 * The last audit entry after `afterSeq` that concerns the edition, as its details name it (the
 * edition, or one of its applicants, experts, panels or sheets).
 */
export function lastChangeOfEdition(ctx: Ctx, editionId: string, afterSeq: number): { seq: number; at: string } | undefined {
  const r = ctx
    .stmt(
      `SELECT seq, at FROM audit_log WHERE seq > @after AND (
         json_extract(detail_json, '$.editionId') = @e
         OR json_extract(detail_json, '$.applicantId') IN (SELECT id FROM applicants WHERE edition_id = @e)
         OR json_extract(detail_json, '$.expertId') IN (SELECT id FROM experts WHERE edition_id = @e)
         OR json_extract(detail_json, '$.panelId') IN (SELECT id FROM panels WHERE edition_id = @e)
         OR json_extract(detail_json, '$.sheetId') IN (SELECT id FROM score_sheets WHERE edition_id = @e))
       ORDER BY seq DESC LIMIT 1`,
    )
    .get({ after: afterSeq, e: editionId }) as { seq: number; at: string } | undefined;
  return r;
}

/**
 * Every table that holds an edition's rows, children before parents, as `DELETE` statements on
 * the edition's id. A table added later that refers to an edition, applicant, expert, panel,
 * sheet or bundle must be added here; test/services/records.test.ts reads the schema and fails
 * until it is.
 */
export const EDITION_TABLES: readonly [table: string, where: string][] = [
  ['committee_tallies', 'edition_id = ?'],
  ['committee_settlements', 'edition_id = ?'],
  ['committee_confirmations', 'edition_id = ?'],
  ['final_lists', 'edition_id = ?'],
  ['objection_notes', 'edition_id = ?'],
  ['objections', 'edition_id = ?'],
  ['notice_entries', 'notice_id IN (SELECT id FROM notices WHERE edition_id = ?)'],
  ['notices', 'edition_id = ?'],
  ['consensus_records', 'edition_id = ?'],
  ['leader_returns', 'edition_id = ?'],
  ['panel_sheets', 'edition_id = ?'],
  ['panel_declarations', 'edition_id = ?'],
  ['panel_bundles', 'edition_id = ?'],
  ['item_scores', 'sheet_id IN (SELECT id FROM score_sheets WHERE edition_id = ?)'],
  ['score_sheets', 'edition_id = ?'],
  ['sheet_versions', 'edition_id = ?'],
  ['sheet_returns', 'edition_id = ?'],
  ['declaration_events', 'applicant_id IN (SELECT id FROM applicants WHERE edition_id = ?)'],
  ['declarations', 'applicant_id IN (SELECT id FROM applicants WHERE edition_id = ?)'],
  ['bundle_blobs', 'bundle_seq IN (SELECT seq FROM bundles WHERE edition_id = ?)'],
  ['bundles', 'edition_id = ?'],
  ['bundle_exports', 'edition_id = ?'],
  ['package_rosters', 'package_id IN (SELECT package_id FROM packages WHERE edition_id = ?)'],
  ['packages', 'edition_id = ?'],
  ['package_exports', 'edition_id = ?'],
  ['eligibility_events', 'edition_id = ?'],
  ['letter_reasons', 'edition_id = ?'],
  ['conflict_checks', 'applicant_id IN (SELECT id FROM applicants WHERE edition_id = ?)'],
  ['materials', 'applicant_id IN (SELECT id FROM applicants WHERE edition_id = ?)'],
  ['substitutes', 'panel_id IN (SELECT id FROM panels WHERE edition_id = ?)'],
  ['assignments', 'applicant_id IN (SELECT id FROM applicants WHERE edition_id = ?)'],
  ['panel_members', 'panel_id IN (SELECT id FROM panels WHERE edition_id = ?)'],
  ['panels', 'edition_id = ?'],
  ['experts', 'edition_id = ?'],
  ['applicants', 'edition_id = ?'],
  ['editions', 'id = ?'],
];

/**
 * Records the disposal, then deletes every row of the edition; the disposal row is what lets the
 * append-only history tables give up the edition's rows (migration "records"). Call it inside
 * the change that audits it.
 */
export function disposeEdition(ctx: Ctx, d: { editionId: string; name: string; year: number; at: string; retentionUntil: string | null; archiveSha256: string | null }): Record<string, number> {
  ctx
    .stmt('INSERT INTO edition_disposals (edition_id, name, year, disposed_at, retention_until, archive_sha256) VALUES (?, ?, ?, ?, ?, ?)')
    .run(d.editionId, d.name, d.year, d.at, d.retentionUntil, d.archiveSha256);
  const deleted: Record<string, number> = {};
  for (const [table, where] of EDITION_TABLES) deleted[table] = ctx.stmt(`DELETE FROM ${table} WHERE ${where}`).run(d.editionId).changes;
  ctx.editions.delete(d.editionId);
  return deleted;
}
