import type { BundleRecord } from '../../domain/files.js';
import type { Localized } from '../../domain/localized.js';
import type { Stage } from '../../domain/words.js';
import type { BundleDeclaration, BundleSheet } from '../../exchange/bundle.js';
import type { Ctx } from '../context.js';
import type { ReceivedRow } from './bundles.js';

/**
 * A panel leader's laptop: the members' result bundles the leader imported from a USB stick, and
 * every version of the members' sheets they carried, for the panels the leader leads.
 */

/** A leader's record has no superseded_by: superseding shows in the status alone. */
export type PanelBundleRow = ReceivedRow;

export function insertPanelBundle(ctx: Ctx, r: PanelBundleRow): void {
  ctx
    .stmt(
      `INSERT INTO panel_bundles (bundle_id, edition_id, expert_id, sequence, sha256, payload_sha256, file_name, received_at, status, reason_json, audit_seq, audit_head)
       VALUES (@bundle_id, @edition_id, @expert_id, @sequence, @sha256, @payload_sha256, @file_name, @received_at, @status, @reason_json, @audit_seq, @audit_head)`,
    )
    .run(r);
}

export function findKeptPanelBundle(ctx: Ctx, bundleId: string): PanelBundleRow | undefined {
  return ctx.stmt("SELECT * FROM panel_bundles WHERE bundle_id = ? AND status <> 'refused'").get(bundleId) as PanelBundleRow | undefined;
}

export function currentPanelBundle(ctx: Ctx, editionId: string, expertId: string): PanelBundleRow | undefined {
  return ctx.stmt("SELECT * FROM panel_bundles WHERE edition_id = ? AND expert_id = ? AND status = 'accepted'").get(editionId, expertId) as PanelBundleRow | undefined;
}

export function highestPanelSequence(ctx: Ctx, editionId: string, expertId: string): number {
  return (ctx.stmt("SELECT max(sequence) FROM panel_bundles WHERE edition_id = ? AND expert_id = ? AND status <> 'refused'").pluck().get(editionId, expertId) as number | null) ?? 0;
}

export function supersedePanelBundle(ctx: Ctx, bundleId: string): void {
  ctx.stmt("UPDATE panel_bundles SET status = 'superseded' WHERE bundle_id = ? AND status = 'accepted'").run(bundleId);
}

export function panelBundleRecords(ctx: Ctx, editionId: string): BundleRecord[] {
  return (ctx.stmt('SELECT * FROM panel_bundles WHERE edition_id = ? OR edition_id IS NULL ORDER BY received_at, seq').all(editionId) as PanelBundleRow[]).map((r) => ({
    bundleId: r.bundle_id,
    expertId: r.expert_id,
    sequence: r.sequence,
    fileName: r.file_name,
    sha256: r.sha256,
    receivedAt: r.received_at,
    status: r.status,
    reason: r.reason_json === null ? null : (JSON.parse(r.reason_json) as Localized),
  }));
}

export interface PanelSheetVersion {
  expertId: string;
  applicantId: string;
  stage: Stage;
  version: number;
  sheetId: string;
  returnId: string | null;
  submittedAt: string;
  items: BundleSheet['items'];
}

interface PanelSheetRow {
  expert_id: string;
  applicant_id: string;
  stage: Stage;
  version: number;
  sheet_id: string;
  return_id: string | null;
  submitted_at: string;
  items_json: string;
}

const panelSheet = (r: PanelSheetRow): PanelSheetVersion => ({
  expertId: r.expert_id,
  applicantId: r.applicant_id,
  stage: r.stage,
  version: r.version,
  sheetId: r.sheet_id,
  returnId: r.return_id,
  submittedAt: r.submitted_at,
  items: JSON.parse(r.items_json) as BundleSheet['items'],
});

export function insertPanelSheet(ctx: Ctx, editionId: string, expertId: string, s: BundleSheet, bundleId: string): void {
  ctx
    .stmt(
      `INSERT INTO panel_sheets (edition_id, expert_id, applicant_id, stage, version, sheet_id, return_id, submitted_at, items_json, bundle_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(editionId, expertId, s.applicantId, s.stage, s.version, s.sheetId, s.returnId, s.submittedAt, JSON.stringify(s.items), bundleId);
}

/** Every version held of one member's sheet, oldest first. */
export function panelSheetVersions(ctx: Ctx, expertId: string, applicantId: string, stage: Stage): PanelSheetVersion[] {
  return (
    ctx.stmt('SELECT * FROM panel_sheets WHERE expert_id = ? AND applicant_id = ? AND stage = ? ORDER BY version').all(expertId, applicantId, stage) as PanelSheetRow[]
  ).map(panelSheet);
}

/** The latest version held of each of a member's sheets in an edition. */
export function latestPanelSheets(ctx: Ctx, editionId: string, expertId: string): PanelSheetVersion[] {
  return (
    ctx
      .stmt(
        `SELECT p.* FROM panel_sheets p WHERE p.edition_id = ? AND p.expert_id = ?
         AND p.version = (SELECT max(q.version) FROM panel_sheets q WHERE q.expert_id = p.expert_id AND q.applicant_id = p.applicant_id AND q.stage = p.stage)`,
      )
      .all(editionId, expertId) as PanelSheetRow[]
  ).map(panelSheet);
}

export interface PanelDeclaration {
  applicantId: string;
  conflict: boolean;
  reason: string;
  declaredAt: string;
}

export function panelDeclarations(ctx: Ctx, editionId: string, expertId: string): PanelDeclaration[] {
  return (
    ctx.stmt('SELECT applicant_id, conflict, reason, declared_at FROM panel_declarations WHERE edition_id = ? AND expert_id = ?').all(editionId, expertId) as {
      applicant_id: string;
      conflict: 0 | 1;
      reason: string;
      declared_at: string;
    }[]
  ).map((r) => ({ applicantId: r.applicant_id, conflict: r.conflict === 1, reason: r.reason, declaredAt: r.declared_at }));
}

export function upsertPanelDeclaration(ctx: Ctx, editionId: string, expertId: string, d: BundleDeclaration, bundleId: string): void {
  ctx
    .stmt(
      `INSERT INTO panel_declarations (edition_id, expert_id, applicant_id, conflict, reason, declared_at, bundle_id) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (expert_id, applicant_id) DO UPDATE SET conflict = excluded.conflict, reason = excluded.reason, declared_at = excluded.declared_at, bundle_id = excluded.bundle_id`,
    )
    .run(editionId, expertId, d.applicantId, d.conflict ? 1 : 0, d.reason, d.declaredAt, bundleId);
}
