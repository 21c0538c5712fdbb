import { z } from 'zod';
import { CodeSchema, optionalCreditCode, optionalIdCardNumber, EmailSchema, EntityIdSchema, IsoTimeSchema, nullableOf, optionalText, PhoneSchema, textOf } from './values.js';
import { ApplicantKindSchema, IndustrySchema } from './vocabulary.js';

/** Applicants (申报单位) and experts (评审专家): what the secretariat enters, and what a record holds. */

const ApplicantFields = {
  code: CodeSchema,
  name: textOf(200),
  kind: ApplicantKindSchema,
  industry: IndustrySchema,
  /** 统一社会信用代码, where known: the conflict suggestions match experts' organisations on it */
  creditCode: optionalCreditCode(),
  /** 居民身份证号码 of an individual applicant: with the credit code, what finds them in other editions */
  idNumber: optionalIdCardNumber(),
  contactName: optionalText(100),
  contactPhone: nullableOf(PhoneSchema),
  contactEmail: nullableOf(EmailSchema),
};

export const ApplicantInputSchema = z.strictObject(ApplicantFields);
export type ApplicantInput = z.output<typeof ApplicantInputSchema>;
/** a correction: the fields to change, the others stay */
export const ApplicantChangesSchema = ApplicantInputSchema.partial();
export type ApplicantChanges = z.output<typeof ApplicantChangesSchema>;

/**
 * Withdrawn (撤回申报 / 退出): a person who can no longer be removed, because work was sent
 * to or done by them, leaves the edition this way; the record stays, marked, with the reason.
 */
export const WithdrawalSchema = z.strictObject({ at: IsoTimeSchema, reason: z.string() }).nullable();
export type Withdrawal = z.output<typeof WithdrawalSchema>;

export const ApplicantSchema = z.strictObject({ id: EntityIdSchema, editionId: EntityIdSchema, ...ApplicantFields, withdrawn: WithdrawalSchema });
export type Applicant = z.output<typeof ApplicantSchema>;

/** An applicant as rankings and reports name it. */
export const ApplicantRefSchema = ApplicantSchema.pick({ id: true, code: true, name: true, kind: true, industry: true });
export type ApplicantRef = z.output<typeof ApplicantRefSchema>;

const ExpertFields = {
  code: CodeSchema,
  name: textOf(100),
  organisation: optionalText(200),
  title: optionalText(100),
  industry: IndustrySchema.nullish().transform((v) => v ?? null),
  phone: nullableOf(PhoneSchema),
  email: nullableOf(EmailSchema),
};

export const ExpertInputSchema = z.strictObject(ExpertFields);
export type ExpertInput = z.output<typeof ExpertInputSchema>;
export const ExpertChangesSchema = ExpertInputSchema.partial();
export type ExpertChanges = z.output<typeof ExpertChangesSchema>;

export const ExpertSchema = z.strictObject({
  id: EntityIdSchema,
  editionId: EntityIdSchema,
  ...ExpertFields,
  /** the secretariat's pool record this seat in the edition was drawn from (none on an expert's own store) */
  poolId: EntityIdSchema.nullable(),
  /** set once the expert's enrollment key has been registered */
  enrolled: z.boolean(),
  fingerprint: z.string().nullable(),
  withdrawn: WithdrawalSchema,
});
export type Expert = z.output<typeof ExpertSchema>;

/** An expert as people read them named: the secretariat's code and the name, beside the id they are known by. */
export const ExpertRefSchema = ExpertSchema.pick({ id: true, code: true, name: true });
export type ExpertRef = z.output<typeof ExpertRefSchema>;

/** The expert a store speaks for in an edition, as the secretariat named them in its review package. */
export const ExpertSelfSchema = ExpertRefSchema;
export type ExpertSelf = ExpertRef;
