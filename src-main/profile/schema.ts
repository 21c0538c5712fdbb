import { z } from 'zod';
import type { Profile, TieBreakKey } from '../domain/types.js';
import { type Stage, STAGE_NAMES, STAGES, StageSchema } from '../domain/vocabulary.js';
import { addReason } from '../domain/reasons.js';
import { LocalizedSchema } from '../domain/localized.js';

export const TieBreakKeySchema: z.ZodType<TieBreakKey> = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('stage'), stage: StageSchema }),
  z.strictObject({ by: z.literal('category'), code: z.string().trim().min(1) }),
]);

const percent = z.number().int().min(0).max(100);
const count = z.number().int().min(0);
const perKind = z.strictObject({ unit: count, individual: count });

export const ProfileSchema: z.ZodType<Profile> = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens only'),
    city: LocalizedSchema,
    regulation: LocalizedSchema,
    cycleYears: z.number().int().min(1),
    applicantKinds: z.array(z.enum(['unit', 'individual'])).min(1),
    stages: z.array(z.strictObject({ stage: StageSchema, weight: percent.nullable() })).min(1),
    floors: z.strictObject({ award: percent.nullable(), nomination: percent.nullable() }),
    caps: z.strictObject({ award: perKind, nomination: perKind }),
    shortlist: z
      .strictObject({ afterStage: StageSchema, size: z.union([z.number().int().min(1), z.literal('edition')]) })
      .nullable(),
    panelSize: z.strictObject({
      min: z.number().int().min(1).nullable(),
      max: z.number().int().min(1).nullable(),
    }),
    // dropping one highest and one lowest needs at least three totals to leave one standing
    trim: z.strictObject({ enabled: z.boolean(), minPanelSize: z.number().int().min(3) }),
    disagreement: z.strictObject({ enabled: z.boolean(), threshold: percent }),
    tieBreak: z.array(TieBreakKeySchema),
    committeeVote: z
      .strictObject({
        fraction: z.strictObject({ numerator: z.number().int().min(1), denominator: z.number().int().min(1) }),
      })
      .nullable(),
    notice: z.strictObject({ days: z.number().int().min(1), working: z.boolean() }),
    retentionYears: z.number().int().min(1).nullable(),
    sources: z.record(z.string().min(1), z.string().trim().min(1)),
  })
  .superRefine((p, ctx) => {
    checkStages(p, ctx);
    checkLimits(p, ctx);
    checkTieBreak(p, ctx);
  });

function checkStages(p: Profile, ctx: z.RefinementCtx): void {
  const stages = p.stages.map((s) => s.stage);
  const ordered = STAGES.filter((s) => stages.includes(s));
  if (new Set(stages).size !== stages.length || ordered.some((s, i) => s !== stages[i])) {
    addReason(
      ctx,
      `评审环节须各出现一次并按 材料→现场→答辩 的顺序排列（实际为 ${stages.join('、')}）`,
      `scored stages must each appear once, in the order material → site → defence (found ${stages.join(', ')})`,
    );
  }
  const fixed = p.stages.filter((s) => s.weight !== null).reduce((sum, s) => sum + (s.weight ?? 0), 0);
  const allFixed = p.stages.every((s) => s.weight !== null);
  if (allFixed && fixed !== 100) {
    addReason(ctx, `各环节权重合计 ${fixed}%，应为 100%`, `stage weights add up to ${fixed}%, not 100%`);
  }
  if (!allFixed && fixed >= 100) {
    addReason(
      ctx,
      `已规定的权重合计 ${fixed}%，未规定权重的环节已无余量`,
      `the fixed weights already add up to ${fixed}%, leaving nothing for the open stages`,
    );
  }
  for (const s of p.stages) {
    if (s.weight === 0) {
      addReason(
        ctx,
        `${STAGE_NAMES[s.stage].zh}的权重为 0；不计分的环节不应列为评分环节`,
        `${STAGE_NAMES[s.stage].en} weighs 0; a stage that does not count must not be listed as scored`,
      );
    }
  }
  if (p.shortlist) {
    const at = stages.indexOf(p.shortlist.afterStage);
    if (at < 0 || at === stages.length - 1) {
      addReason(
        ctx,
        `入围名单须在某个评分环节之后、且其后还有评分环节（实际在${STAGE_NAMES[p.shortlist.afterStage].zh}之后）`,
        `the shortlist must follow a scored stage that has a later scored stage (found after ${STAGE_NAMES[p.shortlist.afterStage].en})`,
      );
    }
  }
}

function checkLimits(p: Profile, ctx: z.RefinementCtx): void {
  const { award, nomination } = p.floors;
  if (award !== null && nomination !== null && nomination > award) {
    addReason(
      ctx,
      `提名奖分数线 ${nomination}% 高于市长质量奖分数线 ${award}%`,
      `the nomination floor ${nomination}% is above the award floor ${award}%`,
    );
  }
  if (award === null && nomination !== null) {
    addReason(
      ctx,
      `提名奖设了分数线 ${nomination}%，市长质量奖却没有分数线`,
      `the nomination has a floor of ${nomination}% but the award has none`,
    );
  }
  const { min, max } = p.panelSize;
  if (min !== null && max !== null && min > max) {
    addReason(ctx, `评审组人数下限 ${min} 大于上限 ${max}`, `panel size minimum ${min} is above the maximum ${max}`);
  }
  for (const kind of ['unit', 'individual'] as const) {
    if (p.applicantKinds.includes(kind)) continue;
    if (p.caps.award[kind] !== 0 || p.caps.nomination[kind] !== 0) {
      addReason(
        ctx,
        `本办法不受理${kind === 'unit' ? '单位' : '个人'}申报，其名额应为 0`,
        `the profile does not admit ${kind === 'unit' ? 'units' : 'individuals'}, so their caps must be 0`,
      );
    }
  }
  if (new Set(p.applicantKinds).size !== p.applicantKinds.length) {
    addReason(ctx, '申报类型重复', 'an applicant kind is listed twice');
  }
  const vote = p.committeeVote?.fraction;
  if (vote && vote.numerator > vote.denominator) {
    addReason(
      ctx,
      `评委会表决比例 ${vote.numerator}/${vote.denominator} 大于 1`,
      `the committee vote fraction ${vote.numerator}/${vote.denominator} is above 1`,
    );
  }
}

export function tieBreakProblems(keys: TieBreakKey[], stages: Stage[]): { zh: string; en: string }[] {
  const problems: { zh: string; en: string }[] = [];
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

function checkTieBreak(p: Profile, ctx: z.RefinementCtx): void {
  for (const problem of tieBreakProblems(
    p.tieBreak,
    p.stages.map((s) => s.stage),
  )) {
    addReason(ctx, problem.zh, problem.en);
  }
}
