import { rulesOf } from '../../profile/edition.js';
import { resultsFromRecords, type SettledDifference } from '../../scoring/records.js';
import type { EditionResults } from '../../scoring/results.js';
import type { Ctx } from '../context.js';
import { declarationsOfEdition } from './declarations.js';
import { getEdition } from './editions.js';
import { standingRecords } from './panel-work.js';
import { eligibleLevelsOfEdition } from './eligibility.js';
import { editionSeats } from './panels.js';
import { listApplicantRows, listExpertRows } from './people.js';
import { outOfReviewOfEdition } from './review.js';
import { sheetRowsOfEdition, submittedPercentsOfEdition } from './sheets.js';

/**
 * An edition's results from what the store holds: its applicants, seats, declarations and every
 * sheet received that counts, aggregated under the edition's rules (scoring/records.ts, which an
 * archive's verification recomputes with as well).
 */
export function editionResults(ctx: Ctx, id: string): EditionResults {
  const edition = getEdition(ctx, id);
  const percents = submittedPercentsOfEdition(ctx, id);
  const out = outOfReviewOfEdition(ctx, id);
  const levels = eligibleLevelsOfEdition(ctx, id);
  return resultsFromRecords({
    rules: rulesOf(edition),
    framework: edition.framework,
    applicants: listApplicantRows(ctx, id).map((a) => ({
      id: a.id,
      code: a.code,
      name: a.name,
      kind: a.kind,
      industry: a.industry,
      withdrawn: a.withdrawn,
      ...out.get(a.id),
      ...(levels ? { levels: levels.get(a.id) ?? [] } : {}),
    })),
    experts: listExpertRows(ctx, id).map((e) => ({ id: e.id, code: e.code, name: e.name })),
    seats: editionSeats(ctx, id),
    declarations: declarationsOfEdition(ctx, id),
    settled: settledInConsensus(ctx, id),
    sheets: sheetRowsOfEdition(ctx, id, { counted: true }).map((row) => ({
      expertId: row.expert_id,
      applicantId: row.applicant_id,
      stage: row.stage,
      percents: percents.get(row.id) ?? {},
    })),
  });
}

/** The differences a panel leader let stand, with the reason, in a signed-off consensus that still stands. */
export function settledInConsensus(ctx: Ctx, id: string): SettledDifference[] {
  return standingRecords(ctx, id).flatMap((r) =>
    (r.record?.flagged ?? []).filter((f) => f.resolution === 'stands').map((f) => ({ applicantId: r.applicantId, stage: r.stage, itemCode: f.itemCode, reason: f.reason })),
  );
}
