import type { Page } from 'playwright-core';

/** How smoothly the page kept drawing while something ran. */
export interface FrameFigures {
  /** frames Chromium reports as long (over 50 ms, the long-animation-frame entries), and the longest of them (0: none) */
  framesOver50ms: number;
  longestFrameMs: number;
  /**
   * the longest time between two animation frames; unlike a frame's duration it also counts
   * time the machine gave to other processes
   */
  longestGapBetweenFramesMs: number;
  /** tasks over 50 ms on the main thread, and the longest */
  longTasks: number;
  longestTaskMs: number;
  /** the three longest frames, with the scripts Chromium blames for them */
  worstFrames: { ms: number; blockingMs: number; scripts: string[] }[];
}

interface LongFrame {
  ms: number;
  blockingMs: number;
  scripts: string[];
}

interface Watch {
  frames: LongFrame[];
  tasks: number[];
  gap: number;
  running: boolean;
  observers: PerformanceObserver[];
}

/**
 * Starts watching the frames in the page: a requestAnimationFrame loop for the gaps between
 * frames, and observers for Chromium's long animation frames and long tasks. The returned
 * function stops the watch and gives the figures.
 */
export async function watchFrames(page: Page): Promise<() => Promise<FrameFigures>> {
  await page.evaluate(() => {
    const watch: Watch = { frames: [], tasks: [], gap: 0, running: true, observers: [] };
    (window as unknown as { __frames: Watch }).__frames = watch;
    type Script = { invoker: string; sourceURL: string; sourceFunctionName: string; duration: number };
    type Frame = PerformanceEntry & { blockingDuration: number; scripts: Script[] };
    const observe = (type: string, take: (entry: PerformanceEntry) => void) => {
      const observer = new PerformanceObserver((list) => list.getEntries().forEach(take));
      observer.observe({ type, buffered: false });
      watch.observers.push(observer);
    };
    observe('long-animation-frame', (entry) => {
      const frame = entry as Frame;
      const scripts = frame.scripts.map((s) => `${s.invoker} ${s.sourceFunctionName || '?'} (${s.sourceURL.split('/').pop()}) ${Math.round(s.duration)} ms`);
      watch.frames.push({ ms: frame.duration, blockingMs: frame.blockingDuration, scripts });
    });
    observe('longtask', (entry) => watch.tasks.push(entry.duration));
    let last = performance.now();
    const loop = (now: number) => {
      watch.gap = Math.max(watch.gap, now - last);
      last = now;
      if (watch.running) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  return () =>
    page.evaluate(() => {
      const watch = (window as unknown as { __frames: Watch }).__frames;
      watch.running = false;
      for (const o of watch.observers) o.disconnect();
      const round = (n: number) => Math.round(n * 10) / 10;
      return {
        framesOver50ms: watch.frames.length,
        longestFrameMs: round(Math.max(0, ...watch.frames.map((f) => f.ms))),
        longestGapBetweenFramesMs: round(watch.gap),
        longTasks: watch.tasks.length,
        longestTaskMs: round(Math.max(0, ...watch.tasks)),
        worstFrames: [...watch.frames]
          .sort((a, b) => b.ms - a.ms)
          .slice(0, 3)
          .map((f) => ({ ms: round(f.ms), blockingMs: round(f.blockingMs), scripts: f.scripts })),
      };
    });
}
