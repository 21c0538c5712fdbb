import type { Ctx } from '../context.js';

/** Expert side: a review package as imported. */
export interface PackageRow {
  package_id: string;
  edition_id: string;
  expert_id: string;
  issued_at: string;
  sha256: string;
  secretariat_sign_public: string;
  secretariat_box_recipient: string;
  secretariat_fingerprint: string;
  imported_at: string;
  /** canonical JSON of the package's content (exchange/package-content); null before it was kept */
  content: string | null;
}

export function insertPackage(ctx: Ctx, r: PackageRow): void {
  ctx
    .stmt(
      `INSERT INTO packages (package_id, edition_id, expert_id, issued_at, sha256, secretariat_sign_public,
                             secretariat_box_recipient, secretariat_fingerprint, imported_at, content)
       VALUES (@package_id, @edition_id, @expert_id, @issued_at, @sha256, @secretariat_sign_public,
               @secretariat_box_recipient, @secretariat_fingerprint, @imported_at, @content)`,
    )
    .run(r);
}

export function findPackage(ctx: Ctx, packageId: string): PackageRow | undefined {
  return ctx.stmt('SELECT * FROM packages WHERE package_id = ?').get(packageId) as PackageRow | undefined;
}

/** The package the expert currently works from: the latest issued for the edition. */
export function latestPackage(ctx: Ctx, editionId: string): PackageRow | undefined {
  return ctx
    .stmt('SELECT * FROM packages WHERE edition_id = ? ORDER BY issued_at DESC, imported_at DESC LIMIT 1')
    .get(editionId) as PackageRow | undefined;
}

export function nextBundleSequence(ctx: Ctx, editionId: string): number {
  const last = ctx.stmt('SELECT max(sequence) FROM bundle_exports WHERE edition_id = ?').pluck().get(editionId) as number | null;
  return (last ?? 0) + 1;
}

export function insertBundleExport(
  ctx: Ctx,
  r: { bundleId: string; editionId: string; sequence: number; sheets: number; sha256: string; createdAt: string },
): void {
  ctx
    .stmt('INSERT INTO bundle_exports (bundle_id, edition_id, sequence, sheets, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(r.bundleId, r.editionId, r.sequence, r.sheets, r.sha256, r.createdAt);
}

/** Secretariat side: a package as exported, with what it held. */
export interface PackageExportRow {
  package_id: string;
  edition_id: string;
  expert_id: string;
  issued_at: string;
  sha256: string;
  digest: string;
  content: string;
}

export function insertPackageExport(ctx: Ctx, r: PackageExportRow): void {
  ctx
    .stmt(
      `INSERT INTO package_exports (package_id, edition_id, expert_id, issued_at, sha256, digest, content)
       VALUES (@package_id, @edition_id, @expert_id, @issued_at, @sha256, @digest, @content)`,
    )
    .run(r);
}

/** The package last exported for each expert of the edition. */
export function lastPackageExports(ctx: Ctx, editionId: string): Map<string, PackageExportRow> {
  const rows = ctx
    .stmt('SELECT * FROM package_exports WHERE edition_id = ? ORDER BY issued_at, rowid')
    .all(editionId) as PackageExportRow[];
  return new Map(rows.map((r) => [r.expert_id, r]));
}

/** When the first package of the edition went out: changes after it are corrections the reports list. */
export function firstPackageExportAt(ctx: Ctx, editionId: string): string | null {
  return (ctx.stmt('SELECT min(issued_at) FROM package_exports WHERE edition_id = ?').pluck().get(editionId) as string | null) ?? null;
}
