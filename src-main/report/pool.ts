/**
 * A few render threads for many reports. Reports are queued and each thread takes the next one
 * when it is free. A report that fails to render, or a thread that dies, rejects that report's
 * promise (and, once no thread is left, every queued one); close() ends the threads.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReportInput, ReportLang } from './types.js';

export interface RenderTask {
  id: number;
  input: ReportInput;
  lang: ReportLang;
  /** ISO time: a Date does not survive the trip to a thread as a Date in every runtime */
  generatedAt: string;
}

export type RenderReply = { id: number; ok: true; pdf: Uint8Array; pages: number } | { id: number; ok: false; reason: string };

export interface RenderPool {
  render(input: ReportInput, lang: ReportLang, generatedAt: Date): Promise<{ pdf: Uint8Array; pages: number }>;
  close(): Promise<void>;
}

/**
 * A thread for every core the process may use (issue 15: the set renders on all of them), up to
 * eight: each thread holds its own parsed copy of the CJK fonts.
 */
export const defaultThreads = (): number => Math.min(8, availableParallelism());

const WORKER_FILE = 'render-worker.js';

/**
 * The built render-worker.js sits in the main build's top folder (electron.vite.config.ts), while
 * this module may be bundled into index.js there or into a shared chunk one folder below it.
 */
export function builtWorkerPath(moduleUrl: string): string {
  const here = dirname(fileURLToPath(moduleUrl));
  const candidates = [join(here, WORKER_FILE), join(dirname(here), WORKER_FILE)];
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`${WORKER_FILE} not found beside the main build (looked in ${candidates.join(', ')})`);
  return found;
}

/** From the TypeScript sources (tsx, vitest) the thread needs tsx's loader to read its .ts file. */
function spawn(): Worker {
  if (import.meta.url.endsWith('.ts')) {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    return new Worker(new URL('./render-worker.ts', import.meta.url), { execArgv: ['--import', tsx] });
  }
  return new Worker(builtWorkerPath(import.meta.url));
}

interface Pending {
  task: RenderTask;
  resolve(value: { pdf: Uint8Array; pages: number }): void;
  reject(reason: Error): void;
}

export function renderPool(threads: number, start: () => Worker = spawn): RenderPool {
  const queue: Pending[] = [];
  const busy = new Map<Worker, Pending>();
  const idle: Worker[] = [];
  const live = new Set<Worker>();
  let nextId = 0;
  let closed = false;

  function dispatch(): void {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const job = queue.shift()!;
      busy.set(worker, job);
      worker.postMessage(job.task);
    }
  }

  function settle(worker: Worker, outcome: (job: Pending) => void): void {
    const job = busy.get(worker);
    busy.delete(worker);
    if (job) outcome(job);
  }

  function add(): void {
    const worker = start();
    live.add(worker);
    worker.on('message', (reply: RenderReply) => {
      settle(worker, (job) => (reply.ok ? job.resolve({ pdf: reply.pdf, pages: reply.pages }) : job.reject(new Error(reply.reason))));
      idle.push(worker);
      dispatch();
    });
    worker.on('error', (e) => settle(worker, (job) => job.reject(e)));
    worker.on('exit', (code) => {
      const stopped = new Error(`render thread stopped (exit code ${code})`);
      settle(worker, (job) => job.reject(stopped));
      live.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      // with no thread left nothing would ever take the queued reports
      if (live.size === 0) for (const job of queue.splice(0)) job.reject(stopped);
    });
    idle.push(worker);
  }

  for (let i = 0; i < Math.max(1, threads); i++) add();

  return {
    render(input, lang, generatedAt) {
      if (closed) return Promise.reject(new Error('render pool closed'));
      return new Promise((resolve, reject) => {
        queue.push({ task: { id: nextId++, input, lang, generatedAt: generatedAt.toISOString() }, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('render pool closed'));
      await Promise.all([...live].map((w) => w.terminate()));
    },
  };
}
