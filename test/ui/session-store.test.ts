import { describe, expect, it } from 'vitest';
import type { Api, CallInput, CallName } from '../../src-main/ipc/contract.js';
import type { SessionStatus } from '../../src-main/ipc/types.js';
import { createSessionStore } from '../../src-renderer/stores/session.js';
import { browserApi, takeToken, TOKEN_HEADER } from '../../src-renderer/transport/transport.js';
import { CallFailure } from '../../src-renderer/transport/errors.js';
import { lockAware } from '../../src-renderer/transport/lock-aware.js';

/** The start screen's store and the browser transport, against fakes of the main side. */

const locked: SessionStatus = { role: null, stores: { secretariat: false, expert: true }, info: null, idleMinutes: 15, lockedBecause: null };

function fakeApi(answer: (name: CallName, input: unknown) => unknown): Api & { calls: [string, unknown][] } {
  const calls: [string, unknown][] = [];
  return {
    calls,
    async call<N extends CallName>(name: N, input: CallInput<N>) {
      calls.push([name, input]);
      const out = answer(name, input);
      if (out instanceof Error) throw out;
      return out as never;
    },
  };
}

describe('session store', () => {
  it('unlocks the chosen role and keeps a wrong passphrase error for the screen', async () => {
    const wrong = new CallFailure({ code: 'store.wrong-passphrase', message: { zh: '口令不对', en: 'Wrong passphrase' } });
    let attempts = 0;
    const api = fakeApi((name) => {
      if (name === 'app.info') return { name: 'Pingshen', version: '0', mode: 'browser', dataDir: '/d' };
      if (name === 'session.status') return locked;
      if (name === 'session.unlock') return ++attempts === 1 ? wrong : { ...locked, role: 'expert' };
      throw new Error(`unexpected ${name}`);
    });
    const store = createSessionStore(api);
    await store.getState().refresh();
    expect(store.getState().status?.stores.expert).toBe(true);
    expect(await store.getState().unlock('x')).toBe(false);
    store.getState().choose('expert');
    expect(await store.getState().unlock('first try')).toBe(false);
    expect(store.getState().error?.code).toBe('store.wrong-passphrase');
    expect(store.getState().busy).toBe(false);
    expect(await store.getState().unlock('second try')).toBe(true);
    expect(store.getState().status?.role).toBe('expert');
    expect(store.getState().error).toBeNull();
    expect(api.calls.filter(([n]) => n === 'session.unlock')).toEqual([
      ['session.unlock', { role: 'expert', passphrase: 'first try' }],
      ['session.unlock', { role: 'expert', passphrase: 'second try' }],
    ]);
  });

  it('keeps a new store’s recovery code apart from its status until forgotten', async () => {
    const code = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789';
    const unlocked: SessionStatus = { ...locked, role: 'secretariat', stores: { secretariat: true, expert: true } };
    const api = fakeApi((name) => {
      if (name === 'session.create') return { ...unlocked, recoveryCode: code };
      throw new Error(`unexpected ${name}`);
    });
    const store = createSessionStore(api);
    store.getState().choose('secretariat');
    expect(await store.getState().create('a long enough passphrase')).toBe(true);
    expect(store.getState().recoveryCode).toBe(code);
    expect(store.getState().status).toEqual(unlocked);
    store.getState().forgetRecoveryCode();
    expect(store.getState().recoveryCode).toBeNull();
  });

  it('chooses the restored store’s role, so that it unlocks again after a lock, and none once the store is deleted', async () => {
    const unlocked: SessionStatus = { ...locked, role: 'secretariat', stores: { secretariat: true, expert: true } };
    const api = fakeApi((name) => {
      if (name === 'session.restore') return unlocked;
      if (name === 'session.deleteStore') return { ...locked, stores: { secretariat: false, expert: true } };
      throw new Error(`unexpected ${name}`);
    });
    const store = createSessionStore(api);
    expect(await store.getState().restore({ file: { fileName: 'b.psbackup', bytes: new Uint8Array([1]) }, proof: { passphrase: 'x' } })).toBe(true);
    expect(store.getState().chosenRole).toBe('secretariat');
    expect(await store.getState().deleteStore('FP')).toBe(true);
    expect(store.getState().chosenRole).toBeNull();
    expect(store.getState().status?.stores.secretariat).toBe(false);
  });

  it('a transport failure becomes a message the screen can show', async () => {
    const store = createSessionStore(fakeApi(() => new TypeError('fetch failed')));
    await store.getState().refresh();
    expect(store.getState().error?.code).toBe('transport');
    expect(store.getState().error?.localized.zh).toContain('无法连接');
  });
});

describe('a store locked by the main side', () => {
  it('sends the app back to the start screen on the first call refused as locked', async () => {
    let backToStart = 0;
    const api = lockAware(
      fakeApi((name) => (name === 'assignments.mine' ? new CallFailure({ code: 'session.locked', message: { zh: '已锁定', en: 'locked' } }) : [])),
      () => backToStart++,
    );
    await expect(api.call('assignments.mine', { editionId: 'e' })).rejects.toMatchObject({ code: 'session.locked' });
    expect(backToStart).toBe(1);
    await api.call('editions.list', {});
    expect(backToStart).toBe(1);
  });
});

describe('browser transport', () => {
  it('sends the token with every call and turns a refusal into a CallFailure', async () => {
    const seen: RequestInit[] = [];
    const fetcher = (async (_url: string, init: RequestInit) => {
      seen.push(init);
      return new Response(JSON.stringify({ ok: false, error: { code: 'call.unknown', message: { zh: '没有', en: 'none' } } }));
    }) as typeof fetch;
    const api = browserApi('tok123', fetcher);
    await expect(api.call('app.info', {})).rejects.toMatchObject({ code: 'call.unknown', localized: { en: 'none' } });
    expect((seen[0]!.headers as Record<string, string>)[TOKEN_HEADER]).toBe('tok123');
  });

  it('sends what the expert typed as a request that outlives the page, within the browser’s budget', async () => {
    const seen: Array<{ name: string; keepalive: boolean }> = [];
    const release: Array<() => void> = [];
    const fetcher = (async (_url: string, init: RequestInit) => {
      seen.push({ name: (JSON.parse(init.body as string) as { name: string }).name, keepalive: init.keepalive === true });
      await new Promise<void>((resolve) => release.push(resolve));
      return new Response(JSON.stringify({ ok: true, value: null }));
    }) as typeof fetch;
    const api = browserApi('tok', fetcher);
    const save = (text: string) => api.call('sheets.saveItem', { sheetId: 's', itemCode: '4.1.2', percent: 50, strengths: text, opportunities: '' });
    const pending = [save('方法系统'), api.call('editions.list', {}), save('优'.repeat(19_000)), save('展开充分'.repeat(2_000))];
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([
      { name: 'sheets.saveItem', keepalive: true },
      { name: 'editions.list', keepalive: false },
      { name: 'sheets.saveItem', keepalive: true },
      // 57 KB and 24 KB would pass 64 KiB in flight: this one goes as an ordinary request
      { name: 'sheets.saveItem', keepalive: false },
    ]);
    for (const r of release) r();
    await Promise.all(pending);
    // the budget is given back once the requests are done
    void save('再次保存');
    await new Promise((r) => setTimeout(r, 0));
    expect(seen.at(-1)).toEqual({ name: 'sheets.saveItem', keepalive: true });
    for (const r of release) r();
  });

  it('takes the token from the fragment, keeps it for the tab and clears the address bar', () => {
    const memory = () => {
      const store = new Map<string, string>();
      return { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
    };
    const storage = memory();
    let replaced = '';
    const history = { replaceState: (_s: unknown, _t: string, url: string) => void (replaced = url) } as unknown as History;
    const location = { hash: '#token=abc_DEF-123', pathname: '/', search: '' } as Location;
    expect(takeToken(location, storage, history)).toBe('abc_DEF-123');
    expect(replaced).toBe('/');
    expect(takeToken({ ...location, hash: '' } as Location, storage, history)).toBe('abc_DEF-123');
    expect(takeToken({ ...location, hash: '#token=<script>' } as Location, memory(), history)).toBeNull();
  });
});
