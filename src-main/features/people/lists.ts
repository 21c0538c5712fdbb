import { z } from 'zod';
import { ApplicantSchema, ExpertSchema } from '../../domain/people.js';
import { IdSchema } from '../../domain/values.js';
import { storeCall } from '../call.js';
import { listApplicantRows, listExpertRows } from '../repo/people.js';

/**
 * An edition's applicants and experts as listed, apart from the calls that enter them (by hand,
 * from the Excel templates, by enrolment), so that a command that only lists them loads none of
 * the sheet-reading code (issue 15). calls.ts lists both in the feature's table.
 */
const EditionRef = z.strictObject({ editionId: IdSchema });

export const peopleListCalls = {
  'applicants.list': storeCall({
    access: 'secretariat',
    input: EditionRef,
    output: z.array(ApplicantSchema),
    run: (i, ctx) => listApplicantRows(ctx, i.editionId),
  }),

  'experts.list': storeCall({
    access: 'secretariat',
    input: EditionRef,
    output: z.array(ExpertSchema),
    run: (i, ctx) => listExpertRows(ctx, i.editionId),
  }),
};
