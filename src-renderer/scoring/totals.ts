import type { CriteriaCategory, CriteriaFramework, ScoringBand } from '../../src-main/domain/types.js';

/** What the workspace computes from the expert's percentages while they type. */

export type Percents = Readonly<Record<string, number | null | undefined>>;

/** item score = points × percent, kept to two decimals as the sheet's total is */
export function itemScore(points: number, percent: number | null | undefined): number {
  if (percent === null || percent === undefined) return 0;
  return Math.round(points * percent) / 100;
}

export function categoryTotal(category: CriteriaCategory, percents: Percents): number {
  const centi = category.items.reduce((sum, item) => sum + Math.round(item.points * (percents[item.code] ?? 0)), 0);
  return centi / 100;
}

export function overallTotal(framework: CriteriaFramework, percents: Percents): number {
  const centi = framework.categories.reduce(
    (sum, c) => sum + c.items.reduce((s, item) => s + Math.round(item.points * (percents[item.code] ?? 0)), 0),
    0,
  );
  return centi / 100;
}

export function progress(framework: CriteriaFramework, percents: Percents): { scored: number; total: number } {
  const codes = framework.categories.flatMap((c) => c.items.map((i) => i.code));
  const scored = codes.filter((code) => percents[code] !== null && percents[code] !== undefined).length;
  return { scored, total: codes.length };
}

export function bandOf(bands: readonly ScoringBand[], percent: number | null | undefined): ScoringBand | null {
  if (percent === null || percent === undefined) return null;
  return bands.find((b) => percent >= b.min && percent <= b.max) ?? null;
}

export function itemCodes(framework: CriteriaFramework): string[] {
  return framework.categories.flatMap((c) => c.items.map((i) => i.code));
}

/** One step of the 5 % grid up or down; an unscored item starts from 0. */
export function stepPercent(current: number | null | undefined, direction: 1 | -1, step: number): number {
  const base = current ?? 0;
  const snapped = Math.round(base / step) * step;
  return Math.min(100, Math.max(0, current === null || current === undefined ? (direction > 0 ? step : 0) : snapped + direction * step));
}

/**
 * Digits typed on an item build a number; it is applied as soon as it is on the grid
 * (typing 5 then 5 gives 5 % then 55 %). A digit that would pass 100 starts a new number.
 */
export function typeDigit(buffer: string, digit: string, step: number): { buffer: string; percent: number | null; offGrid: boolean } {
  let next = (buffer + digit).replace(/^0+(?=\d)/, '');
  if (Number(next) > 100 || next.length > 3) next = digit;
  const value = Number(next);
  const onGrid = value % step === 0 && value <= 100;
  return { buffer: next, percent: onGrid ? value : null, offGrid: !onGrid };
}
