import { createStore } from 'zustand/vanilla';
import type { PackageChange } from '../../src-main/domain/package-changes.js';

/**
 * What the last imported review packages changed, per edition, kept until the expert has read
 * it and closed the list. Held in memory only: the texts name applicants and materials.
 */
export interface PackageNewsState {
  byEdition: Record<string, PackageChange[]>;
  record(editionId: string, changes: PackageChange[]): void;
  dismiss(editionId: string): void;
}

export const packageNewsStore = createStore<PackageNewsState>()((set, get) => ({
  byEdition: {},
  record(editionId, changes) {
    if (changes.length === 0) return;
    // a second package before the first list was read: both lists, oldest first
    const unread = get().byEdition[editionId] ?? [];
    set({ byEdition: { ...get().byEdition, [editionId]: [...unread, ...changes] } });
  },
  dismiss(editionId) {
    const { [editionId]: _read, ...rest } = get().byEdition;
    set({ byEdition: rest });
  },
}));
