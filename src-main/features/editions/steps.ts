import type { Stage } from '../../domain/words.js';
import type { EditionFacts, StageFacts } from '../../rules/edition-steps.js';
import type { EditionResults } from '../../scoring/results.js';
import type { Ctx } from '../context.js';
import { getEdition } from '../repo/editions.js';
import { editionSeats } from '../repo/panels.js';
import { editionResults } from '../repo/results.js';

/** Per scored stage: who it has to score (after a shortlist, only the listed), seated, and complete. */
function stageFacts(results: EditionResults, seated: ReadonlySet<string>): Partial<Record<Stage, StageFacts>> {
  const all = results.ranking.map((r) => r.applicant.id);
  const listed = results.shortlist ? new Set(results.shortlist.applicantIds) : null;
  const afterCut = results.rules.shortlist?.afterStage;
  const out: Partial<Record<Stage, StageFacts>> = {};
  let cut = false;
  for (const { stage } of results.rules.stages) {
    const due = cut && listed ? all.filter((id) => listed.has(id)) : all;
    const complete = new Set(
      results.stageResults.filter((r) => r.stage === stage && r.panelScore !== null && r.missingExpertIds.length === 0).map((r) => r.applicantId),
    );
    out[stage] = {
      due: due.length,
      assigned: due.filter((id) => seated.has(`${id}\u0000${stage}`)).length,
      complete: due.filter((id) => complete.has(id)).length,
    };
    if (stage === afterCut) cut = true;
  }
  return out;
}

/** The scoring half of an edition's facts: stages, shortlist and totals, from its results. */
export function scoringFacts(ctx: Ctx, editionId: string): Pick<EditionFacts, 'applicants' | 'stages' | 'stageProgress' | 'totals'> & {
  results: EditionResults;
} {
  getEdition(ctx, editionId);
  const results = editionResults(ctx, editionId);
  const seated = new Set(editionSeats(ctx, editionId).map((s) => `${s.applicantId}\u0000${s.stage}`));
  const considered = results.ranking.filter((r) => r.shortlisted !== false);
  return {
    results,
    applicants: results.ranking.length,
    stages: results.rules.stages.map((s) => s.stage),
    stageProgress: stageFacts(results, seated),
    totals: { ranked: considered.filter((r) => r.rank !== null).length, unranked: considered.filter((r) => r.rank === null).length },
  };
}
