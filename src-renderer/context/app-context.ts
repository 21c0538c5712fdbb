import { createContext, useContext } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Api } from '../../src-main/ipc/contract.js';
import type { SessionState } from '../stores/session.js';

/** What every screen needs from the app: the Api, the mode and the session store. */
export interface AppContextValue {
  api: Api;
  mode: 'electron' | 'browser';
  session: StoreApi<SessionState>;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('AppContext missing');
  return value;
}

export function useSession<T>(selector: (s: SessionState) => T): T {
  return useStore(useApp().session, selector);
}
