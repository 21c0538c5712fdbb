/**
 * Materials viewer benchmark (issue 14): a generated 300-page application opened at its first
 * page in under 1 s, and paged through without a frame over 100 ms, at 1280×720 and 1920×1080.
 *
 * Only a browser can time frames, so the measuring is done by the viewer's end-to-end run in
 * Chromium (test/e2e/viewer.test.ts, which the bench starts, with the build before it). That run
 * writes its figures to a file; the bench reads them and judges them against the targets. The
 * opening is timed from the click that opens the score sheet to the first page painted. A frame
 * counts as over the target if Chromium reports a long animation frame or a long task above it; the longest gap between animation frames is shown too, but not judged: on a shared
 * machine it also counts the time the machine gave to other processes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../test/e2e/helpers/app.js';
import { SCORING_FIGURES_FILE } from '../test/e2e/helpers/scoring-figures.js';
import { VIEWER_FIGURES_FILE, VIEWER_TARGETS, type ViewerFigures } from '../test/e2e/helpers/viewer-figures.js';
import { progress } from './stats.js';

export interface ViewerBench {
  how: string;
  measured: boolean;
  /** why nothing was measured, when nothing was */
  problem?: string;
  chromium?: string;
  machine?: { cpus: number; loadAverage: ViewerFigures['loadAverage'] };
  pdf?: ViewerFigures['pdf'];
  targets: typeof VIEWER_TARGETS;
  viewports: Record<string, { openMs: number | null; withinOpen: boolean; longestFrameMs: number | null; withinFrame: boolean; details: ViewerFigures['viewports'][string] }>;
  endToEndPassed: boolean;
  pass: boolean;
}

/** The end-to-end runs the bench reads figures from: the viewer's and the scoring screen's, one build for both. */
export const END_TO_END_FILES = ['test/e2e/viewer.test.ts', 'test/e2e/scoring.test.ts'];

/** Runs them (the build first, in run.mjs); whether every test passed. */
export function runEndToEnd(): boolean {
  progress(`the viewer and the scoring screen in Chromium (${END_TO_END_FILES.join(', ')})`);
  rmSync(VIEWER_FIGURES_FILE, { force: true });
  rmSync(SCORING_FIGURES_FILE, { force: true });
  // the run's own output goes to stderr: stdout carries the bench's one JSON object
  const run = spawnSync(process.execPath, [join(ROOT, 'test/e2e/run.mjs'), ...END_TO_END_FILES], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  return run.status === 0;
}

export function benchViewer(endToEndPassed: boolean): ViewerBench {
  const how = 'node test/e2e/run.mjs test/e2e/viewer.test.ts, figures from test-results/viewer-bench.json';
  if (!existsSync(VIEWER_FIGURES_FILE)) {
    return { how, measured: false, problem: 'the end-to-end run wrote no figures; see its output above', targets: VIEWER_TARGETS, viewports: {}, endToEndPassed, pass: false };
  }
  const figures = JSON.parse(readFileSync(VIEWER_FIGURES_FILE, 'utf8')) as ViewerFigures;
  const viewports = Object.fromEntries(
    Object.entries(figures.viewports).map(([size, details]) => {
      const openMs = details.open?.clickToFirstPageMs ?? null;
      const longestFrameMs = details.paging ? Math.max(details.paging.longestFrameMs, details.paging.longestTaskMs) : null;
      return [size, { openMs, withinOpen: openMs !== null && openMs < VIEWER_TARGETS.openMs, longestFrameMs, withinFrame: longestFrameMs !== null && longestFrameMs <= VIEWER_TARGETS.frameMs, details }];
    }),
  );
  const sizes = Object.values(viewports);
  return {
    how,
    measured: true,
    chromium: figures.chromium,
    machine: { cpus: figures.cpus, loadAverage: figures.loadAverage },
    pdf: figures.pdf,
    targets: VIEWER_TARGETS,
    viewports,
    endToEndPassed,
    pass: endToEndPassed && sizes.length > 0 && sizes.every((v) => v.withinOpen && v.withinFrame),
  };
}
