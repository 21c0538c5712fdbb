import { z } from 'zod';
import { addFieldReason } from '../domain/reasons.js';
import { isTimeZone } from '../domain/time.js';
import { DisagreementSetting } from '../rules/disagreement.js';
import { PanelSizeSetting } from '../rules/panel-size.js';
import { ShortlistSizeSetting } from '../rules/shortlist.js';
import { TieBreakKeySchema } from '../rules/tie-break.js';
import { TrimSetting } from '../rules/trim.js';
import { WeightsSetting } from '../rules/weights.js';

/** 发文机关: who issues the edition's documents, as its 落款 and seal name it. */
const IssuingBodySetting = z.string().trim().min(1).max(60);

/** An IANA zone name; every date the edition prints or shows is read in it. */
const TimeZoneSetting = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    if (!isTimeZone(v)) addFieldReason(ctx, `“${v}”不是时区名称：应如 Asia/Shanghai`, `"${v}" is not a time zone name: use one like Asia/Shanghai`);
  });

/**
 * What the secretariat may set per edition, where the profile leaves it open (or switches on),
 * and how the edition's documents read (who issues them, in which time zone their dates are).
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
  issuingBody: IssuingBodySetting.optional(),
  timeZone: TimeZoneSetting.optional(),
});

export type EditionSettings = z.infer<typeof EditionSettingsSchema>;
