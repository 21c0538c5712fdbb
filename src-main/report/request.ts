/**
 * What a caller (CLI, IPC) asks for. Each kind names exactly what it needs; anything missing,
 * unknown or extra is refused with every reason before a byte is read or written.
 */
import { z } from 'zod';
import { IdSchema } from '../domain/values.js';
import { type Stage, StageSchema } from '../domain/vocabulary.js';
import { PingshenError } from '../domain/errors.js';
import { M } from './messages.js';
import type { ReportKind, ReportLang } from './types.js';

const Id = IdSchema;
const common = { editionId: Id, lang: z.enum(['zh', 'en']) };

export const ReportRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('score-sheet'), ...common, applicantId: Id, stage: StageSchema, expertId: Id.optional() }),
  // without a stage: every stage the applicant was scored in, one section each
  z.strictObject({ kind: z.literal('panel-summary'), ...common, applicantId: Id, stage: StageSchema.optional() }),
  z.strictObject({
    kind: z.literal('feedback'),
    ...common,
    applicantId: Id,
    stage: StageSchema.optional(),
    discloseScores: z.boolean().default(false),
  }),
  // every applicant's panel summary in one file, for the committee
  z.strictObject({ kind: z.literal('panel-binder'), ...common }),
  z.strictObject({ kind: z.literal('ranking'), ...common }),
  z.strictObject({ kind: z.literal('ballot'), ...common }),
  z.strictObject({ kind: z.literal('recusals'), ...common }),
  z.strictObject({ kind: z.literal('receipt'), ...common }),
]);

export type ReportRequest = z.infer<typeof ReportRequestSchema>;

/** The shape callers build; which fields a kind requires is checked by the schema. */
export interface ReportRequestInput {
  kind: ReportKind;
  editionId: string;
  applicantId?: string;
  expertId?: string;
  stage?: Stage;
  lang: ReportLang;
  discloseScores?: boolean;
}

export const OutFileSchema = z.string().trim().min(1).max(4096);

export function parseRequest(request: unknown, outFile: unknown): { request: ReportRequest; outFile: string } {
  const r = ReportRequestSchema.safeParse(request);
  const o = OutFileSchema.safeParse(outFile);
  if (r.success && o.success) return { request: r.data, outFile: o.data };
  const issues = [...(r.success ? [] : r.error.issues), ...(o.success ? [] : o.error.issues.map((i) => ({ ...i, path: ['outFile', ...i.path] })))];
  const reasons = issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
  throw new PingshenError('report.invalid-request', M.errors.invalidRequest(reasons), { issues });
}
