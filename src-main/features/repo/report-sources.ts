import type { SecretariatSources } from '../../report/sources.js';
import type { Ctx } from '../context.js';
import { listBundleRows } from './bundles.js';
import { proposedAwardList } from './committee.js';
import { correctionsOf } from './corrections.js';
import { declarationsOfEdition } from './declarations.js';
import { getEdition } from './editions.js';
import { listPanelRows } from './panels.js';
import { getExpert, listApplicantRows, listExpertRows } from './people.js';
import { standingRecords } from './panel-work.js';
import { decisionsOfEdition } from './records.js';
import { editionResults } from './results.js';
import { sheetsOfEdition } from './sheets.js';

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
    awardList: (id) => proposedAwardList(ctx, id),
    decisions: (id) => decisionsOfEdition(ctx, id),
    consensus: (id) =>
      standingRecords(ctx, id).flatMap((row) => {
        const r = row.record;
        if (!r) return [];
        const leader = getExpert(ctx, r.leaderId);
        return [
          {
            applicantId: r.applicantId,
            stage: r.stage,
            leader: { id: leader.id, code: leader.code, name: leader.name },
            recordedBy: r.recordedBy,
            signedAt: r.signedAt,
            categories: r.opinion.categories,
            overall: r.opinion.overall,
            flagged: r.flagged.map(({ itemCode, base, final, resolution, reason }) => ({ itemCode, base, final, resolution, reason })),
          },
        ];
      }),
  };
}
