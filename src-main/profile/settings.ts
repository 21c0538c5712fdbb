import { z } from 'zod';
import type { EditionSettings } from '../domain/types.js';
import { TieBreakKeySchema } from './schema.js';

const weight = z.number().int().min(0).max(100);

/**
 * What the secretariat may set per edition. Structural checks only; whether a value fits the
 * edition's profile (open or fixed by the regulation, adding up to 100 %) is effectiveRules' job.
 */
export const EditionSettingsSchema: z.ZodType<EditionSettings> = z.strictObject({
  weights: z
    .strictObject({ material: weight.optional(), site: weight.optional(), defence: weight.optional() })
    .optional(),
  shortlistSize: z.number().int().min(1).optional(),
  panelSize: z
    .strictObject({ min: z.number().int().min(1).optional(), max: z.number().int().min(1).optional() })
    .optional(),
  trim: z.strictObject({ enabled: z.boolean(), minPanelSize: z.number().int().min(3).optional() }).optional(),
  disagreement: z
    .strictObject({ enabled: z.boolean(), threshold: z.number().int().min(0).max(100).optional() })
    .optional(),
  tieBreak: z.array(TieBreakKeySchema).optional(),
});
