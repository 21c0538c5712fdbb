import { z } from 'zod';
import { StageSchema } from '../profile/schema.js';
import { EditionSettingsSchema } from '../profile/settings.js';
import { addFieldReason } from '../criteria/reasons.js';

/**
 * The input schemas of every service method. Exported so that the IPC layer validates with the
 * very same rules before a call crosses the process boundary; the services parse again anyway.
 */

export const IdSchema = z.string().trim().min(1).max(100);
export const FilePathSchema = z.string().min(1).max(4096);
export const PassphraseSchema = z.string().min(1).max(1024);

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** Mainland mobile, landline with area code (and extension), or 400/800 service numbers. */
export const PHONE_PATTERN = /^(?:(?:\+?86[- ]?)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|[48]00-?\d{3}-?\d{4})$/;

export const PhoneSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s\u3000]/g, ''))
  .superRefine((v, ctx) => {
    if (!PHONE_PATTERN.test(v)) {
      addFieldReason(ctx, `“${v}”不是有效的电话号码：应为 11 位手机号或带区号的固定电话`, `"${v}" is not a phone number: an 11-digit mobile or a landline with area code`);
    }
  });

export const EmailSchema = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    if (!z.email().safeParse(v).success) addFieldReason(ctx, `“${v}”不是有效的电子邮箱地址`, `"${v}" is not an e-mail address`);
  });

const nullableOf = <T extends z.ZodType<string | null>>(schema: T) =>
  z.union([z.literal('').transform(() => null), z.null(), z.undefined().transform(() => null), schema]);

export const CodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .superRefine((v, ctx) => {
    if (/[\s/\\]/.test(v)) addFieldReason(ctx, '编号中不能有空格或斜杠', 'no spaces or slashes in a code');
  });

export const IndustrySchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export const ApplicantKindSchema = z.enum(['unit', 'individual']);

export const ApplicantInputSchema = z.strictObject({
  code: CodeSchema,
  name: text(200),
  kind: ApplicantKindSchema,
  industry: IndustrySchema,
  contactName: optionalText(100),
  contactPhone: nullableOf(PhoneSchema),
  contactEmail: nullableOf(EmailSchema),
});

export const ExpertInputSchema = z.strictObject({
  code: CodeSchema,
  name: text(100),
  organisation: optionalText(200),
  title: optionalText(100),
  industry: IndustrySchema.nullish().transform((v) => v ?? null),
  phone: nullableOf(PhoneSchema),
  email: nullableOf(EmailSchema),
});

export const CreateEditionSchema = z.strictObject({
  name: text(200),
  year: z.number().int().min(2000).max(2200),
  profileId: IdSchema,
  frameworkId: IdSchema,
  settings: EditionSettingsSchema,
});

export const CreatePanelSchema = z.strictObject({
  stage: StageSchema,
  name: text(100),
  memberIds: z.array(IdSchema).min(1).max(100),
  leaderId: IdSchema.nullable(),
});

export const AssignSchema = z.strictObject({ panelId: IdSchema, applicantIds: z.array(IdSchema).min(1).max(10_000) });

export const EnrollSchema = z.strictObject({ expertId: IdSchema, enrollmentCode: z.string().trim().min(1).max(4096) });

export const ImposeRecusalSchema = z.strictObject({ expertId: IdSchema, applicantId: IdSchema, reason: text(1000) });

export const SheetFilterSchema = z
  .strictObject({ applicantId: IdSchema.optional(), stage: StageSchema.optional(), expertId: IdSchema.optional() })
  .optional();

export const ExportPackagesSchema = z.strictObject({
  editionId: IdSchema,
  outDir: FilePathSchema,
  expertIds: z.array(IdSchema).min(1).optional(),
});

export const ImportPackageOptionsSchema = z
  .strictObject({ secretariatFingerprint: z.string().trim().min(1).max(200).optional() })
  .optional();

export const DeclareSchema = z
  .strictObject({
    editionId: IdSchema,
    applicantId: IdSchema,
    conflict: z.boolean(),
    reason: z.string().trim().max(1000),
  })
  .refine((d) => !d.conflict || d.reason.length > 0, {
    message: 'a conflict of interest needs its reason',
    path: ['reason'],
  });

export const OpenSheetSchema = z.strictObject({ editionId: IdSchema, applicantId: IdSchema, stage: StageSchema });

/** The hot path: typed as the expert types, so kept to plain checks. Grid is checked against the framework. */
export const SaveItemSchema = z.strictObject({
  sheetId: IdSchema,
  itemCode: z.string().min(1).max(20),
  percent: z.number().nullable(),
  strengths: z.string().max(20_000),
  opportunities: z.string().max(20_000),
});

export const AuditLimitSchema = z.strictObject({ limit: z.number().int().min(1).max(100_000).optional() }).optional();
