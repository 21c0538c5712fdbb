import { dayIn, editionTimeZone } from '../../domain/time.js';
import type { Stage } from '../../domain/words.js';
import type { EditionFacts, StageFacts } from '../../rules/edition-steps.js';
import type { EditionResults } from '../../scoring/results.js';
import type { Ctx } from '../context.js';
import { committeeViewOf } from '../repo/committee.js';
import { getEdition } from '../repo/editions.js';
import { eligibilityInUse, eligibilityOfEdition } from '../repo/eligibility.js';
import { noticeOfKind, objectionsOfEdition, publishedList } from '../repo/notices.js';
import { editionSeats } from '../repo/panels.js';
import { listApplicantRows } from '../repo/people.js';
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

/**
 * What the edition's steps are judged by, read from the tables of each: the eligibility check, the
 * scores and their results, the committee's minutes, the award list's notice with its objections,
 * and the published final list.
 */
export function editionFacts(ctx: Ctx, editionId: string): EditionFacts {
  const edition = getEdition(ctx, editionId);
  const results = editionResults(ctx, editionId);
  const seated = new Set(editionSeats(ctx, editionId).map((s) => `${s.applicantId}\u0000${s.stage}`));
  const considered = results.ranking.filter((r) => r.shortlisted !== false);

  const standing = eligibilityOfEdition(ctx, editionId);
  const active = listApplicantRows(ctx, editionId).filter((a) => !a.withdrawn);
  const count = (status: string) => active.filter((a) => standing.get(a.id)?.status === status).length;

  const committee = committeeViewOf(ctx, editionId);
  const list = committee.awardList;
  const shortlist = committee.shortlist;

  const notice = noticeOfKind(ctx, editionId, 'award-list');
  const today = dayIn(ctx.now(), editionTimeZone(edition.settings));
  const open = notice ? objectionsOfEdition(ctx, editionId).filter((o) => o.noticeId === notice.id && (o.state === 'received' || o.state === 'accepted')).length : 0;
  const published = publishedList(ctx, editionId);

  return {
    applicants: active.length,
    eligibility: { inUse: eligibilityInUse(ctx, editionId), incomplete: count('incomplete'), eligible: count('eligible'), ineligible: count('ineligible') },
    stages: results.rules.stages.map((s) => s.stage),
    stageProgress: stageFacts(results, seated),
    shortlist:
      results.rules.shortlist && shortlist
        ? {
            afterStage: results.rules.shortlist.afterStage,
            size: shortlist.size,
            listed: shortlist.applicants.length,
            tieAtCut: results.shortlist?.tieAtCut === true && shortlist.applicants.length > shortlist.size,
            confirmed: shortlist.confirmation !== null && shortlist.matches === true,
          }
        : null,
    totals: { ranked: considered.filter((r) => r.rank !== null).length, unranked: considered.filter((r) => r.rank === null).length },
    committee: {
      decided: list.state === 'confirmed',
      awards: list.entries.filter((e) => e.level === 'award').length,
      nominations: list.entries.filter((e) => e.level === 'nomination').length,
    },
    notice: { issued: notice !== undefined, ended: notice !== undefined && today > notice.endDate, objectionsOpen: open, from: notice?.startDate ?? null, to: notice?.endDate ?? null },
    result: { published: published !== undefined, listed: published?.entries.length ?? 0 },
  };
}
