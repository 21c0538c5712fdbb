import { z } from 'zod';
import { BundleDownloadSchema, BundleOutcomeSchema, BundleRecordSchema, UploadSchema, type BundleOutcome } from '../../domain/files.js';
import { IdSchema } from '../../domain/values.js';
import { withBulkWrite } from '../../store/sqlcipher.js';
import { storeCall } from '../call.js';
import type { Ctx } from '../context.js';
import { listBundleRows } from '../repo/bundles.js';
import { exportBundle } from './export.js';
import { judgeOpened, judgingOrder, openOne, type Opened } from './intake.js';

/**
 * Result bundles (结果包): what an expert hands back, signed by the expert and sealed to the
 * secretariat. The secretariat opens and verifies each, then judges it against what it holds;
 * a bundle that fails anything is refused whole, with the reason.
 */

/** Exports from one store, one after the other: each takes the next sequence number. */
const exporting = new WeakMap<Ctx, Promise<unknown>>();

function oneAtATime<T>(ctx: Ctx, fn: () => Promise<T>): Promise<T> {
  const run = (exporting.get(ctx) ?? Promise.resolve()).then(fn, fn);
  exporting.set(ctx, run.catch(() => undefined));
  return run;
}

/**
 * Bundles are judged in batches inside one transaction: a commit of the encrypted store costs
 * tens of milliseconds (page encryption and fsync), far more than judging a bundle. Each bundle
 * still stands or falls whole: its writes are a savepoint of their own (nested ctx.tx/change).
 */
const JUDGE_BATCH = 25;

export const bundleCalls = {
  'bundles.export': storeCall({
    access: 'expert',
    input: z.strictObject({ editionId: IdSchema }),
    output: BundleDownloadSchema,
    run: (i, ctx) => oneAtATime(ctx, () => exportBundle(ctx, i.editionId)),
  }),

  'bundles.import': storeCall({
    access: 'secretariat',
    input: z.strictObject({ files: z.array(UploadSchema).min(1).max(200) }),
    output: z.array(BundleOutcomeSchema),
    run: (i, ctx, aids) =>
      withBulkWrite(ctx.db, async () => {
        const opened: Opened[] = [];
        for (const file of i.files) {
          opened.push(await openOne(ctx, file));
          // opening (decrypting, verifying) is the slow part; judging takes milliseconds
          aids.progress(opened.length, i.files.length);
        }
        // outcomes come back in the order the files were given, whatever order they were judged in
        const ordered = judgingOrder(opened);
        const outcomes = new Map<Opened, BundleOutcome>();
        for (let start = 0; start < ordered.length; start += JUDGE_BATCH) {
          ctx.tx(() => {
            for (const o of ordered.slice(start, start + JUDGE_BATCH)) outcomes.set(o, judgeOpened(ctx, o));
          });
        }
        return opened.map((o) => outcomes.get(o)!);
      }),
  }),

  'bundles.list': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema }),
    output: z.array(BundleRecordSchema),
    run: (i, ctx) => listBundleRows(ctx, i.editionId),
  }),
};
