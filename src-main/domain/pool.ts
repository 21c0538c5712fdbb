import { z } from 'zod';
import { CodeSchema, optionalCreditCode, EmailSchema, EntityIdSchema, IsoTimeSchema, nullableOf, optionalText, PhoneSchema, textOf } from './values.js';
import { IndustrySchema, PoolStateSchema, StageSchema } from './vocabulary.js';

/**
 * The expert pool (专家库, Wuxi art. 9(3), Xinyang art. 8, Hohhot art. 8): the secretariat keeps
 * each expert once, across editions, with their key; an edition seats experts drawn from it.
 */

export const CalendarDateSchema = z.iso.date();

/** A qualification, e.g. the quality-award examiner training (评审员培训), with its certificate. */
export const QualificationInputSchema = z.strictObject({
  name: textOf(100),
  certificate: optionalText(100),
  obtainedOn: nullableOf(CalendarDateSchema),
});
export type QualificationInput = z.output<typeof QualificationInputSchema>;

export const QualificationSchema = z.strictObject({ id: EntityIdSchema, ...QualificationInputSchema.shape });
export type Qualification = z.output<typeof QualificationSchema>;

const PoolExpertFields = {
  code: CodeSchema,
  name: textOf(100),
  organisation: optionalText(200),
  /** the organisation's 统一社会信用代码 */
  creditCode: optionalCreditCode(),
  title: optionalText(100),
  industry: IndustrySchema.nullish().transform((v) => v ?? null),
  speciality: optionalText(200),
  phone: nullableOf(PhoneSchema),
  email: nullableOf(EmailSchema),
};

export const PoolExpertInputSchema = z.strictObject(PoolExpertFields);
export type PoolExpertInput = z.output<typeof PoolExpertInputSchema>;
export const PoolExpertChangesSchema = PoolExpertInputSchema.partial();
export type PoolExpertChanges = z.output<typeof PoolExpertChangesSchema>;

/** active, suspended or removed, since when and why (the reason is empty only for an expert added active) */
export const PoolStatusSchema = z.strictObject({ state: PoolStateSchema, reason: z.string(), at: IsoTimeSchema });
export type PoolStatus = z.output<typeof PoolStatusSchema>;

export const PoolExpertSchema = z.strictObject({
  id: EntityIdSchema,
  ...PoolExpertFields,
  status: PoolStatusSchema,
  enrolled: z.boolean(),
  fingerprint: z.string().nullable(),
  qualifications: z.array(QualificationSchema),
  /** how many editions seated this expert */
  editions: z.number().int().min(0),
});
export type PoolExpert = z.output<typeof PoolExpertSchema>;

/** One edition an expert sat in: their panels and what they had to review there. */
export const PoolSeatSchema = z.strictObject({
  editionId: EntityIdSchema,
  editionName: z.string(),
  year: z.number().int(),
  expertId: EntityIdSchema,
  code: z.string(),
  withdrawn: z.boolean(),
  panels: z.array(z.strictObject({ panelId: EntityIdSchema, stage: StageSchema, name: z.string(), leader: z.boolean(), applicants: z.number().int() })),
  /** applicant reviews in the edition: every applicant of their panels, and those they were seated for alone */
  load: z.number().int().min(0),
  sheetsSubmitted: z.number().int().min(0),
  conflictsDeclared: z.number().int().min(0),
});
export type PoolSeat = z.output<typeof PoolSeatSchema>;

export const PoolExpertDetailSchema = z.strictObject({ expert: PoolExpertSchema, seats: z.array(PoolSeatSchema), load: z.number().int().min(0) });
export type PoolExpertDetail = z.output<typeof PoolExpertDetailSchema>;
