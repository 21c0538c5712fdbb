/**
 * Building blocks for report fixtures: the shipped framework and profiles read straight from
 * resources/, sheets from a base percentage with a few item overrides (so totals can be worked
 * out by hand), and the panel arithmetic of DOMAIN.md §3 for the StageResults the reports show.
 */
import { readFileSync } from 'node:fs';
import type { CriteriaFramework } from '../../src-main/criteria/schema.js';
import type { EditionSettings } from '../../src-main/profile/settings.js';
import type { Profile } from '../../src-main/profile/schema.js';
import type { StageResult } from '../../src-main/domain/scores.js';
import type { Stage } from '../../src-main/domain/words.js';
import type { EditionDetail } from '../../src-main/profile/edition.js';
import type { ItemScore, ScoreSheet } from '../../src-main/domain/review.js';
import { resourcePath } from '../../src-main/catalog/resources.js';

export const framework: CriteriaFramework = JSON.parse(
  readFileSync(resourcePath('criteria', 'gbt19580-2012.json'), 'utf8'),
) as CriteriaFramework;

export function profile(id: string): Profile {
  return JSON.parse(readFileSync(resourcePath('profiles', `${id}.json`), 'utf8')) as Profile;
}

export const allItems = framework.categories.flatMap((c) => c.items);

export function edition(input: { id: string; name: string; year: number; profileId: string; settings?: EditionSettings }): EditionDetail {
  return {
    id: input.id,
    name: input.name,
    year: input.year,
    profileId: input.profileId,
    frameworkId: framework.id,
    createdAt: `${input.year}-03-01T01:00:00.000Z`,
    profile: profile(input.profileId),
    framework,
    settings: input.settings ?? {},
  };
}

export type Comments = Record<string, { strengths?: string; opportunities?: string }>;

export interface SheetSpec {
  editionId: string;
  expertId: string;
  applicantId: string;
  stage: Stage;
  base: number;
  overrides?: Record<string, number>;
  comments?: Comments;
  submittedAt?: string | null;
}

export function sheet(spec: SheetSpec): ScoreSheet {
  const at = spec.submittedAt === undefined ? '2025-06-12T02:30:00.000Z' : spec.submittedAt;
  const items: ItemScore[] = allItems.map((item) => ({
    itemCode: item.code,
    percent: spec.overrides?.[item.code] ?? spec.base,
    strengths: spec.comments?.[item.code]?.strengths ?? '',
    opportunities: spec.comments?.[item.code]?.opportunities ?? '',
    updatedAt: at,
  }));
  const centi = allItems.reduce((sum, item, i) => sum + item.points * (items[i]!.percent ?? 0), 0);
  return {
    id: `sh-${spec.expertId}-${spec.applicantId}-${spec.stage}`,
    editionId: spec.editionId,
    expertId: spec.expertId,
    applicantId: spec.applicantId,
    stage: spec.stage,
    status: at ? 'submitted' : 'draft',
    submittedAt: at,
    version: 1,
    returned: null,
    revisedFor: null,
    items,
    total: centi / 100,
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The panel's result for one applicant and stage, as DOMAIN.md §3 and issue 2 §9 describe it. */
export function stageResult(
  sheets: ScoreSheet[],
  opts: { trimFrom: number | null; threshold: number | null; missingExpertIds?: string[]; undersized?: boolean },
): StageResult {
  const first = sheets[0]!;
  const totals = sheets.map((s) => ({ expertId: s.expertId, total: s.total }));
  const sorted = [...totals].sort((a, b) => a.total - b.total);
  const trimmed = opts.trimFrom !== null && sheets.length >= opts.trimFrom;
  const dropped = trimmed ? [sorted[sorted.length - 1]!.expertId, sorted[0]!.expertId] : [];
  const kept = sheets.filter((s) => !dropped.includes(s.expertId));
  const pct = (s: ScoreSheet, code: string) => s.items.find((i) => i.itemCode === code)!.percent ?? 0;
  const itemMeans: StageResult['itemMeans'] = {};
  const categoryMeans: StageResult['categoryMeans'] = {};
  const disagreements: StageResult['disagreements'] = [];
  for (const category of framework.categories) {
    let catCenti = 0;
    for (const item of category.items) {
      const keptPercents = kept.map((s) => pct(s, item.code));
      const percent = keptPercents.reduce((a, b) => a + b, 0) / kept.length;
      itemMeans[item.code] = { percent: round2(percent), score: round2((item.points * percent) / 100) };
      catCenti += keptPercents.reduce((a, p) => a + item.points * p, 0);
      const all = sheets.map((s) => pct(s, item.code));
      const [min, max] = [Math.min(...all), Math.max(...all)];
      if (opts.threshold !== null && max - min > opts.threshold) disagreements.push({ itemCode: item.code, min, max });
    }
    categoryMeans[category.code] = round2(catCenti / 100 / kept.length);
  }
  return {
    applicantId: first.applicantId,
    stage: first.stage,
    expertTotals: totals,
    panelScore: round2(kept.reduce((a, s) => a + s.total, 0) / kept.length),
    trimmed,
    droppedExpertIds: dropped,
    itemMeans,
    categoryMeans,
    disagreements,
    undersized: opts.undersized ?? false,
    missingExpertIds: opts.missingExpertIds ?? [],
  };
}
