import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CriteriaFramework } from '../../src-main/criteria/schema.js';
import type { ItemEntry, ItemScore, ScoreSheet } from '../../src-main/domain/review.js';
import { asCallFailure, type CallFailure } from '../transport/errors.js';
import { itemCodes } from '../../src-main/criteria/items.js';
import { stepPercent, typeDigit } from '../scoring/totals.js';

/**
 * The scoring workspace's state. What the expert typed (`items`) is the truth on screen and is
 * never thrown away; `saved` is what the store has confirmed. The indicator is derived from the
 * two: "saved at" only once every change is confirmed, "failed" while any change is not and its
 * last attempt failed. Saves of one item run one at a time, always sending the latest text.
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
}

export interface ScoringState {
  sheet: ScoreSheet | null;
  framework: CriteriaFramework | null;
  codes: string[];
  items: Record<string, ItemEntry>;
  saved: Record<string, ItemEntry>;
  selected: string | null;
  buffer: string;
  offGrid: boolean;
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
  clearBuffer(): void;
  editText(field: 'strengths' | 'opportunities', text: string): void;
  retry(): void;
  /** saves everything not yet confirmed; resolves when nothing is pending */
  flush(): Promise<void>;
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
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const waiters: Array<() => void> = [];

  return createStore<ScoringState>()((set, get) => {
    function settleWaiters(): void {
      const s = get();
      const busy = Object.keys(s.inFlight).length > 0 || timers.size > 0;
      const dirtyNotFailed = s.codes.some((c) => !same(s.items[c], s.saved[c]) && !s.failed[c]);
      if (busy || dirtyNotFailed) return;
      for (const resolve of waiters.splice(0)) resolve();
    }

    async function saveNow(code: string): Promise<void> {
      const s = get();
      const sheet = s.sheet;
      if (!sheet || s.readOnly || s.inFlight[code]) return;
      const draft = s.items[code];
      if (!draft || same(draft, s.saved[code])) {
        settleWaiters();
        return;
      }
      set({ inFlight: { ...s.inFlight, [code]: true } });
      try {
        await deps.save({ sheetId: sheet.id, itemCode: code, ...draft });
        const { [code]: _done, ...inFlight } = get().inFlight;
        const { [code]: _cleared, ...failed } = get().failed;
        set({ inFlight, failed, saved: { ...get().saved, [code]: draft }, lastSavedAt: now() });
      } catch (error) {
        const { [code]: _done, ...inFlight } = get().inFlight;
        set({ inFlight, failed: { ...get().failed, [code]: asCallFailure(error) } });
        settleWaiters();
        return;
      }
      // typed while the save was on its way: send the newer text too
      if (!same(get().items[code], get().saved[code]) && !timers.has(code)) await saveNow(code);
      settleWaiters();
    }

    function schedule(code: string, delay: number): void {
      const existing = timers.get(code);
      if (existing) clearTimeout(existing);
      if (delay === 0) {
        timers.delete(code);
        void saveNow(code);
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

    return {
      sheet: null,
      framework: null,
      codes: [],
      items: {},
      saved: {},
      selected: null,
      buffer: '',
      offGrid: false,
      inFlight: {},
      failed: {},
      lastSavedAt: null,
      readOnly: false,

      load(sheet, framework) {
        for (const t of timers.values()) clearTimeout(t);
        timers.clear();
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
          offGrid: false,
          inFlight: {},
          failed: {},
          lastSavedAt: null,
          readOnly: sheet.status === 'submitted',
        });
      },
      select(code) {
        if (get().codes.includes(code)) set({ selected: code, buffer: '', offGrid: false });
      },
      move(delta) {
        const { codes, selected } = get();
        if (codes.length === 0) return;
        const at = selected ? codes.indexOf(selected) : -1;
        const next = Math.min(codes.length - 1, Math.max(0, at + delta));
        set({ selected: codes[next] ?? null, buffer: '', offGrid: false });
      },
      setPercent(percent) {
        const code = get().selected;
        if (code) update(code, { percent }, 0);
        set({ buffer: '', offGrid: false });
      },
      step(direction) {
        const s = get();
        const code = s.selected;
        if (!code || !s.framework) return;
        update(code, { percent: stepPercent(s.items[code]?.percent, direction, s.framework.percentStep) }, 0);
        set({ buffer: '', offGrid: false });
      },
      digit(d) {
        const s = get();
        const code = s.selected;
        if (!code || !s.framework || s.readOnly || !/^\d$/.test(d)) return;
        const typed = typeDigit(s.buffer, d, s.framework.percentStep);
        set({ buffer: typed.buffer, offGrid: typed.offGrid });
        if (typed.percent !== null) update(code, { percent: typed.percent }, 0);
      },
      clearBuffer() {
        set({ buffer: '', offGrid: false });
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
      markSubmitted(sheet) {
        set({ sheet, readOnly: true });
      },
    };
  });
}
