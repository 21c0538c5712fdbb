import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CriteriaFramework } from '../../src-main/criteria/schema.js';
import type { ItemEntry, ItemScore, ScoreSheet } from '../../src-main/domain/review.js';
import { asCallFailure, type CallFailure } from '../transport/errors.js';
import { itemCodes } from '../../src-main/criteria/items.js';
import { appendDigit, refusalOf, stepPercent, typedNumber, type Refusal } from '../scoring/totals.js';

/**
 * The scoring workspace's state. What the expert typed (`items`) is the truth on screen and is
 * never thrown away; `saved` is what the store has confirmed. The indicator is derived from the
 * two: "saved at" only once every change is confirmed, "failed" while any change is not and its
 * last attempt failed. Saves of one item run one at a time, always sending the latest text. A
 * change saved at once (a score) is sent after the keystroke that made it is painted
 * (`afterPaint`): sending does not hold up the pad, and a keystroke that changes a score twice
 * (the number typed taken, then a step) sends it once.
 *
 * Digits typed on the pad build one number (`buffer`), taken when the expert is done with it:
 * Enter, a pause, or moving on. A number that cannot be a score (above 100, off the grid) is
 * refused there and then (`refused`, shown at the pad): the item keeps its value and nothing is
 * saved. Digits typed right after a refusal belong to the refused number ("1500"), not to a new one.
 */

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; error: CallFailure };

export interface ScoringDeps {
  save(input: { sheetId: string; itemCode: string } & ItemEntry): Promise<ItemScore>;
  now?: () => Date;
  /** how long typing in a comment field waits before saving */
  textDelayMs?: number;
  /** how long a pause in typing digits takes the number typed */
  typePauseMs?: number;
  /** runs the sending of the saves due now once the keystroke is painted; at once when not given */
  afterPaint?: (send: () => void) => void;
}

/** A number typed on the pad and not taken, with the reason. */
export interface RefusedEntry {
  code: string;
  typed: string;
  reason: Refusal;
}

export interface ScoringState {
  sheet: ScoreSheet | null;
  framework: CriteriaFramework | null;
  codes: string[];
  items: Record<string, ItemEntry>;
  saved: Record<string, ItemEntry>;
  selected: string | null;
  buffer: string;
  refused: RefusedEntry | null;
  inFlight: Record<string, true>;
  failed: Record<string, CallFailure>;
  lastSavedAt: Date | null;
  readOnly: boolean;

  load(sheet: ScoreSheet, framework: CriteriaFramework): void;
  select(code: string): void;
  move(delta: number): void;
  setPercent(percent: number | null): void;
  step(direction: 1 | -1): void;
  digit(d: string): void;
  /** takes the number typed (Enter); false when it was refused */
  commit(): boolean;
  /** drops the number being typed and any refusal shown (Esc) */
  cancel(): void;
  backspace(): void;
  editText(field: 'strengths' | 'opportunities', text: string): void;
  retry(): void;
  /** saves everything not yet confirmed; resolves when nothing is pending */
  flush(): Promise<void>;
  /**
   * The page is going (closed, reloaded, hidden): sends every change not yet confirmed at once,
   * even one typed while an earlier save of the item is on its way, since that earlier save's
   * answer may never come back to a page that no longer exists.
   */
  flushNow(): void;
  markSubmitted(sheet: ScoreSheet): void;
}

function same(a: ItemEntry | undefined, b: ItemEntry | undefined): boolean {
  return !!a && !!b && a.percent === b.percent && a.strengths === b.strengths && a.opportunities === b.opportunities;
}

export function saveStatus(s: Pick<ScoringState, 'items' | 'saved' | 'inFlight' | 'failed' | 'lastSavedAt'>): SaveStatus {
  const failedCodes = Object.keys(s.failed).filter((code) => !same(s.items[code], s.saved[code]));
  const first = failedCodes[0];
  if (first !== undefined) return { kind: 'failed', error: s.failed[first]! };
  const pending = Object.keys(s.items).some((code) => !same(s.items[code], s.saved[code]));
  if (pending || Object.keys(s.inFlight).length > 0) return { kind: 'saving' };
  return s.lastSavedAt ? { kind: 'saved', at: s.lastSavedAt } : { kind: 'idle' };
}

export function createScoringStore(deps: ScoringDeps): StoreApi<ScoringState> {
  const now = deps.now ?? (() => new Date());
  const textDelay = deps.textDelayMs ?? 600;
  const typePause = deps.typePauseMs ?? 900;
  const afterPaint = deps.afterPaint ?? ((send: () => void) => send());
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  // the pause after the last digit: it takes the number, or ends a refused one
  let pause: ReturnType<typeof setTimeout> | null = null;
  let absorbing = false;
  // what each item's save on its way carries
  const sending = new Map<string, ItemEntry>();
  const waiters: Array<() => void> = [];
  // the items whose save is due, waiting for the paint
  const due = new Set<string>();

  return createStore<ScoringState>()((set, get) => {
    function settleWaiters(): void {
      const s = get();
      const busy = Object.keys(s.inFlight).length > 0 || timers.size > 0;
      const dirtyNotFailed = s.codes.some((c) => !same(s.items[c], s.saved[c]) && !s.failed[c]);
      if (busy || dirtyNotFailed) return;
      for (const resolve of waiters.splice(0)) resolve();
    }

    async function saveNow(code: string, force = false): Promise<void> {
      const s = get();
      const sheet = s.sheet;
      if (!sheet || s.readOnly || (s.inFlight[code] && !force)) return;
      const draft = s.items[code];
      if (!draft || same(draft, s.saved[code])) {
        settleWaiters();
        return;
      }
      set({ inFlight: { ...s.inFlight, [code]: true } });
      sending.set(code, draft);
      try {
        await deps.save({ sheetId: sheet.id, itemCode: code, ...draft });
        if (sending.get(code) === draft) sending.delete(code);
        const { [code]: _done, ...inFlight } = get().inFlight;
        const { [code]: _cleared, ...failed } = get().failed;
        set({ inFlight, failed, saved: { ...get().saved, [code]: draft }, lastSavedAt: now() });
      } catch (error) {
        if (sending.get(code) === draft) sending.delete(code);
        const { [code]: _done, ...inFlight } = get().inFlight;
        set({ inFlight, failed: { ...get().failed, [code]: asCallFailure(error) } });
        settleWaiters();
        return;
      }
      // typed while the save was on its way: send the newer text too
      if (!same(get().items[code], get().saved[code]) && !timers.has(code)) await saveNow(code);
      settleWaiters();
    }

    function sendDue(): void {
      const codes = [...due];
      due.clear();
      for (const code of codes) void saveNow(code);
    }

    function schedule(code: string, delay: number): void {
      const existing = timers.get(code);
      if (existing) clearTimeout(existing);
      if (delay === 0) {
        timers.delete(code);
        const sendingSoon = due.size > 0;
        due.add(code);
        if (!sendingSoon) afterPaint(sendDue);
        return;
      }
      timers.set(
        code,
        setTimeout(() => {
          timers.delete(code);
          void saveNow(code);
        }, delay),
      );
    }

    function update(code: string, patch: Partial<ItemEntry>, delay: number): void {
      const s = get();
      if (s.readOnly) return;
      const current = s.items[code];
      if (!current) return;
      const { [code]: _stale, ...failed } = s.failed;
      set({ items: { ...s.items, [code]: { ...current, ...patch } }, failed });
      schedule(code, delay);
    }

    function stopTyping(): void {
      if (pause) clearTimeout(pause);
      pause = null;
      absorbing = false;
    }

    function refuse(code: string, typed: string, reason: Refusal): void {
      set({ buffer: '', refused: { code, typed, reason } });
    }

    /**
     * Takes the number being typed into the selected item, if it is one: true when there was
     * nothing to take or it was taken, false when it was refused (the item keeps its value).
     */
    function takeTyped(): boolean {
      stopTyping();
      const s = get();
      const code = s.selected;
      if (s.buffer === '' || !code || !s.framework || s.readOnly) {
        if (s.buffer !== '') set({ buffer: '' });
        return true;
      }
      const reason = refusalOf(s.buffer, s.framework.percentStep, true);
      if (reason) {
        refuse(code, s.buffer, reason);
        return false;
      }
      const percent = typedNumber(s.buffer);
      set({ buffer: '', refused: null });
      update(code, { percent }, 0);
      return true;
    }

    function restartPause(): void {
      if (pause) clearTimeout(pause);
      pause = setTimeout(() => {
        pause = null;
        if (absorbing) absorbing = false;
        else takeTyped();
      }, typePause);
    }

    return {
      sheet: null,
      framework: null,
      codes: [],
      items: {},
      saved: {},
      selected: null,
      buffer: '',
      refused: null,
      inFlight: {},
      failed: {},
      lastSavedAt: null,
      readOnly: false,

      load(sheet, framework) {
        stopTyping();
        for (const t of timers.values()) clearTimeout(t);
        timers.clear();
        due.clear();
        const codes = itemCodes(framework);
        const items: Record<string, ItemEntry> = {};
        for (const code of codes) {
          const found = sheet.items.find((i) => i.itemCode === code);
          items[code] = { percent: found?.percent ?? null, strengths: found?.strengths ?? '', opportunities: found?.opportunities ?? '' };
        }
        const firstOpen = codes.find((c) => items[c]!.percent === null) ?? codes[0] ?? null;
        set({
          sheet,
          framework,
          codes,
          items,
          saved: { ...items },
          selected: firstOpen,
          buffer: '',
          refused: null,
          inFlight: {},
          failed: {},
          lastSavedAt: null,
          readOnly: sheet.status === 'submitted',
        });
      },
      select(code) {
        if (!get().codes.includes(code) || !takeTyped()) return;
        set({ selected: code, refused: null });
      },
      move(delta) {
        const { codes } = get();
        if (codes.length === 0 || !takeTyped()) return;
        const selected = get().selected;
        const at = selected ? codes.indexOf(selected) : -1;
        const next = Math.min(codes.length - 1, Math.max(0, at + delta));
        set({ selected: codes[next] ?? null, refused: null });
      },
      setPercent(percent) {
        stopTyping();
        const code = get().selected;
        if (code) update(code, { percent }, 0);
        set({ buffer: '', refused: null });
      },
      step(direction) {
        if (!takeTyped()) return;
        const s = get();
        const code = s.selected;
        if (!code || !s.framework) return;
        update(code, { percent: stepPercent(s.items[code]?.percent, direction, s.framework.percentStep) }, 0);
        // every change of the store runs every figure's selector: none for nothing
        if (get().refused !== null) set({ refused: null });
      },
      digit(d) {
        const s = get();
        const code = s.selected;
        if (!code || !s.framework || s.readOnly || !/^\d$/.test(d)) return;
        if (absorbing && s.refused) {
          set({ refused: { ...s.refused, typed: appendDigit(s.refused.typed, d) } });
          restartPause();
          return;
        }
        const buffer = appendDigit(s.buffer, d);
        const reason = refusalOf(buffer, s.framework.percentStep, false);
        if (reason) {
          refuse(code, buffer, reason);
          absorbing = true;
        } else set({ buffer, refused: null });
        restartPause();
      },
      commit() {
        return takeTyped();
      },
      cancel() {
        stopTyping();
        set({ buffer: '', refused: null });
      },
      backspace() {
        const { buffer } = get();
        if (buffer === '') {
          stopTyping();
          set({ refused: null });
          return;
        }
        set({ buffer: buffer.slice(0, -1) });
        if (buffer.length > 1) restartPause();
        else stopTyping();
      },
      editText(field, text) {
        const code = get().selected;
        if (code) update(code, { [field]: text }, textDelay);
      },
      retry() {
        const s = get();
        set({ failed: {} });
        for (const code of s.codes) if (!same(s.items[code], s.saved[code])) schedule(code, 0);
      },
      flush() {
        // a number typed and not yet taken is taken now, if it is one
        takeTyped();
        for (const [code, t] of timers) {
          clearTimeout(t);
          timers.delete(code);
          void saveNow(code);
        }
        const s = get();
        for (const code of s.codes) if (!same(s.items[code], s.saved[code]) && !s.inFlight[code]) void saveNow(code);
        return new Promise<void>((resolve) => {
          waiters.push(resolve);
          settleWaiters();
        });
      },
      flushNow() {
        takeTyped();
        for (const [code, t] of timers) {
          clearTimeout(t);
          timers.delete(code);
        }
        const s = get();
        for (const code of s.codes) if (!same(s.items[code], s.saved[code]) && !same(s.items[code], sending.get(code))) void saveNow(code, true);
      },
      markSubmitted(sheet) {
        stopTyping();
        set({ sheet, readOnly: true, buffer: '' });
      },
    };
  });
}
