import type { ApplicantKind, Industry, Stage } from '../domain/words.js';
import type { CandidateStatus } from '../domain/scores.js';
import type { Localized } from '../domain/localized.js';
import { formatStamp } from '../domain/time.js';

export type Lang = 'zh' | 'en';

export function pick(text: Localized, lang: Lang): string {
  return text[lang];
}

/**
 * Columns a character takes in a terminal: CJK ideographs, kana, hangul and full-width forms
 * take two, so Chinese names line up with ASCII codes in the same table.
 */
function charWidth(cp: number): number {
  if (cp === 0 || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200b) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0) ?? 0);
  return width;
}

export type Align = 'left' | 'right';

export function pad(text: string, width: number, align: Align = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

export interface Column<T> {
  header: Localized;
  value: (row: T) => string;
  align?: Align;
}

/** A plain aligned table: header, a rule, rows; two spaces between columns. */
export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[], lang: Lang): string {
  const headers = columns.map((c) => pick(c.header, lang));
  const cells = rows.map((row) => columns.map((c) => oneLine(c.value(row))));
  const widths = columns.map((_, i) =>
    Math.max(displayWidth(headers[i] ?? ''), ...cells.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (values: string[]) =>
    values
      .map((v, i) => pad(v, widths[i] ?? 0, columns[i]?.align ?? 'left'))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(headers), rule, ...cells.map(line)].join('\n');
}

/** Label–value lines, labels padded to one width. */
export function renderFields(fields: readonly [Localized, string][], lang: Lang): string {
  const labels = fields.map(([label]) => pick(label, lang));
  const width = Math.max(...labels.map(displayWidth));
  return fields.map(([, value], i) => `${pad(labels[i] ?? '', width)}  ${value}`).join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

export const DASH = '—';

export function fmtNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : value.toFixed(2);
}

export function fmtPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : `${value}%`;
}

/**
 * A time the way a Chinese user writes it, 2026-11-23 14:05, read in the edition's time zone
 * (Cli.timeZone), not the machine's: the PDFs and the screens say the same hour.
 */
export function fmtDate(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return DASH;
  if (Number.isNaN(new Date(iso).getTime())) return iso;
  return formatStamp(iso, timeZone);
}

export function truncate(text: string, maxWidth: number): string {
  if (displayWidth(text) <= maxWidth) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > maxWidth - 1) break;
    out += ch;
  }
  return `${out}…`;
}

const STAGE_NAMES: Record<Stage, Localized> = {
  material: { zh: '材料评审', en: 'material' },
  site: { zh: '现场评审', en: 'site' },
  defence: { zh: '陈述答辩', en: 'defence' },
};

export function stageName(stage: Stage, lang: Lang): string {
  return pick(STAGE_NAMES[stage], lang);
}

export function industryName(industry: Industry | null, lang: Lang): string {
  if (industry === null) return DASH;
  const zh = ['一', '二', '三'][industry - 1] ?? String(industry);
  return lang === 'zh' ? `${zh}产业` : `sector ${industry}`;
}

export function kindName(kind: ApplicantKind, lang: Lang): string {
  return pick(kind === 'unit' ? { zh: '单位', en: 'unit' } : { zh: '个人', en: 'individual' }, lang);
}

const STATUS_NAMES: Record<CandidateStatus, Localized> = {
  award: { zh: '质量奖候选', en: 'award candidate' },
  nomination: { zh: '提名奖候选', en: 'nomination candidate' },
  'tie-at-cap': { zh: '名额线并列', en: 'tied at the cap' },
  'below-floor': { zh: '未达分数线', en: 'below the floor' },
  'not-placed': { zh: '未入选', en: 'not placed' },
};

export function statusName(status: CandidateStatus, lang: Lang): string {
  return pick(STATUS_NAMES[status], lang);
}

export function yesNo(value: boolean | null, lang: Lang): string {
  if (value === null) return DASH;
  return pick(value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' }, lang);
}
