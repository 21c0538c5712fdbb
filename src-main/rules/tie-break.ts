import { z } from 'zod';
import type { Localized } from '../domain/localized.js';
import { STAGE_NAMES, type Stage } from '../domain/words.js';
import { StageSchema } from '../domain/vocabulary.js';
import type { CriteriaFramework } from '../criteria/schema.js';
import type { Reasons } from './cite.js';

/**
 * Tie-breaks (同分比较): no regulation fixes them, so a profile gives a default order and the
 * edition may replace it. Applicants equal on the weighted total are compared key by key.
 */

export const TieBreakKeySchema = z.discriminatedUnion('by', [
  // higher panel score in that stage wins
  z.strictObject({ by: z.literal('stage'), stage: StageSchema }),
  // higher panel mean in that criteria category (e.g. "4.7" results), weighted across stages like the total
  z.strictObject({ by: z.literal('category'), code: z.string().trim().min(1) }),
]);
export type TieBreakKey = z.infer<typeof TieBreakKeySchema>;

export const TieBreakProfile = z.array(TieBreakKeySchema);

export function tieBreakProblems(keys: readonly TieBreakKey[], stages: readonly Stage[]): Localized[] {
  const problems: Localized[] = [];
  const seen = new Set<string>();
  for (const key of keys) {
    const id = key.by === 'stage' ? `stage:${key.stage}` : `category:${key.code}`;
    if (seen.has(id)) problems.push({ zh: `同分比较规则 ${id} 重复`, en: `tie-break ${id} is listed twice` });
    seen.add(id);
    if (key.by === 'stage' && !stages.includes(key.stage)) {
      problems.push({
        zh: `同分比较规则引用了不计分的环节：${STAGE_NAMES[key.stage].zh}`,
        en: `a tie-break refers to ${STAGE_NAMES[key.stage].en}, which is not a scored stage`,
      });
    }
  }
  return problems;
}

export function resolveTieBreak(
  profileKeys: readonly TieBreakKey[],
  given: readonly TieBreakKey[] | undefined,
  stages: readonly Stage[],
  framework: CriteriaFramework,
  reasons: Reasons,
): TieBreakKey[] {
  const keys = [...(given ?? profileKeys)];
  reasons.push(...tieBreakProblems(keys, stages));
  const codes = new Set(framework.categories.map((c) => c.code));
  for (const key of keys) {
    if (key.by === 'category' && !codes.has(key.code)) {
      reasons.push({
        zh: `同分比较规则引用的类目 ${key.code} 不在评价准则“${framework.standard}”中；请在本届设置中另定同分比较规则`,
        en: `the tie-break refers to category ${key.code}, which ${framework.standard} does not have; set the edition's own tie-break`,
      });
    }
  }
  return keys;
}

/** The values compared after the weighted total, in the keys' order, in centi-points. */
export function tieBreakValues(
  keys: readonly TieBreakKey[],
  stageCenti: (stage: Stage) => number,
  weightedCategoryCenti: (code: string) => number,
): number[] {
  return keys.map((key) => (key.by === 'stage' ? stageCenti(key.stage) : weightedCategoryCenti(key.code)));
}
