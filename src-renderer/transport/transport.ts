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

export function browserApi(token: string, fetcher: typeof fetch = fetch): Api {
  return {
    async call<N extends CallName>(name: N, input: CallInput<N>) {
      let result: CallResult<CallOutput<N>>;
      try {
        const response = await fetcher('/rpc', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify(toWire({ name, input })),
        });
        result = fromWire(await response.json()) as CallResult<CallOutput<N>>;
      } catch (error) {
        throw asCallFailure(error);
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
