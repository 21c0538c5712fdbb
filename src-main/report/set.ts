/**
 * makeReportSet: everything the secretariat prints for an edition in one go — each applicant's
 * feedback report (one file each: each goes to its own applicant), the committee's binder of
 * panel summaries (one file: every applicant's summary of every stage it was scored in), and the
 * ranking. The reports are rendered on a few threads and held in memory until every one has
 * rendered; only then does a writer put them where the user chose (writeReportSet), whole or
 * not at all.
 */
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Localized } from '../domain/localized.js';
import { PingshenError } from '../domain/errors.js';
import { fileNamePart } from '../domain/file-names.js';
import { feedbackInput, panelBinderInput, rankingInput, sheetsByApplicant } from './assemble.js';
import { reportFingerprint } from './fingerprint.js';
import { M } from './messages.js';
import { defaultThreads, renderPool } from './pool.js';
import { SET_MESSAGES } from './set-messages.js';
import type { SecretariatSources } from './sources.js';
import type { ReportInput, ReportLang } from './types.js';
import { saveFile } from '../store/atomic-write.js';

export interface ReportSetOptions {
  editionId: string;
  lang: ReportLang;
  /** category scores in the feedback reports, as the secretariat chooses to disclose them */
  discloseScores: boolean;
  threads?: number;
  onProgress?: (p: ReportSetProgress) => void;
}

export interface ReportSetProgress {
  done: number;
  total: number;
  /** the file just rendered, by its name in the set */
  name: string;
}

export interface SetFile {
  /** the file's name in the set */
  fileName: string;
  bytes: Uint8Array;
  kind: 'feedback' | 'panel-binder' | 'ranking';
  applicantCode: string | null;
  pages: number;
  fingerprint: string;
}

export interface MadeReportSet {
  files: SetFile[];
  /** all files' bytes together */
  size: number;
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

function jobs(src: SecretariatSources, editionId: string, lang: ReportLang, discloseScores: boolean): Job[] {
  const edition = src.edition(editionId);
  const applicants = src.applicants(edition.id);
  const experts = src.experts(edition.id);
  const sheets = src.sheets(edition.id);
  const results = src.results(edition.id);
  const consensus = src.consensus(edition.id);
  const list: Job[] = [];
  const sheetsOf = sheetsByApplicant(sheets);
  for (const applicant of applicants) {
    const mine = sheetsOf.get(applicant.id) ?? [];
    const feedback = feedbackInput({ edition, applicant, sheets: mine, results, discloseScores, consensus });
    list.push({ name: fileName('feedback', lang, applicant.code), input: feedback, kind: 'feedback', applicantCode: applicant.code });
  }
  const binder = panelBinderInput({ edition, applicants, experts, sheets, results, panels: src.panels(edition.id), corrections: src.corrections(edition.id), consensus });
  if (binder.summaries.length > 0) list.push({ name: fileName('panel-binder', lang, null), input: binder, kind: 'panel-binder', applicantCode: null });
  list.push({ name: fileName('ranking', lang, null), input: rankingInput({ edition, applicants, results }), kind: 'ranking', applicantCode: null });
  return list;
}

export async function makeReportSet(src: SecretariatSources, opts: ReportSetOptions): Promise<MadeReportSet> {
  const list = jobs(src, opts.editionId, opts.lang, opts.discloseScores);
  const pool = renderPool(opts.threads ?? defaultThreads());
  const generatedAt = new Date();
  const made = new Map<Job, SetFile>();
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
          made.set(job, { fileName: job.name, bytes: pdf, kind: job.kind, applicantCode: job.applicantCode, pages, fingerprint: reportFingerprint(job.input) });
          opts.onProgress?.({ done: made.size, total: list.length, name: job.name });
        } catch (e) {
          if (failure !== null) return;
          failure = e instanceof PingshenError ? e : renderFailed(job, opts.lang, e);
          await pool.close();
        }
      }),
    );
    if (failure !== null) throw failure;
    const files = list.map((job) => made.get(job)!);
    return { files, size: files.reduce((s, f) => s + f.bytes.byteLength, 0), pages: files.reduce((s, f) => s + f.pages, 0) };
  } finally {
    await pool.close();
  }
}

/**
 * Writes a made set into dir: first into a hidden folder inside it, then each file moved into
 * place, so a failed write leaves dir as it was. Returns the files' paths.
 */
export async function writeReportSet(made: Pick<MadeReportSet, 'files'>, outDir: string): Promise<string[]> {
  const dir = resolve(outDir);
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new PingshenError('report.write-failed', M.errors.writeFailed(dir, e instanceof Error && 'code' in e ? String(e.code) : String(e)), { cause: e });
  }
  const staging = await mkdtemp(join(dir, '.pingshen-set-'));
  try {
    for (const f of made.files) saveFile(join(staging, f.fileName), f.bytes);
    const paths: string[] = [];
    for (const f of made.files) {
      const file = join(dir, f.fileName);
      await rename(join(staging, f.fileName), file);
      paths.push(file);
    }
    return paths;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

function renderFailed(job: Job, lang: ReportLang, e: unknown): PingshenError {
  const title = M.titles[job.kind];
  const what: Localized = job.applicantCode === null ? { zh: title.zh, en: title.en.toLowerCase() } : { zh: `申报单位 ${job.applicantCode} 的${title.zh}`, en: `${title.en.toLowerCase()} of ${job.applicantCode}` };
  const reason = e instanceof Error ? e.message : String(e);
  return new PingshenError('report.render-failed', SET_MESSAGES.renderFailed(what, reason), { file: job.name, lang, cause: e });
}
