import { z } from 'zod';
import { addReason } from '../domain/reasons.js';
import { LocalizedSchema } from '../domain/localized.js';

/*
 * Points are whole numbers so that a sheet total (Σ points × percent) is an exact integer count
 * of centi-points; every published framework (GB/T 19580, DB3202/T 1002) uses whole points.
 */
const ItemSchema = z.strictObject({
  code: z.string().trim().min(1),
  name: LocalizedSchema,
  points: z.number().int().positive(),
  /** process items are judged on ADLI, results items on LeTCI */
  kind: z.enum(['process', 'results']),
  guidance: LocalizedSchema,
});

const CategorySchema = z.strictObject({
  code: z.string().trim().min(1),
  name: LocalizedSchema,
  points: z.number().int().positive(),
  items: z.array(ItemSchema).min(1),
});

const BandSchema = z.strictObject({
  min: z.number().int().min(0).max(100),
  max: z.number().int().min(0).max(100),
  process: LocalizedSchema,
  results: LocalizedSchema,
});

const FrameworkShape = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens only'),
  name: LocalizedSchema,
  standard: z.string().trim().min(1),
  totalPoints: z.number().int().positive(),
  percentStep: z.number().int().positive().max(100),
  bands: z.array(BandSchema).min(1),
  categories: z.array(CategorySchema).min(1),
});

/** A criteria framework (评价准则): a tree of categories and items with points, and the scoring bands. */
export type CriteriaFramework = z.infer<typeof FrameworkShape>;
export type CriteriaCategory = z.infer<typeof CategorySchema>;
export type CriteriaItem = z.infer<typeof ItemSchema>;
export type ItemKind = CriteriaItem['kind'];
/** One scoring band, e.g. 50–65 %, with what it means for process and results items. */
export type ScoringBand = z.infer<typeof BandSchema>;

export const FrameworkSchema = FrameworkShape.superRefine((fw, ctx) => {
  checkPoints(fw, ctx);
  checkCodes(fw, ctx);
  checkBands(fw, ctx);
});

function checkPoints(fw: CriteriaFramework, ctx: z.RefinementCtx): void {
  let sum = 0;
  for (const cat of fw.categories) {
    sum += cat.points;
    const items = cat.items.reduce((s, it) => s + it.points, 0);
    if (items !== cat.points) {
      addReason(
        ctx,
        `类目 ${cat.code} 的评分项分值合计 ${items} 分，与类目分值 ${cat.points} 分不符`,
        `category ${cat.code}: its items add up to ${items} points but the category carries ${cat.points}`,
      );
    }
  }
  if (sum !== fw.totalPoints) {
    addReason(
      ctx,
      `各类目分值合计 ${sum} 分，与总分 ${fw.totalPoints} 分不符`,
      `the categories add up to ${sum} points but totalPoints is ${fw.totalPoints}`,
    );
  }
}

function checkCodes(fw: CriteriaFramework, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  const once = (code: string): void => {
    if (seen.has(code)) addReason(ctx, `编号 ${code} 重复`, `code ${code} appears more than once`);
    seen.add(code);
  };
  for (const cat of fw.categories) {
    once(cat.code);
    for (const item of cat.items) {
      once(item.code);
      if (!item.code.startsWith(`${cat.code}.`)) {
        addReason(
          ctx,
          `评分项 ${item.code} 的编号不在所属类目 ${cat.code} 之下`,
          `item ${item.code} is filed under category ${cat.code} but its code is not ${cat.code}.x`,
        );
      }
    }
  }
}

/** Bands must tile 0..100 on the percent grid, so every allowed percent falls in exactly one band. */
function checkBands(fw: CriteriaFramework, ctx: z.RefinementCtx): void {
  const step = fw.percentStep;
  if (100 % step !== 0) {
    addReason(ctx, `百分比步长 ${step} 不能整除 100`, `percentStep ${step} does not divide 100`);
    return;
  }
  const bands = [...fw.bands].sort((a, b) => a.min - b.min);
  let expected = 0;
  for (const band of bands) {
    const label = `${band.min}–${band.max}%`;
    if (band.min % step !== 0 || band.max % step !== 0) {
      addReason(ctx, `评分档 ${label} 的边界不在 ${step}% 步长上`, `band ${label} has bounds off the ${step}% grid`);
    }
    if (band.min > band.max) {
      addReason(ctx, `评分档 ${label} 的下限大于上限`, `band ${label} has min above max`);
    }
    if (band.min !== expected) {
      addReason(
        ctx,
        `评分档不连续：应从 ${expected}% 开始，实际为 ${label}`,
        `bands are not contiguous: expected a band starting at ${expected}%, found ${label}`,
      );
    }
    expected = band.max + step;
  }
  const last = bands[bands.length - 1];
  if (last && last.max !== 100) {
    addReason(ctx, `评分档未覆盖到 100%（最高到 ${last.max}%）`, `bands stop at ${last.max}% instead of covering 100%`);
  }
}
