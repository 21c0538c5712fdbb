import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/ipc/dispatcher.js';
import type { Host, HostCtx } from '../../src-main/ipc/host.js';
import { localDay } from '../../src-main/ipc/report-set/folder.js';
import type { ReportSetStart, ReportSetStatus } from '../../src-main/ipc/report-set/types.js';
import { Session } from '../../src-main/ipc/session.js';
import type { Download } from '../../src-main/domain/files.js';
import type { CallResult } from '../../src-main/ipc/types.js';
import { pageTexts, squash } from '../report/pdf.js';
import { exportBundleFile, PASS, scoreAll, setupReview, TEST_OPENERS, upload, type Review } from '../services/fixtures.js';

/**
 * The full report set as the app asks for it, through the real dispatcher over a real encrypted
 * store with scored and imported sheets: started as a job, watched until done, then found in the
 * user's new folder (Electron) or taken as one zip (browser mode).
 */

const EDITION = '2025年信阳市市长质量奖';

let r: Review;
const sessions: Session[] = [];

beforeAll(async () => {
  r = await setupReview();
  for (const [i, expert] of r.stores.entries()) {
    for (const a of r.applicants) {
      scoreAll(expert, r.editionId, a.id, 'material', 60 + i * 5, '质量管理体系运行有效');
      scoreAll(expert, r.editionId, a.id, 'site', 70 - i * 5, '现场管理规范');
    }
    await r.sec.bundles.import({ files: [(await exportBundleFile(expert, r.editionId, join(r.dir, `e${i}.psbundle`))).file].map(upload) });
  }
  // the session opens the same store file, as the app would after a restart
  r.sec.close();
}, 120_000);

afterAll(() => {
  for (const s of sessions) s.dispose();
  r?.cleanup();
});

async function secretariat(host: Host): Promise<HostCtx> {
  const session = new Session(r.dir, TEST_OPENERS);
  sessions.push(session);
  await session.unlock('secretariat', PASS);
  return { session, host };
}

function value<T>(result: CallResult<unknown>): T {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message.en}`);
  return result.value as T;
}

function refusal(result: CallResult<unknown>) {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

async function untilFinished(ctx: HostCtx, jobId: string): Promise<ReportSetStatus[]> {
  const seen: ReportSetStatus[] = [];
  for (;;) {
    const status = value<ReportSetStatus>(await dispatch(ctx, 'reports.setStatus', { jobId }));
    seen.push(status);
    if (status.finished) return seen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';

/** The ranking is the one file naming every applicant. */
async function holdsRanking(pdfs: Uint8Array[]): Promise<boolean> {
  for (const pdf of pdfs) {
    const text = squash((await pageTexts(pdf)).join(''));
    if (r.applicants.every((a) => text.includes(a.code))) return true;
  }
  return false;
}

describe('the report set in browser mode', () => {
  const host: Host = { mode: 'browser', version: '0.0.0-test' };
  let ctx: HostCtx;
  let start: ReportSetStart & { started: true };
  let seen: ReportSetStatus[];

  beforeAll(async () => {
    ctx = await secretariat(host);
    start = value<ReportSetStart & { started: true }>(await dispatch(ctx, 'reports.setStart', { editionId: r.editionId, lang: 'zh' }));
    const second = refusal(await dispatch(ctx, 'reports.setStart', { editionId: r.editionId, lang: 'zh' }));
    expect(second.code).toBe('report-set.running');
    expect(second.message.zh).toContain('正在生成');
    seen = await untilFinished(ctx, start.jobId);
  }, 120_000);

  it('starts at once and refuses a second set while the first is being made', () => {
    expect(start.started).toBe(true);
    expect(start.folder).toBeNull();
    expect(seen.length).toBeGreaterThan(1);
  });

  it('reports progress file by file, up to the whole set, and a summary at the end', () => {
    const last = seen.at(-1)!;
    expect(last.error).toBeNull();
    expect(last.summary).not.toBeNull();
    const summary = last.summary!;
    expect(last.total).toBe(summary.files);
    expect(last.done).toBe(summary.files);
    expect(last.last).toMatch(/\.pdf$/);
    for (const s of seen) {
      if (s.total !== null) expect(s.done).toBeLessThanOrEqual(s.total);
    }
    const done = seen.map((s) => s.done);
    expect(done).toEqual(done.toSorted((a, b) => a - b));
    expect(summary.folder).toBeNull();
    expect(summary.zip?.fileName).toBe(`${EDITION}-报告-${localDay(new Date())}.zip`);
    expect(summary.pages).toBeGreaterThanOrEqual(summary.files);
  });

  let zip: Download;
  it('hands over one zip holding every PDF of the set, once, and leaves nothing on disk', async () => {
    const summary = seen.at(-1)!.summary!;
    zip = value<Download>(await dispatch(ctx, 'reports.setDownload', { jobId: start.jobId }));
    expect(zip.fileName).toBe(summary.zip!.fileName);
    expect(zip.bytes.byteLength).toBe(summary.zip!.size);
    const entries = unzipSync(zip.bytes);
    const names = Object.keys(entries);
    expect(names).toHaveLength(summary.files);
    expect(names.every((n) => n.endsWith('.pdf'))).toBe(true);
    expect(Object.values(entries).every(isPdf)).toBe(true);
    expect(Object.values(entries).reduce((s, b) => s + b.byteLength, 0)).toBe(summary.bytes);
    expect(await holdsRanking(Object.values(entries))).toBe(true);

    const again = refusal(await dispatch(ctx, 'reports.setDownload', { jobId: start.jobId }));
    expect(again.code).toBe('report-set.no-download');
    expect(value<ReportSetStatus>(await dispatch(ctx, 'reports.setStatus', { jobId: start.jobId })).summary?.zip).toBeNull();
    const tmp = join(r.dir, 'tmp');
    expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
  });

  it('forgets the job when the store is locked', async () => {
    expect(value<{ role: string | null }>(await dispatch(ctx, 'session.lock', { reason: 'user' })).role).toBeNull();
    await ctx.session.unlock('secretariat', PASS);
    const error = refusal(await dispatch(ctx, 'reports.setStatus', { jobId: start.jobId }));
    expect(error.code).toBe('report-set.unknown-job');
    expect(error.message.zh).toContain('请重新生成全套报告');
  });
});

describe('the report set in Electron', () => {
  const chosen = mkdtempSync(join(tmpdir(), 'pingshen-set-chosen-'));
  let answer: string | null = chosen;
  const host: Host = { mode: 'electron', version: '0.0.0-test', pickFolder: async () => answer };
  let ctx: HostCtx;
  beforeAll(async () => {
    ctx = await secretariat(host);
  });
  afterAll(() => rmSync(chosen, { recursive: true, force: true }));

  it('makes nothing when the user closes the folder dialog, and can start again after', async () => {
    answer = null;
    expect(value(await dispatch(ctx, 'reports.setStart', { editionId: r.editionId, lang: 'zh' }))).toEqual({ started: false });
    expect(readdirSync(chosen)).toEqual([]);
    answer = chosen;
  });

  it('writes the set into a new folder named for the edition and the day, inside the folder the user picked', async () => {
    const start = value<ReportSetStart & { started: true }>(await dispatch(ctx, 'reports.setStart', { editionId: r.editionId, lang: 'zh', discloseScores: true }));
    const folder = join(chosen, `${EDITION}-报告-${localDay(new Date())}`);
    expect(start.folder).toBe(folder);
    const last = (await untilFinished(ctx, start.jobId)).at(-1)!;
    expect(last.error).toBeNull();
    expect(last.summary).toMatchObject({ folder, zip: null });
    const files = readdirSync(folder);
    expect(files).toHaveLength(last.summary!.files);
    const pdfs = files.map((f) => new Uint8Array(readFileSync(join(folder, f))));
    expect(pdfs.every(isPdf)).toBe(true);
    expect(pdfs.reduce((s, b) => s + b.byteLength, 0)).toBe(last.summary!.bytes);
    expect(await holdsRanking(pdfs)).toBe(true);
    expect(readdirSync(chosen)).toEqual([basename(folder)]);

    const download = refusal(await dispatch(ctx, 'reports.setDownload', { jobId: start.jobId }));
    expect(download.code).toBe('report-set.no-download');
  }, 120_000);

  it('refuses a folder it cannot write into, saying so, and starts nothing', async () => {
    // a folder that vanished between the dialog and the start (an unplugged USB stick)
    answer = join(chosen, 'gone');
    const error = refusal(await dispatch(ctx, 'reports.setStart', { editionId: r.editionId, lang: 'en' }));
    expect(error.code).toBe('report-set.folder-failed');
    expect(error.message.en).toContain('Choose a folder you can write to');
    expect(readdirSync(chosen)).toHaveLength(1);
    answer = null;
    expect(value(await dispatch(ctx, 'reports.setStart', { editionId: r.editionId, lang: 'en' }))).toEqual({ started: false });
  });
});

describe('who may make a report set', () => {
  it('refuses an expert, at the door', async () => {
    const session = new Session(mkdtempSync(join(tmpdir(), 'pingshen-set-expert-')), TEST_OPENERS);
    sessions.push(session);
    const ctx: HostCtx = { session, host: { mode: 'browser', version: '0.0.0-test' } };
    expect(value<{ role: string }>(await dispatch(ctx, 'session.create', { role: 'expert', passphrase: PASS })).role).toBe('expert');
    for (const [name, input] of [
      ['reports.setStart', { editionId: r.editionId, lang: 'zh' }],
      ['reports.setStatus', { jobId: 'a'.repeat(24) }],
      ['reports.setDownload', { jobId: 'a'.repeat(24) }],
    ] as const) {
      const error = refusal(await dispatch(ctx, name, input));
      expect(error.code).toBe('session.wrong-role');
      expect(error.message.zh).toContain('仅限秘书处');
    }
    rmSync(session.dataDir, { recursive: true, force: true });
  });

  it('refuses an unknown job, an unknown edition and stray fields', async () => {
    const ctx = await secretariat({ mode: 'browser', version: '0.0.0-test' });
    const unknown = refusal(await dispatch(ctx, 'reports.setStatus', { jobId: 'f'.repeat(24) }));
    expect(unknown.code).toBe('report-set.unknown-job');
    expect(refusal(await dispatch(ctx, 'reports.setDownload', { jobId: 'f'.repeat(24) })).code).toBe('report-set.unknown-job');
    expect(refusal(await dispatch(ctx, 'reports.setStart', { editionId: 'no-such-edition', lang: 'zh' })).code).toBe('edition.not-found');
    const stray = refusal(await dispatch(ctx, 'reports.setStart', { editionId: r.editionId, lang: 'zh', outDir: '/tmp/elsewhere' }));
    expect(stray.code).toBe('input.invalid');
    const tmp = join(r.dir, 'tmp');
    expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
  });
});
