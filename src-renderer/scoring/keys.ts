/** What a key does on the score pad, kept apart from React so it can be tested. */
export type PadAction =
  | { kind: 'move'; delta: number }
  | { kind: 'step'; direction: 1 | -1 }
  | { kind: 'digit'; digit: string }
  | { kind: 'clear' }
  | { kind: 'backspace' }
  | { kind: 'commit' }
  | { kind: 'cancel' }
  | { kind: 'none' };

export function padAction(key: string, mods: { ctrl: boolean; alt: boolean; meta: boolean }): PadAction {
  if (mods.ctrl || mods.alt || mods.meta) return { kind: 'none' };
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return { kind: 'move', delta: 1 };
    case 'ArrowUp':
    case 'k':
      return { kind: 'move', delta: -1 };
    case 'PageDown':
      return { kind: 'move', delta: 5 };
    case 'PageUp':
      return { kind: 'move', delta: -5 };
    case 'ArrowRight':
    case '+':
    case '=':
      return { kind: 'step', direction: 1 };
    case 'ArrowLeft':
    case '-':
    case '_':
      return { kind: 'step', direction: -1 };
    case 'Delete':
      return { kind: 'clear' };
    case 'Backspace':
      return { kind: 'backspace' };
    case 'Enter':
      return { kind: 'commit' };
    case 'Escape':
      return { kind: 'cancel' };
    default:
      return /^\d$/.test(key) ? { kind: 'digit', digit: key } : { kind: 'none' };
  }
}
