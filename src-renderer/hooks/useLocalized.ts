import { useTranslation } from 'react-i18next';
import type { Localized } from '../../src-main/domain/localized.js';
import { pick } from '../i18n/index.js';

/** `l(value)` → the current language's text of a {zh, en} value. */
export function useLocalized(): (text: Localized | null | undefined) => string {
  const { i18n } = useTranslation();
  return (text) => pick(text, i18n.language);
}
