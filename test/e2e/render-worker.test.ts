import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { rankingInput } from '../../src-main/report/assemble.js';
import { builtWorkerPath, renderPool, type RenderPool } from '../../src-main/report/pool.js';
import { pageTexts, squash } from '../report/pdf.js';
import { syntheticEdition } from '../report/synthetic.js';
import { ROOT } from './helpers/app.js';

/**
 * The report set's render thread as the build ships it (run.mjs has just built out/): the
 * compiled out/main/render-worker.js, run by plain Node as a worker thread, no Electron and no
 * tsx, finds its fonts from out/main and renders a real report.
 */

const MAIN = join(ROOT, 'out/main');
const WORKER = join(MAIN, 'render-worker.js');

/** the built file that holds pool.ts's code: index.js, or a chunk below it */
function poolModule(): string {
  const files = [...readdirSync(MAIN).map((f) => join(MAIN, f)), ...readdirSync(join(MAIN, 'chunks')).map((f) => join(MAIN, 'chunks', f))];
  const found = files.filter((f) => f.endsWith('.js') && readFileSync(f, 'utf8').includes('function builtWorkerPath('));
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('the built render thread', () => {
  let pool: RenderPool | null = null;
  afterAll(() => pool?.close());

  it('is found beside the main build from wherever the bundler put the pool', () => {
    expect(builtWorkerPath(pathToFileURL(poolModule()).href)).toBe(WORKER);
    expect(builtWorkerPath(pathToFileURL(join(MAIN, 'index.js')).href)).toBe(WORKER);
    expect(builtWorkerPath(pathToFileURL(join(MAIN, 'chunks', 'shared-0000.js')).href)).toBe(WORKER);
  });

  it('renders a report in plain Node, with the Chinese font found from out/main', async () => {
    const env: Record<string, string | undefined> = { ...process.env };
    delete env.PINGSHEN_RESOURCES;
    pool = renderPool(1, () => new Worker(WORKER, { env }));
    const data = syntheticEdition(3);
    const { pdf, pages } = await pool.render(rankingInput({ edition: data.edition, applicants: data.applicants, results: data.results }), 'zh', new Date());
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = squash((await pageTexts(pdf)).join(''));
    expect(text).toContain(squash(data.edition.name));
    for (const a of data.applicants) expect(text).toContain(a.code);
    expect(text).toContain(`共${pages}页`);
  }, 60_000);
});
