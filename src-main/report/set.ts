/**
 * makeReportSet: everything the secretariat prints for an edition in one go — each applicant's
 * feedback report (one file each: each goes to its own applicant), the committee's binder of
 * panel summaries (one file: every applicant's summary of every stage it was scored in), and the
 * ranking. Data is gathered here through the secretariat's service; the reports are rendered
 * on a few threads. All files are written to a hidden folder inside outDir and moved into place
 * only when every report has rendered: a failed run leaves outDir as it was.
 */
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { Localized } from '../domain/localized.js';
import type { ExpertService, SecretariatService } from '../services/api.js';
import { PingshenError } from '../domain/errors.js';
import { feedbackInput, panelBinderInput, rankingInput, sheetsByApplicant } from './assemble.js';
import { reportFingerprint } from './fingerprint.js';
import { M } from './messages.js';
import { defaultThreads, renderPool } from './pool.js';
import { SET_MESSAGES } from './set-messages.js';
import type { ReportInput, ReportLang } from './types.js';
import { fileNamePart, writeAtomically } from './write.js';

const OptionsSchema = z.strictObject({
  editionId: z.string().trim().min(1).max(100),
  lang: z.enum(['zh', 'en']),
  outDir: z.string().trim().min(1).max(4096),
  /** category scores in the feedback reports, as the secretariat chooses to disclose them */
  discloseScores: z.boolean().default(false),
  threads: z.int().min(1).max(8).optional(),
});

export type ReportSetOptions = z.input<typeof OptionsSchema> & { onProgress?: (p: ReportSetProgress) => void };

export interface ReportSetProgress {
  done: number;
  total: number;
  /** the file just rendered, by its name in outDir */
  name: string;
}

export interface SetFile {
  file: string;
  kind: 'feedback' | 'panel-binder' | 'ranking';
  applicantCode: string | null;
  bytes: number;
  pages: number;
  fingerprint: string;
}

export interface MadeReportSet {
  dir: string;
  files: SetFile[];
  bytes: number;
  pages: number;
}

interface Job {
  name: string;
  input: ReportInput;
  kind: SetFile['kind'];
  applicantCode: string | null;
}

/** Names that every file system accepts, and that say what each file is. */
function fileName(kind: SetFile['kind'], lang: ReportLang, code: string | null): string {
  const title = M.titles[kind][lang].replace(/\s+/g, '-');
  const safe = code === null ? '' : `-${fileNamePart(code).replace(/\s+/g, '_')}`;
  return `${title}${safe}.pdf`;
}

function jobs(svc: SecretariatService, editionId: string, lang: ReportLang, discloseScores: boolean): Job[] {
  const edition = svc.getEdition(editionId);
  const applicants = svc.listApplicants(edition.id);
  const experts = svc.listExperts(edition.id);
  const sheets = svc.listSheets(edition.id);
  const results = svc.results(edition.id);
  const list: Job[] = [];
  const sheetsOf = sheetsByApplicant(sheets);
  for (const applicant of applicants) {
    const mine = sheetsOf.get(applicant.id) ?? [];
    const feedback = feedbackInput({ edition, applicant, sheets: mine, results, discloseScores });
    list.push({ name: fileName('feedback', lang, applicant.code), input: feedback, kind: 'feedback', applicantCode: applicant.code });
  }
  const binder = panelBinderInput({ edition, applicants, experts, sheets, results });
  if (binder.summaries.length > 0) list.push({ name: fileName('panel-binder', lang, null), input: binder, kind: 'panel-binder', applicantCode: null });
  list.push({ name: fileName('ranking', lang, null), input: rankingInput({ edition, applicants, results }), kind: 'ranking', applicantCode: null });
  return list;
}

function parseOptions(options: unknown): z.output<typeof OptionsSchema> {
  const { onProgress: _callback, ...rest } = (options ?? {}) as Record<string, unknown>;
  const parsed = OptionsSchema.safeParse(rest);
  if (parsed.success) return parsed.data;
  const reasons = parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ');
  throw new PingshenError('report.invalid-request', M.errors.invalidRequest(reasons), { issues: parsed.error.issues });
}

export async function makeReportSet(svc: SecretariatService | ExpertService, options: ReportSetOptions): Promise<MadeReportSet> {
  const opts = parseOptions(options);
  if (svc.info().role !== 'secretariat') throw new PingshenError('report.forbidden', SET_MESSAGES.secretariatOnly);
  const list = jobs(svc as SecretariatService, opts.editionId, opts.lang, opts.discloseScores);
  const dir = resolve(opts.outDir);
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new PingshenError('report.write-failed', M.errors.writeFailed(dir, e instanceof Error && 'code' in e ? String(e.code) : String(e)), { cause: e });
  }
  const staging = await mkdtemp(join(dir, '.pingshen-set-'));
  const pool = renderPool(opts.threads ?? defaultThreads());
  const generatedAt = new Date();
  const made = new Map<Job, Omit<SetFile, 'file'>>();
  let failure: unknown = null;
  try {
    // the binder is as much work as dozens of feedback reports: started last, it would keep one
    // thread busy long after the others are done
    const queue = [...list.filter((j) => j.kind === 'panel-binder'), ...list.filter((j) => j.kind !== 'panel-binder')];
    await Promise.all(
      queue.map(async (job) => {
        try {
          const { pdf, pages } = await pool.render(job.input, opts.lang, generatedAt);
          if (failure !== null) return;
          await writeAtomically(join(staging, job.name), pdf);
          made.set(job, { kind: job.kind, applicantCode: job.applicantCode, bytes: pdf.byteLength, pages, fingerprint: reportFingerprint(job.input) });
          options.onProgress?.({ done: made.size, total: list.length, name: job.name });
        } catch (e) {
          if (failure !== null) return;
          failure = e instanceof PingshenError ? e : renderFailed(job, opts.lang, e);
          await pool.close();
        }
      }),
    );
    if (failure !== null) throw failure;
    const files: SetFile[] = [];
    for (const job of list) {
      const file = join(dir, job.name);
      await rename(join(staging, job.name), file);
      files.push({ file, ...made.get(job)! });
    }
    return { dir, files, bytes: files.reduce((s, f) => s + f.bytes, 0), pages: files.reduce((s, f) => s + f.pages, 0) };
  } finally {
    await pool.close();
    await rm(staging, { recursive: true, force: true });
  }
}

function renderFailed(job: Job, lang: ReportLang, e: unknown): PingshenError {
  const title = M.titles[job.kind];
  const what: Localized = job.applicantCode === null ? { zh: title.zh, en: title.en.toLowerCase() } : { zh: `申报单位 ${job.applicantCode} 的${title.zh}`, en: `${title.en.toLowerCase()} of ${job.applicantCode}` };
  const reason = e instanceof Error ? e.message : String(e);
  return new PingshenError('report.render-failed', SET_MESSAGES.renderFailed(what, reason), { file: job.name, lang, cause: e });
}
