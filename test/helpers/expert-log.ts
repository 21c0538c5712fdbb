import { linkEntry, type ChainEntry } from '../../src-main/audit/chain.js';
import type { BundleDeclaration, BundleSheet } from '../../src-main/exchange/bundle.js';

/**
 * The audit log an expert's store would have written while declaring and scoring what a
 * bundle carries, for bundles made without an expert store (the bench's thousand experts, the
 * tests' forgeries). The secretariat checks bundles against their logs; this one agrees.
 */
export function expertLog(actor: string, editionId: string, sheets: BundleSheet[], declarations: BundleDeclaration[], at: string): ChainEntry[] {
  const log: ChainEntry[] = [];
  const add = (action: string, detail: Record<string, unknown>) => log.push(linkEntry(log.at(-1) ?? null, { at, actor, action, detail }));
  add('store.created', { role: 'expert' });
  for (const d of declarations) add('declaration.made', { editionId, applicantId: d.applicantId, conflict: d.conflict });
  for (const s of sheets) {
    add('sheet.opened', { sheetId: s.sheetId, applicantId: s.applicantId, stage: s.stage });
    for (const item of s.items) add('sheet.item-saved', { sheetId: s.sheetId, itemCode: item.itemCode, percent: item.percent });
    add('sheet.submitted', { sheetId: s.sheetId, applicantId: s.applicantId, stage: s.stage });
  }
  return log;
}
