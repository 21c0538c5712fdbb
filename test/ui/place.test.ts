import { describe, expect, it } from 'vitest';
import { recallItem, recallPlace, rememberPlace } from '../../src-renderer/stores/place.js';

/** Where the expert was, for a reload or a lock then unlock: ids and an item code, tied to one store. */

function memory() {
  const map = new Map<string, string>();
  return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

const sheet = { screen: 'sheet', editionId: 'e1', applicantId: 'a1', stage: 'material' } as const;

describe('the place the expert was on', () => {
  it('comes back for the same store, with the item of the same sheet', () => {
    const storage = memory();
    rememberPlace('FP-1', sheet, '4.2.3', storage);
    expect(recallPlace('FP-1', storage)).toEqual({ store: 'FP-1', route: sheet, item: '4.2.3' });
    expect(recallItem('FP-1', sheet, storage)).toBe('4.2.3');
    expect(recallItem('FP-1', { ...sheet, stage: 'site' }, storage)).toBeNull();
    rememberPlace('FP-1', { screen: 'edition', editionId: 'e1' }, null, storage);
    expect(recallPlace('FP-1', storage)?.route).toEqual({ screen: 'edition', editionId: 'e1' });
  });

  it('is not another store’s, and what is not a place is ignored', () => {
    const storage = memory();
    rememberPlace('FP-1', sheet, '4.2.3', storage);
    expect(recallPlace('FP-2', storage)).toBeNull();
    storage.setItem('pingshen.place', '{not json');
    expect(recallPlace('FP-1', storage)).toBeNull();
    storage.setItem('pingshen.place', JSON.stringify({ store: 'FP-1', route: { screen: 'sheet', editionId: 'e1', applicantId: 'a1', stage: 'nowhere' } }));
    expect(recallPlace('FP-1', storage)).toBeNull();
    expect(recallPlace('FP-1', null)).toBeNull();
  });

  it('holds ids and an item code only, never what was typed', () => {
    const storage = memory();
    rememberPlace('FP-1', sheet, '4.1.2', storage);
    expect(JSON.parse([...storage.map.values()][0]!)).toEqual({ store: 'FP-1', route: sheet, item: '4.1.2' });
  });
});
