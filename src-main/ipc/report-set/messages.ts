import type { Localized } from '../../domain/localized.js';

/** What the report set's calls say when they refuse or fail. */
export const REPORT_SET_MESSAGES = {
  running: {
    zh: '全套报告正在生成，请等它完成后再开始新的一套。',
    en: 'A report set is still being made; wait for it to finish before starting another.',
  } satisfies Localized,
  unknownJob: {
    zh: '找不到这次报告生成任务（可能已锁定或已开始新的一套）。请重新生成全套报告。',
    en: 'This report set job is not known (the store may have been locked, or a new set started). Make the report set again.',
  } satisfies Localized,
  noDownload: {
    zh: '这套报告没有可下载的压缩包（已下载过，或尚未完成）。如需再次下载，请重新生成全套报告。',
    en: 'There is no zip to download for this report set (already downloaded, or not finished yet). To download again, make the set again.',
  } satisfies Localized,
  folderFailed: (parent: string, reason: string): Localized => ({
    zh: `无法在“${parent}”中新建报告文件夹（${reason}）。请选择一个可写入的文件夹后重试。`,
    en: `Could not create the report folder in "${parent}" (${reason}). Choose a folder you can write to and try again.`,
  }),
  unexpected: {
    zh: '生成全套报告时发生意外错误，未保存任何报告。请重试；若仍失败，请重启本软件。',
    en: 'An unexpected error stopped the report set; no report was saved. Try again; if it keeps failing, restart the app.',
  } satisfies Localized,
};
