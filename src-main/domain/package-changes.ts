import { z } from 'zod';
import { LocalizedSchema } from './localized.js';
import { EntityIdSchema } from './values.js';
import { StageSchema } from './vocabulary.js';

/**
 * What a newer review package changes for its expert: shown to the secretariat before it exports
 * (why the expert's package is out of date) and to the expert when they import it.
 */
export const PackageChangeKindSchema = z.enum([
  'edition',
  'expert',
  'assignment-added',
  'assignment-removed',
  'applicant',
  'panel',
  'recusal-imposed',
  'recusal-lifted',
  'material-added',
  'material-removed',
  'material-replaced',
  'sheet-returned',
  'roster',
]);
export type PackageChangeKind = z.infer<typeof PackageChangeKindSchema>;

export const PackageChangeSchema = z.strictObject({
  kind: PackageChangeKindSchema,
  applicantId: EntityIdSchema.nullable(),
  stage: StageSchema.nullable(),
  text: LocalizedSchema,
});
export type PackageChange = z.infer<typeof PackageChangeSchema>;
