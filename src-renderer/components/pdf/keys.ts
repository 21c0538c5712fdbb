/** What a key does in the materials viewer, kept apart from React so it can be tested. */
export type ViewerAction =
  | { kind: 'page'; to: 'next' | 'previous' | 'first' | 'last' }
  | { kind: 'zoom'; to: 'in' | 'out' | 'fit' }
  | { kind: 'find' }
  | { kind: 'leave' }
  | { kind: 'none' };

/**
 * Page keys turn whole pages, as in a reader. The up and down arrows are left to the browser,
 * so a page taller than the pane can still be read line by line; left and right turn pages
 * unless the page is zoomed wider than the pane and they are needed to scroll across.
 */
export function viewerAction(key: string, mods: { ctrl: boolean; alt: boolean; meta: boolean }, scrollsAcross: boolean): ViewerAction {
  if (mods.alt) return { kind: 'none' };
  if (mods.ctrl || mods.meta) {
    switch (key) {
      case '=':
      case '+':
        return { kind: 'zoom', to: 'in' };
      case '-':
        return { kind: 'zoom', to: 'out' };
      case '0':
        return { kind: 'zoom', to: 'fit' };
      case 'f':
      case 'F':
        return { kind: 'find' };
      default:
        return { kind: 'none' };
    }
  }
  switch (key) {
    case 'PageDown':
      return { kind: 'page', to: 'next' };
    case 'PageUp':
      return { kind: 'page', to: 'previous' };
    case 'Home':
      return { kind: 'page', to: 'first' };
    case 'End':
      return { kind: 'page', to: 'last' };
    case 'ArrowRight':
      return scrollsAcross ? { kind: 'none' } : { kind: 'page', to: 'next' };
    case 'ArrowLeft':
      return scrollsAcross ? { kind: 'none' } : { kind: 'page', to: 'previous' };
    case 'Escape':
      return { kind: 'leave' };
    default:
      return { kind: 'none' };
  }
}
