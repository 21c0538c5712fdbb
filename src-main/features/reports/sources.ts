import type { ExpertSources } from '../../report/sources.js';
import type { Ctx } from '../context.js';
import { meIn } from '../gates.js';
import { assignmentsOf } from '../repo/assignments.js';
import { getEdition } from '../repo/editions.js';
import { getExpert } from '../repo/people.js';
import { findSheetRowFor, toSheet } from '../repo/sheets.js';
import { refuse } from '../../domain/errors.js';

/** What the reports may read from an expert's own store: their assignments and their own sheets. */
export function expertSources(ctx: Ctx): ExpertSources {
  return {
    role: 'expert',
    edition: (id) => getEdition(ctx, id),
    assignments: (id) => assignmentsOf(ctx, meIn(ctx, id), id),
    me(id) {
      const me = getExpert(ctx, meIn(ctx, id));
      return { id: me.id, code: me.code, name: me.name };
    },
    sheet(id, applicantId, stage) {
      const row = findSheetRowFor(ctx, meIn(ctx, id), applicantId, stage);
      if (!row) throw refuse('sheet.not-found', '找不到该评分表。', 'No such score sheet.');
      return toSheet(ctx, row, getEdition(ctx, id).framework);
    },
  };
}
