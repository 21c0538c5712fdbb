import { randomBytes } from 'node:crypto';
import type { ReportSetProgress } from '../../report/set.js';
import { isPingshenError, PingshenError } from '../../domain/errors.js';
import type { Session } from '../session.js';
import type { Download } from '../../domain/files.js';
import type { CallError } from '../types.js';
import { REPORT_SET_MESSAGES } from './messages.js';
import type { ReportSetStatus, ReportSetSummary } from './types.js';

export interface SetOutcome {
  summary: Omit<ReportSetSummary, 'zip'>;
  /** browser mode: the zip the renderer takes once */
  zip: Download | null;
}

export type SetWork = (onProgress: (p: ReportSetProgress) => void) => Promise<SetOutcome>;

interface Job {
  id: string;
  done: number;
  total: number | null;
  last: string | null;
  finished: boolean;
  error: CallError | null;
  outcome: SetOutcome | null;
}

function asCallError(e: unknown, onUnexpected: (e: unknown) => void): CallError {
  if (isPingshenError(e)) return { code: e.code, message: { ...e.localized } };
  onUnexpected(e);
  return { code: 'report-set.failed', message: REPORT_SET_MESSAGES.unexpected };
}

/**
 * The report sets of one session: at most one being made, and the latest one's progress and
 * outcome kept for the renderer to ask about. Nothing here outlives the open store: when it
 * closes the job is forgotten, and a set still rendering then drops its zip when it ends.
 */
export class ReportSetJobs {
  private latest: Job | null = null;
  private busy = false;

  constructor(private readonly onUnexpected: (e: unknown) => void = (e) => console.error('[pingshen] report set failed', e)) {}

  /** Taken before asking the user for a folder, so a second start cannot slip in meanwhile. */
  claim(): void {
    if (this.busy) throw new PingshenError('report-set.running', REPORT_SET_MESSAGES.running);
    this.busy = true;
  }

  /** Gives the claim back when no set is made after all (the user closed the folder dialog). */
  release(): void {
    this.busy = false;
  }

  run(work: SetWork): string {
    const job: Job = { id: randomBytes(12).toString('hex'), done: 0, total: null, last: null, finished: false, error: null, outcome: null };
    this.latest = job;
    const progress = (p: ReportSetProgress) => {
      job.done = p.done;
      job.total = p.total;
      job.last = p.name;
    };
    void work(progress)
      .then(
        (outcome) => {
          if (this.latest === job) job.outcome = outcome;
        },
        (e: unknown) => {
          job.error = asCallError(e, this.onUnexpected);
        },
      )
      .finally(() => {
        job.finished = true;
        this.busy = false;
      });
    return job.id;
  }

  status(jobId: string): ReportSetStatus {
    const job = this.find(jobId);
    const outcome = job.outcome;
    const zip = outcome?.zip ? { fileName: outcome.zip.fileName, size: outcome.zip.bytes.byteLength } : null;
    return {
      jobId: job.id,
      done: job.done,
      total: job.total,
      last: job.last,
      finished: job.finished,
      error: job.error,
      summary: outcome ? { ...outcome.summary, zip } : null,
    };
  }

  /** The zip, once: the job lets go of the bytes as it hands them over. */
  take(jobId: string): Download {
    const job = this.find(jobId);
    const zip = job.outcome?.zip;
    if (!job.outcome || !zip) throw new PingshenError('report-set.no-download', REPORT_SET_MESSAGES.noDownload);
    job.outcome = { ...job.outcome, zip: null };
    return zip;
  }

  forget(): void {
    this.latest = null;
  }

  private find(jobId: string): Job {
    if (this.latest?.id !== jobId) throw new PingshenError('report-set.unknown-job', REPORT_SET_MESSAGES.unknownJob);
    return this.latest;
  }
}

const bySession = new WeakMap<Session, ReportSetJobs>();

export function reportSetJobs(session: Session): ReportSetJobs {
  let jobs = bySession.get(session);
  if (!jobs) {
    const created = new ReportSetJobs();
    session.onStoreClosed(() => created.forget());
    bySession.set(session, created);
    jobs = created;
  }
  return jobs;
}
