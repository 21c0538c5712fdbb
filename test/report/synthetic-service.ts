/**
 * What the reports read, over a synthetic edition, so the benchmark and the tests run
 * makeReportSet exactly as the app does.
 */
import type { Stage } from '../../src-main/domain/words.js';
import type { SecretariatSources } from '../../src-main/report/sources.js';
import { committeeView } from '../../src-main/scoring/committee.js';
import type { SyntheticEdition } from './synthetic.js';

export function syntheticSources(data: SyntheticEdition): SecretariatSources {
  return {
    role: 'secretariat',
    edition: () => data.edition,
    applicants: () => data.applicants,
    experts: () => data.experts,
    sheets: (_: string, f: { applicantId?: string; stage?: Stage; expertId?: string } = {}) =>
      data.sheets.filter(
        (s) => (!f.applicantId || s.applicantId === f.applicantId) && (!f.stage || s.stage === f.stage) && (!f.expertId || s.expertId === f.expertId),
      ),
    results: () => data.results,
    panels: () => data.panels,
    declarations: () => [],
    bundles: () => [],
    corrections: () => [],
    consensus: () => [],
    awardList: (id) => committeeView({ editionId: id, results: data.results, vote: data.edition.profile.committeeVote?.fraction ?? null, settlements: [], tallies: [], shortlistConfirmation: null, awardListConfirmation: null }).awardList,
    decisions: () => ({ confirmations: [], settlements: [], tallies: [], notices: [], finalList: null, objections: [] }),
  };
}
