import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONTRACT } from '../../src-main/ipc/contract.js';
import { dispatch } from '../../src-main/ipc/dispatcher.js';
import type { HostCtx } from '../../src-main/ipc/host.js';
import { Session } from '../../src-main/ipc/session.js';
import type { CallResult } from '../../src-main/ipc/types.js';
import { TEST_OPENERS } from '../services/fixtures.js';

/**
 * The contract as the renderer meets it: the real dispatcher over real encrypted stores.
 * What a user would notice: a bad call is refused with a message saying what is wrong, in both
 * languages, nothing changes, and no stack trace or internal path leaks out.
 */

const PASSPHRASE = 'contract test passphrase';

function newCtx(now?: () => number): HostCtx {
  const dir = mkdtempSync(join(tmpdir(), 'pingshen-contract-'));
  return { session: new Session(dir, TEST_OPENERS, now), host: { mode: 'browser', version: '0.0.0-test' } };
}

const open: HostCtx[] = [];
afterEach(() => {
  for (const ctx of open.splice(0)) ctx.session.dispose();
});

async function unlocked(role: 'secretariat' | 'expert', now?: () => number): Promise<HostCtx> {
  const ctx = newCtx(now);
  open.push(ctx);
  const created = await dispatch(ctx, 'session.create', { role, passphrase: PASSPHRASE });
  expect(created.ok).toBe(true);
  return ctx;
}

function refusal(result: CallResult<unknown>) {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

describe('the contract table', () => {
  it('declares for every call it lists who may make it, its input and output, and what it does', () => {
    for (const def of Object.values(CONTRACT)) {
      expect(['open', 'unlocked', 'secretariat', 'expert']).toContain(def.access);
      expect(typeof def.input.safeParse).toBe('function');
      expect(typeof def.output.safeParse).toBe('function');
      expect(typeof def.run).toBe('function');
    }
  });
});

describe('dispatch refuses what the contract does not allow', () => {
  it('refuses a call the contract does not list', async () => {
    const ctx = newCtx();
    open.push(ctx);
    for (const name of ['secretariat.dropEverything', 'constructor', '__proto__', 42, null]) {
      const error = refusal(await dispatch(ctx, name, {}));
      expect(error.code).toBe('call.unknown');
      expect(error.message.zh).toContain('没有名为');
      expect(error.message.en).toContain('There is no call named');
    }
  });

  it('refuses invalid input with the field and the reason, and changes nothing', async () => {
    const ctx = await unlocked('secretariat');
    const error = refusal(
      await dispatch(ctx, 'editions.create', { name: '2025年度', year: 'next year', profileId: 'wuxi-2024', frameworkId: 'gbt19580-2012', settings: {} }),
    );
    expect(error.code).toBe('input.invalid');
    expect(error.message.en).toMatch(/^The input is not valid: year: /);
    expect(error.message.zh).toMatch(/^输入有误：年度：/);
    expect(error.message.zh).toContain('未做任何更改');
    expect(`${error.message.zh} ${error.message.en}`).not.toContain('editions.create');
    const editions = await dispatch(ctx, 'editions.list', {});
    expect(editions).toEqual({ ok: true, value: [] });
  });

  it('refuses fields the contract does not know, so nothing slips through to a service', async () => {
    const ctx = await unlocked('expert');
    const error = refusal(await dispatch(ctx, 'editions.list', { sql: 'DROP TABLE editions' }));
    expect(error.code).toBe('input.invalid');
    expect(error.message.en).toContain('sql');
  });

  it('refuses a file given as a path instead of bytes', async () => {
    const ctx = await unlocked('expert');
    const error = refusal(await dispatch(ctx, 'packages.import', { file: { fileName: 'x.pspkg', bytes: '/etc/passwd' } }));
    expect(error.code).toBe('input.invalid');
    expect(error.message.en).toContain('file contents: missing');
    const traversal = refusal(await dispatch(ctx, 'packages.import', { file: { fileName: '../../evil.pspkg', bytes: new Uint8Array([1]) } }));
    expect(traversal.message.en).toContain('is not a file name');
  });

  it("refuses a call for the other role's store", async () => {
    const ctx = await unlocked('expert');
    const error = refusal(await dispatch(ctx, 'profiles.list', {}));
    expect(error.code).toBe('session.wrong-role');
    expect(error.message.zh).toContain('仅限秘书处');
    expect(error.message.en).toContain('Only the secretariat');
  });

  it('refuses store calls while locked', async () => {
    const ctx = newCtx();
    open.push(ctx);
    const error = refusal(await dispatch(ctx, 'store.enrollmentCode', {}));
    expect(error.code).toBe('session.locked');
  });

  it('refuses a passphrase shorter than the minimum when creating a store, and creates nothing', async () => {
    const ctx = newCtx();
    open.push(ctx);
    const error = refusal(await dispatch(ctx, 'session.create', { role: 'expert', passphrase: 'short' }));
    expect(error.code).toBe('input.invalid');
    expect(existsSync(ctx.session.storePath('expert'))).toBe(false);
  });

  it('passes a service refusal through with its own code, and an unexpected failure as a plain message', async () => {
    const ctx = await unlocked('expert');
    const wrong = refusal(await dispatch(ctx, 'editions.get', { editionId: 'no-such-edition' }));
    expect(wrong.code).not.toBe('internal');
    expect(JSON.stringify(wrong)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);

    const broken = vi.spyOn(CONTRACT['store.info'], 'run').mockImplementation(() => {
      throw new TypeError('secret internal detail at /home/x/file.ts:12');
    });
    const onUnexpected = vi.fn();
    const error = refusal(await dispatch(ctx, 'store.info', {}, { onUnexpected }));
    broken.mockRestore();
    expect(error.code).toBe('internal');
    expect(JSON.stringify(error)).not.toContain('secret internal detail');
    expect(onUnexpected).toHaveBeenCalledOnce();
  });

  it('writes no copy of an uploaded file anywhere in the data folder', async () => {
    const ctx = await unlocked('expert');
    const before = readdirSync(ctx.session.dataDir, { recursive: true }).sort();
    const error = refusal(await dispatch(ctx, 'packages.import', { file: { fileName: 'not-a-package.pspkg', bytes: new TextEncoder().encode('hello') } }));
    expect(error.code).not.toBe('internal');
    expect(error.message.en).not.toContain(ctx.session.dataDir);
    expect(readdirSync(ctx.session.dataDir, { recursive: true }).sort()).toEqual(before);
  });
});

describe('the session', () => {
  it('unlocks with the right passphrase only, and tells which stores exist', async () => {
    const ctx = await unlocked('secretariat');
    expect(await dispatch(ctx, 'session.lock', { reason: 'user' })).toMatchObject({ ok: true, value: { role: null, lockedBecause: 'user' } });
    const wrong = refusal(await dispatch(ctx, 'session.unlock', { role: 'secretariat', passphrase: 'not the passphrase' }));
    expect(wrong.code).not.toBe('internal');
    const status = await dispatch(ctx, 'session.unlock', { role: 'secretariat', passphrase: PASSPHRASE });
    expect(status).toMatchObject({ ok: true, value: { role: 'secretariat', stores: { secretariat: true, expert: false } } });
  });

  it('locks itself after the idle time, and says so', async () => {
    let now = 1_000_000;
    const ctx = await unlocked('expert', () => now);
    await dispatch(ctx, 'settings.set', { idleMinutes: 5 });
    now += 4 * 60_000;
    expect((await dispatch(ctx, 'store.info', {})).ok).toBe(true);
    now += 5 * 60_000 + 1;
    expect(ctx.session.checkIdle()).toBe(true);
    expect(refusal(await dispatch(ctx, 'store.info', {})).code).toBe('session.locked');
    expect(await dispatch(ctx, 'session.status', {})).toMatchObject({ ok: true, value: { role: null, lockedBecause: 'idle', idleMinutes: 5 } });
  });

  it('keeps the open store open when another unlock fails', async () => {
    const ctx = await unlocked('secretariat');
    await dispatch(ctx, 'session.create', { role: 'expert', passphrase: PASSPHRASE });
    await dispatch(ctx, 'session.unlock', { role: 'secretariat', passphrase: PASSPHRASE });
    expect(refusal(await dispatch(ctx, 'session.unlock', { role: 'expert', passphrase: 'not the passphrase' })).code).not.toBe('internal');
    expect(await dispatch(ctx, 'session.status', {})).toMatchObject({ ok: true, value: { role: 'secretariat' } });
    expect((await dispatch(ctx, 'editions.list', {})).ok).toBe(true);
  });

  it('locks only once the call already running is done, and refuses calls that arrive meanwhile', async () => {
    const ctx = await unlocked('secretariat');
    let finish!: () => void;
    const slow = ctx.session.running(() => new Promise<string>((resolve) => (finish = () => resolve('done'))));
    const locking = dispatch(ctx, 'session.lock', { reason: 'user' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ctx.session.role()).toBe('secretariat');
    expect(refusal(await dispatch(ctx, 'editions.list', {})).code).toBe('session.locked');
    finish();
    expect(await slow).toBe('done');
    expect(await locking).toMatchObject({ ok: true, value: { role: null, lockedBecause: 'user' } });
  });

  it('keeps the idle setting across restarts', async () => {
    const ctx = newCtx();
    open.push(ctx);
    await dispatch(ctx, 'settings.set', { idleMinutes: 42 });
    const again = new Session(ctx.session.dataDir, TEST_OPENERS);
    expect(again.settings().idleMinutes).toBe(42);
    again.dispose();
  });
});
