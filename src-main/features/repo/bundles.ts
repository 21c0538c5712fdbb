import type { Localized } from '../../domain/localized.js';
import type { BundleRecord } from '../../domain/files.js';
import type { ResultBundle } from '../../exchange/bundle.js';
import type { Ctx } from '../context.js';

/** A bundle file as it arrived: its name and the hash of its bytes. */
export interface ReceivedFile {
  fileName: string;
  sha256: string;
}

/** A received bundle as a store records it (the secretariat, or a leader's laptop); a refused one may be unreadable (nulls). */
export interface ReceivedRow {
  bundle_id: string | null;
  edition_id: string | null;
  expert_id: string | null;
  sequence: number | null;
  sha256: string;
  payload_sha256: string | null;
  file_name: string;
  received_at: string;
  status: BundleRecord['status'];
  reason_json: string | null;
  audit_head: string | null;
  audit_seq: number | null;
}

/** The secretariat's record also says which later bundle superseded it. */
export interface BundleRow extends ReceivedRow {
  superseded_by: string | null;
}

export function receivedRow(got: ReceivedFile, b: ResultBundle | null, at: string, fields: Pick<ReceivedRow, 'status' | 'reason_json' | 'payload_sha256'>): ReceivedRow {
  return {
    bundle_id: b?.bundleId ?? null,
    edition_id: b?.editionId ?? null,
    expert_id: b?.expertId ?? null,
    sequence: b?.sequence ?? null,
    sha256: got.sha256,
    file_name: got.fileName,
    received_at: at,
    audit_head: b?.auditHead.hash ?? null,
    audit_seq: b?.auditHead.seq ?? null,
    ...fields,
  };
}

/** Records a received bundle, its bytes exactly as they arrived kept beside it. */
export function insertBundle(ctx: Ctx, r: BundleRow, bytes: Uint8Array): void {
  const seq = ctx
    .stmt(
      `INSERT INTO bundles (bundle_id, edition_id, expert_id, sequence, sha256, payload_sha256, file_name, received_at,
                            status, reason_json, audit_head, audit_seq, superseded_by)
       VALUES (@bundle_id, @edition_id, @expert_id, @sequence, @sha256, @payload_sha256, @file_name, @received_at,
               @status, @reason_json, @audit_head, @audit_seq, @superseded_by)`,
    )
    .run(r).lastInsertRowid;
  ctx.stmt('INSERT INTO bundle_blobs (bundle_seq, bytes) VALUES (?, ?)').run(seq, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** The accepted or superseded bundle with this id: a bundle id is accepted at most once. */
export function findKeptBundle(ctx: Ctx, bundleId: string): BundleRow | undefined {
  return ctx.stmt("SELECT * FROM bundles WHERE bundle_id = ? AND status <> 'refused'").get(bundleId) as BundleRow | undefined;
}

export function currentBundle(ctx: Ctx, editionId: string, expertId: string): BundleRow | undefined {
  return ctx
    .stmt("SELECT * FROM bundles WHERE edition_id = ? AND expert_id = ? AND status = 'accepted'")
    .get(editionId, expertId) as BundleRow | undefined;
}

/** The highest sequence ever accepted from this expert: a lower one is a replay. */
export function highestSequence(ctx: Ctx, editionId: string, expertId: string): number {
  return (
    (ctx
      .stmt("SELECT max(sequence) FROM bundles WHERE edition_id = ? AND expert_id = ? AND status <> 'refused'")
      .pluck()
      .get(editionId, expertId) as number | null) ?? 0
  );
}

export function markSuperseded(ctx: Ctx, bundleId: string, by: string): void {
  ctx.stmt("UPDATE bundles SET status = 'superseded', superseded_by = ? WHERE bundle_id = ? AND status = 'accepted'").run(by, bundleId);
}

/**
 * The bundles received for an edition, and every file refused because it could not be opened at
 * all: such a file names no edition (it may have been meant for any), and leaving it out made
 * the receipt count no refusal after three.
 */
export function listBundleRows(ctx: Ctx, editionId: string): BundleRecord[] {
  const rows = ctx
    .stmt('SELECT * FROM bundles WHERE edition_id = ? OR edition_id IS NULL ORDER BY received_at, seq')
    .all(editionId) as BundleRow[];
  return rows.map((r) => ({
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

export function expertsWithBundle(ctx: Ctx, editionId: string): Set<string> {
  return new Set(
    ctx.stmt("SELECT expert_id FROM bundles WHERE edition_id = ? AND status = 'accepted'").pluck().all(editionId) as string[],
  );
}
