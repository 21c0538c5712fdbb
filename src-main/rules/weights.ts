import { z } from 'zod';
import { divRound } from '../domain/centi.js';
import { STAGE_NAMES, STAGES, type Stage } from '../domain/words.js';
import { StageSchema } from '../domain/vocabulary.js';
import { cite, type Reasons } from './cite.js';

/**
 * Stage weights (环节权重): how much each scored stage counts in the weighted total. Xinyang and
 * Wuxi fix them; the other regulations leave them to the edition, which must make them add up
 * to exactly 100 %.
 */

const percent = z.number().int().min(0).max(100);

/** The profile's scored stages in order; weight null = the regulation leaves it open. */
export const StagesProfile = z.array(z.strictObject({ stage: StageSchema, weight: percent.nullable() })).min(1);
export type StagesProfile = z.infer<typeof StagesProfile>;

export const WeightsSetting = z.strictObject({ material: percent.optional(), site: percent.optional(), defence: percent.optional() });
export type WeightsSetting = z.infer<typeof WeightsSetting>;

/** Every scored stage with its weight; the weights add up to 100. */
export const StagesEffective = z.array(z.strictObject({ stage: StageSchema, weight: percent }));
export type StagesEffective = z.infer<typeof StagesEffective>;

export function checkStages(stages: StagesProfile): Reasons {
  const reasons: Reasons = [];
  const listed = stages.map((s) => s.stage);
  const ordered = STAGES.filter((s) => listed.includes(s));
  if (new Set(listed).size !== listed.length || ordered.some((s, i) => s !== listed[i])) {
    reasons.push({
      zh: `评审环节须各出现一次并按 材料→现场→答辩 的顺序排列（实际为 ${listed.join('、')}）`,
      en: `scored stages must each appear once, in the order material → site → defence (found ${listed.join(', ')})`,
    });
  }
  const fixed = stages.filter((s) => s.weight !== null).reduce((sum, s) => sum + (s.weight ?? 0), 0);
  const allFixed = stages.every((s) => s.weight !== null);
  if (allFixed && fixed !== 100) {
    reasons.push({ zh: `各环节权重合计 ${fixed}%，应为 100%`, en: `stage weights add up to ${fixed}%, not 100%` });
  }
  if (!allFixed && fixed >= 100) {
    reasons.push({
      zh: `已规定的权重合计 ${fixed}%，未规定权重的环节已无余量`,
      en: `the fixed weights already add up to ${fixed}%, leaving nothing for the open stages`,
    });
  }
  for (const s of stages) {
    if (s.weight === 0) {
      reasons.push({
        zh: `${STAGE_NAMES[s.stage].zh}的权重为 0；不计分的环节不应列为评分环节`,
        en: `${STAGE_NAMES[s.stage].en} weighs 0; a stage that does not count must not be listed as scored`,
      });
    }
  }
  return reasons;
}

export function resolveWeights(
  profile: { stages: StagesProfile; sources: Record<string, string> },
  given: WeightsSetting | undefined,
  reasons: Reasons,
): StagesEffective {
  const scored = profile.stages.map((x) => x.stage);
  for (const stage of Object.keys(given ?? {}) as Stage[]) {
    if (given?.[stage] !== undefined && !scored.includes(stage)) {
      reasons.push({
        zh: `${STAGE_NAMES[stage].zh}不是本办法的评分环节，不能设置权重`,
        en: `${STAGE_NAMES[stage].en} is not a scored stage under this profile, so it takes no weight`,
      });
    }
  }
  const source = cite(profile.sources, 'weights');
  const stages = profile.stages.map(({ stage, weight }) => {
    const set = given?.[stage];
    const name = STAGE_NAMES[stage];
    if (weight !== null) {
      if (set !== undefined && set !== weight) {
        reasons.push({
          zh: `${name.zh}权重由办法规定为 ${weight}%，不能改为 ${set}%${source.zh}`,
          en: `the ${name.en} weight is fixed at ${weight}% by the regulation and cannot be set to ${set}%${source.en}`,
        });
      }
      return { stage, weight };
    }
    if (set === undefined) {
      reasons.push({
        zh: `办法未规定${name.zh}的权重，须在本届设置中填写`,
        en: `the regulation leaves the ${name.en} weight open; set it for this edition`,
      });
      return { stage, weight: 0 };
    }
    if (set === 0) {
      reasons.push({ zh: `${name.zh}是评分环节，权重不能为 0`, en: `${name.en} is a scored stage; its weight cannot be 0` });
    }
    return { stage, weight: set };
  });
  const complete = profile.stages.every((x) => x.weight !== null || given?.[x.stage] !== undefined);
  const sum = stages.reduce((acc, x) => acc + x.weight, 0);
  if (complete && sum !== 100) {
    reasons.push({ zh: `各环节权重合计 ${sum}%，应恰好为 100%`, en: `the stage weights add up to ${sum}%, not exactly 100%` });
  }
  return stages;
}

/** Σ weight × value over the scored stages, in the values' unit (centi-points), rounded half up. */
export function weigh(parts: readonly { weight: number; value: number }[]): number {
  return divRound(
    parts.reduce((sum, x) => sum + x.weight * x.value, 0),
    100,
  );
}
