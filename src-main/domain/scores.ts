import { z } from 'zod';
import { LocalizedSchema } from './localized.js';
import { ApplicantRefSchema } from './people.js';
import { ItemCodeSchema, PercentSchema } from './review.js';
import { EntityIdSchema } from './values.js';
import { ApplicantKindSchema, AwardLevelSchema, StageSchema } from './vocabulary.js';

/**
 * Aggregation's vocabulary: what goes into a panel's score and what comes out. Points are on the
 * framework's scale (GB/T 19580: 1000), rounded to 2 decimals once per mean.
 */

export const perKind = <T extends z.ZodType>(value: T) => z.strictObject({ unit: value, individual: value });
export type PerKind<T> = { unit: T; individual: T };

/** One submitted score sheet, reduced to what aggregation needs. */
export const SubmittedSheetSchema = z.strictObject({
  expertId: EntityIdSchema,
  applicantId: EntityIdSchema,
  stage: StageSchema,
  /** item code → percent; every item of the framework present */
  percents: z.record(ItemCodeSchema, PercentSchema),
});
export type SubmittedSheet = z.infer<typeof SubmittedSheetSchema>;

/** Who sits on the panel that reviews this applicant in this stage, and who of them is recused. */
export const PanelSeatSchema = z.strictObject({
  applicantId: EntityIdSchema,
  stage: StageSchema,
  panelId: EntityIdSchema,
  memberIds: z.array(EntityIdSchema),
  recusedIds: z.array(EntityIdSchema),
});
export type PanelSeat = z.infer<typeof PanelSeatSchema>;

export const ItemDisagreementSchema = z.strictObject({ itemCode: ItemCodeSchema, min: PercentSchema, max: PercentSchema });
export type ItemDisagreement = z.infer<typeof ItemDisagreementSchema>;

export const StageResultSchema = z.strictObject({
  applicantId: EntityIdSchema,
  stage: StageSchema,
  /** each submitted expert total, on the framework scale */
  expertTotals: z.array(z.strictObject({ expertId: EntityIdSchema, total: z.number() })),
  /** mean of expert totals (trimmed when applied), rounded to 2 decimals; null if no sheet */
  panelScore: z.number().nullable(),
  trimmed: z.boolean(),
  /** expert ids dropped by trimming (one highest, one lowest) */
  droppedExpertIds: z.array(EntityIdSchema),
  /** per item: the panel's mean percent and mean score */
  itemMeans: z.record(ItemCodeSchema, z.strictObject({ percent: z.number(), score: z.number() })),
  /** per category: the panel's mean score */
  categoryMeans: z.record(z.string(), z.number()),
  disagreements: z.array(ItemDisagreementSchema),
  /** panel size after recusals is below the minimum */
  undersized: z.boolean(),
  /** seated, not recused, no submitted sheet yet */
  missingExpertIds: z.array(EntityIdSchema),
});
export type StageResult = z.infer<typeof StageResultSchema>;

export const RankingEntrySchema = z.strictObject({
  applicant: ApplicantRefSchema,
  stageScores: z.partialRecord(StageSchema, z.number().nullable()),
  /** Σ weight × stage panel score, 2 decimals; null while a scored stage is missing */
  weightedTotal: z.number().nullable(),
  /** competition ranking (1, 2, 2, 4) after tie-breaks; null when weightedTotal is null */
  rank: z.number().int().nullable(),
  /** still tied with another applicant after every tie-break */
  tied: z.boolean(),
  /** null when the rules have no shortlist */
  shortlisted: z.boolean().nullable(),
});
export type RankingEntry = z.infer<typeof RankingEntrySchema>;

export const CandidateStatusSchema = z.enum(['award', 'nomination', 'tie-at-cap', 'below-floor', 'not-placed']);
export type CandidateStatus = z.infer<typeof CandidateStatusSchema>;

export const CandidateEntrySchema = z.strictObject({
  applicantId: EntityIdSchema,
  kind: ApplicantKindSchema,
  status: CandidateStatusSchema,
  /** the levels the eligibility check lets it be placed at; absent where the edition does not use the check */
  levels: z.array(AwardLevelSchema).optional(),
  /** levels its rank and score reached while places lasted, but it is not eligible for; absent when none */
  passedOver: z.array(AwardLevelSchema).optional(),
});
export type CandidateEntry = z.infer<typeof CandidateEntrySchema>;

export const FlagSchema = z.strictObject({
  code: z.enum([
    'disagreement',
    'undersized-panel',
    'missing-sheets',
    'tie-at-cap',
    'tie-at-shortlist',
    // a recusal imposed after the expert's sheet was accepted: the sheet no longer counts
    'recused-sheet-excluded',
  ]),
  applicantId: EntityIdSchema.optional(),
  stage: StageSchema.optional(),
  itemCode: ItemCodeSchema.optional(),
  detail: LocalizedSchema,
});
export type Flag = z.infer<typeof FlagSchema>;
