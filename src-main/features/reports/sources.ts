import type { ExpertSources, SecretariatSources } from '../../report/sources.js';
import type { Ctx } from '../context.js';
import { meIn } from '../gates.js';
import { assignmentsOf } from '../repo/assignments.js';
import { listBundleRows } from '../repo/bundles.js';
import { correctionsOf } from '../repo/corrections.js';
import { declarationsOfEdition } from '../repo/declarations.js';
import { getEdition } from '../repo/editions.js';
import { listPanelRows } from '../repo/panels.js';
import { getExpert, listApplicantRows, listExpertRows } from '../repo/people.js';
import { editionResults } from '../repo/results.js';
import { findSheetRowFor, sheetsOfEdition, toSheet } from '../repo/sheets.js';
import { refuse } from '../../domain/errors.js';

/** What the reports may read, from the open secretariat store. */
export function secretariatSources(ctx: Ctx): SecretariatSources {
  return {
    role: 'secretariat',
    edition: (id) => getEdition(ctx, id),
    applicants: (id) => listApplicantRows(ctx, id),
    experts: (id) => listExpertRows(ctx, id),
    sheets: (id, filter) => sheetsOfEdition(ctx, id, filter),
    results: (id) => editionResults(ctx, id),
    panels: (id) => listPanelRows(ctx, id),
    declarations: (id) => declarationsOfEdition(ctx, id),
    bundles: (id) => listBundleRows(ctx, id),
    corrections: (id) => correctionsOf(ctx, id),
  };
}

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
