import { randomBytes } from 'node:crypto';
import { isPingshenError, PingshenError } from '../domain/errors.js';
import type { Upload } from '../domain/files.js';
import type { Localized } from '../domain/localized.js';
import { NO_AIDS } from '../features/call.js';
import { bundleCalls } from '../features/bundles/calls.js';
import type { Session } from './session.js';
import type { CallError, IntakeStatus } from './types.js';

/**
 * The secretariat's intake of result bundles as a job of the session: the app hands over up to
 * 200 files in one call, which returns at once; the service opens and judges them in its own
 * batches (one transaction for every 25) and says how far it has got; the renderer asks for
 * that until the job has finished, and then finds every file's outcome in the status. The store
 * stays open while the job runs, as it does under any running call.
 */

export const INTAKE_MESSAGES = {
  running: {
    zh: '上一批结果包仍在导入，请等它完成后再导入下一批。',
    en: 'The last batch of result bundles is still being imported; wait for it to finish before importing the next.',
  } satisfies Localized,
  unknownJob: {
    zh: '找不到这次导入任务（库可能已锁定）。请重新导入这些结果包：已收到的不会重复计入。',
    en: 'This import job is not known (the store may have been locked). Import the bundles again: those already received are not counted twice.',
  } satisfies Localized,
  unexpected: {
    zh: '导入结果包时发生意外错误。已完成判定的结果包已保存；请重新导入其余的文件。',
    en: 'An unexpected error stopped the import. The bundles already judged are kept; import the remaining files again.',
  } satisfies Localized,
};

export class IntakeJobs {
  private latest: IntakeStatus | null = null;

  constructor(
    private readonly session: Session,
    private readonly onUnexpected: (e: unknown) => void = (e) => console.error('[pingshen] bundle intake failed', e),
  ) {}

  start(files: Upload[]): string {
    if (this.latest && !this.latest.finished) throw new PingshenError('intake.running', INTAKE_MESSAGES.running);
    const ctx = this.session.storeCtx();
    const job: IntakeStatus = { jobId: randomBytes(12).toString('hex'), done: 0, total: files.length, finished: false, outcomes: [], error: null };
    this.latest = job;
    const aids = {
      ...NO_AIDS,
      progress: (done: number) => {
        job.done = done;
      },
    };
    // held as a running call, so that neither an idle check nor a lock closes the store under it;
    // the job is finished before the call ends, so a lock that waited for it finds it so
    void this.session.running(async () => {
      try {
        job.outcomes = await bundleCalls['bundles.import'].run({ files }, ctx, aids);
      } catch (e) {
        job.error = this.asCallError(e);
      } finally {
        job.finished = true;
      }
    });
    return job.jobId;
  }

  status(jobId: string): IntakeStatus {
    if (this.latest?.jobId !== jobId) throw new PingshenError('intake.unknown-job', INTAKE_MESSAGES.unknownJob);
    return { ...this.latest, outcomes: [...this.latest.outcomes] };
  }

  forget(): void {
    this.latest = null;
  }

  private asCallError(e: unknown): CallError {
    if (isPingshenError(e)) return { code: e.code, message: { ...e.localized } };
    this.onUnexpected(e);
    return { code: 'intake.failed', message: INTAKE_MESSAGES.unexpected };
  }
}

const bySession = new WeakMap<Session, IntakeJobs>();

export function intakeJobs(session: Session): IntakeJobs {
  let jobs = bySession.get(session);
  if (!jobs) {
    const created = new IntakeJobs(session);
    session.onStoreClosed(() => created.forget());
    bySession.set(session, created);
    jobs = created;
  }
  return jobs;
}
