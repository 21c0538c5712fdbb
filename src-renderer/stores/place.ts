import { STAGES } from '../../src-main/domain/words.js';
import type { Route } from './nav.js';

/**
 * Where the expert was, so that a reload or a lock then unlock brings them back to the same
 * screen and item. Kept in the tab's session storage and tied to the store it belongs to: only
 * ids and an item code, never anything typed.
 */
export interface Place {
  /** the fingerprint of the store the place belongs to */
  store: string;
  route: Route;
  /** on a score sheet, the item the expert was on */
  item: string | null;
}

const KEY = 'pingshen.place';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

const defaultStorage = (): Storage | null => {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
};

export function rememberPlace(store: string, route: Route, item: string | null = null, storage: Storage | null = defaultStorage()): void {
  try {
    storage?.setItem(KEY, JSON.stringify({ store, route, item } satisfies Place));
  } catch {
    // a full or refused storage costs the place, never the work
  }
}

function isRoute(value: unknown): value is Route {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  if (r.screen === 'home') return true;
  if (r.screen === 'edition') return typeof r.editionId === 'string';
  if (r.screen === 'sheet') return typeof r.editionId === 'string' && typeof r.applicantId === 'string' && (STAGES as readonly unknown[]).includes(r.stage);
  return false;
}

/** The place remembered for this store, if any. */
export function recallPlace(store: string, storage: Storage | null = defaultStorage()): Place | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const place = JSON.parse(raw) as Partial<Place>;
    if (place.store !== store || !isRoute(place.route)) return null;
    return { store, route: place.route, item: typeof place.item === 'string' ? place.item : null };
  } catch {
    return null;
  }
}

/** The item remembered for this very sheet (same edition, applicant and stage). */
export function recallItem(store: string, route: Extract<Route, { screen: 'sheet' }>, storage: Storage | null = defaultStorage()): string | null {
  const place = recallPlace(store, storage);
  if (!place || place.route.screen !== 'sheet') return null;
  const r = place.route;
  return r.editionId === route.editionId && r.applicantId === route.applicantId && r.stage === route.stage ? place.item : null;
}
