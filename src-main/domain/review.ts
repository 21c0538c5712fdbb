import { z } from 'zod';
import { ApplicantRefSchema } from './people.js';
import { EntityIdSchema, IsoTimeSchema } from './values.js';
import { StageSchema } from './vocabulary.js';

/** Declarations of interest (回避) and score sheets: the expert's work, as every layer holds it. */

export const DeclarationSourceSchema = z.enum(['expert', 'secretariat']);

export const DeclarationSchema = z.strictObject({
  expertId: EntityIdSchema,
  applicantId: EntityIdSchema,
  conflict: z.boolean(),
  reason: z.string().max(1000),
  declaredAt: IsoTimeSchema,
  source: DeclarationSourceSchema,
});
export type Declaration = z.infer<typeof DeclarationSchema>;

export const ItemCodeSchema = z.string().min(1).max(20);
/** A percent an expert gave: 0..100; whether it lies on the framework's grid is the framework's rule. */
export const PercentSchema = z.number().int().min(0).max(100);
export const CommentSchema = z.string().max(20_000);

/** One item of a score sheet: the percent (null until scored) and the written comments. */
export const ItemScoreSchema = z.strictObject({
  itemCode: ItemCodeSchema,
  percent: PercentSchema.nullable(),
  strengths: CommentSchema,
  opportunities: CommentSchema,
  updatedAt: IsoTimeSchema.nullable(),
});
export type ItemScore = z.infer<typeof ItemScoreSchema>;

/** What the expert enters for an item. */
export type ItemEntry = Pick<ItemScore, 'percent' | 'strengths' | 'opportunities'>;

export const SheetStatusSchema = z.enum(['draft', 'submitted']);
export type SheetStatus = z.infer<typeof SheetStatusSchema>;

export const ScoreSheetSchema = z.strictObject({
  id: EntityIdSchema,
  editionId: EntityIdSchema,
  expertId: EntityIdSchema,
  applicantId: EntityIdSchema,
  stage: StageSchema,
  status: SheetStatusSchema,
  submittedAt: IsoTimeSchema.nullable(),
  items: z.array(ItemScoreSchema),
  /** sum of scored items, 2 decimals */
  total: z.number(),
});
export type ScoreSheet = z.infer<typeof ScoreSheetSchema>;

export const AssignmentViewSchema = z.strictObject({
  applicant: ApplicantRefSchema,
  stage: StageSchema,
  /** null = not yet declared */
  declaration: DeclarationSchema.nullable(),
  sheetStatus: z.union([z.literal('none'), SheetStatusSchema]),
  scoredItems: z.number().int(),
  totalItems: z.number().int(),
});
export type AssignmentView = z.infer<typeof AssignmentViewSchema>;

export const OwedWorkSchema = z.strictObject({
  expertId: EntityIdSchema,
  expertName: z.string(),
  applicantId: EntityIdSchema,
  stage: StageSchema,
  state: z.enum(['no-bundle', 'undeclared', 'not-submitted']),
});
export type OwedWork = z.infer<typeof OwedWorkSchema>;
