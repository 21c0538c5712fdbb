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
  /** a recusal the secretariat lifted, with its reason: it no longer recuses */
  lifted: z.strictObject({ at: IsoTimeSchema, reason: z.string() }).nullable(),
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
  /** 1 for the first; a sheet returned to its expert comes back as the next version */
  version: z.number().int().min(1),
  /** the secretariat sent this version back and awaits the revised one: until then it does not count */
  returned: z.strictObject({ reason: z.string(), at: IsoTimeSchema }).nullable(),
  /** why this version was reopened, when it answers a return */
  revisedFor: z.string().nullable(),
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
  /** the sheet was returned for correction, and why: shown until it is submitted again */
  returnReason: z.string().nullable(),
});
export type AssignmentView = z.infer<typeof AssignmentViewSchema>;

export const OwedWorkSchema = z.strictObject({
  expertId: EntityIdSchema,
  expertName: z.string(),
  applicantId: EntityIdSchema,
  stage: StageSchema,
  /** 'returned': the secretariat sent the sheet back and awaits the revised version */
  state: z.enum(['no-bundle', 'undeclared', 'not-submitted', 'returned']),
});
export type OwedWork = z.infer<typeof OwedWorkSchema>;

/** A sheet the secretariat (or the panel's leader) sent back to its expert for correction. */
export const SheetReturnSchema = z.strictObject({
  id: EntityIdSchema,
  editionId: EntityIdSchema,
  expertId: EntityIdSchema,
  applicantId: EntityIdSchema,
  stage: StageSchema,
  /** the version sent back; the next version answers it */
  version: z.number().int().min(1),
  reason: z.string(),
  returnedAt: IsoTimeSchema,
  returnedBy: z.string(),
});
export type SheetReturn = z.infer<typeof SheetReturnSchema>;

/** One version of a sheet as it was submitted (and, at the secretariat, received). */
export const SheetVersionSchema = z.strictObject({
  id: EntityIdSchema,
  editionId: EntityIdSchema,
  expertId: EntityIdSchema,
  applicantId: EntityIdSchema,
  stage: StageSchema,
  version: z.number().int().min(1),
  returnId: EntityIdSchema.nullable(),
  submittedAt: IsoTimeSchema,
  items: z.array(ItemScoreSchema),
  bundleId: EntityIdSchema.nullable(),
  recordedAt: IsoTimeSchema,
});
export type SheetVersion = z.infer<typeof SheetVersionSchema>;

/** One change in a pair's declarations: declared, imposed by the secretariat, or lifted. */
export const DeclarationEventSchema = z.strictObject({
  expertId: EntityIdSchema,
  applicantId: EntityIdSchema,
  source: DeclarationSourceSchema,
  event: z.enum(['declared', 'imposed', 'lifted']),
  conflict: z.boolean(),
  reason: z.string(),
  at: IsoTimeSchema,
  bundleId: EntityIdSchema.nullable(),
  actor: z.string(),
});
export type DeclarationEvent = z.infer<typeof DeclarationEventSchema>;
