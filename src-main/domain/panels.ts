import { z } from 'zod';
import { LocalizedSchema } from './localized.js';
import { EntityIdSchema, IdSchema, textOf } from './values.js';
import { StageSchema } from './vocabulary.js';

/** A panel (评审组) reviews its applicants in one stage. */

export const PanelInputSchema = z.strictObject({
  stage: StageSchema,
  name: textOf(100),
  memberIds: z.array(IdSchema).min(1).max(100),
  leaderId: IdSchema.nullable(),
});

export const PanelSchema = z.strictObject({
  id: EntityIdSchema,
  editionId: EntityIdSchema,
  stage: StageSchema,
  name: z.string(),
  leaderId: EntityIdSchema.nullable(),
  memberIds: z.array(EntityIdSchema),
  applicantIds: z.array(EntityIdSchema),
  /** the panel's size lies outside the edition's bounds: a warning, not a refusal */
  sizeFlag: LocalizedSchema.nullable(),
});
export type Panel = z.infer<typeof PanelSchema>;
