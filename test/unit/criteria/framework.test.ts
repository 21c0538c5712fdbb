import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CriteriaFramework } from '../../../src-main/criteria/schema.js';
import { allItems } from '../../../src-main/criteria/items.js';
import { parseFramework } from '../../../src-main/criteria/parse.js';
import { builtInFrameworks, loadFrameworkFile } from '../../../src-main/catalog/frameworks.js';
import { PingshenError } from '../../../src-main/domain/errors.js';
import { isOnGrid, bandOf } from '../../../src-main/scoring/sheet.js';

const gbt = builtInFrameworks().find((f) => f.id === 'gbt19580-2012')!;

/** A deep copy of GB/T 19580 to break one thing at a time. */
function copy(): CriteriaFramework {
  return structuredClone(gbt);
}

function refusal(json: unknown): PingshenError {
  try {
    parseFramework(json, 'test.json');
  } catch (e) {
    if (e instanceof PingshenError) return e;
    throw e;
  }
  throw new Error('the framework was accepted');
}

describe('GB/T 19580-2012 as shipped', () => {
  it('has 7 categories, 23 scored items and 1000 points with the 2012 (not 2004) numbers', () => {
    expect(gbt.standard).toBe('GB/T 19580-2012');
    expect(gbt.totalPoints).toBe(1000);
    expect(gbt.percentStep).toBe(5);
    const points = Object.fromEntries(gbt.categories.map((c) => [c.code, c.points]));
    expect(points).toEqual({ '4.1': 110, '4.2': 90, '4.3': 90, '4.4': 130, '4.5': 100, '4.6': 80, '4.7': 400 });
    const items = allItems(gbt);
    expect(items).toHaveLength(23);
    expect(Object.fromEntries(items.map((i) => [i.code, i.points]))).toEqual({
      '4.1.2': 50, '4.1.3': 30, '4.1.4': 30,
      '4.2.2': 40, '4.2.3': 50,
      '4.3.2': 40, '4.3.3': 50,
      '4.4.2': 60, '4.4.3': 15, '4.4.4': 20, '4.4.5': 15, '4.4.6': 10, '4.4.7': 10,
      '4.5.2': 50, '4.5.3': 50,
      '4.6.2': 40, '4.6.3': 40,
      '4.7.2': 80, '4.7.3': 80, '4.7.4': 80, '4.7.5': 60, '4.7.6': 50, '4.7.7': 50,
    });
    expect(items.find((i) => i.code === '4.1.2')?.name.zh).toBe('高层领导的作用');
  });

  it('marks 4.1–4.6 as process (ADLI) items and 4.7 as results (LeTCI) items', () => {
    for (const item of allItems(gbt)) {
      expect(item.kind).toBe(item.categoryCode === '4.7' ? 'results' : 'process');
    }
  });

  it('gives every item two to four sentences of guidance in both languages', () => {
    for (const item of allItems(gbt)) {
      const zhSentences = item.guidance.zh.split('。').filter((s) => s.trim()).length;
      const enSentences = item.guidance.en.split(/\.\s|\.$/).filter((s) => s.trim()).length;
      expect(zhSentences, item.code).toBeGreaterThanOrEqual(2);
      expect(zhSentences, item.code).toBeLessThanOrEqual(4);
      expect(enSentences, item.code).toBeGreaterThanOrEqual(2);
      expect(enSentences, item.code).toBeLessThanOrEqual(4);
    }
  });

  it('has the six scoring bands, each described for process and results items', () => {
    expect(gbt.bands.map((b) => [b.min, b.max])).toEqual([
      [0, 5], [10, 25], [30, 45], [50, 65], [70, 85], [90, 100],
    ]);
    expect(gbt.bands[3]?.process.zh).toContain('总体要求');
    expect(gbt.bands[0]?.results.en).toMatch(/no results/i);
  });

  it('puts every percent on the 5 % grid into exactly one band', () => {
    for (let p = 0; p <= 100; p += 5) {
      expect(isOnGrid(p, 5)).toBe(true);
      expect(gbt.bands.filter((b) => p >= b.min && p <= b.max)).toHaveLength(1);
    }
    expect(bandOf(gbt.bands, 55)?.min).toBe(50);
    expect(bandOf(gbt.bands, 7)).toBeNull();
  });
});

describe('a framework from another file', () => {
  it('loads the same way and is validated the same way', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pingshen-fw-'));
    const local = copy();
    local.id = 'db3202-t1002-2018';
    local.standard = 'DB3202/T 1002-2018';
    const good = join(dir, 'local.json');
    writeFileSync(good, JSON.stringify(local));
    expect(loadFrameworkFile(good).standard).toBe('DB3202/T 1002-2018');

    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "id": ');
    expect(() => loadFrameworkFile(broken)).toThrow(/not valid JSON/);
    expect(() => loadFrameworkFile(join(dir, 'missing.json'))).toThrow(
      expect.objectContaining({ code: 'framework.unreadable' }),
    );
  });
});

describe('a bad framework is refused with its reason', () => {
  it('item points that do not add up to the category (the 2004 numbers)', () => {
    const fw = copy();
    fw.categories[0]!.items[0]!.points = 70; // 领导 with 70 + 30 + 30 = 130 ≠ 110
    const e = refusal(fw);
    expect(e.code).toBe('framework.invalid');
    expect(e.localized.en).toContain('category 4.1: its items add up to 130 points but the category carries 110');
    expect(e.localized.zh).toContain('类目 4.1 的评分项分值合计 130 分，与类目分值 110 分不符');
  });

  it('categories that do not add up to the total', () => {
    const fw = copy();
    fw.totalPoints = 1100;
    expect(refusal(fw).localized.en).toContain('the categories add up to 1000 points but totalPoints is 1100');
  });

  it('a duplicate code', () => {
    const fw = copy();
    fw.categories[0]!.items[2]!.code = '4.1.3';
    expect(refusal(fw).localized.en).toContain('code 4.1.3 appears more than once');
  });

  it('an item filed under the wrong category', () => {
    const fw = copy();
    const item = fw.categories[0]!.items.pop()!;
    fw.categories[1]!.items.push(item);
    fw.categories[0]!.points -= item.points;
    fw.categories[1]!.points += item.points;
    expect(refusal(fw).localized.en).toContain('item 4.1.4 is filed under category 4.2');
  });

  it('bands with a gap, bands not reaching 100 % and bands off the grid', () => {
    const gap = copy();
    gap.bands.splice(2, 1);
    expect(refusal(gap).localized.en).toContain('expected a band starting at 30%, found 50–65%');

    const short = copy();
    short.bands.pop();
    expect(refusal(short).localized.en).toContain('bands stop at 85%');

    const offGrid = copy();
    offGrid.bands[1]!.max = 27;
    expect(refusal(offGrid).localized.en).toContain('band 10–27% has bounds off the 5% grid');
  });

  it('wrong types and missing fields, reported with where they are', () => {
    const fw = copy() as unknown as Record<string, unknown>;
    delete fw.standard;
    (fw.categories as { points: unknown }[])[0]!.points = '110';
    const e = refusal(fw);
    expect(e.localized.en).toContain('standard: Invalid input');
    expect(e.localized.en).toContain('categories.0.points');
    expect(e.localized.zh).toContain('standard：无效输入');
  });

  it('lists every reason, not only the first', () => {
    const fw = copy();
    fw.totalPoints = 999;
    fw.categories[6]!.items[0]!.code = '4.7.3';
    const reasons = (refusal(fw).details as { reasons: unknown[] }).reasons;
    expect(reasons).toHaveLength(2);
  });
});
