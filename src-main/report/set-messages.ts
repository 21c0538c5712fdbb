import type { Localized } from '../domain/localized.js';

/** What the report set says when it refuses or fails; the single reports' words are in messages.ts. */
export const SET_MESSAGES = {
  renderFailed: (what: Localized, reason: string): Localized => ({
    zh: `生成${what.zh}时出错（${reason}），报告集未写入任何文件。请检查该报告所依据的评审数据后重试。`,
    en: `Rendering the ${what.en} failed (${reason}); no file of the report set was written. Check the review data it is made from and try again.`,
  }),
};
