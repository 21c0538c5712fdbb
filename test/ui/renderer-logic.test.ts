import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CriteriaFramework } from '../../src-main/criteria/schema.js';
import type { Profile } from '../../src-main/profile/schema.js';
import { acceptable, strengthOf } from '../../src-renderer/components/passphrase.js';
import { viewerAction } from '../../src-renderer/components/pdf/keys.js';
import { opensShortcutSheet, PAD_SHORTCUTS, VIEWER_SHORTCUTS } from '../../src-renderer/components/shortcuts.js';
import { padAction } from '../../src-renderer/scoring/keys.js';
import { bandOf, categoryScore, itemScore, sheetTotal } from '../../src-main/scoring/sheet.js';
import { appendDigit, progress, refusalOf, stepPercent } from '../../src-renderer/scoring/totals.js';
import { formProblems, initialForm, toSettings } from '../../src-renderer/secretariat/settings-form.js';

const root = new URL('../../', import.meta.url);
const framework = JSON.parse(readFileSync(new URL('resources/criteria/gbt19580-2012.json', root), 'utf8')) as CriteriaFramework;
const profile = (id: string) => JSON.parse(readFileSync(new URL(`resources/profiles/${id}.json`, root), 'utf8')) as Profile;
const codes = framework.categories.flatMap((c) => c.items.map((i) => i.code));

describe('running totals', () => {
  it('score an item as points × percent (4.1.2 at 55 % = 27.5) and sum to 1000 at 100 %', () => {
    expect(itemScore(50, 55)).toBe(27.5);
    expect(itemScore(15, 55)).toBe(8.25);
    expect(itemScore(50, null)).toBe(0);
    const all = Object.fromEntries(codes.map((c) => [c, 100]));
    expect(sheetTotal(framework, all)).toBe(1000);
    expect(progress(framework, all)).toEqual({ scored: 23, total: 23 });
    expect(categoryScore(framework.categories[0]!, all)).toBe(110);
  });

  it('the overall total is the sum of the category totals, whatever the percentages', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 20 }).map((n) => n * 5)), { minLength: codes.length, maxLength: codes.length }), (ps) => {
        const percents = Object.fromEntries(codes.map((c, i) => [c, ps[i] ?? null]));
        const sum = framework.categories.reduce((s, c) => s + Math.round(categoryScore(c, percents) * 100), 0) / 100;
        expect(sheetTotal(framework, percents)).toBe(sum);
        expect(sheetTotal(framework, percents)).toBeLessThanOrEqual(1000);
      }),
    );
  });

  it('finds the band a percentage lies in', () => {
    expect(bandOf(framework.bands, 55)).toMatchObject({ min: 50, max: 65 });
    expect(bandOf(framework.bands, 0)).toMatchObject({ min: 0, max: 5 });
    expect(bandOf(framework.bands, 100)).toMatchObject({ min: 90, max: 100 });
    expect(bandOf(framework.bands, null)).toBeNull();
  });
});

describe('keyboard entry', () => {
  it('steps on the 5 % grid within 0..100', () => {
    expect(stepPercent(null, 1, 5)).toBe(5);
    expect(stepPercent(null, -1, 5)).toBe(0);
    expect(stepPercent(95, 1, 5)).toBe(100);
    expect(stepPercent(100, 1, 5)).toBe(100);
    expect(stepPercent(0, -1, 5)).toBe(0);
  });

  it('builds one number from the digits typed, dropping leading zeros', () => {
    expect(appendDigit('', '5')).toBe('5');
    expect(appendDigit('5', '5')).toBe('55');
    expect(appendDigit('0', '5')).toBe('5');
    expect(appendDigit('100', '5')).toBe('1005');
  });

  it('refuses while typing a number no digit can make a score, and refuses off the grid once done', () => {
    // still typing: 1 may become 10, 3 may become 30, 10 may become 100
    for (const typed of ['1', '3', '10', '5', '9']) expect(refusalOf(typed, 5, false)).toBeNull();
    // on the grid: taken once done
    for (const typed of ['0', '5', '15', '55', '60', '95', '100']) {
      expect(refusalOf(typed, 5, false)).toBeNull();
      expect(refusalOf(typed, 5, true)).toBeNull();
    }
    // nothing can follow: refused there and then
    expect(refusalOf('150', 5, false)).toBe('above');
    expect(refusalOf('101', 5, false)).toBe('above');
    expect(refusalOf('1005', 5, false)).toBe('above');
    expect(refusalOf('37', 5, false)).toBe('off-grid');
    expect(refusalOf('11', 5, false)).toBe('off-grid');
    // done: what is off the grid is refused too
    expect(refusalOf('3', 5, true)).toBe('off-grid');
    expect(refusalOf('1', 5, true)).toBe('off-grid');
    expect(refusalOf('', 5, true)).toBeNull();
  });

  it('refuses every number off the grid or above 100 and no number on it, whatever is typed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), (n) => {
        const typed = String(n);
        const valid = n <= 100 && n % 5 === 0;
        expect(refusalOf(typed, 5, true) === null).toBe(valid);
        // while typing, a valid number is never refused
        if (valid) expect(refusalOf(typed, 5, false)).toBeNull();
      }),
    );
  });

  it('maps keys to actions, and leaves shortcuts with modifiers to the browser', () => {
    const none = { ctrl: false, alt: false, meta: false };
    expect(padAction('ArrowDown', none)).toEqual({ kind: 'move', delta: 1 });
    expect(padAction('ArrowUp', none)).toEqual({ kind: 'move', delta: -1 });
    expect(padAction('+', none)).toEqual({ kind: 'step', direction: 1 });
    expect(padAction('ArrowLeft', none)).toEqual({ kind: 'step', direction: -1 });
    expect(padAction('7', none)).toEqual({ kind: 'digit', digit: '7' });
    expect(padAction('Delete', none)).toEqual({ kind: 'clear' });
    expect(padAction('Enter', none)).toEqual({ kind: 'commit' });
    expect(padAction('Escape', none)).toEqual({ kind: 'cancel' });
    expect(padAction('Tab', none)).toEqual({ kind: 'none' });
    expect(padAction('ArrowDown', { ...none, ctrl: true })).toEqual({ kind: 'none' });
  });
});

describe('the shortcut sheet', () => {
  const none = { ctrl: false, alt: false, meta: false };

  it('lists for the score pad what its keys do', () => {
    for (const row of PAD_SHORTCUTS) {
      if (!row.does) continue;
      const keys = row.range ? ['0', '5', '9'] : row.keys;
      for (const key of keys) {
        const expected = row.does.kind === 'digit' ? { kind: 'digit', digit: key } : row.does;
        expect(padAction(key, none), `${key}: ${row.label}`).toEqual(expected);
      }
    }
  });

  it('lists for the viewer what its keys do', () => {
    for (const row of VIEWER_SHORTCUTS) {
      for (const key of row.keys) {
        expect(viewerAction(key, { ...none, ctrl: row.ctrl === true }, false), `${key}: ${row.label}`).toEqual(row.does);
        if (row.ctrl) expect(viewerAction(key, { ...none, meta: true }, false)).toEqual(row.does);
      }
    }
  });

  it('opens on ? but not while typing in a text field', () => {
    const key = (k: string, target: unknown, mods: Partial<{ ctrlKey: boolean; isComposing: boolean }> = {}) =>
      opensShortcutSheet({ key: k, ctrlKey: false, altKey: false, metaKey: false, isComposing: false, target: target as EventTarget, ...mods });
    expect(key('?', { tagName: 'DIV' })).toBe(true);
    // the full-width question mark a Chinese input method gives
    expect(key('\uff1f', { tagName: 'BODY' })).toBe(true);
    expect(key('?', { tagName: 'TEXTAREA' })).toBe(false);
    expect(key('?', { tagName: 'INPUT' })).toBe(false);
    expect(key('?', { tagName: 'DIV', isContentEditable: true })).toBe(false);
    expect(key('?', { tagName: 'DIV' }, { ctrlKey: true })).toBe(false);
    expect(key('/', { tagName: 'DIV' })).toBe(false);
  });
});

describe('passphrase strength', () => {
  it('rates short, common and repetitive passphrases weak and long mixed ones strong', () => {
    expect(strengthOf('aaaaaaaaaaaa')).toBe(0);
    expect(strengthOf('password1234')).toBeLessThan(2);
    expect(strengthOf('correct horse battery staple')).toBeGreaterThanOrEqual(3);
    expect(strengthOf('评审专家二〇二五年无锡')).toBeGreaterThanOrEqual(3);
    expect(acceptable('Tr0ub4dor&3', 10)).toBe(true);
    expect(acceptable('Tr0ub4&3', 10)).toBe(false);
  });
});

describe('edition settings form', () => {
  it('asks only what the regulation leaves open and refuses weights that miss 100 %', () => {
    const hohhot = profile('hohhot-draft');
    const form = initialForm(hohhot);
    expect(Object.keys(form.weights)).toEqual(['material', 'site', 'defence']);
    expect(formProblems(hohhot, form)).toEqual(expect.arrayContaining(['weights-missing', 'shortlist-missing', 'panel-missing']));
    const filled = { ...form, weights: { material: 30, site: 50, defence: 10 }, shortlistSize: 10, panelMin: 5, panelMax: 7 };
    expect(formProblems(hohhot, filled)).toEqual(['weights-sum']);
    const good = { ...filled, weights: { material: 30, site: 50, defence: 20 } };
    expect(formProblems(hohhot, good)).toEqual([]);
    expect(toSettings(hohhot, good)).toEqual({
      weights: { material: 30, site: 50, defence: 20 },
      shortlistSize: 10,
      panelSize: { min: 5, max: 7 },
      trim: { enabled: false },
      disagreement: { enabled: false },
    });
  });

  it('sends no weight where the regulation fixes it (Xinyang 30/70)', () => {
    const xinyang = profile('xinyang-2022');
    const form = initialForm(xinyang);
    expect(formProblems(xinyang, form)).toEqual([]);
    expect(toSettings(xinyang, form)).toEqual({ trim: { enabled: false }, disagreement: { enabled: false } });
  });
});
