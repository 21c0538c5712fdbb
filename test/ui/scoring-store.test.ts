import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CriteriaFramework } from '../../src-main/criteria/schema.js';
import type { ItemEntry, ItemScore, ScoreSheet } from '../../src-main/domain/review.js';
import { createScoringStore, saveStatus } from '../../src-renderer/stores/scoring.js';
import { CallFailure } from '../../src-renderer/transport/errors.js';

/**
 * The scoring workspace's store, driven as the keyboard drives it, against a back end whose
 * answers the test releases one by one. What the expert would notice: every keystroke stays on
 * screen, "saved" appears only once the store has everything, a failure says so and a retry sends
 * what was typed.
 */

const framework = JSON.parse(readFileSync(new URL('../../resources/criteria/gbt19580-2012.json', import.meta.url), 'utf8')) as CriteriaFramework;
const codes = framework.categories.flatMap((c) => c.items.map((i) => i.code));

function sheet(status: 'draft' | 'submitted' = 'draft', items: ItemScore[] = []): ScoreSheet {
  return { id: 'sheet-1', editionId: 'e', expertId: 'x', applicantId: 'a', stage: 'material', status, submittedAt: null, items, total: 0, version: 1, returned: null, revisedFor: null };
}

type Call = { input: { itemCode: string } & ItemEntry; resolve(): void; reject(e: unknown): void };

function backEnd() {
  const calls: Call[] = [];
  const save = (input: { sheetId: string; itemCode: string } & ItemEntry) =>
    new Promise<ItemScore>((resolve, reject) => {
      calls.push({
        input,
        resolve: () => resolve({ itemCode: input.itemCode, percent: input.percent, strengths: input.strengths, opportunities: input.opportunities, updatedAt: 'now' }),
        reject,
      });
    });
  return { calls, save };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const failure = new CallFailure({ code: 'store.io', message: { zh: '磁盘已满', en: 'Disk full' } });

describe('scoring store', () => {
  it('opens on the first unscored item and moves with the arrows, staying inside the tree', () => {
    const store = createScoringStore(backEnd());
    store.getState().load(sheet('draft', [{ itemCode: codes[0]!, percent: 50, strengths: '', opportunities: '', updatedAt: 'x' }]), framework);
    expect(store.getState().selected).toBe(codes[1]);
    store.getState().move(-1);
    store.getState().move(-1);
    expect(store.getState().selected).toBe(codes[0]);
    store.getState().move(1000);
    expect(store.getState().selected).toBe(codes.at(-1));
  });

  describe('typing a number', () => {
    afterEach(() => vi.useRealTimers());

    it('takes a number on the 5 % grid on Enter, on a pause or on moving on, and steps by 5 %', () => {
      vi.useFakeTimers();
      const api = backEnd();
      const store = createScoringStore({ ...api, typePauseMs: 900 });
      store.getState().load(sheet(), framework);
      const s = () => store.getState();
      const percent = (i = 0) => s().items[codes[i]!]!.percent;
      s().digit('5');
      s().digit('5');
      expect(s().buffer).toBe('55');
      expect(percent()).toBeNull();
      expect(s().commit()).toBe(true);
      expect(percent()).toBe(55);
      s().step(1);
      expect(percent()).toBe(60);
      // a pause takes what was typed
      s().digit('7');
      s().digit('0');
      vi.advanceTimersByTime(899);
      expect(percent()).toBe(60);
      vi.advanceTimersByTime(1);
      expect(percent()).toBe(70);
      // moving on takes it too, into the item it was typed on
      s().digit('4');
      s().digit('5');
      s().move(1);
      expect(percent(0)).toBe(45);
      expect(s().selected).toBe(codes[1]);
      // and a step starts from it
      s().digit('2');
      s().digit('0');
      s().step(1);
      expect(percent(1)).toBe(25);
      for (let i = 0; i < 30; i++) s().step(1);
      expect(percent(1)).toBe(100);
      // Esc drops what was typed
      s().digit('3');
      s().digit('0');
      s().cancel();
      vi.advanceTimersByTime(5_000);
      expect(percent(1)).toBe(100);
      // what went to the store: values the expert chose, never a digit on its own
      expect(api.calls.map((c) => [c.input.itemCode, c.input.percent])).toEqual([
        [codes[0], 55],
        [codes[1], 20],
      ]);
    });

    it('refuses 150 and 37 at once, keeps the value the item had and saves nothing', () => {
      vi.useFakeTimers();
      const api = backEnd();
      const store = createScoringStore({ ...api, typePauseMs: 900 });
      store.getState().load(sheet('draft', [{ itemCode: codes[0]!, percent: 60, strengths: '', opportunities: '', updatedAt: 'x' }]), framework);
      const s = () => store.getState();
      s().select(codes[0]!);
      for (const d of '150') s().digit(d);
      expect(s().refused).toEqual({ code: codes[0], typed: '150', reason: 'above' });
      expect(s().items[codes[0]!]!.percent).toBe(60);
      // digits typed straight after belong to the refused number, not to a new one
      s().digit('0');
      expect(s().refused?.typed).toBe('1500');
      vi.advanceTimersByTime(10_000);
      expect(s().items[codes[0]!]!.percent).toBe(60);
      expect(s().refused?.typed).toBe('1500');

      s().digit('3');
      expect(s().refused).toBeNull();
      s().digit('7');
      expect(s().refused).toEqual({ code: codes[0], typed: '37', reason: 'off-grid' });
      vi.advanceTimersByTime(10_000);
      s().flush();
      expect(s().items[codes[0]!]!.percent).toBe(60);
      expect(api.calls).toHaveLength(0);
    });

    it('refuses a lone 3 once the expert is done with it, and stays on the item', () => {
      vi.useFakeTimers();
      const api = backEnd();
      const store = createScoringStore(api);
      store.getState().load(sheet(), framework);
      const s = () => store.getState();
      s().digit('3');
      expect(s().refused).toBeNull();
      s().move(1);
      expect(s().selected).toBe(codes[0]);
      expect(s().refused).toEqual({ code: codes[0], typed: '3', reason: 'off-grid' });
      expect(s().items[codes[0]!]!.percent).toBeNull();
      // the next key moves on; Backspace edits what is being typed
      s().move(1);
      expect(s().selected).toBe(codes[1]);
      s().digit('5');
      s().digit('5');
      s().backspace();
      s().digit('0');
      s().commit();
      expect(s().items[codes[1]!]!.percent).toBe(50);
      expect(api.calls.map((c) => c.input)).toEqual([expect.objectContaining({ itemCode: codes[1], percent: 50 })]);
    });

    it('sends a score once the keystroke is painted, and once for a number taken then stepped', () => {
      vi.useFakeTimers();
      const api = backEnd();
      const painted: Array<() => void> = [];
      const store = createScoringStore({ ...api, afterPaint: (send) => painted.push(send) });
      store.getState().load(sheet(), framework);
      const s = () => store.getState();
      s().digit('6');
      s().digit('5');
      // one keystroke: 65 taken, then stepped up to 70
      s().step(1);
      expect(s().items[codes[0]!]!.percent).toBe(70);
      expect(saveStatus(s()).kind).toBe('saving');
      expect(api.calls).toHaveLength(0);
      expect(painted).toHaveLength(1);
      painted.shift()!();
      expect(api.calls.map((c) => [c.input.itemCode, c.input.percent])).toEqual([[codes[0], 70]]);
      // the page going before the paint sends it all the same
      s().step(1);
      s().flushNow();
      expect(api.calls.map((c) => [c.input.itemCode, c.input.percent])).toEqual([
        [codes[0], 70],
        [codes[0], 75],
      ]);
      painted.shift()!();
      expect(api.calls).toHaveLength(2);
    });
  });

  it('says "saving" until the store has confirmed the latest keystroke, then "saved"', async () => {
    const api = backEnd();
    const store = createScoringStore({ ...api, textDelayMs: 0 });
    store.getState().load(sheet(), framework);
    expect(saveStatus(store.getState()).kind).toBe('idle');
    store.getState().setPercent(70);
    expect(saveStatus(store.getState()).kind).toBe('saving');
    store.getState().editText('strengths', '方法系统');
    await tick();
    // first save still out; the text change waits behind it
    expect(api.calls).toHaveLength(1);
    api.calls[0]!.resolve();
    await tick();
    expect(saveStatus(store.getState()).kind).toBe('saving');
    expect(api.calls).toHaveLength(2);
    expect(api.calls[1]!.input).toMatchObject({ percent: 70, strengths: '方法系统' });
    api.calls[1]!.resolve();
    await tick();
    expect(saveStatus(store.getState()).kind).toBe('saved');
  });

  it('keeps what was typed when a save fails, shows the failure, and a retry sends it', async () => {
    const api = backEnd();
    const store = createScoringStore(api);
    store.getState().load(sheet(), framework);
    store.getState().setPercent(45);
    await tick();
    api.calls[0]!.reject(failure);
    await tick();
    const status = saveStatus(store.getState());
    expect(status).toEqual({ kind: 'failed', error: failure });
    expect(store.getState().items[codes[0]!]!.percent).toBe(45);

    store.getState().retry();
    await tick();
    expect(api.calls).toHaveLength(2);
    expect(api.calls[1]!.input.percent).toBe(45);
    api.calls[1]!.resolve();
    await tick();
    expect(saveStatus(store.getState()).kind).toBe('saved');
  });

  it('waits for comments to pause before saving, and flush sends them at once', async () => {
    const api = backEnd();
    const store = createScoringStore({ ...api, textDelayMs: 60_000 });
    store.getState().load(sheet(), framework);
    store.getState().editText('opportunities', '展开不足');
    await tick();
    expect(api.calls).toHaveLength(0);
    const flushed = store.getState().flush();
    await tick();
    expect(api.calls).toHaveLength(1);
    let done = false;
    void flushed.then(() => (done = true));
    await tick();
    expect(done).toBe(false);
    api.calls[0]!.resolve();
    await flushed;
    expect(saveStatus(store.getState()).kind).toBe('saved');
  });

  it('sends everything at once when the page goes, even behind a save still on its way', async () => {
    const api = backEnd();
    const store = createScoringStore({ ...api, textDelayMs: 60_000 });
    store.getState().load(sheet(), framework);
    store.getState().setPercent(55);
    await tick();
    expect(api.calls).toHaveLength(1);
    // typed while the first save is out, and the window closes within the comment delay
    store.getState().editText('strengths', '临关窗前写下的优势');
    store.getState().move(1);
    store.getState().digit('6');
    store.getState().digit('0');
    store.getState().flushNow();
    await tick();
    expect(api.calls).toHaveLength(3);
    expect(api.calls.map((c) => c.input)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ itemCode: codes[0], percent: 55, strengths: '' }),
        expect.objectContaining({ itemCode: codes[0], percent: 55, strengths: '临关窗前写下的优势' }),
        expect.objectContaining({ itemCode: codes[1], percent: 60 }),
      ]),
    );
    for (const c of api.calls) c.resolve();
    await tick();
    await tick();
    expect(saveStatus(store.getState()).kind).not.toBe('failed');
  });

  it('changes nothing on a submitted sheet', async () => {
    const api = backEnd();
    const store = createScoringStore(api);
    store.getState().load(sheet('submitted', [{ itemCode: codes[0]!, percent: 80, strengths: 's', opportunities: 'o', updatedAt: 'x' }]), framework);
    store.getState().select(codes[0]!);
    store.getState().step(1);
    store.getState().digit('5');
    store.getState().editText('strengths', 'changed');
    await tick();
    expect(store.getState().items[codes[0]!]).toEqual({ percent: 80, strengths: 's', opportunities: 'o' });
    expect(api.calls).toHaveLength(0);
  });
});
