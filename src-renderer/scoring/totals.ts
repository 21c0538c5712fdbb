import { itemCodes } from '../../src-main/criteria/items.js';
import type { CriteriaFramework } from '../../src-main/criteria/schema.js';
import type { Percents } from '../../src-main/scoring/sheet.js';

/** What the workspace works out while the expert types; the arithmetic is src-main/scoring/sheet.ts. */

export function progress(framework: CriteriaFramework, percents: Percents): { scored: number; total: number } {
  const codes = itemCodes(framework);
  const scored = codes.filter((code) => percents[code] !== null && percents[code] !== undefined).length;
  return { scored, total: codes.length };
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
