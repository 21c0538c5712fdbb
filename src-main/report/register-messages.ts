/**
 * The words of the committee's ballot form and of the registers (recusals, changes after the
 * packages went out, the bundle receipt, the committee's decisions with the notices and the
 * objections), part of report/messages.ts's M.
 */
import type { BundleRecord } from '../domain/files.js';
import type { Localized } from '../domain/localized.js';
import type { Declaration } from '../domain/review.js';
import type { ConfirmationSubject, NoticeKind, ObjectionState } from '../domain/words.js';
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

  decisions: {
    summary: (decisions: number, notices: number, objections: number): Localized => {
      const s = (n: number): string => (n === 1 ? '' : 's');
      return {
        zh: `共记录评委会决定 ${decisions} 项、公示 ${notices} 份、异议 ${objections} 件。`,
        en: `${decisions} committee decision${s(decisions)}, ${notices} notice${s(notices)} and ${objections} objection${s(objections)} on record.`,
      };
    },
    kept: (retention: Localized): Localized => ({ zh: `保存期限：${retention.zh}。`, en: `Retention: ${retention.en}.` }),
    committeeTitle: { zh: '一、评委会审议', en: '1. Committee decisions' },
    confirmationsTitle: { zh: '（一）确认名单', en: 'Lists confirmed' },
    settlementsTitle: { zh: '（二）并列的决定', en: 'Ties settled' },
    talliesTitle: { zh: '（三）无记名投票计票', en: 'Secret ballot counts' },
    noticesTitle: { zh: '二、公示', en: '2. Public notices' },
    finalTitle: { zh: '获奖名单的公布', en: 'Publication of the final list' },
    objectionsTitle: { zh: '三、异议', en: '3. Objections' },
    recorded: { zh: '记录时间', en: 'Recorded' },
    meeting: { zh: '会议', en: 'Meeting' },
    subject: { zh: '事项', en: 'Subject' },
    subjects: { shortlist: { zh: '入围名单', en: 'Shortlist' }, 'award-list': { zh: '拟奖名单', en: 'Proposed award list' } } satisfies Record<ConfirmationSubject, Localized>,
    confirmedBy: { zh: '确认人', en: 'Confirmed by' },
    list: { zh: '名单', en: 'List' },
    note: { zh: '备注', en: 'Note' },
    superseded: (at: string): Localized => ({ zh: `已由 ${at} 的确认取代`, en: `Superseded by the confirmation of ${at}` }),
    tie: { zh: '并列', en: 'Tie' },
    atShortlist: { zh: '入围线', en: 'At the shortlist cut' },
    atCap: (level: Localized, kind: Localized): Localized => ({ zh: `${level.zh}名额线（${kind.zh}）`, en: `At the ${level.en} cap (${kind.en})` }),
    order: { zh: '决定的顺序', en: 'Order decided' },
    method: { zh: '方式', en: 'How' },
    settledBy: { zh: '决定人', en: 'Decided by' },
    voters: { zh: '投票人数', en: 'Voters' },
    votesFor: { zh: '同意', en: 'For' },
    votesAgainst: { zh: '不同意', en: 'Against' },
    abstentions: { zh: '弃权', en: 'Abstain' },
    invalid: { zh: '无效', en: 'Invalid' },
    needed: { zh: '所需票数', en: 'Needed' },
    outcome: { zh: '结果', en: 'Outcome' },
    passed: { zh: '通过', en: 'Passed' },
    notPassed: { zh: '未通过', en: 'Not passed' },
    replaced: { zh: '已由后一次计票取代', en: 'Replaced by a later count' },
    issued: { zh: '发布时间', en: 'Issued' },
    notice: { zh: '公示', en: 'Notice' },
    kinds: { 'accepted-list': { zh: '受理名单', en: 'Accepted applicants' }, 'award-list': { zh: '拟奖名单', en: 'Proposed award list' } } satisfies Record<NoticeKind, Localized>,
    period: (start: string, end: string, days: number, working: boolean): Localized => ({
      zh: `${start}至${end}（${days}${working ? '个工作日' : '日'}）`,
      en: `${start} to ${end} (${days} ${working ? 'working days' : 'days'})`,
    }),
    periodHead: { zh: '公示期', en: 'Period' },
    office: { zh: '异议受理单位', en: 'Objections to' },
    basis: { zh: '依据', en: 'Basis' },
    confirmedList: (heldOn: string, meeting: string): Localized => ({ zh: `评委会 ${heldOn}（${meeting}）确认的拟奖名单`, en: `The proposed award list the committee confirmed on ${heldOn} (${meeting})` }),
    unconfirmedList: { zh: '与评委会确认的拟奖名单不符', en: 'Not the list the committee confirmed' },
    eligibility: { zh: '资格审核结果', en: 'The eligibility check' },
    published: (on: string, at: string): Localized => ({ zh: `获奖名单已于 ${on} 公布（${at} 记录）：`, en: `The final list was published on ${on} (recorded ${at}): ` }),
    notPublished: { zh: '获奖名单尚未公布。', en: 'The final list is not yet published.' },
    removed: (list: string): Localized => ({ zh: `因异议成立未列入：${list}。`, en: `Left off after an upheld objection: ${list}.` }),
    removedBy: (code: string, objection: number): Localized => ({ zh: `${code}（第${objection}号异议）`, en: `${code} (objection no. ${objection})` }),
    number: { zh: '编号', en: 'No.' },
    objector: { zh: '异议人', en: 'Objector' },
    received: { zh: '收到', en: 'Received' },
    grounds: { zh: '异议理由', en: 'Grounds' },
    steps: { zh: '处理经过', en: 'Steps' },
    registered: (on: string, at: string): Localized => ({ zh: `${on} 收到，${at} 登记`, en: `Received ${on}, registered ${at}` }),
    accepted: (on: string): Localized => ({ zh: `${on} 受理`, en: `Accepted ${on}` }),
    noted: (on: string, text: string): Localized => ({ zh: `${on} 调查：${text}`, en: `Investigated ${on}: ${text}` }),
    decided: (on: string, outcome: Localized, decision: string): Localized => ({ zh: `${on} ${outcome.zh}：${decision}`, en: `${outcome.en} ${on}: ${decision}` }),
    states: {
      received: { zh: '待审查', en: 'Received' },
      accepted: { zh: '已受理，调查中', en: 'Accepted, under investigation' },
      'not-accepted': { zh: '不予受理', en: 'Not accepted' },
      upheld: { zh: '异议成立', en: 'Upheld' },
      rejected: { zh: '异议不成立', en: 'Rejected' },
    } satisfies Record<ObjectionState, Localized>,
  },
};
