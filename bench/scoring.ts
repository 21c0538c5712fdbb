/**
 * Scoring screen benchmark (issue 15): with 30 applicants, the workspace answers keys within
 * 500 ms of the click that opens it, and each keystroke that moves between items or types a score
 * is painted within 16 ms. Measured by the scoring screen's end-to-end run in Chromium
 * (test/e2e/scoring.test.ts, started with the viewer's by bench/viewer.ts), which writes its
 * figures to a file; judged here. The opening is the median of five. A keystroke is judged by
 * Chromium's Event Timing (key to paint, unrounded), every keystroke counting and every one
 * timed, in the browser that draws unpaced, so that the wait for the headless compositor's 60 Hz
 * tick is not counted against the app, keys 50 ms apart, so that each is timed on its own, from
 * once the sheet's material is shown (test/e2e/helpers/scoring-figures.ts); the figures at that
 * pacing, those of keys pressed back to back, those of keys pressed from the moment the sheet
 * opens, and each run's control page are shown beside them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SCORING_FIGURES_FILE, SCORING_TARGETS, type ScoringFigures } from '../test/e2e/helpers/scoring-figures.js';
import { percentile } from './stats.js';

export function benchScoring(endToEndPassed: boolean) {
  const how = 'node test/e2e/run.mjs test/e2e/scoring.test.ts, figures from test-results/scoring-bench.json';
  if (!existsSync(SCORING_FIGURES_FILE)) {
    return { how, measured: false, problem: 'the end-to-end run wrote no figures; see its output above', targets: SCORING_TARGETS, endToEndPassed, pass: false };
  }
  const figures = JSON.parse(readFileSync(SCORING_FIGURES_FILE, 'utf8')) as ScoringFigures;
  const interactiveMs = percentile([...figures.interactiveMs].sort((a, b) => a - b), 50);
  const withinInteractive = interactiveMs < SCORING_TARGETS.interactiveMs;
  const { unpaced, unpacedBackToBack, paced, pacedBackToBack, unpacedAtOpening } = figures.keystrokes;
  const withinKeystroke = unpaced.app.timed === unpaced.app.pressed && unpaced.app.atOrOver16ms === 0;
  return {
    how,
    measured: true,
    chromium: figures.chromium,
    machine: { cpus: figures.cpus, loadAverage: figures.loadAverage },
    applicants: figures.applicants,
    targets: SCORING_TARGETS,
    interactive: { medianMs: interactiveMs, samplesMs: figures.interactiveMs, pass: withinInteractive },
    keystrokes: {
      judged: `the app's keystrokes, ${unpaced.pauseMs} ms apart, once the sheet's material is shown and the page is quiet, in the browser started with ${unpaced.flags.join(' ')}: frames drawn as soon as there is something new`,
      ...unpaced,
      backToBack: unpacedBackToBack,
      fromOpening: unpacedAtOpening,
      atChromiumsPacing: { apart: paced, backToBack: pacedBackToBack },
      pass: withinKeystroke,
    },
    endToEndPassed,
    pass: endToEndPassed && withinInteractive && withinKeystroke,
  };
}
