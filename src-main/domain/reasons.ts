import { z } from 'zod';
import { PingshenError } from './errors.js';
import type { Localized } from './localized.js';

/**
 * Turns zod issues into reasons a secretary can act on, in both languages. Checks written by
 * hand (superRefine) carry their Chinese text in `params.zh`; zod's own issues get their Chinese
 * text from a second parse with zod's zh-CN locale, which reports the same issues in the same
 * order because the schema and the input are the same.
 */
export type Validation<T> = { ok: true; value: T } | { ok: false; reasons: Localized[] };

const zhLocale = z.locales.zhCN();

/**
 * 'form': what a clerk typed or picked (every call's input): a field is named as the form names
 * it, or not at all, never by its internal path. 'file': a file written by hand (a profile, a
 * criteria framework, settings given as JSON): a field without a name a clerk knows is given by
 * its path in the file, which is what its author needs to find it.
 */
export type Where = 'form' | 'file';

export function validate<T>(schema: z.ZodType<T>, input: unknown, where: Where = 'file'): Validation<T> {
  const en = schema.safeParse(input);
  if (en.success) return { ok: true, value: en.data };
  const zh = schema.safeParse(input, { error: zhLocale.localeError });
  const zhIssues = zh.success ? [] : zh.error.issues;
  const reasons = en.error.issues.map((issue, i): Localized => {
    const params = issue.code === 'custom' ? (issue.params as { zh?: unknown; field?: unknown } | undefined) : undefined;
    const custom = params?.zh;
    const zhText = typeof custom === 'string' ? custom : (zhIssues[i]?.message ?? issue.message);
    const field = fieldWords(issue.path, where);
    if ((typeof custom === 'string' && params?.field !== true) || field === null) return { zh: zhText, en: issue.message };
    return { zh: `${field.zh}：${zhText}`, en: `${field.en}: ${issue.message}` };
  });
  return { ok: false, reasons };
}

/** The fields a clerk types or picks, named as the forms and sheets name them. */
const FIELD_WORDS: Record<string, Localized> = {
  code: { zh: '编号', en: 'code' },
  name: { zh: '名称', en: 'name' },
  phone: { zh: '电话', en: 'phone' },
  email: { zh: '电子邮箱', en: 'e-mail' },
  contactName: { zh: '联系人', en: 'contact name' },
  contactPhone: { zh: '联系电话', en: 'contact phone' },
  contactEmail: { zh: '联系邮箱', en: 'contact e-mail' },
  organisation: { zh: '工作单位', en: 'organisation' },
  title: { zh: '职称', en: 'title' },
  industry: { zh: '产业', en: 'industry' },
  kind: { zh: '类别', en: 'kind' },
  year: { zh: '年度', en: 'year' },
  reason: { zh: '理由', en: 'reason' },
  fileName: { zh: '文件名', en: 'file name' },
  bytes: { zh: '文件内容', en: 'file contents' },
  file: { zh: '文件', en: 'file' },
  files: { zh: '文件', en: 'file' },
  issuingBody: { zh: '发文机关', en: 'issuing body' },
  timeZone: { zh: '时区', en: 'time zone' },
};

/**
 * The field an issue is about, in the words of the form: the innermost field a clerk knows by
 * name, with the row for a list ("第 2 项的文件名"). On a form a path of internal names
 * (file.fileName) is never shown: without a known field the reason stands alone.
 */
function fieldWords(path: readonly PropertyKey[], where: Where): Localized | null {
  if (path.length === 0) return null;
  const known = [...path].reverse().find((p): p is string => typeof p === 'string' && FIELD_WORDS[p] !== undefined);
  if (known === undefined) {
    if (where === 'form') return null;
    const raw = path.map(String).join('.');
    return { zh: raw, en: raw };
  }
  const words = FIELD_WORDS[known]!;
  const index = path.find((p): p is number => typeof p === 'number');
  return index === undefined ? words : { zh: `第 ${index + 1} 项的${words.zh}`, en: `${words.en} of item ${index + 1}` };
}

/** A hand-written issue about one field's value: the reason is prefixed with the field's name. */
export function addFieldReason(ctx: z.RefinementCtx, zh: string, en: string): void {
  ctx.addIssue({ code: 'custom', message: en, params: { zh, field: true } });
}

/** Adds a hand-written, bilingual issue from inside a superRefine. */
export function addReason(ctx: z.RefinementCtx, zh: string, en: string): void {
  ctx.addIssue({ code: 'custom', message: en, params: { zh } });
}

/** One message listing every reason, for a PingshenError. */
export function listReasons(reasons: Localized[]): Localized {
  return {
    zh: reasons.map((r) => r.zh).join('；'),
    en: reasons.map((r) => r.en).join('; '),
  };
}

/**
 * Parses a value crossing a boundary (a call, a file, a command line). A bad value lists every
 * reason and changes nothing.
 */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, what: Localized): T {
  const result = validate(schema, input);
  if (result.ok) return result.value;
  const list = listReasons(result.reasons);
  throw new PingshenError(
    'input.invalid',
    {
      zh: `${what.zh}无效：${list.zh}。请更正后重试，未做任何更改。`,
      en: `Invalid ${what.en}: ${list.en}. Correct it and try again; nothing was changed.`,
    },
    { reasons: result.reasons },
  );
}
