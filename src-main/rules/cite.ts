import type { Localized } from '../domain/localized.js';

/** The article a rule comes from, split into its Chinese and English halves ("… / …"). */
export function cite(sources: Readonly<Record<string, string>>, rule: string): Localized {
  const source = sources[rule];
  if (!source) return { zh: '', en: '' };
  const [zh, ...en] = source.split(' / ');
  return { zh: `（依据：${zh}）`, en: ` (${en.length ? en.join(' / ') : zh})` };
}

/** Reasons a rule gives against a profile or a setting, collected so every one is reported. */
export type Reasons = Localized[];
