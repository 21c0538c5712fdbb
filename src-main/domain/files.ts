import { z } from 'zod';
import { LocalizedSchema } from './localized.js';
import { MAX_FILE_BYTES } from './limits.js';
import { addReason } from './reasons.js';
import { EntityIdSchema, IsoTimeSchema, Sha256Schema } from './values.js';

/** What travels as files: materials, imported sheets, review packages and result bundles. */

export const MaterialInfoSchema = z.strictObject({
  id: EntityIdSchema,
  applicantId: EntityIdSchema,
  fileName: z.string(),
  size: z.number().int(),
  sha256: Sha256Schema,
  addedAt: IsoTimeSchema,
  /** 1 for the first; a replaced material's successor is the next version */
  version: z.number().int().min(1),
  /** the material this version replaced, no longer held */
  replaces: EntityIdSchema.nullable(),
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

/** What became of one received bundle, named by the file the user gave. */
export const BundleOutcomeSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('accepted'),
    fileName: z.string(),
    bundleId: EntityIdSchema,
    expertId: EntityIdSchema,
    sheets: z.number().int(),
    replaced: EntityIdSchema.nullable(),
  }),
  z.strictObject({ status: z.literal('duplicate'), fileName: z.string(), bundleId: EntityIdSchema, expertId: EntityIdSchema }),
  z.strictObject({ status: z.literal('refused'), fileName: z.string(), reason: LocalizedSchema }),
]);
export type BundleOutcome = z.infer<typeof BundleOutcomeSchema>;

/** A received bundle as recorded; a refused one that could not be opened has no bundle, expert or sequence. */
export const BundleRecordSchema = z.strictObject({
  bundleId: EntityIdSchema.nullable(),
  expertId: EntityIdSchema.nullable(),
  sequence: z.number().int().nullable(),
  /** the file's name as the user gave it: what tells an unreadable file from another */
  fileName: z.string(),
  sha256: Sha256Schema,
  receivedAt: IsoTimeSchema,
  status: z.enum(['accepted', 'superseded', 'refused']),
  reason: LocalizedSchema.nullable(),
});
export type BundleRecord = z.infer<typeof BundleRecordSchema>;

/** A file's own name, never a path: the main process decides where anything is written. */
export const FileNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .superRefine((n, ctx) => {
    if (/[\\/]/.test(n) || [...n].some((c) => c.charCodeAt(0) < 0x20) || n === '.' || n === '..') {
      addReason(ctx, `“${n}”不是文件名：请选择一个文件`, `"${n}" is not a file name: choose a file`);
    }
  });

export const BytesSchema = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'missing: choose the file again', params: { zh: '缺少，请重新选择文件', field: true } })
  .superRefine((b, ctx) => {
    if (b.byteLength === 0) addReason(ctx, '文件是空的：请检查后重新选择', 'the file is empty: check it and choose it again');
    else if (b.byteLength > MAX_FILE_BYTES) addReason(ctx, '文件超过 256 MB：请拆分后再试', 'the file is larger than 256 MB: split it and try again');
  });

/** A file handed in by the user: its name and its bytes, never a path the caller chose. */
export const UploadSchema = z.strictObject({ fileName: FileNameSchema, bytes: BytesSchema });
export type Upload = z.infer<typeof UploadSchema>;

/** A file handed back: the host saves it where the user says (a download, a save dialog, a CLI path). */
export const DownloadSchema = z.strictObject({
  fileName: z.string().min(1),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'file contents (bytes)' }),
});
export type Download = z.infer<typeof DownloadSchema>;

/** One expert's sealed review package, to be handed to that expert. */
export const PackageDownloadSchema = DownloadSchema.extend({
  expertId: EntityIdSchema,
  sha256: Sha256Schema,
  applicants: z.number().int(),
  /** the package's byte count */
  size: z.number().int(),
});
export type PackageDownload = z.infer<typeof PackageDownloadSchema>;

/** The expert's sealed result bundle, to be handed back to the secretariat. */
export const BundleDownloadSchema = DownloadSchema.extend({ bundleId: EntityIdSchema, sha256: Sha256Schema, sheets: z.number().int() });
export type BundleDownload = z.infer<typeof BundleDownloadSchema>;
