import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Localized } from '../../src-main/domain/localized.js';
import en from './en.json';
import zh from './zh.json';

/** Chinese first; English on request. The choice is remembered on this machine. */
export type Lang = 'zh' | 'en';
const LANG_KEY = 'pingshen.lang';

export function storedLang(storage: Pick<Storage, 'getItem'> | null): Lang {
  return storage?.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
}

export function rememberLang(storage: Pick<Storage, 'setItem'> | null, lang: Lang): void {
  storage?.setItem(LANG_KEY, lang);
}

export async function initI18n(lang: Lang): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { zh: { translation: zh }, en: { translation: en } },
    lng: lang,
    fallbackLng: 'zh',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  return i18next;
}

export async function switchLang(lang: Lang): Promise<void> {
  rememberLang(window.localStorage, lang);
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

/** Picks the current language's text of a {zh, en} value from the services. */
export function pick(text: Localized | null | undefined, lang: string): string {
  if (!text) return '';
  return lang.startsWith('en') ? text.en : text.zh;
}
