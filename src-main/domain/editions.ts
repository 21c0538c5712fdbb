import { z } from 'zod';
import { IsoTimeSchema } from './values.js';

/** An edition (届) as lists show it; its rules (profile, framework, settings) stand above. */
export const EditionSummarySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  year: z.number().int(),
  profileId: z.string(),
  frameworkId: z.string(),
  createdAt: IsoTimeSchema,
});
export type EditionSummary = z.infer<typeof EditionSummarySchema>;
