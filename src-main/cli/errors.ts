import { CommanderError } from 'commander';
import type { Localized } from '../domain/localized.js';
import type { ImportRowError } from '../domain/files.js';
import { isPingshenError } from '../domain/errors.js';
import { pick, type Lang } from './output.js';

/** Exit codes: 2 = the command line or an input file is wrong; 1 = the operation was refused. */
export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;

/** A problem the CLI itself finds in what it was given (missing store path, unknown code…). */
export class UsageError extends Error {
  readonly localized: Localized;
  readonly exitCode: number = EXIT_USAGE;
  /** the command already printed its JSON result; stdout must stay one JSON document */
  readonly jsonEmitted: boolean;
  constructor(message: Localized, opts: { jsonEmitted?: boolean } = {}) {
    super(`${message.zh} / ${message.en}`);
    this.name = 'UsageError';
    this.localized = message;
    this.jsonEmitted = opts.jsonEmitted ?? false;
  }
}

/** Something the CLI checked and must refuse or report as failed (a broken audit chain…). */
export class RefusedError extends UsageError {
  override readonly exitCode: number = EXIT_REFUSED;
}

/**
 * Service error codes that mean "what you gave me is wrong" (a typo, a missing file, a value off
 * the grid) rather than "this may not be done": they exit 2 so scripts can tell the two apart.
 */
const INPUT_CODE =
  /^(input|xlsx)\.|\.(not-found|code-taken|name-taken|unreadable|off-grid|unknown-item|invalid|weak-passphrase|not-pdf|too-large)$/;

export interface ReportedError {
  exitCode: number;
  sentence: string;
  /** null when the command already wrote its JSON to stdout */
  json: { error: { code: string; message: string; rows?: { row: number; column?: string; reason: string }[] } } | null;
}

function rowErrorsOf(details: unknown): ImportRowError[] {
  const list = Array.isArray(details)
    ? details
    : details && typeof details === 'object' && Array.isArray((details as { rows?: unknown }).rows)
      ? (details as { rows: unknown[] }).rows
      : [];
  return list.filter(
    (r): r is ImportRowError =>
      !!r && typeof r === 'object' && typeof (r as ImportRowError).row === 'number' && !!(r as ImportRowError).reason,
  );
}

function rowLine(r: ImportRowError, lang: Lang): string {
  const where =
    lang === 'zh'
      ? `第 ${r.row} 行${r.column ? `（${r.column} 列）` : ''}`
      : `row ${r.row}${r.column ? ` (column ${r.column})` : ''}`;
  return `  ${where}: ${pick(r.reason, lang)}`;
}

export function describeError(e: unknown, lang: Lang): ReportedError {
  if (e instanceof UsageError) {
    const sentence = pick(e.localized, lang);
    const json = e.jsonEmitted ? null : { error: { code: e.exitCode === EXIT_USAGE ? 'usage' : 'refused', message: sentence } };
    return { exitCode: e.exitCode, sentence, json };
  }
  if (e instanceof CommanderError) {
    const sentence = e.message.replace(/^error:\s*/, '');
    return { exitCode: EXIT_USAGE, sentence, json: { error: { code: e.code, message: sentence } } };
  }
  if (isPingshenError(e)) {
    const rows = rowErrorsOf(e.details);
    const head = pick(e.localized, lang);
    const sentence = rows.length ? [head, ...rows.map((r) => rowLine(r, lang))].join('\n') : head;
    const exitCode = rows.length || INPUT_CODE.test(e.code) ? EXIT_USAGE : EXIT_REFUSED;
    const json: NonNullable<ReportedError['json']> = { error: { code: e.code, message: head } };
    if (rows.length) {
      json.error.rows = rows.map((r) => ({
        row: r.row,
        ...(r.column ? { column: r.column } : {}),
        reason: pick(r.reason, lang),
      }));
    }
    return { exitCode, sentence, json };
  }
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
    const path = (e as NodeJS.ErrnoException).path ?? '';
    const sentence =
      lang === 'zh' ? `无法读取或写入文件：${path}（请检查路径和权限）` : `Cannot read or write the file ${path} (check the path and permissions).`;
    return { exitCode: EXIT_USAGE, sentence, json: { error: { code: 'file', message: sentence } } };
  }
  const message = e instanceof Error ? e.message : String(e);
  const sentence =
    lang === 'zh' ? `意外错误：${message}（请把此信息报告给维护者）` : `Unexpected error: ${message} (please report this to the maintainers).`;
  return { exitCode: EXIT_REFUSED, sentence, json: { error: { code: 'unexpected', message: sentence } } };
}
