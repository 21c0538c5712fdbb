import { z } from 'zod';
import type { BallotTally, Confirmation, TieSettlement } from './committee.js';
import { EntityIdSchema, IdSchema, IsoTimeSchema, nullableOf, optionalText, PhoneSchema, EmailSchema, textOf } from './values.js';
import { NoticeKindSchema, ObjectionStateSchema, ObjectorKindSchema } from './vocabulary.js';

/**
 * Public notices (公示), the objections (异议) to them, and the final list the notice leaves; and
 * the secretariat's corrections to the working-day calendar the notices are counted in.
 */

export const CalendarDaySchema = z.iso.date();

export const CalendarCorrectionSchema = z.strictObject({
  date: CalendarDaySchema,
  working: z.boolean(),
  note: z.string(),
  setAt: IsoTimeSchema,
});
export type CalendarCorrection = z.output<typeof CalendarCorrectionSchema>;

/** One day as the notices count it: what the holiday table says, and what counts after the corrections. */
export const CalendarDayViewSchema = z.strictObject({
  date: CalendarDaySchema,
  working: z.boolean(),
  /** the holiday table's name for the day (国庆节, 春节 …), or null */
  holiday: z.string().nullable(),
  /** a weekend day worked in exchange for a holiday (调休上班) */
  makeUp: z.boolean(),
  correction: CalendarCorrectionSchema.nullable(),
});
export type CalendarDayView = z.output<typeof CalendarDayViewSchema>;

/** Where objections go (Daqing art. 20, Xinyang art. 23): the office, its address and contact. */
export const NoticeContactSchema = z.strictObject({
  office: textOf(200),
  address: optionalText(300),
  phone: nullableOf(PhoneSchema),
  email: nullableOf(EmailSchema),
});
export type NoticeContact = z.output<typeof NoticeContactSchema>;

export const NoticeEntrySchema = z.strictObject({
  applicantId: EntityIdSchema,
  code: z.string(),
  name: z.string(),
  /** on the award list: the award (奖) or the nomination (提名奖); null on the accepted list */
  designation: z.enum(['award', 'nomination']).nullable(),
});
export type NoticeEntry = z.output<typeof NoticeEntrySchema>;

export const NoticeInputSchema = z.strictObject({
  editionId: IdSchema,
  kind: NoticeKindSchema,
  startDate: CalendarDaySchema,
  contact: NoticeContactSchema,
});

/** A notice as the store keeps it, and as the edition archive's notice register holds it. */
export const NoticeRecordSchema = z.strictObject({
  id: EntityIdSchema,
  editionId: EntityIdSchema,
  kind: NoticeKindSchema,
  startDate: CalendarDaySchema,
  endDate: CalendarDaySchema,
  days: z.number().int(),
  working: z.boolean(),
  contact: NoticeContactSchema,
  issuedAt: IsoTimeSchema,
  /** the list as it stood when the notice was issued */
  entries: z.array(NoticeEntrySchema),
});
export type NoticeRecord = z.output<typeof NoticeRecordSchema>;

/** A notice as the app shows it: the record, and where the period stands on the edition's today. */
export const NoticeSchema = NoticeRecordSchema.extend({
  /** before, during or after the notice period, on the edition's today */
  phase: z.enum(['upcoming', 'open', 'closed']),
  /** years the period touches that neither the holiday table nor a correction covers: counted Monday to Friday */
  uncoveredYears: z.array(z.number().int()),
});
export type Notice = z.output<typeof NoticeSchema>;

export const ObjectionInputSchema = z.strictObject({
  noticeId: IdSchema,
  applicantId: IdSchema,
  objectorKind: ObjectorKindSchema,
  /** a person's name or an organisation's; blank is an anonymous objection, which is refused */
  objectorName: optionalText(100),
  /** a person's organisation, or an organisation's address */
  organisation: optionalText(200),
  phone: nullableOf(PhoneSchema),
  address: optionalText(300),
  receivedOn: CalendarDaySchema,
  grounds: textOf(4000),
});
export type ObjectionInput = z.output<typeof ObjectionInputSchema>;

export const ObjectionNoteSchema = z.strictObject({ notedOn: CalendarDaySchema, text: z.string(), at: IsoTimeSchema });

/**
 * An objection as the store keeps it, and as the edition archive's objection register holds it:
 * who objected, when it arrived, and each step it went through (accepted or not on a day, the
 * investigation's notes, the decision on a day) to its outcome, the state.
 */
export const ObjectionRecordSchema = z.strictObject({
  id: EntityIdSchema,
  editionId: EntityIdSchema,
  noticeId: EntityIdSchema,
  /** the register's number within the edition: 1, 2, … */
  number: z.number().int(),
  applicantId: EntityIdSchema,
  objectorKind: ObjectorKindSchema,
  objectorName: z.string(),
  organisation: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  receivedOn: CalendarDaySchema,
  grounds: z.string(),
  state: ObjectionStateSchema,
  acceptedOn: CalendarDaySchema.nullable(),
  decidedOn: CalendarDaySchema.nullable(),
  /** why it was not accepted, or what the investigation found */
  decision: z.string().nullable(),
  /** when the secretariat entered it in the register */
  registeredAt: IsoTimeSchema,
  notes: z.array(ObjectionNoteSchema),
});
export type ObjectionRecord = z.output<typeof ObjectionRecordSchema>;

/** An objection as the app shows it: the record less its register time, with the applicant named and the deadlines worked out. */
export const ObjectionSchema = ObjectionRecordSchema.omit({ registeredAt: true }).extend({
  noticeKind: NoticeKindSchema,
  applicantCode: z.string(),
  applicantName: z.string(),
  /** the last day to decide on acceptance, in the profile's working days after receipt; null where none is set */
  acceptBy: CalendarDaySchema.nullable(),
  /** the last day to conclude the investigation; null where none is set */
  concludeBy: CalendarDaySchema.nullable(),
  /** a deadline passed with the step still open */
  overdue: z.boolean(),
});
export type Objection = z.output<typeof ObjectionSchema>;

/** The final award list as published (公布): once, on a day after the notice, with the entries it published. */
export const PublishedListSchema = z.strictObject({
  noticeId: EntityIdSchema,
  on: CalendarDaySchema,
  at: IsoTimeSchema,
  entries: z.array(NoticeEntrySchema),
});
export type PublishedList = z.output<typeof PublishedListSchema>;

export const FinalEntrySchema = NoticeEntrySchema.extend({
  /** the register number of the upheld objection that took it off the list, or null */
  removedBy: z.number().int().nullable(),
});

export const FinalListSchema = z.strictObject({
  editionId: EntityIdSchema,
  notice: NoticeSchema.nullable(),
  /** the award list as published, each entry with the upheld objection that removed it, if any */
  entries: z.array(FinalEntrySchema),
  /** what still stands in the way of publishing; empty when it can be published */
  blockers: z.array(z.strictObject({ zh: z.string(), en: z.string() })),
  published: z.strictObject({ on: CalendarDaySchema, at: IsoTimeSchema, entries: z.array(NoticeEntrySchema) }).nullable(),
});
export type FinalList = z.output<typeof FinalListSchema>;

/**
 * What the edition's records hold of the committee's decisions, the notices and the objections,
 * each in the order recorded: what its archive's registers hold and its printed register shows.
 */
export interface EditionDecisions {
  confirmations: Confirmation[];
  settlements: TieSettlement[];
  /** every ballot count entered; a later one for the same applicant replaces an earlier */
  tallies: BallotTally[];
  notices: NoticeRecord[];
  finalList: PublishedList | null;
  objections: ObjectionRecord[];
}
