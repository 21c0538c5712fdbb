import { createStore } from 'zustand/vanilla';
import type { Stage } from '../../src-main/domain/words.js';

/** Where the user is. The app is one page; the address bar is not used (it carries the token). */
export type Route =
  | { screen: 'home' }
  | { screen: 'edition'; editionId: string; tab?: string }
  | { screen: 'sheet'; editionId: string; applicantId: string; stage: Stage }
  /** the panel leader's consensus: the list, or one applicant and stage */
  | { screen: 'consensus'; editionId: string; seat?: { applicantId: string; stage: Stage } };

export interface NavState {
  route: Route;
  go(route: Route): void;
  reset(): void;
}

export const navStore = createStore<NavState>()((set) => ({
  route: { screen: 'home' },
  go: (route) => set({ route }),
  reset: () => set({ route: { screen: 'home' } }),
}));
