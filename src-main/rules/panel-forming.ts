import { z } from 'zod';

/**
 * How panels are formed, as far as a regulation says: Jinan forms its panels by industry
 * (art. 8(2): 按一、二、三产业等专项评审组), the others per stage only. And what counts as a
 * recent edition when the app suggests a conflict because an expert reviewed the same applicant
 * before: no regulation says, so each profile sets a window in years (two cycles by default).
 */
export const PanelFormingProfile = z.strictObject({
  byIndustry: z.boolean(),
  recentYears: z.number().int().min(1).max(50),
});
export type PanelForming = z.infer<typeof PanelFormingProfile>;

/** A profile stored with an edition before panel forming was profile data forms panels per stage alone. */
export function resolvePanelForming(profile: { panelForming?: PanelForming; cycleYears: number }): PanelForming {
  return profile.panelForming ?? { byIndustry: false, recentYears: 2 * profile.cycleYears };
}
