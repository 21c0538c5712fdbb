import type { MaterialInfo } from '../../domain/files.js';
import type { Ctx } from '../context.js';

interface MaterialRow {
  id: string;
  applicant_id: string;
  file_name: string;
  size: number;
  sha256: string;
  added_at: string;
  version: number;
  replaces: string | null;
}

const INFO = 'SELECT id, applicant_id, file_name, size, sha256, added_at, version, replaces FROM materials';

function info(r: MaterialRow): MaterialInfo {
  return { id: r.id, applicantId: r.applicant_id, fileName: r.file_name, size: r.size, sha256: r.sha256, addedAt: r.added_at, version: r.version, replaces: r.replaces };
}

export function insertMaterial(ctx: Ctx, m: MaterialInfo, bytes: Uint8Array): void {
  ctx
    .stmt('INSERT INTO materials (id, applicant_id, file_name, size, sha256, bytes, added_at, version, replaces) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(m.id, m.applicantId, m.fileName, m.size, m.sha256, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), m.addedAt, m.version, m.replaces);
}

/** Expert side: the same material arrives again with every newer package. */
export function insertMaterialOnce(ctx: Ctx, m: MaterialInfo, bytes: Uint8Array): boolean {
  return (
    ctx
      .stmt(
        'INSERT OR IGNORE INTO materials (id, applicant_id, file_name, size, sha256, bytes, added_at, version, replaces) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(m.id, m.applicantId, m.fileName, m.size, m.sha256, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), m.addedAt, m.version, m.replaces)
      .changes > 0
  );
}

export function listMaterialRows(ctx: Ctx, applicantId: string): MaterialInfo[] {
  return (ctx.stmt(`${INFO} WHERE applicant_id = ? ORDER BY added_at, file_name`).all(applicantId) as MaterialRow[]).map(info);
}

export function findMaterialBySha(ctx: Ctx, applicantId: string, sha256: string): MaterialInfo | undefined {
  const r = ctx.stmt(`${INFO} WHERE applicant_id = ? AND sha256 = ?`).get(applicantId, sha256) as MaterialRow | undefined;
  return r && info(r);
}

export function findMaterial(ctx: Ctx, id: string): MaterialInfo | undefined {
  const r = ctx.stmt(`${INFO} WHERE id = ?`).get(id) as MaterialRow | undefined;
  return r && info(r);
}

export function materialBytes(ctx: Ctx, id: string): Uint8Array {
  const bytes = ctx.stmt('SELECT bytes FROM materials WHERE id = ?').pluck().get(id) as Buffer;
  return new Uint8Array(bytes);
}

/**
 * Expert side: the contents of materials the expert may no longer read leave the store; the
 * names stay, so a refusal can still say why. The store runs with secure_delete, so the freed
 * pages are overwritten, not merely unlinked.
 */
export function wipeMaterialsOfApplicant(ctx: Ctx, applicantId: string): number {
  return ctx.stmt("UPDATE materials SET bytes = X'' WHERE applicant_id = ? AND length(bytes) > 0").run(applicantId).changes;
}

/** Expert side: what a newer package no longer carries for an edition leaves the store. */
export function deleteMaterialsNotIn(ctx: Ctx, editionId: string, keep: ReadonlySet<string>): string[] {
  const ids = ctx
    .stmt('SELECT m.id FROM materials m JOIN applicants a ON a.id = m.applicant_id WHERE a.edition_id = ?')
    .pluck()
    .all(editionId) as string[];
  const gone = ids.filter((id) => !keep.has(id));
  for (const id of gone) ctx.stmt('DELETE FROM materials WHERE id = ?').run(id);
  return gone;
}

/** The material's row and its bytes leave the store (secure_delete overwrites the pages). */
export function deleteMaterial(ctx: Ctx, id: string): void {
  ctx.stmt('DELETE FROM materials WHERE id = ?').run(id);
}
