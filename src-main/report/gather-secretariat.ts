/**
 * The secretariat's reports, gathered only through the public service surface (api.ts).
 */
import type { Applicant } from '../domain/people.js';
import type { Declaration } from '../domain/review.js';
import type { SecretariatService } from '../services/api.js';
import { PingshenError } from '../domain/errors.js';
import {
  applicantRef,
  ballotInput,
  feedbackInput,
  panelBinderInput,
  panelSummaryInput,
  rankingInput,
  receiptInput,
  recusalsInput,
  reportExpert,
  scoreSheetInput,
  stagesScored,
} from './assemble.js';
import { M } from './messages.js';
import type { ReportRequest } from './request.js';
import type { ReportInput } from './types.js';

function applicantOf(svc: SecretariatService, editionId: string, applicantId: string): Applicant {
  const found = svc.listApplicants(editionId).find((a) => a.id === applicantId);
  if (!found) throw new PingshenError('report.not-found', M.errors.noApplicant(applicantId), { applicantId });
  return found;
}

/** The expert's latest word on the applicant, whoever recorded it. */
function latestDeclaration(all: Declaration[], expertId: string, applicantId: string): Declaration | null {
  const mine = all.filter((d) => d.expertId === expertId && d.applicantId === applicantId);
  return mine.reduce<Declaration | null>((last, d) => (last === null || d.declaredAt >= last.declaredAt ? d : last), null);
}

export function gatherForSecretariat(svc: SecretariatService, req: ReportRequest): ReportInput {
  const edition = svc.getEdition(req.editionId);
  switch (req.kind) {
    case 'score-sheet': {
      if (!req.expertId) throw new PingshenError('report.invalid-request', M.errors.expertRequired);
      const applicant = applicantOf(svc, edition.id, req.applicantId);
      const expert = svc.listExperts(edition.id).find((e) => e.id === req.expertId);
      if (!expert) throw new PingshenError('report.not-found', M.errors.noExpert(req.expertId), { expertId: req.expertId });
      const sheet = svc.listSheets(edition.id, { applicantId: applicant.id, stage: req.stage, expertId: expert.id })[0];
      if (!sheet) throw new PingshenError('report.not-found', M.errors.noSheet(M.stage[req.stage]));
      const declaration = latestDeclaration(svc.recusalRegister(edition.id), expert.id, applicant.id);
      return scoreSheetInput({ edition, applicant: applicantRef(applicant), expert: reportExpert(expert), sheet, declaration });
    }
    case 'panel-summary': {
      const applicant = applicantOf(svc, edition.id, req.applicantId);
      const sheets = svc.listSheets(edition.id, { applicantId: applicant.id, ...(req.stage ? { stage: req.stage } : {}) });
      const results = svc.results(edition.id);
      const stages = req.stage ? [req.stage] : stagesScored({ edition, applicant, sheets, results });
      if (stages.length === 0) throw new PingshenError('report.not-found', M.errors.noPanelResults(applicant.code));
      return panelSummaryInput({ edition, applicant, stages, experts: svc.listExperts(edition.id), sheets, results });
    }
    case 'panel-binder': {
      const input = panelBinderInput({
        edition,
        applicants: svc.listApplicants(edition.id),
        experts: svc.listExperts(edition.id),
        sheets: svc.listSheets(edition.id),
        results: svc.results(edition.id),
      });
      if (input.summaries.length === 0) throw new PingshenError('report.not-found', M.errors.noPanelResultsAtAll);
      return input;
    }
    case 'feedback': {
      const applicant = applicantOf(svc, edition.id, req.applicantId);
      return feedbackInput({
        edition,
        applicant,
        ...(req.stage ? { stage: req.stage } : {}),
        sheets: svc.listSheets(edition.id, { applicantId: applicant.id, ...(req.stage ? { stage: req.stage } : {}) }),
        results: svc.results(edition.id),
        discloseScores: req.discloseScores,
      });
    }
    case 'ranking':
      return rankingInput({ edition, applicants: svc.listApplicants(edition.id), results: svc.results(edition.id) });
    case 'ballot': {
      const input = ballotInput({ edition, applicants: svc.listApplicants(edition.id), results: svc.results(edition.id) });
      if (!input) throw new PingshenError('report.no-vote', M.errors.noVote(edition.profile.regulation));
      return input;
    }
    case 'recusals':
      return recusalsInput({
        edition,
        applicants: svc.listApplicants(edition.id),
        experts: svc.listExperts(edition.id),
        declarations: svc.recusalRegister(edition.id),
      });
    case 'receipt':
      return receiptInput({ edition, experts: svc.listExperts(edition.id), bundles: svc.listBundles(edition.id) });
  }
}
