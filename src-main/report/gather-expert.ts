/**
 * An expert prints only their own score sheets, and only for an applicant they are assigned to
 * and have declared no conflict with. Checked here from the expert's own assignments before the
 * sheet is opened, so a refused request reads nothing.
 */
import type { ExpertSources } from './sources.js';
import { PingshenError } from '../domain/errors.js';
import { applicantRef, reportExpert, scoreSheetInput } from './assemble.js';
import { M } from './messages.js';
import type { ReportRequest } from './request.js';
import type { ReportInput } from './types.js';

const forbidden = (message: (typeof M.errors)['notOwnSheet']) => new PingshenError('report.forbidden', message);

export function gatherForExpert(src: ExpertSources, req: ReportRequest): ReportInput {
  if (req.kind !== 'score-sheet') throw forbidden(M.errors.onlyScoreSheets(M.titles[req.kind]));
  const edition = src.edition(req.editionId);
  const assignment = src.assignments(edition.id).find((a) => a.applicant.id === req.applicantId && a.stage === req.stage);
  if (!assignment) throw forbidden(M.errors.notAssigned(M.stage[req.stage]));
  const declaration = assignment.declaration;
  if (!declaration) throw forbidden(M.errors.undeclared);
  if (declaration.conflict) throw forbidden(M.errors.conflicted);
  if (req.expertId !== undefined && req.expertId !== declaration.expertId) throw forbidden(M.errors.notOwnSheet);
  if (assignment.sheetStatus === 'none') throw new PingshenError('report.not-found', M.errors.noSheet(M.stage[req.stage]));
  const sheet = src.sheet(edition.id, req.applicantId, req.stage);
  return scoreSheetInput({
    edition,
    applicant: applicantRef(assignment.applicant),
    expert: reportExpert(src.me(edition.id)),
    sheet,
    declaration,
  });
}
