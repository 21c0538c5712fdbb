import { z } from 'zod';
import { DownloadSchema } from '../../domain/files.js';
import { IdSchema } from '../../domain/values.js';
import { ReportRequestSchema } from '../../report/request.js';
import { storeCall } from '../call.js';
import { secretariatSources } from '../repo/report-sources.js';
import { expertSources } from './sources.js';

/** Reports (PDF): either role prints what its rules let it read; an expert only their own sheets. */
export const reportCalls = {
  'reports.make': storeCall({
    access: 'unlocked',
    input: ReportRequestSchema,
    output: DownloadSchema.extend({ pages: z.number().int(), fingerprint: z.string() }),
    async run(req, ctx) {
      // pdfmake and the fonts load only when a report is asked for, keeping every other call quick
      const { makeReport } = await import('../../report/service.js');
      const src = ctx.store.role === 'secretariat' ? secretariatSources(ctx) : expertSources(ctx);
      const made = await makeReport(src, req);
      return { fileName: made.fileName, bytes: made.pdf, pages: made.pages, fingerprint: made.fingerprint };
    },
  }),

  /** every feedback report, the committee's binder and the ranking, rendered on a few threads */
  'reports.makeSet': storeCall({
    access: 'secretariat',
    input: z.strictObject({ editionId: IdSchema, lang: z.enum(['zh', 'en']), discloseScores: z.boolean().default(false) }),
    output: z.strictObject({
      files: z.array(
        DownloadSchema.extend({
          kind: z.enum(['feedback', 'panel-binder', 'ranking']),
          applicantCode: z.string().nullable(),
          pages: z.number().int(),
          fingerprint: z.string(),
        }),
      ),
      size: z.number().int(),
      pages: z.number().int(),
    }),
    async run(i, ctx, aids) {
      const { makeReportSet } = await import('../../report/set.js');
      return makeReportSet(secretariatSources(ctx), { ...i, onProgress: (p) => aids.progress(p.done, p.total, p.name) });
    },
  }),
};
