/**
 * The secretariat's reports, gathered only through what the reports may read (sources.ts).
 */
import type { Applicant } from '../domain/people.js';
import type { Declaration } from '../domain/review.js';
import type { SecretariatSources } from './sources.js';
import { PingshenError } from '../domain/errors.js';
import {
  applicantRef,
  ballotInput,
  decisionsInput,
  feedbackInput,
  panelBinderInput,
  panelSummaryInput,
  rankingInput,
  receiptInput,
  recusalsInput,
  reportEdition,
  reportExpert,
  scoreSheetInput,
  stagesScored,
} from './assemble.js';
import { M } from './messages.js';
import type { ReportRequest } from './request.js';
import type { ReportInput } from './types.js';

function applicantOf(src: SecretariatSources, editionId: string, applicantId: string): Applicant {
  const found = src.applicants(editionId).find((a) => a.id === applicantId);
  if (!found) throw new PingshenError('report.not-found', M.errors.noApplicant, { applicantId });
  return found;
}

/** The expert's latest word on the applicant, whoever recorded it. */
function latestDeclaration(all: Declaration[], expertId: string, applicantId: string): Declaration | null {
  const mine = all.filter((d) => d.expertId === expertId && d.applicantId === applicantId);
  return mine.reduce<Declaration | null>((last, d) => (last === null || d.declaredAt >= last.declaredAt ? d : last), null);
}

export function gatherForSecretariat(src: SecretariatSources, req: ReportRequest): ReportInput {
  const edition = src.edition(req.editionId);
  switch (req.kind) {
    case 'score-sheet': {
      if (!req.expertId) throw new PingshenError('report.invalid-request', M.errors.expertRequired);
      const applicant = applicantOf(src, edition.id, req.applicantId);
      const expert = src.experts(edition.id).find((e) => e.id === req.expertId);
      if (!expert) throw new PingshenError('report.not-found', M.errors.noExpert, { expertId: req.expertId });
      const sheet = src.sheets(edition.id, { applicantId: applicant.id, stage: req.stage, expertId: expert.id })[0];
      if (!sheet) throw new PingshenError('report.not-found', M.errors.noSheet(M.stage[req.stage]));
      const declaration = latestDeclaration(src.declarations(edition.id), expert.id, applicant.id);
      return scoreSheetInput({ edition, applicant: applicantRef(applicant), expert: reportExpert(expert), sheet, declaration });
    }
    case 'panel-summary': {
      const applicant = applicantOf(src, edition.id, req.applicantId);
      const sheets = src.sheets(edition.id, { applicantId: applicant.id, ...(req.stage ? { stage: req.stage } : {}) });
      const results = src.results(edition.id);
      const stages = req.stage ? [req.stage] : stagesScored({ edition, applicant, sheets, results });
      if (stages.length === 0) throw new PingshenError('report.not-found', M.errors.noPanelResults(applicant.code));
      return panelSummaryInput({ edition, applicant, stages, experts: src.experts(edition.id), sheets, results, panels: src.panels(edition.id), corrections: src.corrections(edition.id), consensus: src.consensus(edition.id) });
    }
    case 'panel-binder': {
      const input = panelBinderInput({
        edition,
        applicants: src.applicants(edition.id),
        experts: src.experts(edition.id),
        sheets: src.sheets(edition.id),
        results: src.results(edition.id),
        panels: src.panels(edition.id),
        corrections: src.corrections(edition.id),
        consensus: src.consensus(edition.id),
      });
      if (input.summaries.length === 0) throw new PingshenError('report.not-found', M.errors.noPanelResultsAtAll);
      return input;
    }
    case 'feedback': {
      const applicant = applicantOf(src, edition.id, req.applicantId);
      return feedbackInput({
        edition,
        applicant,
        ...(req.stage ? { stage: req.stage } : {}),
        sheets: src.sheets(edition.id, { applicantId: applicant.id, ...(req.stage ? { stage: req.stage } : {}) }),
        results: src.results(edition.id),
        discloseScores: req.discloseScores,
        consensus: src.consensus(edition.id),
      });
    }
    case 'ranking':
      return rankingInput({ edition, applicants: src.applicants(edition.id), results: src.results(edition.id) });
    case 'ballot': {
      const input = ballotInput({ edition, applicants: src.applicants(edition.id), results: src.results(edition.id) });
      if (!input) throw new PingshenError('report.no-vote', M.errors.noVote(edition.profile.regulation));
      return input;
    }
    case 'recusals':
      return recusalsInput({
        edition,
        applicants: src.applicants(edition.id),
        experts: src.experts(edition.id),
        declarations: src.declarations(edition.id),
        corrections: src.corrections(edition.id),
      });
    case 'receipt':
      return receiptInput({ edition, experts: src.experts(edition.id), bundles: src.bundles(edition.id) });
    case 'award-list': {
      const { editionId: _named, ...list } = src.awardList(edition.id);
      const caps = src.results(edition.id).rules.caps;
      return { report: 'award-list', edition: reportEdition(edition), caps, list };
    }
    case 'decisions':
      return decisionsInput({ edition, applicants: src.applicants(edition.id), decisions: src.decisions(edition.id) });
  }
}
