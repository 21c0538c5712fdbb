import { useEffect, useRef } from 'react';
import { useApp, useSession } from '../context/app-context.js';
import { runBeforeLock } from '../stores/before-lock.js';

const EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'scroll'] as const;
const TICK_MS = 15_000;

/**
 * Locks the store after the idle time set in settings. Reading a PDF makes no calls, so the
 * page reports activity (session.touch) while the user is active; the main side keeps its own
 * clock and locks on its own if the page goes quiet.
 */
export function useIdleLock(): void {
  const { api, session } = useApp();
  const role = useSession((s) => s.status?.role ?? null);
  const minutes = useSession((s) => s.status?.idleMinutes ?? 15);
  const last = useRef(Date.now());
  const reported = useRef(Date.now());

  useEffect(() => {
    if (!role) return;
    last.current = Date.now();
    const mark = () => {
      last.current = Date.now();
    };
    for (const e of EVENTS) window.addEventListener(e, mark, { passive: true, capture: true });
    const timer = setInterval(() => {
      const now = Date.now();
      if (now - last.current >= minutes * 60_000) {
        void runBeforeLock().then(() => session.getState().lock('idle'));
        return;
      }
      if (last.current > reported.current) {
        reported.current = now;
        void api.call('session.touch', {}).then(
          (status) => {
            if (!status.role) void session.getState().refresh();
          },
          () => undefined,
        );
      }
    }, TICK_MS);
    return () => {
      clearInterval(timer);
      for (const e of EVENTS) window.removeEventListener(e, mark, { capture: true });
    };
  }, [api, session, role, minutes]);
}
