import { z } from 'zod';
import type { ItemDisagreement, SubmittedSheet } from '../domain/scores.js';
import type { CriteriaFramework } from '../criteria/schema.js';

/**
 * Disagreement (评分差异): an item whose experts' percents lie further apart than the threshold
 * is flagged for the panel leader's consensus discussion. Off unless a profile or the edition
 * switches it on.
 */

/** flag an item when max − min of the panel's percents exceeds threshold (percentage points) */
export const DisagreementProfile = z.strictObject({ enabled: z.boolean(), threshold: z.number().int().min(0).max(100) });
export type Disagreement = z.infer<typeof DisagreementProfile>;

export const DisagreementSetting = z.strictObject({ enabled: z.boolean(), threshold: z.number().int().min(0).max(100).optional() });
export type DisagreementSetting = z.infer<typeof DisagreementSetting>;

export function resolveDisagreement(profile: Disagreement, given: DisagreementSetting | undefined): Disagreement {
  return { enabled: given?.enabled ?? profile.enabled, threshold: given?.threshold ?? profile.threshold };
}

/** Every item the panel's submitted sheets disagree on beyond the threshold. */
export function disagreements(rule: Disagreement, framework: CriteriaFramework, sheets: readonly Pick<SubmittedSheet, 'percents'>[]): ItemDisagreement[] {
  const found: ItemDisagreement[] = [];
  if (!rule.enabled || sheets.length < 2) return found;
  for (const cat of framework.categories) {
    for (const item of cat.items) {
      const percents = sheets.map((s) => s.percents[item.code] ?? 0);
      const min = Math.min(...percents);
      const max = Math.max(...percents);
      if (max - min > rule.threshold) found.push({ itemCode: item.code, min, max });
    }
  }
  return found;
}
