import type { CriteriaFramework, ScoringBand } from '../domain/types.js';
import { toPoints } from './centi.js';

/** Whether a percent is a score an expert may give: 0..100 on the framework's step. */
export function isOnGrid(percent: number, step: number): boolean {
  return Number.isInteger(percent) && percent >= 0 && percent <= 100 && percent % step === 0;
}

/** An item's score in centi-points: exactly points × percent (whole points, whole percents). */
export function itemCenti(points: number, percent: number): number {
  return points * percent;
}

/** An item's score in points, e.g. 50 points at 55 % = 27.5. */
export function itemScore(points: number, percent: number): number {
  return toPoints(itemCenti(points, percent));
}

/** A sheet's total in centi-points; an item without a percent counts 0 (callers validate first). */
export function sheetCenti(framework: CriteriaFramework, percents: Record<string, number>): number {
  let total = 0;
  for (const cat of framework.categories) total += categoryCenti(cat.items, percents);
  return total;
}

export function categoryCenti(items: { code: string; points: number }[], percents: Record<string, number>): number {
  return items.reduce((sum, item) => sum + itemCenti(item.points, percents[item.code] ?? 0), 0);
}

/** A sheet's total in points. */
export function sheetTotal(framework: CriteriaFramework, percents: Record<string, number>): number {
  return toPoints(sheetCenti(framework, percents));
}

/** The band a percent falls in, or undefined when it lies between bands (off the grid). */
export function bandOf(percent: number, bands: ScoringBand[]): ScoringBand | undefined {
  return bands.find((b) => percent >= b.min && percent <= b.max);
}
