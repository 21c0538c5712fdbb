/**
 * A render thread for the report set: it receives a report's data, builds and renders it, and
 * hands the PDF back without copying. Each thread parses the CJK font once (fonts.ts) and keeps
 * it for every report it is given.
 */
import { parentPort } from 'node:worker_threads';
import { buildReport } from './build.js';
import { renderReport } from './render.js';
import type { RenderReply, RenderTask } from './pool.js';

const port = parentPort;
if (!port) throw new Error('render-worker.ts runs only as a worker thread');

port.on('message', (task: RenderTask) => {
  void (async () => {
    let reply: RenderReply;
    try {
      const { pdf, pages } = await renderReport(buildReport(task.input, { lang: task.lang, generatedAt: new Date(task.generatedAt) }));
      // pdfkit's Buffer may share a pooled buffer: a copy of its own can be transferred whole
      const bytes = new Uint8Array(pdf);
      reply = { id: task.id, ok: true, pdf: bytes, pages };
      port.postMessage(reply, [bytes.buffer]);
    } catch (e) {
      reply = { id: task.id, ok: false, reason: e instanceof Error ? e.message : String(e) };
      port.postMessage(reply);
    }
  })();
});
