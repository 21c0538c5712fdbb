import { z } from 'zod';
import { LocalizedSchema } from './localized.js';
import { ApplicantRefSchema } from './people.js';
import { CommentSchema, ItemCodeSchema, PercentSchema } from './review.js';
import { EntityIdSchema, IsoTimeSchema, UuidSchema } from './values.js';
import { StageSchema } from './vocabulary.js';

/**
 * The panel leader's consensus (组长负责制, Xinyang art. 9): after the members have submitted, the
 * leader reviews their sheets side by side, settles each flagged item (the members revised their
 * own scores, or the difference stands, with the reason), writes the panel's opinion and the overall
 * evaluation (art. 18), and signs off. Scores change only through a member revising their own sheet.
 */

export const PercentsSchema = z.record(ItemCodeSchema, PercentSchema);
export type ItemPercents = z.infer<typeof PercentsSchema>;

/** A sheet as the consensus saw it: its version and its percents. */
export const SheetStateSchema = z.strictObject({ version: z.number().int().min(1), percents: PercentsSchema });
export type SheetState = z.infer<typeof SheetStateSchema>;

export const SpreadSchema = z.strictObject({ min: PercentSchema, max: PercentSchema });
export type Spread = z.infer<typeof SpreadSchema>;

/** 'revised': members revised their own scores and the item no longer disagrees; 'stands': the difference stands, for the reason given */
export const ResolutionSchema = z.enum(['revised', 'stands']);
export type Resolution = z.infer<typeof ResolutionSchema>;

export const ReasonSchema = z.string().trim().max(2000);

/** An item the panel disagreed on when the consensus opened, or still disagrees on. */
export const FlaggedItemSchema = z.strictObject({ itemCode: ItemCodeSchema, base: SpreadSchema, final: SpreadSchema });
export type FlaggedItem = z.infer<typeof FlaggedItemSchema>;

export const SettlementSchema = z.strictObject({ itemCode: ItemCodeSchema, resolution: ResolutionSchema, reason: ReasonSchema });
export type Settlement = z.infer<typeof SettlementSchema>;

const PointSchema = z.string().trim().min(1).max(20_000);

/** The panel's strengths and opportunities for one category of the criteria, point by point. */
export const CategoryOpinionSchema = z.strictObject({
  code: z.string().min(1).max(20),
  strengths: z.array(PointSchema).max(2000),
  opportunities: z.array(PointSchema).max(2000),
});
export type CategoryOpinion = z.infer<typeof CategoryOpinionSchema>;

/** What the applicant reads: per category, then the overall evaluation (综合评价). */
export const OpinionSchema = z.strictObject({
  categories: z.array(CategoryOpinionSchema).max(50),
  overall: CommentSchema,
});
export type Opinion = z.infer<typeof OpinionSchema>;

export const LEADER_RETURN_FORMAT = 'pingshen/leader-return';

/**
 * A sheet the panel's leader sent back to its member, with the reason: signed by the leader, so it
 * travels on its own (to the member, in the member's next bundle, in the leader's bundle) and is
 * honoured wherever the leader's key is known.
 */
export const LeaderReturnSchema = z.strictObject({
  format: z.literal(LEADER_RETURN_FORMAT),
  id: UuidSchema,
  editionId: EntityIdSchema,
  panelId: EntityIdSchema,
  leaderId: EntityIdSchema,
  expertId: EntityIdSchema,
  applicantId: EntityIdSchema,
  stage: StageSchema,
  /** the version sent back; the next version answers it */
  version: z.number().int().min(1),
  reason: z.string().trim().min(1).max(1000),
  returnedAt: IsoTimeSchema,
});
export type LeaderReturn = z.infer<typeof LeaderReturnSchema>;

export const CONSENSUS_FORMAT = 'pingshen/consensus-record';

/** The leader's signed-off consensus for one applicant in one stage. */
export const ConsensusRecordSchema = z.strictObject({
  format: z.literal(CONSENSUS_FORMAT),
  version: z.literal(1),
  id: UuidSchema,
  editionId: EntityIdSchema,
  applicantId: EntityIdSchema,
  stage: StageSchema,
  panelId: EntityIdSchema,
  leaderId: EntityIdSchema,
  /** on the leader's own laptop, or at the secretariat's workstation when the panel met there */
  recordedBy: z.enum(['leader', 'secretariat']),
  openedAt: IsoTimeSchema,
  signedAt: IsoTimeSchema,
  /** every active member's sheet as it stood when the consensus opened, and as it stands at sign-off */
  members: z.array(z.strictObject({ expertId: EntityIdSchema, base: SheetStateSchema, final: SheetStateSchema })).min(1).max(100),
  flagged: z.array(FlaggedItemSchema.extend(SettlementSchema.omit({ itemCode: true }).shape)).max(200),
  /** the returns the leader made during this consensus */
  returns: z.array(EntityIdSchema).max(500),
  opinion: OpinionSchema,
});
export type ConsensusRecord = z.infer<typeof ConsensusRecordSchema>;

// ---------------------------------------------------------------- what the leader's screen shows

export const ConsensusStateSchema = z.enum(['waiting', 'ready', 'open', 'signed']);
export type ConsensusState = z.infer<typeof ConsensusStateSchema>;

/** One applicant and stage the leader (or the secretariat) may hold a consensus for. */
export const ConsensusSeatSchema = z.strictObject({
  applicant: ApplicantRefSchema,
  stage: StageSchema,
  panelId: EntityIdSchema,
  panelName: z.string(),
  /** active members (seated, not recused) and how many of their sheets are in, submitted and not sent back */
  expected: z.number().int(),
  submitted: z.number().int(),
  state: ConsensusStateSchema,
  /** items flagged in the sheets as they stand */
  flagged: z.number().int(),
  signedAt: IsoTimeSchema.nullable(),
});
export type ConsensusSeat = z.infer<typeof ConsensusSeatSchema>;

export const MemberSheetSchema = z.strictObject({
  expertId: EntityIdSchema,
  code: z.string(),
  name: z.string(),
  leader: z.boolean(),
  /** the version the consensus opened on, and the one that stands now */
  baseVersion: z.number().int(),
  version: z.number().int(),
  total: z.number(),
  items: z.array(z.strictObject({ itemCode: ItemCodeSchema, percent: PercentSchema, strengths: CommentSchema, opportunities: CommentSchema })),
  /** sent back and not yet answered by the member's revised version */
  pendingReturn: z.strictObject({ id: EntityIdSchema, reason: z.string(), at: IsoTimeSchema }).nullable(),
});
export type MemberSheet = z.infer<typeof MemberSheetSchema>;

export const ConsensusViewSchema = z.strictObject({
  id: EntityIdSchema,
  editionId: EntityIdSchema,
  applicant: ApplicantRefSchema,
  stage: StageSchema,
  panelId: EntityIdSchema,
  leader: z.strictObject({ id: EntityIdSchema, code: z.string(), name: z.string() }),
  recordedBy: z.enum(['leader', 'secretariat']),
  status: z.enum(['open', 'signed']),
  openedAt: IsoTimeSchema,
  signedAt: IsoTimeSchema.nullable(),
  /** the disagreement threshold in percentage points; null when the edition does not flag disagreement */
  threshold: z.number().int().nullable(),
  members: z.array(MemberSheetSchema),
  flagged: z.array(FlaggedItemSchema.extend({ settlement: SettlementSchema.omit({ itemCode: true }).nullable() })),
  /** the app's merge of the members' comments per category, for the leader to edit */
  proposal: z.array(CategoryOpinionSchema),
  /** the leader's opinion as saved so far; null until first saved */
  opinion: OpinionSchema.nullable(),
  /** what still stands between this consensus and sign-off, in words; empty once it may be signed */
  blockers: z.array(LocalizedSchema),
});
export type ConsensusView = z.infer<typeof ConsensusViewSchema>;

/** A received or recorded sign-off, as the secretariat lists it. */
export const ConsensusSummarySchema = z.strictObject({
  id: EntityIdSchema,
  applicantId: EntityIdSchema,
  stage: StageSchema,
  leaderId: EntityIdSchema,
  recordedBy: z.enum(['leader', 'secretariat']),
  signedAt: IsoTimeSchema,
  /** whether the members' sheets still stand as the record says; a later revision makes it stale */
  current: z.boolean(),
});
export type ConsensusSummary = z.infer<typeof ConsensusSummarySchema>;
