import type { Localized } from './localized.js';

/**
 * How people are named wherever a person reads them (screens, PDFs, the command line, flags):
 * by the secretariat's code and the name, e.g. "E03 张伟", never by an internal id. Free of zod,
 * so that the renderer can name people the same way.
 */

export interface Named {
  code: string;
  name: string;
}

/** "E03 张伟" */
export function personName(p: Named): string {
  return `${p.code} ${p.name}`;
}

/** An expert the caller does not know (a seat or sheet that outlived its expert's record). */
export const UNLISTED_EXPERT: Localized = { zh: '未登记的专家', en: 'an unlisted expert' };

/** Names for ids, in both languages: the unknown ones as UNLISTED_EXPERT, never as the id. */
export function namer(people: readonly (Named & { id: string })[], unknown: Localized = UNLISTED_EXPERT): (id: string) => Localized {
  const byId = new Map(people.map((p) => [p.id, personName(p)]));
  return (id) => {
    const name = byId.get(id);
    return name === undefined ? unknown : { zh: name, en: name };
  };
}

/** "E03 张伟、E05 李娜" / "E03 张伟, E05 李娜" */
export function nameList(names: readonly Localized[]): Localized {
  return { zh: names.map((n) => n.zh).join('、'), en: names.map((n) => n.en).join(', ') };
}
