import { z } from 'zod';
import { OwedWorkSchema, type OwedWork } from '../../domain/review.js';
import { IdSchema } from '../../domain/values.js';
import { EditionResultsSchema } from '../../scoring/results.js';
import { standings } from '../../rules/recusal.js';
import { storeCall } from '../call.js';
import { expertsWithBundle } from '../repo/bundles.js';
import { declarationsOfEdition } from '../repo/declarations.js';
import { editionSeats } from '../repo/panels.js';
import { listExpertRows } from '../repo/people.js';
import { editionResults } from '../repo/results.js';
import { findSheetRowFor, returnOf } from '../repo/sheets.js';

/** What came back and what it adds up to: the ranking, and the work still owed. */
export const resultCalls = {
  'results.get': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema }),
    output: EditionResultsSchema,
    run: (i, ctx) => editionResults(ctx, i.editionId),
  }),

  /** seated, not recused experts whose bundle, declaration or submitted sheet is still missing */
  'results.owedWork': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema }),
    output: z.array(OwedWorkSchema),
    run(i, ctx) {
      const id = i.editionId;
      const declarations = declarationsOfEdition(ctx, id);
      const standingOf = standings(declarations);
      const declared = new Set(declarations.filter((d) => d.source === 'expert').map((d) => `${d.expertId}\u0000${d.applicantId}`));
      const withBundle = expertsWithBundle(ctx, id);
      const names = new Map(listExpertRows(ctx, id).map((e) => [e.id, e.name]));
      const owed: OwedWork[] = [];
      for (const seat of editionSeats(ctx, id)) {
        for (const expertId of seat.memberIds) {
          if (standingOf(expertId, seat.applicantId) === 'conflicted') continue;
          const base = { expertId, expertName: names.get(expertId) ?? expertId, applicantId: seat.applicantId, stage: seat.stage };
          if (!withBundle.has(expertId)) owed.push({ ...base, state: 'no-bundle' });
          else if (!declared.has(`${expertId}\u0000${seat.applicantId}`)) owed.push({ ...base, state: 'undeclared' });
          else {
            const sheet = findSheetRowFor(ctx, expertId, seat.applicantId, seat.stage);
            if (sheet?.status !== 'submitted') owed.push({ ...base, state: 'not-submitted' });
            else if (returnOf(ctx, sheet)) owed.push({ ...base, state: 'returned' });
          }
        }
      }
      return owed;
    },
  }),
};
