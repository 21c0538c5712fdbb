import { z } from 'zod';
import { LocalizedSchema } from './localized.js';
import { EntityIdSchema, IsoTimeSchema } from './values.js';
import { StageSchema } from './vocabulary.js';

/**
 * A change made to an edition after its first review package went out: a correction, a return, a
 * lift, a panel repaired. The reports carry them as an annex (the recusal register, the panel
 * summary), so that a reader sees what changed after the experts set to work, when and why.
 */
export const CorrectionSchema = z.strictObject({
  at: IsoTimeSchema,
  /** the audit log's action, e.g. panel.member-replaced */
  action: z.string(),
  /** the applicant it concerns, if one; null for a change to a panel or an expert as a whole */
  applicantId: EntityIdSchema.nullable(),
  stage: StageSchema.nullable(),
  /** the panel it concerns, if one */
  panelId: EntityIdSchema.nullable(),
  /** the expert it concerns, if one */
  expertId: EntityIdSchema.nullable(),
  text: LocalizedSchema,
});
export type Correction = z.infer<typeof CorrectionSchema>;

/** The actions that are corrections, in the groups the reports annex them by. */
export const RECUSAL_CORRECTIONS = ['recusal.imposed', 'recusal.lifted'] as const;
export const PANEL_CORRECTIONS = [
  'panel.updated',
  'panel.member-added',
  'panel.member-removed',
  'panel.member-replaced',
  'panel.unassigned',
  'panel.moved',
  'panel.substitute-added',
  'panel.substitute-removed',
  'sheet.returned',
] as const;
export const RECORD_CORRECTIONS = ['applicant.corrected', 'applicant.withdrawn', 'expert.corrected', 'expert.withdrawn', 'material.replaced', 'material.removed'] as const;
