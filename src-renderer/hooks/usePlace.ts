import { useEffect, useLayoutEffect, useState } from 'react';
import { useSession } from '../context/app-context.js';
import { afterNextPaint } from '../scoring/after-paint.js';
import { navStore, type Route } from '../stores/nav.js';
import { recallPlace, rememberPlace } from '../stores/place.js';

const useStoreFingerprint = () => useSession((s) => s.status?.info?.fingerprint ?? null);

let latest: (() => void) | null = null;

function writeLatest(): void {
  window.removeEventListener('pagehide', writeLatest);
  const write = latest;
  latest = null;
  write?.();
}

/**
 * Writes the place once the screen is painted, the last place asked for winning: moving
 * between items asks at every keystroke, and session storage took 1 to 1.5 ms of each move's
 * handlers. A page that goes writes it there and then.
 */
function rememberSoon(write: () => void): void {
  const scheduled = latest !== null;
  latest = write;
  if (scheduled) return;
  window.addEventListener('pagehide', writeLatest);
  afterNextPaint(writeLatest);
}

/**
 * Remembers the screen (and item) the expert is on, for a reload or the next unlock; not while
 * `settled` is false (a sheet still opening, which would forget the item it is to return to).
 */
export function useRememberPlace(route: Route, item: string | null = null, settled = true): void {
  const store = useStoreFingerprint();
  const key = JSON.stringify(route);
  useEffect(() => {
    if (store && settled) rememberSoon(() => rememberPlace(store, JSON.parse(key) as Route, item));
  }, [store, key, item, settled]);
}

/**
 * Takes the expert back to where they were when the store was last open in this tab (a reload,
 * or a lock then unlock, both land on the home screen). False until that is done, so that no
 * screen shows, and records itself as the place, before.
 */
export function useRestorePlace(): boolean {
  const store = useStoreFingerprint();
  const [ready, setReady] = useState(false);
  useLayoutEffect(() => {
    if (ready) return;
    const place = store ? recallPlace(store) : null;
    if (place && navStore.getState().route.screen === 'home') navStore.getState().go(place.route);
    setReady(true);
  }, [store, ready]);
  return ready;
}
