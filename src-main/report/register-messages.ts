/**
 * The words of the committee's ballot form and of the registers (recusals, changes after the
 * packages went out, the bundle receipt), part of report/messages.ts's M.
 */
import type { BundleRecord } from '../domain/files.js';
import type { Localized } from '../domain/localized.js';
import type { Declaration } from '../domain/review.js';
import { citeZh } from './book-title.js';

const ZH_NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const EN_ORDINAL_PLURAL: Record<number, string> = { 2: 'halves', 3: 'thirds', 4: 'quarters', 5: 'fifths' };
const EN_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "三分之二" / "two thirds", as the regulations word a voting threshold. */
function fraction(numerator: number, denominator: number): Localized {
  const zhNum = (n: number) => ZH_NUMERALS[n] ?? String(n);
  const plural = EN_ORDINAL_PLURAL[denominator];
  return {
    zh: `${zhNum(denominator)}分之${zhNum(numerator)}`,
    en: plural ? `${EN_NUMBERS[numerator] ?? numerator} ${plural}` : `${numerator}/${denominator}`,
  };
}

export const REGISTER_MESSAGES = {
  ballot: {
    rule: (regulation: Localized, numerator: number, denominator: number): Localized => {
      const f = fraction(numerator, denominator);
      return {
        zh: `依据${citeZh(regulation.zh)}，评委会以无记名投票方式表决，得票数达到投票人数的${f.zh}（含）以上为通过。`,
        en: `Under the ${regulation.en}, the committee decides by secret ballot; a candidate passes with at least ${f.en} of the voters' votes.`,
      };
    },
    instructions: {
      zh: '请对每个申报单位在“同意”“不同意”“弃权”中选择一项，在对应栏内划“✓”。本表不填写投票人姓名。',
      en: 'For each applicant mark one of Agree, Disagree or Abstain with a tick (✓). Do not write your name on this ballot.',
    },
    no: { zh: '序号', en: 'No.' },
    proposed: { zh: '拟推荐', en: 'Proposed for' },
    agree: { zh: '同意', en: 'Agree' },
    disagree: { zh: '不同意', en: 'Disagree' },
    abstain: { zh: '弃权', en: 'Abstain' },
    tallyTitle: { zh: '计票（由监票人、计票人填写）', en: 'Count (filled in by the scrutineer and the teller)' },
    voters: { zh: '投票人数（N）：', en: 'Number of voters (N):' },
    votersUnit: { zh: '人', en: '' },
    needed: (numerator: number, denominator: number): Localized => ({
      zh: `通过所需票数（N × ${numerator}/${denominator}，向上取整）：`,
      en: `Votes needed to pass (N × ${numerator}/${denominator}, rounded up):`,
    }),
    neededUnit: { zh: '票', en: '' },
    lookupTitle: { zh: '投票人数与通过所需票数对照', en: 'Votes needed by number of voters' },
    lookupVoters: { zh: '投票人数 N', en: 'Voters N' },
    lookupNeeded: { zh: '所需票数', en: 'Votes needed' },
    scrutineer: { zh: '监票人（签名）：', en: 'Scrutineer (signature):' },
    teller: { zh: '计票人（签名）：', en: 'Teller (signature):' },
    noCandidates: { zh: '没有进入候选名单的申报单位。', en: 'No applicant is on the candidate list.' },
  },

  recusals: {
    summary: (total: number, conflicts: number, imposed: number, clear: number): Localized => ({
      zh: `共 ${total} 条记录：回避 ${conflicts} 条（其中秘书处决定 ${imposed} 条），无利害关系声明 ${clear} 条。`,
      en: `${total} records: ${conflicts} recusals (${imposed} imposed by the secretariat), ${clear} declarations of no conflict.`,
    }),
    recusalsTitle: { zh: '一、回避', en: '1. Recusals' },
    clearTitle: { zh: '二、无利害关系声明', en: '2. Declarations of no conflict' },
    source: { zh: '来源', en: 'Source' },
    lifted: (at: string, reason: string): Localized => ({ zh: `已于 ${at} 撤销：${reason}`, en: `lifted on ${at}: ${reason}` }),
    sources: {
      expert: { zh: '专家声明', en: "Expert's declaration" },
      secretariat: { zh: '秘书处决定', en: 'Imposed by the secretariat' },
    } satisfies Record<Declaration['source'], Localized>,
  },

  corrections: {
    title: { zh: '附：评审包发出后的变更', en: 'Annex: changes after the review packages went out' },
    recusalsTitle: { zh: '三、评审包发出后的回避变更', en: '3. Recusals changed after the review packages went out' },
    change: { zh: '变更', en: 'Change' },
  },

  receipt: {
    summary: (total: number, accepted: number, superseded: number, refused: number): Localized => ({
      zh: `共 ${total} 个结果包：接受 ${accepted} 个，被后续结果包替代 ${superseded} 个，拒收 ${refused} 个。`,
      en: `${total} bundles: ${accepted} accepted, ${superseded} superseded by a later bundle, ${refused} refused.`,
    }),
    received: { zh: '接收时间', en: 'Received' },
    sequence: { zh: '序号', en: 'Seq.' },
    status: { zh: '状态', en: 'Status' },
    sha256: { zh: 'SHA-256 指纹', en: 'SHA-256 fingerprint' },
    statuses: {
      accepted: { zh: '已接受', en: 'Accepted' },
      superseded: { zh: '已被替代', en: 'Superseded' },
      refused: { zh: '已拒收', en: 'Refused' },
    } satisfies Record<BundleRecord['status'], Localized>,
    unknownExpert: { zh: '（未识别）', en: '(unidentified)' },
  },
};
