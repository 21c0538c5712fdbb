import { itemCodes } from '../../src-main/criteria/items.js';
import type { CriteriaFramework } from '../../src-main/criteria/schema.js';
import type { Percents } from '../../src-main/scoring/sheet.js';

/** What the workspace works out while the expert types; the arithmetic is src-main/scoring/sheet.ts. */

const percentsByItems = new WeakMap<object, Percents>();

/**
 * Each item's percent, as the sheet's arithmetic takes them. Worked out once for each state of
 * the items: the tree's subtotals and the bar's totals all ask at every change of the store.
 */
export function percentsOf(items: Readonly<Record<string, { percent: number | null }>>): Percents {
  const known = percentsByItems.get(items);
  if (known) return known;
  const percents: Record<string, number | null> = {};
  for (const code in items) percents[code] = items[code]!.percent;
  percentsByItems.set(items, percents);
  return percents;
}

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

/** Why a typed number is not taken: above 100 %, or not a multiple of the grid's step. */
export type Refusal = 'above' | 'off-grid';

/** The number the digits typed so far make, leading zeros dropped ("05" is 5). */
export function typedNumber(buffer: string): number {
  return Number(buffer === '' ? 'NaN' : buffer);
}

/** Whether one more digit could still make the number a value on the grid (3 → 30, 10 → 100). */
function canGrowOntoGrid(buffer: string, step: number): boolean {
  if (buffer === '0') return false;
  for (let d = 0; d <= 9; d++) {
    const value = Number(`${buffer}${d}`);
    if (value <= 100 && value % step === 0) return true;
  }
  return false;
}

/**
 * Digits typed on an item build one number until the expert is done with it (Enter, a pause,
 * moving on). While they type, a number is refused as soon as no further digit can make it a
 * value: 150 (above 100), 37 (off the grid, and 370 is above 100). Once done, what is not on the
 * grid is refused too (3 alone). A refused number is never turned into another value.
 */
export function refusalOf(buffer: string, step: number, done: boolean): Refusal | null {
  const value = typedNumber(buffer);
  if (!Number.isFinite(value)) return null;
  if (value > 100) return 'above';
  if (value % step === 0) return null;
  return done || !canGrowOntoGrid(buffer, step) ? 'off-grid' : null;
}

/** Adds a digit to what was typed, dropping leading zeros; at most four digits are kept, enough to refuse. */
export function appendDigit(buffer: string, digit: string): string {
  return `${buffer}${digit}`.replace(/^0+(?=\d)/, '').slice(0, 4);
}
