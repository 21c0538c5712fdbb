import { z } from 'zod';
import { LocalizedSchema } from './localized.js';
import { EntityIdSchema, IsoTimeSchema, Sha256Schema } from './values.js';

/** What travels as files: materials, imported sheets, review packages and result bundles. */

export const MaterialInfoSchema = z.strictObject({
  id: EntityIdSchema,
  applicantId: EntityIdSchema,
  fileName: z.string(),
  size: z.number().int(),
  sha256: Sha256Schema,
  addedAt: IsoTimeSchema,
});
export type MaterialInfo = z.infer<typeof MaterialInfoSchema>;

export const ImportRowErrorSchema = z.strictObject({
  /** 1-based sheet row, as Excel shows it */
  row: z.number().int(),
  column: z.string().optional(),
  reason: LocalizedSchema,
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

export const SheetImportResultSchema = z.strictObject({ imported: z.number().int() });
export type SheetImportResult = z.infer<typeof SheetImportResultSchema>;

export const PackageExportSchema = z.strictObject({
  expertId: EntityIdSchema,
  file: z.string(),
  sha256: Sha256Schema,
  applicants: z.number().int(),
  bytes: z.number().int(),
});
export type PackageExport = z.infer<typeof PackageExportSchema>;

export const BundleOutcomeSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('accepted'),
    bundleId: EntityIdSchema,
    expertId: EntityIdSchema,
    sheets: z.number().int(),
    replaced: EntityIdSchema.nullable(),
  }),
  z.strictObject({ status: z.literal('duplicate'), bundleId: EntityIdSchema, expertId: EntityIdSchema }),
  z.strictObject({ status: z.literal('refused'), file: z.string(), reason: LocalizedSchema }),
]);
export type BundleOutcome = z.infer<typeof BundleOutcomeSchema>;

export const BundleRecordSchema = z.strictObject({
  bundleId: EntityIdSchema,
  expertId: EntityIdSchema,
  sequence: z.number().int(),
  sha256: Sha256Schema,
  receivedAt: IsoTimeSchema,
  status: z.enum(['accepted', 'superseded', 'refused']),
  reason: LocalizedSchema.nullable(),
});
export type BundleRecord = z.infer<typeof BundleRecordSchema>;
