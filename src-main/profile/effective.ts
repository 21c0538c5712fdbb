import { z } from 'zod';
import { PingshenError } from '../domain/errors.js';
import { listReasons, validate } from '../domain/reasons.js';
import type { CriteriaFramework } from '../criteria/schema.js';
import type { Reasons } from '../rules/cite.js';
import { DisagreementProfile, resolveDisagreement } from '../rules/disagreement.js';
import { CapsProfile, FloorsProfile } from '../rules/floors-caps.js';
import { PanelFormingProfile, resolvePanelForming } from '../rules/panel-forming.js';
import { PanelSizeEffective, resolvePanelSize } from '../rules/panel-size.js';
import { resolveShortlist, ShortlistEffective } from '../rules/shortlist.js';
import { resolveTieBreak, TieBreakKeySchema } from '../rules/tie-break.js';
import { resolveTrim, TrimProfile } from '../rules/trim.js';
import { resolveWeights, StagesEffective } from '../rules/weights.js';
import type { Profile } from './schema.js';
import { EditionSettingsSchema, type EditionSettings } from './settings.js';

/** The rules one edition runs under: the profile with every open value filled in. */
export const EffectiveRulesSchema = z.strictObject({
  profileId: z.string(),
  stages: StagesEffective,
  floors: FloorsProfile,
  caps: CapsProfile,
  shortlist: ShortlistEffective,
  panelSize: PanelSizeEffective,
  panelForming: PanelFormingProfile,
  trim: TrimProfile,
  disagreement: DisagreementProfile,
  tieBreak: z.array(TieBreakKeySchema),
  totalPoints: z.number().int(),
});
export type EffectiveRules = z.infer<typeof EffectiveRulesSchema>;

/**
 * The profile with what the regulation leaves open filled in from the secretariat's settings.
 * Refuses, listing every reason, an open value left unset, a setting that contradicts the
 * regulation, and weights that do not add up to exactly 100 %.
 */
export function effectiveRules(profile: Profile, framework: CriteriaFramework, settings: EditionSettings): EffectiveRules {
  const parsed = validate(EditionSettingsSchema, settings);
  if (!parsed.ok) throw refuse(profile, parsed.reasons);
  const s = parsed.value;
  const reasons: Reasons = [];
  const stages = resolveWeights(profile, s.weights, reasons);
  const shortlist = resolveShortlist(profile, s.shortlistSize, reasons);
  const panelSize = resolvePanelSize(profile, s.panelSize, reasons);
  const trim = resolveTrim(profile.trim, s.trim, panelSize, reasons);
  const disagreement = resolveDisagreement(profile.disagreement, s.disagreement);
  const tieBreak = resolveTieBreak(
    profile.tieBreak,
    s.tieBreak,
    profile.stages.map((x) => x.stage),
    framework,
    reasons,
  );
  if (reasons.length > 0) throw refuse(profile, reasons);
  return {
    profileId: profile.id,
    stages,
    floors: { ...profile.floors },
    caps: { award: { ...profile.caps.award }, nomination: { ...profile.caps.nomination } },
    shortlist,
    panelSize,
    panelForming: resolvePanelForming(profile),
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
