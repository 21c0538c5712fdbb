import type { CriteriaFramework, EditionSettings, EffectiveRules, Profile } from '../domain/types.js';
import type { Localized } from '../domain/localized.js';
import { type Stage, STAGE_NAMES } from '../domain/vocabulary.js';
import { listReasons, validate } from '../domain/reasons.js';
import { PingshenError } from '../domain/errors.js';
import { tieBreakProblems } from './schema.js';
import { EditionSettingsSchema } from './settings.js';

type Reasons = Localized[];

/** The article a rule comes from, split into its Chinese and English halves ("… / …"). */
function cite(profile: Profile, rule: string): Localized {
  const source = profile.sources[rule];
  if (!source) return { zh: '', en: '' };
  const [zh, ...en] = source.split(' / ');
  return { zh: `（依据：${zh}）`, en: ` (${en.length ? en.join(' / ') : zh})` };
}

function resolveWeights(profile: Profile, s: EditionSettings, reasons: Reasons): EffectiveRules['stages'] {
  const scored = profile.stages.map((x) => x.stage);
  for (const stage of Object.keys(s.weights ?? {}) as Stage[]) {
    if (s.weights?.[stage] !== undefined && !scored.includes(stage)) {
      reasons.push({
        zh: `${STAGE_NAMES[stage].zh}不是本办法的评分环节，不能设置权重`,
        en: `${STAGE_NAMES[stage].en} is not a scored stage under this profile, so it takes no weight`,
      });
    }
  }
  const source = cite(profile, 'weights');
  const stages = profile.stages.map(({ stage, weight }) => {
    const given = s.weights?.[stage];
    const name = STAGE_NAMES[stage];
    if (weight !== null) {
      if (given !== undefined && given !== weight) {
        reasons.push({
          zh: `${name.zh}权重由办法规定为 ${weight}%，不能改为 ${given}%${source.zh}`,
          en: `the ${name.en} weight is fixed at ${weight}% by the regulation and cannot be set to ${given}%${source.en}`,
        });
      }
      return { stage, weight };
    }
    if (given === undefined) {
      reasons.push({
        zh: `办法未规定${name.zh}的权重，须在本届设置中填写`,
        en: `the regulation leaves the ${name.en} weight open; set it for this edition`,
      });
      return { stage, weight: 0 };
    }
    if (given === 0) {
      reasons.push({
        zh: `${name.zh}是评分环节，权重不能为 0`,
        en: `${name.en} is a scored stage; its weight cannot be 0`,
      });
    }
    return { stage, weight: given };
  });
  const complete = profile.stages.every((x) => x.weight !== null || s.weights?.[x.stage] !== undefined);
  const sum = stages.reduce((acc, x) => acc + x.weight, 0);
  if (complete && sum !== 100) {
    reasons.push({ zh: `各环节权重合计 ${sum}%，应恰好为 100%`, en: `the stage weights add up to ${sum}%, not exactly 100%` });
  }
  return stages;
}

function resolveShortlist(profile: Profile, s: EditionSettings, reasons: Reasons): EffectiveRules['shortlist'] {
  const given = s.shortlistSize;
  if (!profile.shortlist) {
    if (given !== undefined) {
      reasons.push({
        zh: '本办法没有材料评审后的入围名单，不能设置入围数量',
        en: 'this regulation has no shortlist after the material review, so no shortlist size can be set',
      });
    }
    return null;
  }
  const { afterStage, size } = profile.shortlist;
  if (size !== 'edition') {
    if (given !== undefined && given !== size) {
      const source = cite(profile, 'shortlist');
      reasons.push({
        zh: `入围数量由办法规定为 ${size}，不能改为 ${given}${source.zh}`,
        en: `the shortlist size is fixed at ${size} by the regulation and cannot be set to ${given}${source.en}`,
      });
    }
    return { afterStage, size };
  }
  if (given === undefined) {
    reasons.push({
      zh: '办法未规定进入现场评审的数量，须在本届设置中填写入围数量',
      en: 'the regulation leaves the shortlist size open; set it for this edition',
    });
    return { afterStage, size: 1 };
  }
  return { afterStage, size: given };
}

/** The secretariat may narrow a panel-size range the regulation gives, never widen it. */
function resolvePanelSize(profile: Profile, s: EditionSettings, reasons: Reasons): EffectiveRules['panelSize'] {
  const source = cite(profile, 'panelSize');
  const bound = (which: 'min' | 'max'): number => {
    const fixed = profile.panelSize[which];
    const given = s.panelSize?.[which];
    const label = which === 'min' ? { zh: '下限', en: 'minimum' } : { zh: '上限', en: 'maximum' };
    if (given === undefined) {
      if (fixed === null) {
        reasons.push({
          zh: `办法未规定评审组人数${label.zh}，须在本届设置中填写`,
          en: `the regulation leaves the panel size ${label.en} open; set it for this edition`,
        });
        return which === 'min' ? 1 : Number.MAX_SAFE_INTEGER;
      }
      return fixed;
    }
    const lo = profile.panelSize.min;
    const hi = profile.panelSize.max;
    if ((lo !== null && given < lo) || (hi !== null && given > hi)) {
      reasons.push({
        zh: `评审组人数${label.zh} ${given} 超出办法规定的 ${lo ?? 1}–${hi ?? '∞'} 人${source.zh}`,
        en: `a panel size ${label.en} of ${given} lies outside the ${lo ?? 1}–${hi ?? '∞'} the regulation allows${source.en}`,
      });
    }
    return given;
  };
  const min = bound('min');
  const max = bound('max');
  if (min > max) {
    reasons.push({ zh: `评审组人数下限 ${min} 大于上限 ${max}`, en: `the panel size minimum ${min} is above the maximum ${max}` });
  }
  return { min, max };
}

function resolveTieBreak(
  profile: Profile,
  framework: CriteriaFramework,
  s: EditionSettings,
  reasons: Reasons,
): EffectiveRules['tieBreak'] {
  const keys = s.tieBreak ?? profile.tieBreak;
  reasons.push(...tieBreakProblems(keys, profile.stages.map((x) => x.stage)));
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

/**
 * The rules one edition runs under: the profile with what the regulation leaves open filled in
 * from the secretariat's settings. Refuses, listing every reason, an open value left unset, a
 * setting that contradicts the regulation, and weights that do not add up to exactly 100 %.
 */
export function effectiveRules(profile: Profile, framework: CriteriaFramework, settings: EditionSettings): EffectiveRules {
  const parsed = validate(EditionSettingsSchema, settings);
  if (!parsed.ok) throw refuse(profile, parsed.reasons);
  const s = parsed.value;
  const reasons: Reasons = [];
  const stages = resolveWeights(profile, s, reasons);
  const shortlist = resolveShortlist(profile, s, reasons);
  const panelSize = resolvePanelSize(profile, s, reasons);
  const trim = {
    enabled: s.trim?.enabled ?? profile.trim.enabled,
    minPanelSize: s.trim?.minPanelSize ?? profile.trim.minPanelSize,
  };
  if (trim.enabled && trim.minPanelSize > panelSize.max) {
    reasons.push({
      zh: `去掉最高分和最低分要求至少 ${trim.minPanelSize} 名专家，但评审组最多 ${panelSize.max} 人，永远不会生效`,
      en: `trimming needs at least ${trim.minPanelSize} experts but panels have at most ${panelSize.max}, so it could never apply`,
    });
  }
  const disagreement = {
    enabled: s.disagreement?.enabled ?? profile.disagreement.enabled,
    threshold: s.disagreement?.threshold ?? profile.disagreement.threshold,
  };
  const tieBreak = resolveTieBreak(profile, framework, s, reasons);
  if (reasons.length > 0) throw refuse(profile, reasons);
  return {
    profileId: profile.id,
    stages,
    floors: { ...profile.floors },
    caps: { award: { ...profile.caps.award }, nomination: { ...profile.caps.nomination } },
    shortlist,
    panelSize,
    trim,
    disagreement,
    tieBreak,
    totalPoints: framework.totalPoints,
  };
}

function refuse(profile: Profile, reasons: Reasons): PingshenError {
  const list = listReasons(reasons);
  return new PingshenError(
    'edition.invalid-settings',
    {
      zh: `本届设置与${profile.city.zh}评审规则不符：${list.zh}。请修改本届设置后重试。`,
      en: `The edition settings do not fit the ${profile.city.en} profile: ${list.en}. Change the edition settings and try again.`,
    },
    { profileId: profile.id, reasons },
  );
}
