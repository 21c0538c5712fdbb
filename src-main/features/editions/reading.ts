import { z } from 'zod';
import { EditionSummarySchema } from '../../domain/editions.js';
import { IdSchema } from '../../domain/values.js';
import { EditionDetailSchema } from '../../profile/edition.js';
import { storeCall } from '../call.js';
import { getEdition, listEditionRows } from '../repo/editions.js';

/**
 * The editions as either role reads them, apart from the calls that make and change them, so that
 * a command that only names its edition (`pingshen results`) loads none of the profile and
 * framework code those need (issue 15). calls.ts lists both in the feature's table.
 */
export const editionReadingCalls = {
  /** the secretariat's editions, or those an expert's packages brought */
  'editions.list': storeCall({
    access: 'unlocked',
    input: z.strictObject({}),
    output: z.array(EditionSummarySchema),
    run: (_input, ctx) => listEditionRows(ctx),
  }),

  'editions.get': storeCall({
    access: 'unlocked',
    input: z.strictObject({ editionId: IdSchema }),
    output: EditionDetailSchema,
    run: (i, ctx) => getEdition(ctx, i.editionId),
  }),
};
