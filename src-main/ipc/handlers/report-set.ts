import { newFolder, setFolderName } from '../report-set/folder.js';
import { reportSetJobs } from '../report-set/jobs.js';
import { intoFolder, intoZip } from '../report-set/work.js';
import type { Handler, HandlerCtx } from './types.js';
import type { ParsedInput } from '../contract.js';
import type { ReportSetStart } from '../report-set/types.js';

type SetCall = 'report.setStart' | 'report.setStatus' | 'report.setDownload';

/**
 * The whole report set as a job: start returns at once, the renderer asks for progress, and in
 * browser mode takes the zip at the end. Where the files go is the shell's business: in Electron
 * the user picks a folder in a native dialog; the renderer never names a path.
 */
async function start(input: ParsedInput<'report.setStart'>, { session, host }: HandlerCtx): Promise<ReportSetStart> {
  const svc = session.secretariat();
  const edition = svc.getEdition(input.editionId);
  const name = setFolderName(edition.name, input.lang, new Date());
  const request = { editionId: edition.id, lang: input.lang, discloseScores: input.discloseScores };
  const jobs = reportSetJobs(session);
  jobs.claim();
  try {
    if (!host.pickFolder) {
      return { started: true, jobId: jobs.run(intoZip(svc, request, session.dataDir, `${name}.zip`)), folder: null };
    }
    const parent = await host.pickFolder();
    if (parent === null) {
      jobs.release();
      return { started: false };
    }
    const folder = await newFolder(parent, name);
    return { started: true, jobId: jobs.run(intoFolder(svc, request, folder)), folder };
  } catch (e) {
    jobs.release();
    throw e;
  }
}

export const reportSetHandlers: { [N in SetCall]: Handler<N> } = {
  'report.setStart': start,
  'report.setStatus': ({ jobId }, { session }) => reportSetJobs(session).status(jobId),
  'report.setDownload': ({ jobId }, { session }) => reportSetJobs(session).take(jobId),
};
