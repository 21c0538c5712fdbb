import type { ReportLang } from '../../report/types.js';
import type { Ctx } from '../context.js';
import { secretariatSources } from '../repo/report-sources.js';
import { getEdition } from '../repo/editions.js';

/**
 * Every report of the edition, for its archive: the report set (each applicant's feedback, the
 * committee's binder of panel summaries, the ranking), the recusal register, the import receipt,
 * where the rules have a committee vote the ballot, once the committee confirmed the proposed
 * award list its resolution, and once the committee, a notice or an objection has a record the
 * register of them. They read the tables as the reports feature's do (repo/report-sources.ts).
 */
export async function archiveReports(
  ctx: Ctx,
  editionId: string,
  lang: ReportLang,
  progress: (done: number, total: number, name: string) => void,
): Promise<{ fileName: string; bytes: Uint8Array }[]> {
  // pdfmake and the fonts load only when an archive is made
  const [{ makeReportSet }, { makeReport }] = await Promise.all([import('../../report/set.js'), import('../../report/service.js')]);
  const src = secretariatSources(ctx);
  const d = src.decisions(editionId);
  const registers = [
    'recusals',
    'receipt',
    // the ballot exists only under rules with a committee vote (Xinyang art. 21)
    ...(getEdition(ctx, editionId).profile.committeeVote ? (['ballot'] as const) : []),
    ...(d.confirmations.some((c) => c.subject === 'award-list') ? (['award-list'] as const) : []),
    ...([d.confirmations, d.settlements, d.tallies, d.notices, d.objections].some((records) => records.length > 0) ? (['decisions'] as const) : []),
  ] as const;
  const set = await makeReportSet(src, { editionId, lang, discloseScores: false, onProgress: (p) => progress(p.done, p.total + registers.length, p.name) });
  const files = set.files.map((f) => ({ fileName: f.fileName, bytes: f.bytes }));
  for (const kind of registers) {
    const made = await makeReport(src, { kind, editionId, lang });
    files.push({ fileName: made.fileName, bytes: made.pdf });
    progress(files.length, set.files.length + registers.length, made.fileName);
  }
  return files;
}
