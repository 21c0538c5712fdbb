import type { PadAction } from '../scoring/keys.js';
import type { ViewerAction } from './pdf/keys.js';

/**
 * What the shortcut sheet lists: each row the keys as `padAction` and `viewerAction` read them
 * (KeyboardEvent.key values), what they do, and the message that says so. A test holds each row
 * to the key maps, so the sheet cannot promise what the keys do not do.
 */
export interface ShortcutRow<A> {
  keys: string[];
  /** the keys are a range (0 … 9), not alternatives */
  range?: boolean;
  /** pressed with Ctrl (⌘ on a Mac) */
  ctrl?: boolean;
  /** what the key map answers; absent for keys the page itself handles (Tab) */
  does?: A;
  label: string;
}

export const PAD_SHORTCUTS: ShortcutRow<PadAction>[] = [
  { keys: ['0', '9'], range: true, does: { kind: 'digit', digit: '5' }, label: 'shortcuts.pad.digits' },
  { keys: ['Enter'], does: { kind: 'commit' }, label: 'shortcuts.pad.commit' },
  { keys: ['Escape'], does: { kind: 'cancel' }, label: 'shortcuts.pad.cancel' },
  { keys: ['Backspace'], does: { kind: 'backspace' }, label: 'shortcuts.pad.backspace' },
  { keys: ['ArrowRight', '+', '='], does: { kind: 'step', direction: 1 }, label: 'shortcuts.pad.up' },
  { keys: ['ArrowLeft', '-'], does: { kind: 'step', direction: -1 }, label: 'shortcuts.pad.down' },
  { keys: ['ArrowDown', 'j'], does: { kind: 'move', delta: 1 }, label: 'shortcuts.pad.next' },
  { keys: ['ArrowUp', 'k'], does: { kind: 'move', delta: -1 }, label: 'shortcuts.pad.previous' },
  { keys: ['PageDown'], does: { kind: 'move', delta: 5 }, label: 'shortcuts.pad.next5' },
  { keys: ['PageUp'], does: { kind: 'move', delta: -5 }, label: 'shortcuts.pad.previous5' },
  { keys: ['Delete'], does: { kind: 'clear' }, label: 'shortcuts.pad.clear' },
  { keys: ['Tab'], label: 'shortcuts.pad.comments' },
];

export const VIEWER_SHORTCUTS: ShortcutRow<ViewerAction>[] = [
  { keys: ['PageDown', 'ArrowRight'], does: { kind: 'page', to: 'next' }, label: 'shortcuts.viewer.next' },
  { keys: ['PageUp', 'ArrowLeft'], does: { kind: 'page', to: 'previous' }, label: 'shortcuts.viewer.previous' },
  { keys: ['Home'], does: { kind: 'page', to: 'first' }, label: 'shortcuts.viewer.first' },
  { keys: ['End'], does: { kind: 'page', to: 'last' }, label: 'shortcuts.viewer.last' },
  { keys: ['+', '='], ctrl: true, does: { kind: 'zoom', to: 'in' }, label: 'shortcuts.viewer.zoomIn' },
  { keys: ['-'], ctrl: true, does: { kind: 'zoom', to: 'out' }, label: 'shortcuts.viewer.zoomOut' },
  { keys: ['0'], ctrl: true, does: { kind: 'zoom', to: 'fit' }, label: 'shortcuts.viewer.fit' },
  { keys: ['f'], ctrl: true, does: { kind: 'find' }, label: 'shortcuts.viewer.find' },
  { keys: ['Escape'], does: { kind: 'leave' }, label: 'shortcuts.viewer.leave' },
];

const NAMES: Record<string, string> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  PageDown: 'PgDn',
  PageUp: 'PgUp',
  Escape: 'Esc',
  Delete: 'Delete',
  Backspace: 'Backspace',
  '-': '−',
};

/** How a key reads on the sheet: arrows as arrows, letters in capitals. */
export function keyName(key: string): string {
  return NAMES[key] ?? (key.length === 1 ? key.toUpperCase() : key);
}

/** `?` opens the sheet, but not while typing where `?` is text. */
export function opensShortcutSheet(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'target' | 'isComposing'>): boolean {
  if (event.key !== '?' && event.key !== '\uff1f') return false;
  if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return false;
  const target = event.target as (Partial<HTMLElement> & { tagName?: string }) | null;
  if (!target) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  return !(tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable === true);
}
