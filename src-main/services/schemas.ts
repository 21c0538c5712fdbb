import { z } from 'zod';
import { ItemScoreSchema } from '../domain/review.js';
import { FilePathSchema, IdSchema, textOf as text } from '../domain/values.js';
import { StageSchema } from '../domain/vocabulary.js';
import { EditionSettingsSchema } from '../profile/settings.js';

/**
 * The input schemas of every service method. Exported so that the IPC layer validates with the
 * very same rules before a call crosses the process boundary; the services parse again anyway.
 */

export const CreateEditionSchema = z.strictObject({
  name: text(200),
  year: z.number().int().min(2000).max(2200),
  profileId: IdSchema,
  frameworkId: IdSchema,
  settings: EditionSettingsSchema,
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

/** The hot path: plain checks; whether the percent lies on the grid is the framework's rule, checked by the service. */
export const SaveItemSchema = ItemScoreSchema.pick({ itemCode: true, strengths: true, opportunities: true }).extend({
  sheetId: IdSchema,
  percent: z.number().nullable(),
});

export const AuditLimitSchema = z.strictObject({ limit: z.number().int().min(1).max(100_000).optional() }).optional();
