import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Upload } from '../../src-main/domain/files.js';
import type { Api } from '../../src-main/ipc/contract.js';
import { dispatch } from '../../src-main/ipc/dispatcher.js';
import type { HostCtx } from '../../src-main/ipc/host.js';
import { intakeJobs } from '../../src-main/ipc/intake.js';
import { Session } from '../../src-main/ipc/session.js';
import type { CallResult, IntakeStatus } from '../../src-main/ipc/types.js';
import { followIntake, INTAKE_CALL_BYTES, INTAKE_CALL_FILES, intakeCalls, INTAKE_POLL_MS } from '../../src-renderer/secretariat/intake.js';
import { exportBundleFile, PASS, scoreAll, setupReview, TEST_OPENERS, upload, type Review } from '../services/fixtures.js';

/**
 * The app's intake of result bundles (issue 15): many files in one call, run as a job of the
 * session with the service's own progress and batching, watched by the screen until it ends.
 */

let r: Review;
let bundles: Upload[];
const sessions: Session[] = [];

beforeAll(async () => {
  r = await setupReview();
  bundles = [];
  for (const [i, expert] of r.stores.entries()) {
    for (const a of r.applicants) scoreAll(expert, r.editionId, a.id, 'material', 60 + i * 5, '质量管理体系运行有效');
    bundles.push(upload((await exportBundleFile(expert, r.editionId, join(r.dir, `e${i}.psbundle`))).file));
  }
  r.sec.close();
}, 120_000);

afterAll(() => {
  for (const s of sessions) s.dispose();
  r?.cleanup();
});

async function secretariat(): Promise<HostCtx> {
  const session = new Session(r.dir, TEST_OPENERS);
  sessions.push(session);
  await session.unlock('secretariat', PASS);
  return { session, host: { mode: 'browser', version: '0.0.0-test' } };
}

function value<T>(result: CallResult<unknown>): T {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message.en}`);
  return result.value as T;
}

/** The renderer's Api over the real dispatcher. */
const apiOf = (ctx: HostCtx): Api => ({ call: async (name, input) => value(await dispatch(ctx, name, input)) as never });

describe('the intake job', () => {
  it('takes every file in one call, reports progress and gives each file its outcome in order', async () => {
    const ctx = await secretariat();
    const api = apiOf(ctx);
    const broken: Upload = { fileName: 'broken.psbundle', bytes: new Uint8Array([1, 2, 3]) };
    const { jobId } = await api.call('bundles.intakeStart', { files: [...bundles, broken] });
    const seen: IntakeStatus[] = [];
    const last = await followIntake(api, jobId, (s) => seen.push(s), () => new Promise((resolve) => setTimeout(resolve, 5)));
    expect(last).toMatchObject({ finished: true, done: bundles.length + 1, total: bundles.length + 1, error: null });
    expect(last.outcomes.map((o) => [o.fileName, o.status])).toEqual([...bundles.map((b) => [b.fileName, 'accepted']), ['broken.psbundle', 'refused']]);
    // progress only grows, and no status before the last claims to be finished
    const done = seen.map((s) => s.done);
    expect(done).toEqual(done.toSorted((a, b) => a - b));
    expect(seen.slice(0, -1).every((s) => !s.finished && s.outcomes.length === 0)).toBe(true);
    const records = value<{ status: string }[]>(await dispatch(ctx, 'bundles.list', { editionId: r.editionId }));
    expect(records.filter((b) => b.status === 'accepted')).toHaveLength(bundles.length);
  });

  it('runs one intake at a time, and the same bundles again are duplicates, not counted twice', async () => {
    const ctx = await secretariat();
    const api = apiOf(ctx);
    const { jobId } = await api.call('bundles.intakeStart', { files: bundles });
    const second = await dispatch(ctx, 'bundles.intakeStart', { files: bundles });
    expect(second).toMatchObject({ ok: false, error: { code: 'intake.running' } });
    const last = await followIntake(api, jobId, () => undefined, () => new Promise((resolve) => setTimeout(resolve, 5)));
    expect(last.outcomes.every((o) => o.status === 'duplicate')).toBe(true);
  });

  it('keeps the store open under a running intake: a lock waits for it to finish, then the job is forgotten', async () => {
    const ctx = await secretariat();
    let atClose: IntakeStatus | null = null;
    let jobId = '';
    // registered before the session's intake jobs are, so it sees the job as the store closes
    ctx.session.onStoreClosed(() => {
      if (atClose === null) atClose = intakeJobs(ctx.session).status(jobId);
    });
    jobId = value<{ jobId: string }>(await dispatch(ctx, 'bundles.intakeStart', { files: bundles })).jobId;
    await ctx.session.lock('user');
    expect(atClose).toMatchObject({ finished: true, error: null, done: bundles.length });
    await ctx.session.unlock('secretariat', PASS);
    expect(await dispatch(ctx, 'bundles.intakeStatus', { jobId })).toMatchObject({ ok: false, error: { code: 'intake.unknown-job' } });
  });

  it('refuses a call of more files than the contract takes, and a status for a job it never ran', async () => {
    const ctx = await secretariat();
    const tooMany = Array.from({ length: INTAKE_CALL_FILES + 1 }, () => bundles[0]!);
    expect(await dispatch(ctx, 'bundles.intakeStart', { files: tooMany })).toMatchObject({ ok: false });
    expect(await dispatch(ctx, 'bundles.intakeStatus', { jobId: 'nope' })).toMatchObject({ ok: false, error: { code: 'intake.unknown-job' } });
  });
});

describe('the screen splits a large pick into calls', () => {
  const files = (sizes: number[]) => sizes.map((size, i) => ({ name: `f${i}`, size }));

  it('as many files to a call as the contract takes, in the order picked', () => {
    const picked = files(Array.from({ length: 2 * INTAKE_CALL_FILES + 3 }, () => 1000));
    const calls = intakeCalls(picked);
    expect(calls.map((c) => c.length)).toEqual([INTAKE_CALL_FILES, INTAKE_CALL_FILES, 3]);
    expect(calls.flat()).toEqual(picked);
  });

  it('no call over the byte budget, except a single file larger than it, which goes alone', () => {
    const half = INTAKE_CALL_BYTES / 2;
    const calls = intakeCalls(files([half, half, 1, INTAKE_CALL_BYTES * 2, 1]));
    expect(calls.map((c) => c.map((f) => f.name))).toEqual([['f0', 'f1'], ['f2'], ['f3'], ['f4']]);
    expect(intakeCalls([])).toEqual([]);
  });

  it('polls at its interval until the job has finished', async () => {
    const statuses = [false, false, true].map((finished, i): IntakeStatus => ({ jobId: 'j', done: i, total: 2, finished, outcomes: [], error: null }));
    const waits: number[] = [];
    const api: Api = { call: async () => statuses.shift() as never };
    const last = await followIntake(api, 'j', () => undefined, async (ms) => void waits.push(ms));
    expect(last.finished).toBe(true);
    expect(waits).toEqual([INTAKE_POLL_MS, INTAKE_POLL_MS]);
  });
});
