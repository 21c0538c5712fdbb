import { z } from 'zod';
import { LocalizedSchema } from './localized.js';
import { ApplicantRefSchema } from './people.js';
import { perKind } from './scores.js';
import { EntityIdSchema, IsoTimeSchema, optionalText, textOf } from './values.js';
import { ApplicantKindSchema, AwardLevelSchema, ConfirmationSubjectSchema, TieScopeSchema } from './vocabulary.js';

/**
 * The committee's decision (评委会审议): its confirmation of the shortlist and of the proposed
 * award list, how it settled the ties the program does not break, and, where the regulation has
 * one, the secret ballot's count per candidate. Each record says when, at which meeting, by whom.
 */

/** the day of the meeting, as the minutes date it */
export const MeetingDateSchema = z.iso.date();

export const MeetingFields = {
  heldOn: MeetingDateSchema,
  /** e.g. 第三次评委会全体会议 */
  meeting: textOf(200),
};

/** One applicant as a confirmation holds it: on the shortlist, or on the award list at a level. */
export const SnapshotEntrySchema = z.strictObject({ applicantId: EntityIdSchema, level: AwardLevelSchema.nullable() });
export type SnapshotEntry = z.infer<typeof SnapshotEntrySchema>;

export const ConfirmationInputSchema = z.strictObject({
  ...MeetingFields,
  /** who confirmed: the committee's chair, or the members present */
  confirmedBy: textOf(200),
  note: optionalText(1000),
});
export type ConfirmationInput = z.output<typeof ConfirmationInputSchema>;

export const ConfirmationSchema = ConfirmationInputSchema.extend({
  id: EntityIdSchema,
  subject: ConfirmationSubjectSchema,
  recordedAt: IsoTimeSchema,
  /** what was confirmed, as it stood then */
  snapshot: z.array(SnapshotEntrySchema),
});
export type Confirmation = z.infer<typeof ConfirmationSchema>;

export const TieSettlementInputSchema = z.strictObject({
  ...MeetingFields,
  scope: TieScopeSchema,
  /** the tied applicants in the order the committee decided, first placed first */
  order: z.array(EntityIdSchema).min(2).max(100),
  /** how: by discussion, by a vote of the committee, by a further criterion… */
  method: textOf(200),
  settledBy: textOf(200),
  reason: textOf(1000),
});
export type TieSettlementInput = z.output<typeof TieSettlementInputSchema>;

export const TieSettlementSchema = TieSettlementInputSchema.extend({
  id: EntityIdSchema,
  /** at a cap: its level and kind; at the shortlist: null */
  level: AwardLevelSchema.nullable(),
  kind: ApplicantKindSchema.nullable(),
  recordedAt: IsoTimeSchema,
});
export type TieSettlement = z.infer<typeof TieSettlementSchema>;

/** A tie as the committee sees it: the tied applicants, the places at stake, and its settlement if any. */
export const CommitteeTieSchema = z.strictObject({
  scope: TieScopeSchema,
  level: AwardLevelSchema.nullable(),
  kind: ApplicantKindSchema.nullable(),
  applicants: z.array(ApplicantRefSchema),
  places: z.number().int(),
  settlement: TieSettlementSchema.nullable(),
});
export type CommitteeTie = z.infer<typeof CommitteeTieSchema>;

const count = z.number().int().min(0).max(10_000);

export const TallyInputSchema = z.strictObject({
  ...MeetingFields,
  applicantId: EntityIdSchema,
  voters: count,
  votesFor: count,
  votesAgainst: count,
  abstentions: count,
  invalid: count,
});
export type TallyInput = z.output<typeof TallyInputSchema>;

export const BallotTallySchema = TallyInputSchema.extend({
  recordedAt: IsoTimeSchema,
  needed: z.number().int(),
  passed: z.boolean(),
});
export type BallotTally = z.infer<typeof BallotTallySchema>;

export const AwardListEntrySchema = z.strictObject({
  applicant: ApplicantRefSchema,
  level: AwardLevelSchema,
  /** in the ranking, after the committee's settlements */
  rank: z.number().int(),
  weightedTotal: z.number(),
  /** 1, 2, … within its level and kind */
  place: z.number().int(),
  /** why it is on the list: the candidate list, a settled tie, a ballot */
  basis: LocalizedSchema,
  settlementId: EntityIdSchema.nullable(),
  tally: BallotTallySchema.nullable(),
});
export type AwardListEntry = z.infer<typeof AwardListEntrySchema>;

export const AwardListStateSchema = z.enum(['pending', 'ready', 'confirmed', 'stale']);
export type AwardListState = z.infer<typeof AwardListStateSchema>;

/** The proposed award list (拟奖名单) as it stands, with what still keeps it from being decided. */
export const AwardListSchema = z.strictObject({
  editionId: EntityIdSchema,
  state: AwardListStateSchema,
  entries: z.array(AwardListEntrySchema),
  /** what must happen first: each a sentence saying what to do */
  pending: z.array(LocalizedSchema),
  /** candidates the ballot did not pass: their places stay empty */
  excluded: z.array(z.strictObject({ applicant: ApplicantRefSchema, level: AwardLevelSchema, tally: BallotTallySchema })),
  /** applicants whose rank reached a level the eligibility check does not allow them: why, and the place went to the next eligible one */
  passedOver: z.array(z.strictObject({ applicant: ApplicantRefSchema, level: AwardLevelSchema, reason: LocalizedSchema })),
  unfilled: z.strictObject({ award: perKind(z.number().int()), nomination: perKind(z.number().int()) }),
  vote: z.strictObject({ numerator: z.number().int(), denominator: z.number().int() }).nullable(),
  confirmation: ConfirmationSchema.nullable(),
});
export type AwardList = z.infer<typeof AwardListSchema>;

export const ShortlistStateSchema = z.strictObject({
  /** the shortlist as it stands, the committee's settlement of a tie at the cut applied */
  applicants: z.array(ApplicantRefSchema),
  size: z.number().int(),
  confirmation: ConfirmationSchema.nullable(),
  /** null while unconfirmed */
  matches: z.boolean().nullable(),
});
export type ShortlistState = z.infer<typeof ShortlistStateSchema>;

export const CommitteeViewSchema = z.strictObject({
  shortlist: ShortlistStateSchema.nullable(),
  ties: z.array(CommitteeTieSchema),
  /** settlements of ties the results no longer have: kept, shown, not applied */
  staleSettlements: z.array(TieSettlementSchema),
  /** per candidate, its count, where the profile has a ballot */
  ballot: z
    .strictObject({
      vote: z.strictObject({ numerator: z.number().int(), denominator: z.number().int() }),
      candidates: z.array(z.strictObject({ applicant: ApplicantRefSchema, level: AwardLevelSchema, tally: BallotTallySchema.nullable() })),
    })
    .nullable(),
  awardList: AwardListSchema,
});
export type CommitteeView = z.infer<typeof CommitteeViewSchema>;
