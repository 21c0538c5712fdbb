import type { CallError } from '../types.js';

/** What the renderer learns about the report set it asked for; the files themselves stay in main. */

export type ReportSetStart = { started: false } | { started: true; jobId: string; folder: string | null };

export interface ReportSetSummary {
  files: number;
  pages: number;
  bytes: number;
  /** Electron: the new folder holding the set */
  folder: string | null;
  /** browser mode: the zip waiting for report.setDownload, null once it has been taken */
  zip: { fileName: string; size: number } | null;
}

export interface ReportSetStatus {
  jobId: string;
  done: number;
  /** null until the first report is made and the set's size is known */
  total: number | null;
  /** the file made last, by its name in the set */
  last: string | null;
  finished: boolean;
  error: CallError | null;
  summary: ReportSetSummary | null;
}
