import { z } from 'zod';
import { CorrectionSchema } from '../../domain/corrections.js';
import { namedFile } from '../../domain/file-names.js';
import { DownloadSchema } from '../../domain/files.js';
import { OwedWorkSchema, type OwedWork } from '../../domain/review.js';
import { IdSchema } from '../../domain/values.js';
import { EditionResultsSchema } from '../../scoring/results.js';
import { standings } from '../../rules/recusal.js';
import { storeCall } from '../call.js';
import { expertsWithBundle } from '../repo/bundles.js';
import { correctionsOf } from '../repo/corrections.js';
import { declarationsOfEdition } from '../repo/declarations.js';
import { editionSeats } from '../repo/panels.js';
import { getEdition } from '../repo/editions.js';
import { listExpertRows } from '../repo/people.js';
import { editionResults } from '../repo/results.js';
import { outOfReviewOfEdition } from '../repo/review.js';
import { findSheetRowFor, returnOf, sheetsOfEdition } from '../repo/sheets.js';

/** What came back and what it adds up to: the ranking, and the work still owed. */
export const resultCalls = {
  /** the changes made after the first package went out, oldest first, as the reports annex them */
  'corrections.list': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema }),
    output: z.array(CorrectionSchema),
    run: (i, ctx) => correctionsOf(ctx, i.editionId),
  }),

  'results.get': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema }),
    output: EditionResultsSchema,
    run: (i, ctx) => editionResults(ctx, i.editionId),
  }),

  /** the ranking, and per stage every counted sheet's item percents, as an Excel workbook */
  'results.exportXlsx': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema, lang: z.enum(['zh', 'en']).default('zh') }),
    output: DownloadSchema,
    async run(i, ctx) {
      const edition = getEdition(ctx, i.editionId);
      const { resultsWorkbook } = await import('../../xlsx/results.js');
      const bytes = await resultsWorkbook(
        {
          editionName: edition.name,
          framework: edition.framework,
          experts: listExpertRows(ctx, edition.id),
          results: editionResults(ctx, edition.id),
          sheets: sheetsOfEdition(ctx, edition.id, {}).filter((s) => s.status === 'submitted'),
        },
        i.lang,
      );
      return { fileName: namedFile([edition.name, i.lang === 'zh' ? '评审结果' : 'results'], '.xlsx'), bytes };
    },
  }),

  /** seated, not recused experts whose bundle, declaration or submitted sheet is still missing, for applicants still in the review */
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
      const out = outOfReviewOfEdition(ctx, id);
      const owed: OwedWork[] = [];
      for (const seat of editionSeats(ctx, id).filter((s) => !out.has(s.applicantId))) {
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
