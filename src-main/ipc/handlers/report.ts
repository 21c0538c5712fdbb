import { makeReport } from '../../report/service.js';
import type { ReportRequest } from '../../report/request.js';
import { safeFileName, withTempDir } from '../temp-files.js';
import { reportSetHandlers } from './report-set.js';
import type { HandlersFor } from './types.js';

/** A name that says what the PDF is: kind, applicant and stage where given, language. */
export function reportFileName(r: ReportRequest): string {
  const parts: string[] = [r.kind, r.editionId.slice(0, 8)];
  if ('applicantId' in r && r.applicantId) parts.push(r.applicantId.slice(0, 8));
  if ('stage' in r && r.stage) parts.push(r.stage);
  parts.push(r.lang);
  return safeFileName(`pingshen-${parts.join('-')}.pdf`);
}

export const reportHandlers: HandlersFor<'report'> = {
  'report.make': (input, { session }) =>
    withTempDir(session.dataDir, async (dir) => {
      const made = await makeReport(session.service(), input, dir.pathFor(reportFileName(input)));
      return { fileName: reportFileName(input), bytes: dir.read(made.file), pages: made.pages, fingerprint: made.fingerprint };
    }),
  ...reportSetHandlers,
};
