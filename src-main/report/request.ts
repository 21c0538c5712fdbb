/**
 * What a caller (CLI, IPC) asks for. Each kind names exactly what it needs; anything missing,
 * unknown or extra is refused with every reason before a byte is read or written.
 */
import { z } from 'zod';
import { IdSchema } from '../domain/values.js';
import { StageSchema } from '../domain/vocabulary.js';

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
  // the committee's proposed award list (拟奖名单)
  z.strictObject({ kind: z.literal('award-list'), ...common }),
  // the register of the committee's decisions, the notices and the objections
  z.strictObject({ kind: z.literal('decisions'), ...common }),
]);

export type ReportRequest = z.infer<typeof ReportRequestSchema>;
