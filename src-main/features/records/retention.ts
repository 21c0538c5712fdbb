import type { Localized } from '../../domain/localized.js';
import { inRetention, retentionOf, retentionText, type Retention } from '../../rules/retention.js';
import type { Ctx } from '../context.js';
import { getEdition, listEditionRows } from '../repo/editions.js';
import { verifiedArchives, type ArchiveRecord } from '../repo/records.js';
import { currentRecordDigest } from './gather.js';

/**
 * Whether an edition's records may go: outside its retention period always; within it only once
 * this store has verified an archive that holds the edition as it stands now (an archive made
 * before a later change does not hold that change).
 */

/** The day in China, where the regulations' periods run, whatever the machine's zone. */
export function todayInChina(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export interface RetentionStanding {
  retention: Retention;
  text: Localized;
  inForce: boolean;
  /** the latest archive this store verified, and whether it still holds the edition as it stands */
  archive: (ArchiveRecord & { current: boolean }) | null;
  mayDelete: boolean;
  /** why not, when it may not be deleted */
  refusal: Localized | null;
}

export async function retentionStanding(ctx: Ctx, editionId: string): Promise<RetentionStanding> {
  const edition = getEdition(ctx, editionId);
  const retention = retentionOf(edition.profile, edition.year);
  const inForce = inRetention(retention, todayInChina());
  const latest = verifiedArchives(ctx, editionId)[0];
  const archive = latest ? { ...latest, current: latest.recordDigest === (await currentRecordDigest(ctx, editionId)) } : null;
  const mayDelete = !inForce || archive?.current === true;
  const text = retentionText(retention);
  let refusal: Localized | null = null;
  if (!mayDelete) {
    refusal = archive
      ? {
          zh: `“${edition.name}”仍在保存期内（${text.zh}），而本库核验过的档案制作于 ${archive.madeAt.slice(0, 10)}，此后本届又有改动，不再是完整的记录。请重新生成本届档案并核验后再删除；未做任何更改。`,
          en: `"${edition.name}" is within its retention period (${text.en}), and the archive this store verified was made on ${archive.madeAt.slice(0, 10)}; the edition changed since, so it no longer holds the whole record. Make a new archive of the edition and verify it before deleting; nothing was changed.`,
        }
      : {
          zh: `“${edition.name}”仍在保存期内（${text.zh}），且尚无经核验的本届档案。请先生成本届档案，并在本库中核验它，然后才能删除；未做任何更改。`,
          en: `"${edition.name}" is within its retention period (${text.en}) and no archive of it has been verified. Make the edition's archive and verify it in this store first; only then can it be deleted. Nothing was changed.`,
        };
  }
  return { retention, text, inForce, archive, mayDelete, refusal };
}

export interface StoreRetentionStanding {
  mayDelete: boolean;
  /** the editions that keep the store */
  blocking: { editionId: string; name: string; until: string | null }[];
  refusal: Localized | null;
}

/** Whether the whole store may go: not while any edition in it is kept by its period without a current verified archive. */
export async function storeRetentionStanding(ctx: Ctx): Promise<StoreRetentionStanding> {
  // an expert's laptop holds copies; the record the regulations keep is the secretariat's
  if (ctx.store.role !== 'secretariat') return { mayDelete: true, blocking: [], refusal: null };
  const blocking = [];
  for (const e of listEditionRows(ctx)) {
    const s = await retentionStanding(ctx, e.id);
    if (!s.mayDelete) blocking.push({ editionId: e.id, name: e.name, until: s.retention.until });
  }
  if (blocking.length === 0) return { mayDelete: true, blocking, refusal: null };
  const names = blocking.map((b) => `“${b.name}”（至 ${b.until}）`).join('、');
  const namesEn = blocking.map((b) => `"${b.name}" (until ${b.until})`).join(', ');
  return {
    mayDelete: false,
    blocking,
    refusal: {
      zh: `此库中的届次 ${names} 仍在保存期内，且没有经核验的完整档案，不能删除此库。请为每个届次生成档案并在本库中核验后再删除；未做任何更改。今天是 ${todayInChina()}。`,
      en: `The editions ${namesEn} in this store are within their retention periods and have no verified complete archive, so the store cannot be deleted. Make and verify each edition's archive in this store first; nothing was changed. Today is ${todayInChina()}.`,
    },
  };
}
