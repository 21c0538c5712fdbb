import { z } from 'zod';
import { DisagreementSetting } from '../rules/disagreement.js';
import { PanelSizeSetting } from '../rules/panel-size.js';
import { ShortlistSizeSetting } from '../rules/shortlist.js';
import { TieBreakKeySchema } from '../rules/tie-break.js';
import { TrimSetting } from '../rules/trim.js';
import { WeightsSetting } from '../rules/weights.js';

/**
 * What the secretariat may set per edition, where the profile leaves it open (or switches on).
 * Structural checks only; whether a value fits the edition's profile (open or fixed by the
 * regulation, adding up to 100 %) is effectiveRules' job.
 */
export const EditionSettingsSchema = z.strictObject({
  weights: WeightsSetting.optional(),
  shortlistSize: ShortlistSizeSetting.optional(),
  panelSize: PanelSizeSetting.optional(),
  trim: TrimSetting.optional(),
  disagreement: DisagreementSetting.optional(),
  /** no regulation fixes a tie-break; replaces the profile's default order for this edition */
  tieBreak: z.array(TieBreakKeySchema).optional(),
});

export type EditionSettings = z.infer<typeof EditionSettingsSchema>;
