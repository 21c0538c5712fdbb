import { toPoints } from '../domain/centi.js';
import type { CriteriaCategory, CriteriaFramework, ScoringBand } from '../criteria/schema.js';

/**
 * A score sheet's arithmetic, the same in the main process and in the expert's running totals:
 * an item scores exactly points × percent centi-points (whole points, whole percents), so sums
 * never drift; an item not yet scored counts 0.
 */

export type Percents = Readonly<Record<string, number | null | undefined>>;

/** Whether a percent is a score an expert may give: 0..100 on the framework's step. */
export function isOnGrid(percent: number, step: number): boolean {
  return Number.isInteger(percent) && percent >= 0 && percent <= 100 && percent % step === 0;
}

/** An item's score in centi-points. */
export function itemCenti(points: number, percent: number): number {
  return points * percent;
}

/** An item's score in points, e.g. 50 points at 55 % = 27.5. */
export function itemScore(points: number, percent: number | null | undefined): number {
  return toPoints(itemCenti(points, percent ?? 0));
}

export function categoryCenti(items: readonly { code: string; points: number }[], percents: Percents): number {
  return items.reduce((sum, item) => sum + itemCenti(item.points, percents[item.code] ?? 0), 0);
}

export function categoryScore(category: CriteriaCategory, percents: Percents): number {
  return toPoints(categoryCenti(category.items, percents));
}

/** A sheet's total in centi-points. */
export function sheetCenti(framework: CriteriaFramework, percents: Percents): number {
  let total = 0;
  for (const cat of framework.categories) total += categoryCenti(cat.items, percents);
  return total;
}

/** A sheet's total in points. */
export function sheetTotal(framework: CriteriaFramework, percents: Percents): number {
  return toPoints(sheetCenti(framework, percents));
}

/** The band a percent falls in; null while unscored or off the grid. */
export function bandOf(bands: readonly ScoringBand[], percent: number | null | undefined): ScoringBand | null {
  if (percent === null || percent === undefined) return null;
  return bands.find((b) => percent >= b.min && percent <= b.max) ?? null;
}
