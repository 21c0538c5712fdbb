import { z } from 'zod';
import { LocalizedSchema } from './localized.js';
import { EntityIdSchema, IdSchema, IsoTimeSchema, textOf } from './values.js';
import { StageSchema } from './vocabulary.js';

/** A panel (评审组) reviews its applicants in one stage. */

export const PanelInputSchema = z.strictObject({
  stage: StageSchema,
  name: textOf(100),
  memberIds: z.array(IdSchema).min(1).max(100),
  leaderId: IdSchema.nullable(),
});

/** An expert added to a panel for one applicant only (增派专家), with the reason. */
export const SubstituteSchema = z.strictObject({
  applicantId: EntityIdSchema,
  expertId: EntityIdSchema,
  reason: z.string(),
  addedAt: IsoTimeSchema,
});
export type Substitute = z.infer<typeof SubstituteSchema>;

export const PanelSchema = z.strictObject({
  id: EntityIdSchema,
  editionId: EntityIdSchema,
  stage: StageSchema,
  name: z.string(),
  leaderId: EntityIdSchema.nullable(),
  memberIds: z.array(EntityIdSchema),
  applicantIds: z.array(EntityIdSchema),
  /** experts seated for one applicant only */
  substitutes: z.array(SubstituteSchema),
  /** the panel's size lies outside the edition's bounds: a warning, not a refusal */
  sizeFlag: LocalizedSchema.nullable(),
});
export type Panel = z.infer<typeof PanelSchema>;
