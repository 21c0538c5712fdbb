import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDay, newFolder, setFolderName } from '../../src-main/ipc/report-set/folder.js';
import { ReportSetJobs, type SetOutcome } from '../../src-main/ipc/report-set/jobs.js';
import type { ReportSetStatus } from '../../src-main/ipc/report-set/types.js';
import { zipReportSet } from '../../src-main/ipc/report-set/zip.js';
import type { Api } from '../../src-main/ipc/contract.js';
import { makeReportSet, type MadeReportSet } from '../../src-main/report/set.js';
import { PingshenError } from '../../src-main/domain/errors.js';
import { followReportSet, megabytes, POLL_MS } from '../../src-renderer/secretariat/report-set.js';
import { syntheticEdition } from '../report/synthetic.js';
import { syntheticSources } from '../report/synthetic-service.js';

/** The pieces behind the report set calls: the job registry, the folder name, the zip. */

const outcome: SetOutcome = { summary: { files: 3, pages: 7, bytes: 1000, folder: null }, zip: { fileName: 'set.zip', bytes: new Uint8Array([1, 2, 3]) } };

/** a job's work the test finishes by hand */
function held() {
  let finish!: (o: SetOutcome) => void;
  let fail!: (e: unknown) => void;
  let report!: (p: { done: number; total: number; name: string }) => void;
  const work = (onProgress: typeof report) => {
    report = onProgress;
    return new Promise<SetOutcome>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return { work, finish: (o: SetOutcome) => finish(o), fail: (e: unknown) => fail(e), report: (p: Parameters<typeof report>[0]) => report(p) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the report set jobs of a session', () => {
  it('keeps one set at a time: a second claim is refused until the first set ends', async () => {
    const jobs = new ReportSetJobs();
    const h = held();
    jobs.claim();
    const id = jobs.run(h.work);
    expect(() => jobs.claim()).toThrow(expect.objectContaining({ code: 'report-set.running' }));
    expect(jobs.status(id)).toMatchObject({ done: 0, total: null, last: null, finished: false, summary: null });
    h.report({ done: 1, total: 3, name: '排名.pdf' });
    expect(jobs.status(id)).toMatchObject({ done: 1, total: 3, last: '排名.pdf', finished: false });
    h.finish(outcome);
    await settle();
    expect(jobs.status(id)).toMatchObject({ finished: true, error: null, summary: { files: 3, pages: 7, bytes: 1000, zip: { fileName: 'set.zip', size: 3 } } });
    expect(() => jobs.claim()).not.toThrow();
  });

  it('gives the claim back when the user closes the dialog', () => {
    const jobs = new ReportSetJobs();
    jobs.claim();
    jobs.release();
    expect(() => jobs.claim()).not.toThrow();
  });

  it("passes on a refusal's own words, and words of its own for anything unexpected", async () => {
    const unexpected: unknown[] = [];
    const jobs = new ReportSetJobs((e) => unexpected.push(e));
    const refused = held();
    jobs.claim();
    const first = jobs.run(refused.work);
    refused.fail(new PingshenError('report.write-failed', { zh: '无法写入。', en: 'Cannot write.' }));
    await settle();
    expect(jobs.status(first)).toMatchObject({ finished: true, summary: null, error: { code: 'report.write-failed', message: { zh: '无法写入。' } } });
    expect(unexpected).toEqual([]);

    const broken = held();
    jobs.claim();
    const second = jobs.run(broken.work);
    broken.fail(new TypeError('x is undefined'));
    await settle();
    const status = jobs.status(second);
    expect(status.error?.code).toBe('report-set.failed');
    expect(status.error?.message.zh).toContain('请重试');
    expect(JSON.stringify(status)).not.toContain('x is undefined');
    expect(unexpected).toHaveLength(1);
    expect(() => jobs.status(first)).toThrow(expect.objectContaining({ code: 'report-set.unknown-job' }));
  });

  it('hands the zip over once', async () => {
    const jobs = new ReportSetJobs();
    const h = held();
    jobs.claim();
    const id = jobs.run(h.work);
    expect(() => jobs.take(id)).toThrow(expect.objectContaining({ code: 'report-set.no-download' }));
    h.finish(outcome);
    await settle();
    expect(jobs.take(id).bytes).toEqual(new Uint8Array([1, 2, 3]));
    expect(() => jobs.take(id)).toThrow(expect.objectContaining({ code: 'report-set.no-download' }));
    expect(jobs.status(id).summary).toMatchObject({ files: 3, zip: null });
  });

  it('forgets the job when the store closes, and drops a zip that arrives afterwards, yet still allows only one set at a time', async () => {
    const jobs = new ReportSetJobs();
    const h = held();
    jobs.claim();
    const id = jobs.run(h.work);
    jobs.forget();
    expect(() => jobs.status(id)).toThrow(expect.objectContaining({ code: 'report-set.unknown-job' }));
    expect(() => jobs.claim()).toThrow(expect.objectContaining({ code: 'report-set.running' }));
    h.finish(outcome);
    await settle();
    expect(() => jobs.take(id)).toThrow(expect.objectContaining({ code: 'report-set.unknown-job' }));
    expect(() => jobs.claim()).not.toThrow();
  });
});

describe('the folder a set is made in', () => {
  const at = new Date(2026, 10, 23, 9, 30);

  it('is named for the edition and the day', () => {
    expect(setFolderName('无锡市市长质量奖2025', 'zh', at)).toBe('无锡市市长质量奖2025-报告-2026-11-23');
    expect(setFolderName('无锡市市长质量奖2025', 'en', at)).toBe('无锡市市长质量奖2025-reports-2026-11-23');
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('has a name every file system accepts, whatever the edition is called', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (name) => {
        const folder = setFolderName(name, 'zh', at);
        expect(folder).not.toMatch(/[\\/:*?"<>|\p{Cc}]/u);
        expect(folder).not.toMatch(/^[.\s]/);
        expect(folder.endsWith('-报告-2026-11-23')).toBe(true);
        expect(folder.length).toBeLessThanOrEqual(100);
      }),
    );
    expect(setFolderName('../2025/信阳: 第一批', 'zh', at)).toBe('_2025_信阳_ 第一批-报告-2026-11-23');
    expect(setFolderName('. !', 'zh', at)).toBe('!-报告-2026-11-23');
  });

  it('is always new: a name already taken gets -2, -3, and nothing of the user is touched', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'pingshen-folder-'));
    try {
      mkdirSync(join(parent, 'set'));
      expect(await newFolder(parent, 'set')).toBe(join(parent, 'set-2'));
      expect(await newFolder(parent, 'set')).toBe(join(parent, 'set-3'));
      expect(readdirSync(parent).sort()).toEqual(['set', 'set-2', 'set-3']);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe('the zip of a set', () => {
  const data = syntheticEdition(2);
  let made: MadeReportSet;
  beforeAll(async () => {
    made = await makeReportSet(syntheticSources(data), { editionId: data.edition.id, lang: 'zh', discloseScores: false });
  }, 60_000);

  it('unpacks to exactly the files makeReportSet made, byte for byte, the ranking among them', () => {
    const entries = unzipSync(zipReportSet(made));
    expect(Object.keys(entries).sort()).toEqual(made.files.map((f) => f.fileName).sort());
    for (const f of made.files) expect(entries[f.fileName]).toEqual(new Uint8Array(f.bytes));
    expect(Object.values(entries).every((b) => Buffer.from(b.subarray(0, 5)).toString('latin1') === '%PDF-')).toBe(true);
    expect(Object.keys(entries)).toContain(made.files.find((f) => f.kind === 'ranking')!.fileName);
  });
});

describe('the screen following a set', () => {
  it('asks until the set has finished, waiting between asks, and shows every answer', async () => {
    const answers: ReportSetStatus[] = [0, 2, 5].map((done) => ({
      jobId: 'j',
      done,
      total: 5,
      last: done === 0 ? null : `file-${done}.pdf`,
      finished: done === 5,
      error: null,
      summary: null,
    }));
    const asked: unknown[] = [];
    const api = {
      call: async (name: string, input: unknown) => {
        asked.push([name, input]);
        return answers[asked.length - 1];
      },
    } as unknown as Api;
    const shown: ReportSetStatus[] = [];
    const waits: number[] = [];
    const last = await followReportSet(api, 'j', (s) => shown.push(s), async (ms) => void waits.push(ms));
    expect(last.done).toBe(5);
    expect(asked).toEqual(Array(3).fill(['reports.setStatus', { jobId: 'j' }]));
    expect(shown).toEqual(answers);
    expect(waits).toEqual([POLL_MS, POLL_MS]);
  });

  it('gives the size in MB in the reader’s language, never 0.0 for a real set', () => {
    expect(megabytes(9_437_184, 'zh')).toBe('9.0');
    expect(megabytes(1_234_567_890, 'zh')).toBe('1,177.4');
    expect(megabytes(1_234_567_890, 'en')).toBe('1,177.4');
    expect(megabytes(2_000, 'en')).toBe('0.1');
  });
});
