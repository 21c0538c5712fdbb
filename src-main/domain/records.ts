import type { Localized } from './localized.js';

/**
 * Records that last: the words for archives and backups that the main process and the screens
 * share. Free of zod, so the renderer can import it.
 */

/**
 * What a caller passes to ask for a plain (unencrypted) archive: a sentence, not a flag, so that
 * no one asks for one by accident. The screens and the command line first show what it means.
 */
export const PLAIN_ARCHIVE_CONFIRMATION = 'I understand a plain archive can be read by anyone who has the file';

export const PLAIN_ARCHIVE_MEANING: Localized = {
  zh: '明文档案不加密：任何拿到这个文件的人（U 盘丢失、转交、误发）都能读到全部评分、评语、回避声明和专家的结果包内容。它仍有秘书处的签名，可以核验，但不保密。只有在档案将存放于受控的保密场所、且无法使用接收方密钥时才应如此。',
  en: 'A plain archive is not encrypted: anyone who gets the file (a lost USB stick, a copy passed on, a wrong address) can read every score, comment, recusal declaration and the content of the experts’ bundles. It is still signed by the secretariat and can be verified, but it keeps nothing secret. Choose it only when the archive will be kept in a controlled, secure place and no recipient key can be used.',
};

/** A backup older than this, with changes since, is no longer a recent one: the app reminds. */
export const BACKUP_REMINDER_DAYS = 7;
