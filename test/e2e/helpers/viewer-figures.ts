import { join } from 'node:path';
import { RESULTS } from './app.js';
import type { FrameFigures } from './frames.js';

/**
 * What the viewer's end-to-end run measures and `npm run bench` judges: the file between them,
 * and the targets of issue 14 (a 300-page material open at its first page within a second, and
 * paged through without a frame over 100 ms).
 */
export const VIEWER_FIGURES_FILE = join(RESULTS, 'viewer-bench.json');
export const VIEWER_TARGETS = { openMs: 1000, frameMs: 100 } as const;

export interface OpenFigures {
  /** from the click that opens the score sheet to the first page painted */
  clickToFirstPageMs: number;
  /** from asking the main process for the material's bytes to the first page painted */
  requestToFirstPageMs: number;
  /** opening the sheet until the bytes are asked for, the bytes arriving, pdf.js parsing them, the first page painting */
  stepsMs: Record<string, number>;
}

export type PagingFigures = FrameFigures & { pages: number; turnMs: { median: number; max: number } };

export interface ViewerFigures {
  measuredAt: string;
  chromium: string;
  /** how busy the machine was: its cores, and the one-minute load average as the run began and ended */
  cpus: number;
  loadAverage: { atStart: number; atEnd: number };
  pdf: { pages: number; bytes: number };
  viewports: Record<string, { open: OpenFigures | null; paging: PagingFigures | null }>;
}
