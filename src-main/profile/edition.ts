import type { z } from 'zod';
import { EditionSummarySchema } from '../domain/editions.js';
import { FrameworkSchema } from '../criteria/schema.js';
import { effectiveRules, type EffectiveRules } from './effective.js';
import { ProfileSchema } from './schema.js';
import { EditionSettingsSchema } from './settings.js';

/** An edition with its rulebook: the profile, the criteria framework and the edition's own settings. */
export const EditionDetailSchema = EditionSummarySchema.extend({
  profile: ProfileSchema,
  framework: FrameworkSchema,
  settings: EditionSettingsSchema,
});
export type EditionDetail = z.infer<typeof EditionDetailSchema>;

export function rulesOf(edition: Pick<EditionDetail, 'profile' | 'framework' | 'settings'>): EffectiveRules {
  return effectiveRules(edition.profile, edition.framework, edition.settings);
}
