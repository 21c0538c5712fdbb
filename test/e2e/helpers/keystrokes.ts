import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';

/**
 * Times keystrokes on a page with Chromium's Event Timing (issue 15): from the key to the paint
 * that shows what it did. The entries are read from a DevTools trace of the presses rather
 * than from a PerformanceObserver, for two reasons. The page sees each duration rounded to
 * the nearest 8 ms, so that its "16 ms" is any keystroke of 12 ms or more, while the trace
 * holds the same entries unrounded; and the page is never told of a keystroke under 16 ms,
 * while the trace holds every one, so that none is missing from the figures.
 */

/** One keystroke: in all, and split into waiting for the main thread, the page's handlers, and from them to the paint. */
export interface Keystroke {
  key: string;
  ms: number;
  waitedMs: number;
  handlersMs: number;
  toPaintMs: number;
}

export interface KeystrokeFigures {
  pressed: number;
  /** keystrokes the trace holds an Event Timing entry for: all of them, or the figures miss some */
  timed: number;
  atOrOver16ms: number;
  /** over every keystroke timed */
  medianMs: { total: number; waited: number; handlers: number; toPaint: number };
  /** the five slowest */
  slowest: Keystroke[];
}

interface EventTimingData {
  type: string;
  frame: string;
  timeStamp: number;
  processingStart: number;
  processingEnd: number;
  duration: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  args?: { data?: EventTimingData };
}

/** The Chromium flag that lets the compositor draw as soon as there is something new, rather than at its 60 Hz tick. */
export const UNPACED_FRAMES = '--disable-frame-rate-limit';

/**
 * The pause between one keystroke and the next, as a person presses them: 20 keys a second,
 * faster than anyone types. Playwright on its own presses the next key some 10 ms after the
 * last, before that one is painted; its handlers then run first, and the last key's time
 * holds the next one's work (seen in DevTools traces). With the pause each keystroke is timed
 * on its own. BACK_TO_BACK (no pause) is timed too, for the figures beside the judged ones.
 */
export const TYPING_PAUSE_MS = 50;
export const BACK_TO_BACK = 0;

/** How long the page's main thread stays idle before the keys start, when they wait for it (untilQuiet). */
export const QUIET_MS = 300;
const QUIET_WITHIN_MS = 15_000;

/**
 * Waits until the page's main thread has been idle for `quietMs`: each idle period Chromium gave
 * it in that time was a whole one, so that no task ran and no frame was drawn. An idle period is
 * at most 50 ms long, and one cut short by work waiting or a frame due starts the time again.
 */
export async function untilQuiet(page: Page, quietMs = QUIET_MS): Promise<void> {
  await page.evaluate(
    ({ quiet, within }) =>
      new Promise<void>((resolve, reject) => {
        const started = performance.now();
        let since = started;
        const check = (deadline: IdleDeadline) => {
          const now = performance.now();
          if (deadline.timeRemaining() < 40) since = now;
          if (now - since >= quiet) resolve();
          else if (now - started > within) reject(new Error(`the page was not idle for ${quiet} ms within ${within} ms`));
          else requestIdleCallback(check);
        };
        requestIdleCallback(check);
      }),
    { quiet: quietMs, within: QUIET_WITHIN_MS },
  );
}

const round = (n: number) => Math.round(n * 10) / 10;
const median = (xs: number[]) => round(xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0);

/** Presses the keys one after another, `pauseMs` apart, and gives their Event Timing figures. */
export async function timeKeystrokes(browser: Browser, page: Page, keys: readonly string[], pauseMs: number): Promise<KeystrokeFigures> {
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  await cdp.detach();
  await browser.startTracing(page, { categories: ['devtools.timeline'] });
  for (const key of keys) {
    await page.keyboard.press(key);
    if (pauseMs > 0) await sleep(pauseMs);
  }
  // an entry ends at the paint: let the last keystroke's paint come before the trace stops
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const entries = trace.traceEvents
    .flatMap((e) => (e.name === 'EventTiming' && e.ph === 'b' && e.args?.data?.type === 'keydown' && e.args.data.frame === frameTree.frame.id ? [e.args.data] : []))
    .toSorted((a, b) => a.timeStamp - b.timeStamp);
  // in the order pressed, so each entry is the key at its place when every key was timed
  const timed: Keystroke[] = entries.map((e, i) => ({
    key: entries.length === keys.length ? keys[i]! : '?',
    ms: round(e.duration),
    waitedMs: round(e.processingStart - e.timeStamp),
    handlersMs: round(e.processingEnd - e.processingStart),
    toPaintMs: round(e.timeStamp + e.duration - e.processingEnd),
  }));
  return {
    pressed: keys.length,
    timed: timed.length,
    atOrOver16ms: timed.filter((k) => k.ms >= 16).length,
    medianMs: { total: median(timed.map((k) => k.ms)), waited: median(timed.map((k) => k.waitedMs)), handlers: median(timed.map((k) => k.handlersMs)), toPaint: median(timed.map((k) => k.toPaintMs)) },
    slowest: timed.toSorted((a, b) => b.ms - a.ms).slice(0, 5),
  };
}

/**
 * The control: a page with one line of text that shows the last key pressed, in its own
 * context of the same browser and at the app's window size. Its keystrokes cost the page next
 * to nothing, so their times are what the browser itself takes from a key to the paint.
 */
export async function openControlPage(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.setContent('<div id="shown" tabindex="0">–</div><script>const shown = document.getElementById("shown"); shown.addEventListener("keydown", (e) => { shown.textContent = e.key; e.preventDefault(); }); shown.focus();</script>');
  await page.waitForFunction(() => document.activeElement?.id === 'shown');
  return page;
}
