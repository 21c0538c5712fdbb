import type { Api, CallInput, CallName, CallOutput } from '../../src-main/ipc/contract.js';
import type { CallResult } from '../../src-main/ipc/types.js';
import { fromWire, toWire } from '../../src-main/ipc/wire.js';
import { CallFailure, asCallFailure } from './errors.js';

/**
 * One Api for the screens, two ways to reach the main side: the Electron preload's
 * window.pingshen.call, or POST /rpc with the per-start token in browser mode. Both return the
 * same { ok, value | error } envelope from the same dispatcher.
 */

export const TOKEN_HEADER = 'x-pingshen-token';
const TOKEN_KEY = 'pingshen.token';

function unwrap<T>(result: CallResult<T>): T {
  if (result.ok) return result.value;
  throw new CallFailure(result.error);
}

export function electronApi(bridge: NonNullable<Window['pingshen']>): Api {
  return {
    async call<N extends CallName>(name: N, input: CallInput<N>) {
      let result: CallResult<CallOutput<N>>;
      try {
        result = (await bridge.call(name, input)) as CallResult<CallOutput<N>>;
      } catch (error) {
        throw asCallFailure(error);
      }
      return unwrap(result);
    },
  };
}

/**
 * Calls whose request must outlive the page: what the expert typed, sent as the window closes or
 * reloads. The browser lets such (keepalive) requests finish after the page is gone, within a
 * budget of 64 KiB of bodies in flight; beyond it a request goes as an ordinary one.
 */
const OUTLIVE_PAGE: ReadonlySet<string> = new Set<CallName>(['sheets.saveItem']);
export const KEEPALIVE_BUDGET = 60 * 1024;

export function browserApi(token: string, fetcher: typeof fetch = fetch): Api {
  let keptAlive = 0;
  return {
    async call<N extends CallName>(name: N, input: CallInput<N>) {
      let result: CallResult<CallOutput<N>>;
      const body = JSON.stringify(toWire({ name, input }));
      // bytes, not characters: Chinese text takes three each
      const size = OUTLIVE_PAGE.has(name) ? new TextEncoder().encode(body).length : 0;
      const keepalive = size > 0 && keptAlive + size <= KEEPALIVE_BUDGET;
      if (keepalive) keptAlive += size;
      try {
        const response = await fetcher('/rpc', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
          body,
          ...(keepalive ? { keepalive: true } : {}),
        });
        result = fromWire(await response.json()) as CallResult<CallOutput<N>>;
      } catch (error) {
        throw asCallFailure(error);
      } finally {
        if (keepalive) keptAlive -= size;
      }
      return unwrap(result);
    },
  };
}

/**
 * Browser mode's token arrives in the fragment (#token=…); it is kept for this tab only, so a
 * reload still works, and removed from the address bar so it is not copied around by accident.
 */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
    return match[1];
  }
  return storage.getItem(TOKEN_KEY);
}

export type Transport = { api: Api; mode: 'electron' | 'browser' } | { api: null; mode: 'browser'; problem: 'no-token' };

export function pickTransport(): Transport {
  if (window.pingshen) return { api: electronApi(window.pingshen), mode: 'electron' };
  const token = takeToken(window.location, window.sessionStorage, window.history);
  if (!token) return { api: null, mode: 'browser', problem: 'no-token' };
  return { api: browserApi(token), mode: 'browser' };
}
