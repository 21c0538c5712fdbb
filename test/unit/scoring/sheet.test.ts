import { describe, expect, it } from 'vitest';
import { isOnGrid, itemScore, sheetTotal } from '../../../src-main/scoring/sheet.js';
import { forTotal, gbt, uniform } from '../helpers/edition.js';

describe('score sheet arithmetic', () => {
  it('scores an item as points × percent, exactly (4.1.2 at 55 % = 27.5)', () => {
    expect(itemScore(50, 55)).toBe(27.5);
    expect(itemScore(15, 35)).toBe(5.25);
    expect(itemScore(10, 5)).toBe(0.5);
  });

  it('accepts only whole percents from 0 to 100 on the 5 % step', () => {
    expect([0, 5, 55, 100].every((p) => isOnGrid(p, 5))).toBe(true);
    expect([-5, 3, 52.5, 105, Number.NaN].some((p) => isOnGrid(p, 5))).toBe(false);
  });

  it('totals a sheet over the 23 items without float drift', () => {
    // 600 process points at 70 % + 400 results points at 60 % = 420 + 240
    expect(sheetTotal(gbt, uniform(70, 60))).toBe(660);
    // 4.4.3 and 4.4.5 (15 points each) at 35 %, everything else at 0: 2 × 5.25
    const sparse = uniform(0, 0, { '4.4.3': 35, '4.4.5': 35 });
    expect(sheetTotal(gbt, sparse)).toBe(10.5);
    expect(sheetTotal(gbt, uniform(100, 100))).toBe(1000);
    expect(sheetTotal(gbt, forTotal(733.25))).toBe(733.25);
  });
});
