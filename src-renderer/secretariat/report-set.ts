import type { Api } from '../../src-main/ipc/contract.js';
import type { ReportSetStatus } from '../../src-main/ipc/report-set/types.js';

/** How often the screen asks how far the report set has got: smooth enough, cheap for main. */
export const POLL_MS = 300;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Asks for the job's status until it has finished, telling the screen each time; returns the last. */
export async function followReportSet(
  api: Api,
  jobId: string,
  onStatus: (status: ReportSetStatus) => void,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<ReportSetStatus> {
  for (;;) {
    const status = await api.call('reports.setStatus', { jobId });
    onStatus(status);
    if (status.finished) return status;
    await wait(POLL_MS);
  }
}

/** 1.8 MB in the interface's language; at least 0.1 so a small set never reads as nothing. */
export function megabytes(bytes: number, language: string): string {
  const mb = Math.max(bytes / (1024 * 1024), bytes > 0 ? 0.1 : 0);
  return new Intl.NumberFormat(language.startsWith('en') ? 'en' : 'zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(mb);
}
