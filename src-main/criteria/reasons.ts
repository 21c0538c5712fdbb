import { z } from 'zod';
import type { Localized } from '../domain/types.js';

/**
 * Turns zod issues into reasons a secretary can act on, in both languages. Checks written by
 * hand (superRefine) carry their Chinese text in `params.zh`; zod's own issues get their Chinese
 * text from a second parse with zod's zh-CN locale, which reports the same issues in the same
 * order because the schema and the input are the same.
 */
export type Validation<T> = { ok: true; value: T } | { ok: false; reasons: Localized[] };

const zhLocale = z.locales.zhCN();

export function validate<T>(schema: z.ZodType<T>, input: unknown): Validation<T> {
  const en = schema.safeParse(input);
  if (en.success) return { ok: true, value: en.data };
  const zh = schema.safeParse(input, { error: zhLocale.localeError });
  const zhIssues = zh.success ? [] : zh.error.issues;
  const reasons = en.error.issues.map((issue, i): Localized => {
    const custom = issue.code === 'custom' ? (issue.params as { zh?: unknown } | undefined)?.zh : undefined;
    const zhText = typeof custom === 'string' ? custom : (zhIssues[i]?.message ?? issue.message);
    const where = issue.path.map(String).join('.');
    if (typeof custom === 'string' || where === '') return { zh: zhText, en: issue.message };
    return { zh: `${where}：${zhText}`, en: `${where}: ${issue.message}` };
  });
  return { ok: false, reasons };
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

export const LocalizedSchema = z.strictObject({
  zh: z.string().trim().min(1),
  en: z.string().trim().min(1),
});
