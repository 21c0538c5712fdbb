import { useCallback, useEffect, useState } from 'react';

/**
 * Full screen for the viewer: it always fills the app window, and asks for the screen as well.
 * The Electron shell refuses the fullscreen permission (it refuses every permission), so there
 * the window is what it fills; in a browser the screen is granted, and leaving it (Esc) leaves
 * the full view too.
 */
export function useFullView(): [boolean, (on: boolean) => void] {
  const [full, setFull] = useState(false);

  useEffect(() => {
    if (!full) return;
    const changed = () => {
      if (!document.fullscreenElement) setFull(false);
    };
    document.addEventListener('fullscreenchange', changed);
    return () => {
      document.removeEventListener('fullscreenchange', changed);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, [full]);

  const toggle = useCallback((on: boolean) => {
    setFull(on);
    if (on) void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }, []);

  return [full, toggle];
}
