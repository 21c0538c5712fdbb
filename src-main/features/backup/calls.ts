import { z } from 'zod';
import { DownloadSchema } from '../../domain/files.js';
import { BACKUP_REMINDER_DAYS } from '../../domain/records.js';
import { IdSchema, IsoTimeSchema, Sha256Schema } from '../../domain/values.js';
import { sha256Hex } from '../../exchange/common.js';
import { makeBackup } from '../../store/backup.js';
import { storeCall } from '../call.js';
import { listEditionRows } from '../repo/editions.js';
import { insertBackup, lastChangeOfEdition, latestBackup } from '../repo/records.js';

/**
 * Backups (备份) of either role's store, to a file the user keeps apart (a USB stick): restored on
 * another machine with the passphrase or the recovery code (features/open.ts). The store keeps a
 * record of each, so the app can remind a secretariat of an edition changed since its last one.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export const backupCalls = {
  'backup.create': storeCall({
    access: 'unlocked',
    input: z.strictObject({}),
    output: DownloadSchema.extend({ sha256: Sha256Schema, size: z.number().int(), madeAt: IsoTimeSchema }),
    run(_i, ctx) {
      const editions = listEditionRows(ctx).map((e) => ({ id: e.id, name: e.name, year: e.year }));
      const { bytes, header } = makeBackup(ctx.store, editions);
      const made = {
        fileName: `pingshen-${ctx.store.role}-${header.madeAt.slice(0, 10)}.psbackup`,
        bytes,
        sha256: sha256Hex(bytes),
        size: bytes.byteLength,
        madeAt: header.madeAt,
      };
      ctx.change('store.backed-up', () => {
        insertBackup(ctx, { kind: 'made', at: header.madeAt, madeAt: header.madeAt, fileName: made.fileName, sha256: made.sha256, size: made.size, auditSeq: header.auditHead.seq });
        return { result: undefined, detail: { fileName: made.fileName, sha256: made.sha256, size: made.size, auditSeq: header.auditHead.seq } };
      });
      return made;
    },
  }),

  /** the last backup, and the editions changed since it when it is no longer recent: what the reminder names */
  'backup.status': storeCall({
    access: 'unlocked',
    input: z.strictObject({}),
    output: z.strictObject({
      last: z.strictObject({ kind: z.enum(['made', 'restored']), madeAt: IsoTimeSchema, fileName: z.string() }).nullable(),
      reminderDays: z.number().int(),
      /** editions changed since the last backup, while it is older than the reminder days (or there is none) */
      due: z.array(z.strictObject({ editionId: IdSchema, name: z.string(), changedAt: IsoTimeSchema })),
    }),
    run(_i, ctx) {
      const last = latestBackup(ctx);
      const recent = last !== undefined && Date.now() - Date.parse(last.madeAt) < BACKUP_REMINDER_DAYS * DAY_MS;
      const due = recent
        ? []
        : listEditionRows(ctx).flatMap((e) => {
            const change = lastChangeOfEdition(ctx, e.id, last?.auditSeq ?? 0);
            return change ? [{ editionId: e.id, name: e.name, changedAt: change.at }] : [];
          });
      return { last: last ? { kind: last.kind, madeAt: last.madeAt, fileName: last.fileName } : null, reminderDays: BACKUP_REMINDER_DAYS, due };
    },
  }),
};
