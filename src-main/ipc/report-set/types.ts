import { z } from 'zod';
import { CallErrorSchema } from '../types.js';

/** What the renderer learns about the report set it asked for; the files themselves stay in main. */

export const ReportSetStartSchema = z.union([
  z.strictObject({ started: z.literal(false) }),
  z.strictObject({ started: z.literal(true), jobId: z.string(), folder: z.string().nullable() }),
]);
export type ReportSetStart = z.infer<typeof ReportSetStartSchema>;

export const ReportSetSummarySchema = z.strictObject({
  files: z.number().int(),
  pages: z.number().int(),
  bytes: z.number().int(),
  /** Electron: the new folder holding the set */
  folder: z.string().nullable(),
  /** browser mode: the zip waiting for reports.setDownload, null once it has been taken */
  zip: z.strictObject({ fileName: z.string(), size: z.number().int() }).nullable(),
});
export type ReportSetSummary = z.infer<typeof ReportSetSummarySchema>;

export const ReportSetStatusSchema = z.strictObject({
  jobId: z.string(),
  done: z.number().int(),
  /** null until the first report is made and the set's size is known */
  total: z.number().int().nullable(),
  /** the file made last, by its name in the set */
  last: z.string().nullable(),
  finished: z.boolean(),
  error: CallErrorSchema.nullable(),
  summary: ReportSetSummarySchema.nullable(),
});
export type ReportSetStatus = z.infer<typeof ReportSetStatusSchema>;
