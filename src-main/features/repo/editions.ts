import type { CriteriaFramework } from '../../criteria/schema.js';
import type { EditionSettings } from '../../profile/settings.js';
import type { Profile } from '../../profile/schema.js';
import type { EditionDetail } from '../../profile/edition.js';
import type { EditionSummary } from '../../domain/editions.js';
import type { Ctx } from '../context.js';
import { notFound } from '../../domain/errors.js';

interface EditionRow {
  id: string;
  name: string;
  year: number;
  profile_id: string;
  framework_id: string;
  profile_json: string;
  framework_json: string;
  settings_json: string;
  created_at: string;
}

const SUMMARY = 'SELECT id, name, year, profile_id, framework_id, created_at FROM editions';

function summary(r: Pick<EditionRow, 'id' | 'name' | 'year' | 'profile_id' | 'framework_id' | 'created_at'>): EditionSummary {
  return {
    id: r.id,
    name: r.name,
    year: r.year,
    profileId: r.profile_id,
    frameworkId: r.framework_id,
    createdAt: r.created_at,
  };
}

export function editionSummary(e: EditionSummary): EditionSummary {
  return { id: e.id, name: e.name, year: e.year, profileId: e.profileId, frameworkId: e.frameworkId, createdAt: e.createdAt };
}

export function listEditionRows(ctx: Ctx): EditionSummary[] {
  return (ctx.stmt(`${SUMMARY} ORDER BY year DESC, created_at DESC`).all() as EditionRow[]).map(summary);
}

export function findEdition(ctx: Ctx, id: string): EditionDetail | undefined {
  const cached = ctx.editions.get(id);
  if (cached) return cached;
  const r = ctx.stmt('SELECT * FROM editions WHERE id = ?').get(id) as EditionRow | undefined;
  if (!r) return undefined;
  const detail: EditionDetail = {
    ...summary(r),
    profile: JSON.parse(r.profile_json) as Profile,
    framework: JSON.parse(r.framework_json) as CriteriaFramework,
    settings: JSON.parse(r.settings_json) as EditionSettings,
  };
  ctx.editions.set(id, detail);
  return detail;
}

export function getEdition(ctx: Ctx, id: string): EditionDetail {
  const found = findEdition(ctx, id);
  if (!found) throw notFound({ zh: '届次', en: 'edition' }, id);
  return found;
}

export function insertEdition(ctx: Ctx, e: EditionDetail): void {
  ctx
    .stmt(
      `INSERT INTO editions (id, name, year, profile_id, framework_id, profile_json, framework_json, settings_json, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      e.id,
      e.name,
      e.year,
      e.profileId,
      e.frameworkId,
      JSON.stringify(e.profile),
      JSON.stringify(e.framework),
      JSON.stringify(e.settings),
      e.createdAt,
    );
  ctx.editions.delete(e.id);
}

/** The expert side refreshes name and settings from a newer package; profile and framework stay. */
export function updateEdition(ctx: Ctx, id: string, patch: { name?: string; year?: number; settings: EditionSettings }): void {
  const current = getEdition(ctx, id);
  ctx
    .stmt('UPDATE editions SET name = ?, year = ?, settings_json = ? WHERE id = ?')
    .run(patch.name ?? current.name, patch.year ?? current.year, JSON.stringify(patch.settings), id);
  ctx.editions.delete(id);
}

export function insertFramework(ctx: Ctx, framework: CriteriaFramework, source: string): void {
  ctx
    .stmt(
      `INSERT INTO frameworks (id, framework_json, source, added_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET framework_json = excluded.framework_json, source = excluded.source, added_at = excluded.added_at`,
    )
    .run(framework.id, JSON.stringify(framework), source, ctx.now());
}

export function registeredFrameworks(ctx: Ctx): CriteriaFramework[] {
  return (ctx.stmt('SELECT framework_json FROM frameworks ORDER BY id').all() as { framework_json: string }[]).map(
    (r) => JSON.parse(r.framework_json) as CriteriaFramework,
  );
}
