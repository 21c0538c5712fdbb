import { z } from 'zod';
import type { Localized } from '../domain/localized.js';
import { cite, type Reasons } from './cite.js';

/**
 * Panel size (评审组人数): Xinyang fixes 3–7 (art. 9); the others leave it to the edition. A
 * panel outside the bounds is flagged, not refused, and a panel that falls below the minimum
 * after recusals is flagged so that the secretariat adds experts.
 */

/** null bound = set per edition */
export const PanelSizeProfile = z.strictObject({
  min: z.number().int().min(1).nullable(),
  max: z.number().int().min(1).nullable(),
});
export type PanelSizeProfile = z.infer<typeof PanelSizeProfile>;

export const PanelSizeSetting = z.strictObject({ min: z.number().int().min(1).optional(), max: z.number().int().min(1).optional() });
export type PanelSizeSetting = z.infer<typeof PanelSizeSetting>;

export const PanelSizeEffective = z.strictObject({ min: z.number().int(), max: z.number().int() });
export type PanelSize = z.infer<typeof PanelSizeEffective>;

export function checkPanelSize(size: PanelSizeProfile): Reasons {
  const { min, max } = size;
  if (min !== null && max !== null && min > max) {
    return [{ zh: `评审组人数下限 ${min} 大于上限 ${max}`, en: `panel size minimum ${min} is above the maximum ${max}` }];
  }
  return [];
}

/** The secretariat may narrow a panel-size range the regulation gives, never widen it. */
export function resolvePanelSize(
  profile: { panelSize: PanelSizeProfile; sources: Record<string, string> },
  given: PanelSizeSetting | undefined,
  reasons: Reasons,
): PanelSize {
  const source = cite(profile.sources, 'panelSize');
  const bound = (which: 'min' | 'max'): number => {
    const fixed = profile.panelSize[which];
    const set = given?.[which];
    const label = which === 'min' ? { zh: '下限', en: 'minimum' } : { zh: '上限', en: 'maximum' };
    if (set === undefined) {
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
    if ((lo !== null && set < lo) || (hi !== null && set > hi)) {
      reasons.push({
        zh: `评审组人数${label.zh} ${set} 超出办法规定的 ${lo ?? 1}–${hi ?? '∞'} 人${source.zh}`,
        en: `a panel size ${label.en} of ${set} lies outside the ${lo ?? 1}–${hi ?? '∞'} the regulation allows${source.en}`,
      });
    }
    return set;
  };
  const min = bound('min');
  const max = bound('max');
  if (min > max) {
    reasons.push({ zh: `评审组人数下限 ${min} 大于上限 ${max}`, en: `the panel size minimum ${min} is above the maximum ${max}` });
  }
  return { min, max };
}

/** A panel outside the size bounds is flagged, not refused: experts may still be recruited. */
export function sizeFlag(size: PanelSize, members: number): Localized | null {
  if (members < size.min) {
    return { zh: `评审组只有 ${members} 人，少于规定的下限 ${size.min} 人`, en: `the panel has ${members} members, fewer than the minimum of ${size.min}` };
  }
  if (members > size.max) {
    return { zh: `评审组有 ${members} 人，多于规定的上限 ${size.max} 人`, en: `the panel has ${members} members, more than the maximum of ${size.max}` };
  }
  return null;
}

/** Fewer experts are left to score, after recusals, than the rules require. */
export function isUndersized(size: PanelSize, active: number): boolean {
  return active < size.min;
}
