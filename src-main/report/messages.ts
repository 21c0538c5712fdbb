/**
 * Every word the reports print, in Chinese and English, in one place so that both editions of a
 * report say the same thing and a wording is changed once.
 */
import type { ApplicantKind, Stage } from '../domain/words.js';
import type { CandidateStatus, Flag } from '../domain/scores.js';
import type { Localized } from '../domain/localized.js';
import type { Declaration } from '../domain/review.js';
import { NOTICE_TITLES } from './notice-messages.js';
import { REGISTER_MESSAGES } from './register-messages.js';
import type { ReportKind, ReportLang } from './types.js';

export function tr(lang: ReportLang, msg: Localized): string {
  return msg[lang];
}

export const M = {
  titles: {
    'score-sheet': { zh: '评分表', en: 'Score sheet' },
    'panel-summary': { zh: '评审组评分汇总表', en: 'Panel score summary' },
    'panel-binder': { zh: '评审组评分汇总表汇编', en: 'Panel score summaries (binder)' },
    feedback: { zh: '评审反馈报告', en: 'Feedback report' },
    ranking: { zh: '综合评分排名及候选名单', en: 'Ranking and candidate list' },
    ballot: { zh: '评委会无记名投票表', en: 'Committee secret ballot' },
    recusals: { zh: '回避记录', en: 'Recusal register' },
    receipt: { zh: '结果包导入回执', en: 'Result bundle import receipt' },
    'incomplete-letter': { zh: '申报材料补正通知书', en: 'Request for missing application materials' },
    'not-shortlisted-letter': { zh: '未入围告知书', en: 'Notice of not being shortlisted' },
    'award-list': { zh: '拟奖名单', en: 'Proposed award list' },
    decisions: { zh: '评委会审议、公示与异议记录', en: 'Register of committee decisions, notices and objections' },
    ...NOTICE_TITLES,
  } satisfies Record<ReportKind, Localized>,

  stage: {
    material: { zh: '材料评审', en: 'Material review' },
    site: { zh: '现场评审', en: 'On-site review' },
    defence: { zh: '陈述答辩', en: 'Presentation and defence' },
  } satisfies Record<Stage, Localized>,

  kind: {
    unit: { zh: '组织', en: 'Organisation' },
    individual: { zh: '个人', en: 'Individual' },
  } satisfies Record<ApplicantKind, Localized>,

  frame: {
    edition: (name: string, year: number): Localized =>
      name.includes(String(year)) ? { zh: name, en: name } : { zh: `${name}（${year}年度）`, en: `${name} (${year})` },
    generated: (date: string): Localized => ({ zh: `生成日期：${date}`, en: `Generated: ${date}` }),
    reader: (name: string, code: string, time: string): Localized => ({ zh: `${name}（${code}）打印　${time}`, en: `Printed by ${name} (${code}), ${time}` }),
    page: (current: number, count: number): Localized => ({
      zh: `第 ${current} 页 / 共 ${count} 页`,
      en: `Page ${current} of ${count}`,
    }),
    fingerprint: (hex: string): Localized => ({ zh: `文档指纹（SHA-256）：${hex}`, en: `Document fingerprint (SHA-256): ${hex}` }),
    confidential: { zh: '内部资料　注意保密', en: 'Internal — confidential' },
    timeZone: (zone: Localized): Localized => ({ zh: `文中时间均为${zone.zh}。`, en: `Times are ${zone.en}.` }),
    draft: { zh: '草稿', en: 'DRAFT' },
    provisional: { zh: '暂定', en: 'PROVISIONAL' },
    provisionalTitle: { zh: '暂定：本报告所依据的评审数据尚不完整', en: 'Provisional: the review data this report is made from is not complete' },
    provisionalEnd: {
      zh: '以上数据齐全后请重新生成本报告；暂定稿不作为正式结果使用。',
      en: 'Make this report again once the data above is complete; a provisional copy is not an official result.',
    },
    /** GB/T 9704: the page number between two dashes */
    pageNumber: (current: number): string => `— ${current} —`,
    pageCount: (count: number): Localized => ({ zh: `共 ${count} 页`, en: `${count} pages` }),
    issuingBodyBlank: { zh: '（发文机关）', en: '(issuing body)' },
    seal: { zh: '（盖章）', en: '(seal)' },
  },

  missing: {
    noScore: (stage: Localized, count: number): Localized => ({
      zh: `${stage.zh}：${count} 家申报单位尚无评审组得分`,
      en: `${stage.en}: ${count} ${count === 1 ? 'applicant has' : 'applicants have'} no panel score yet`,
    }),
    partial: (stage: Localized, count: number): Localized => ({
      zh: `${stage.zh}：${count} 家申报单位尚有专家未提交评分表，得分为暂定`,
      en: `${stage.en}: ${count} ${count === 1 ? 'applicant still awaits' : 'applicants still await'} score sheets; their scores are provisional`,
    }),
    noSheets: (stage: Localized): Localized => ({ zh: `${stage.zh}：尚无已提交的评分表`, en: `${stage.en}: no score sheet submitted yet` }),
    notSubmitted: (stage: Localized, names: string[]): Localized => ({
      zh: `${stage.zh}：尚未提交评分表的专家 ${names.join('、')}`,
      en: `${stage.en}: yet to submit a score sheet: ${names.join(', ')}`,
    }),
    stageToCome: (stage: Localized): Localized => ({ zh: `${stage.zh}尚未评审`, en: `the ${stage.en.toLowerCase()} has not been held yet` }),
    binder: (count: number, codes: string[]): Localized => ({
      zh: `${count} 家申报单位的评分表未齐：${codes.join('、')}`,
      en: `${count} ${count === 1 ? 'applicant awaits' : 'applicants await'} score sheets: ${codes.join(', ')}`,
    }),
    nothingYet: { zh: '尚无任何已提交的评分表，本报告暂无评审意见。', en: 'No score sheet has been submitted yet: this report holds no comments so far.' },
  },

  signatures: {
    leader: { zh: '评审组组长（签名）：', en: 'Panel leader (signature):' },
    members: { zh: '评审组成员（签名）：', en: 'Panel members (signature):' },
    memberRole: { zh: '成员', en: 'Member' },
    leaderRole: { zh: '组长', en: 'Leader' },
    title: { zh: '评审组签名', en: 'Signatures of the panel' },
    name: { zh: '姓名', en: 'Name' },
    role: { zh: '职责', en: 'Role' },
    sign: { zh: '签名', en: 'Signature' },
    committeeTitle: { zh: '评委会审定', en: 'Approved by the committee' },
    committeeChair: { zh: '评委会主任（签名）：', en: 'Committee chair (signature):' },
    committeeMembers: { zh: '评委会委员（签名）：', en: 'Committee members (signature):' },
  },

  common: {
    applicant: { zh: '申报单位', en: 'Applicant' },
    applicantCode: { zh: '申报编号', en: 'Applicant code' },
    kind: { zh: '类别', en: 'Kind' },
    stage: { zh: '评审阶段', en: 'Stage' },
    expert: { zh: '评审专家', en: 'Expert' },
    criteria: { zh: '评价准则', en: 'Criteria' },
    code: { zh: '编号', en: 'Code' },
    item: { zh: '评分项', en: 'Item' },
    category: { zh: '类目', en: 'Category' },
    points: { zh: '分值', en: 'Points' },
    percent: { zh: '得分率', en: 'Percent' },
    score: { zh: '得分', en: 'Score' },
    subtotal: { zh: '小计', en: 'Subtotal' },
    total: { zh: '总分', en: 'Total' },
    sum: { zh: '合计', en: 'Total' },
    time: { zh: '时间', en: 'Time' },
    reason: { zh: '理由', en: 'Reason' },
    none: { zh: '无', en: 'None' },
    // for a record whose person is not (or no longer) on file: never shown as an internal id
    unlistedExpert: { zh: '（未登记的专家）', en: '(unlisted expert)' },
    unlistedApplicant: { zh: '（本届没有的申报单位）', en: '(applicant not in this edition)' },
    notScored: { zh: '未评', en: 'n/s' },
    strengths: { zh: '优势', en: 'Strengths' },
    opportunities: { zh: '改进机会', en: 'Opportunities for improvement' },
    pointsOf: (points: number): Localized => ({ zh: `（${points}分）`, en: ` (${points} points)` }),
    date: { zh: '日期：', en: 'Date:' },
    colon: { zh: '：', en: ': ' },
    standard: (standard: string, name: Localized): Localized => ({ zh: `${standard}《${name.zh}》`, en: `${standard} ${name.en}` }),
    blankDate: { zh: '年　　月　　日', en: ' ' },
  },

  scoreSheet: {
    status: (submittedAt: string | null): Localized =>
      submittedAt ? { zh: `已提交（${submittedAt}）`, en: `Submitted (${submittedAt})` } : { zh: '草稿，尚未提交', en: 'Draft, not yet submitted' },
    statusLabel: { zh: '状态', en: 'Status' },
    unknownExpert: { zh: '（请填写姓名）', en: '(write your name)' },
    declarationTitle: { zh: '利害关系声明', en: 'Conflict-of-interest declaration' },
    declaration: (d: Declaration, applicant: string, at: string): Localized => {
      if (!d.conflict) {
        return {
          zh: `本人已声明与申报单位“${applicant}”不存在利害关系。声明时间：${at}。`,
          en: `I declared that I have no conflict of interest with the applicant ${applicant}. Declared: ${at}.`,
        };
      }
      return d.source === 'secretariat'
        ? { zh: `秘书处已决定本人回避申报单位“${applicant}”（${at}）：${d.reason}`, en: `The secretariat recused me from the applicant ${applicant} (${at}): ${d.reason}` }
        : { zh: `本人已声明与申报单位“${applicant}”存在利害关系并回避（${at}）：${d.reason}`, en: `I declared a conflict of interest with the applicant ${applicant} and recused myself (${at}): ${d.reason}` };
    },
    noDeclaration: {
      zh: '本库未记录该专家对本申报单位的利害关系声明。',
      en: 'No conflict-of-interest declaration by this expert for this applicant is on record in this store.',
    },
    signature: { zh: '评审专家（签名）：', en: "Expert's signature:" },
  },

  binder: {
    intro: (count: number): Localized => ({
      zh: `本汇编收录 ${count} 家申报单位在各评审阶段的评审组评分汇总，每家单位另起一页。各单位一节的数据指纹与单独打印的该单位评审组评分汇总表相同，可据此核对。`,
      en: `This binder holds the panel score summaries of ${count} applicants for every stage they were scored in, each applicant from a new page. Each applicant's section carries the same fingerprint as that applicant's panel summary printed on its own, so the two can be matched.`,
    }),
    contents: { zh: '目录', en: 'Contents' },
    sectionFingerprint: { zh: '本节数据指纹', en: 'Section fingerprint' },
  },

  panel: {
    members: { zh: '评审组专家', en: 'Panel members' },
    mean: { zh: '平均', en: 'Mean' },
    trimmedMean: { zh: '去极值平均', en: 'Trimmed mean' },
    range: { zh: '极差', en: 'Range' },
    panelScore: { zh: '评审组得分', en: 'Panel score' },
    expertTotal: { zh: '专家总分', en: 'Expert total' },
    dropped: { zh: '（去）', en: 'dropped' },
    tableTitle: (stage: Localized, code: string): Localized => ({ zh: `${stage.zh}评分明细　${code}`, en: `${stage.en}: item scores, ${code}` }),
    disagreementCell: { zh: '分歧', en: 'Differs' },
    trimmed: (high: string, highTotal: string, low: string, lowTotal: string): Localized => ({
      zh: `去掉一个最高总分（${high}，${highTotal}）和一个最低总分（${low}，${lowTotal}）后取平均。`,
      en: `The highest total (${high}, ${highTotal}) and the lowest total (${low}, ${lowTotal}) were dropped before averaging.`,
    }),
    tooSmallToTrim: (n: number, min: number): Localized => ({
      zh: `评审组有效人数 ${n} 人，少于去极值所需的 ${min} 人，取全体专家平均。`,
      en: `The panel has ${n} scoring experts, fewer than the ${min} needed for trimming: mean of all experts.`,
    }),
    noTrim: { zh: '本届不去掉最高、最低分，取全体专家平均。', en: 'This edition does not trim: mean of all experts.' },
    disagreement: (threshold: number): Localized => ({
      zh: `专家得分率极差超过 ${threshold} 个百分点的评分项以底色标出，请组长组织合议。`,
      en: `Items where the experts' percentages differ by more than ${threshold} percentage points are shaded for the leader's consensus discussion.`,
    }),
    undersized: (min: number): Localized => ({
      zh: `回避后评审组人数低于下限（${min} 人）。`,
      en: `After recusals the panel is below its minimum size (${min}).`,
    }),
    missing: (names: string): Localized => ({ zh: `尚未提交评分表的专家：${names}。`, en: `Experts yet to submit: ${names}.` }),
    noSheets: { zh: '尚无已提交的评分表。', en: 'No submitted score sheets yet.' },
    scoreLine: (score: string): Localized => ({ zh: `评审组得分：${score}`, en: `Panel score: ${score}` }),
  },

  feedback: {
    intro: {
      zh: '本报告汇总评审组专家对贵单位的评审意见，按评价准则的类目和评分项列出优势和改进机会；相同意见只列一次，不署评审专家姓名。',
      en: "This report gathers the panel's comments on your organisation by category and item of the criteria: strengths and opportunities for improvement. Identical comments appear once; experts are not named.",
    },
    stagesCovered: { zh: '评审阶段', en: 'Stages covered' },
    noStage: { zh: '尚未开始', en: 'none held yet' },
    scoresTitle: { zh: '各类目得分', en: 'Scores by category' },
    noComment: { zh: '（无）', en: '(none)' },
  },

  ranking: {
    withdrawnTitle: { zh: '撤回申报（不参加排名）', en: 'Withdrawn (not ranked)' },
    tableTitle: { zh: '排名', en: 'Ranking' },
    rank: { zh: '名次', en: 'Rank' },
    weighted: { zh: '加权总分', en: 'Weighted total' },
    ofFull: { zh: '得分率', en: 'Of full marks' },
    shortlisted: { zh: '入围', en: 'Short-listed' },
    yes: { zh: '是', en: 'Yes' },
    no: { zh: '否', en: 'No' },
    outcome: { zh: '候选结果', en: 'Outcome' },
    tied: { zh: '（并列）', en: ' (tied)' },
    stageWeight: (stage: Localized, weight: number): Localized => ({ zh: `${stage.zh}（${weight}%）`, en: `${stage.en} (${weight}%)` }),
    status: {
      award: { zh: '奖项候选', en: 'Award candidate' },
      nomination: { zh: '提名奖候选', en: 'Nomination candidate' },
      'tie-at-cap': { zh: '名额处并列，请评委会决定', en: 'Tied at the cap: committee decides' },
      'below-floor': { zh: '未达分数线', en: 'Below the floor' },
      'not-placed': { zh: '未入选', en: 'Not placed' },
    } satisfies Record<CandidateStatus, Localized>,
    rulesTitle: { zh: '适用规则', en: 'Rules applied' },
    weights: { zh: '阶段权重', en: 'Stage weights' },
    floors: { zh: '分数线', en: 'Floors' },
    floor: (level: Localized, percent: number, points: string): Localized => ({
      zh: `${level.zh}不低于总分的 ${percent}%（${points}分）`,
      en: `${level.en}: at least ${percent} % of full marks (${points} points)`,
    }),
    caps: { zh: '名额上限', en: 'Caps' },
    cap: (kind: Localized, award: number, nomination: number): Localized => ({
      zh: `${kind.zh}：奖项 ${award} 个，提名奖 ${nomination} 个`,
      en: `${kind.en}: ${award} awards, ${nomination} nominations`,
    }),
    shortlist: { zh: '入围', en: 'Shortlist' },
    shortlistRule: (stage: Localized, size: number, count: number): Localized => ({
      zh: `${stage.zh}后取前 ${size} 名进入后续评审（实际入围 ${count} 个）`,
      en: `the top ${size} after the ${stage.en.toLowerCase()} go on (${count} shortlisted)`,
    }),
    shortlistTie: { zh: '入围线处并列。', en: 'Tie at the shortlist cut.' },
    tieBreak: { zh: '并列时比较', en: 'Ties broken by' },
    tieByStage: (stage: Localized): Localized => ({ zh: `${stage.zh}得分`, en: `${stage.en} score` }),
    tieByCategory: (code: string): Localized => ({ zh: `${code} 类目得分`, en: `category ${code} score` }),
    award: { zh: '奖项', en: 'Award' },
    nomination: { zh: '提名奖', en: 'Nomination' },
    candidatesTitle: { zh: '候选名单', en: 'Candidates' },
    listHeading: (kind: Localized, level: Localized, cap: number, unfilled: number): Localized => ({
      zh: `${kind.zh} · ${level.zh}候选（名额 ${cap} 个${unfilled > 0 ? `，空缺 ${unfilled} 个` : ''}）`,
      en: `${kind.en} · ${level.en} candidates (cap ${cap}${unfilled > 0 ? `, ${unfilled} unfilled` : ''})`,
    }),
    flagsTitle: { zh: '提示事项', en: 'Flags' },
    flagKind: { zh: '类型', en: 'Flag' },
    flagDetail: { zh: '说明', en: 'Detail' },
    flag: {
      disagreement: { zh: '评分分歧', en: 'Disagreement' },
      'undersized-panel': { zh: '评审组人数不足', en: 'Undersized panel' },
      'missing-sheets': { zh: '评分表未齐', en: 'Missing score sheets' },
      'tie-at-cap': { zh: '名额处并列', en: 'Tie at the cap' },
      'tie-at-shortlist': { zh: '入围线并列', en: 'Tie at the shortlist' },
      'recused-sheet-excluded': { zh: '回避专家评分不计', en: "Recused expert's sheet excluded" },
    } satisfies Record<Flag['code'], Localized>,
  },

  ...REGISTER_MESSAGES,

  consensus: {
    opinionTitle: (stage: Localized): Localized => ({ zh: `评审组意见（${stage.zh}）`, en: `The panel's opinion (${stage.en})` }),
    overall: { zh: '综合评价', en: 'Overall evaluation' },
    signedOff: (leader: string, date: string, recordedBy: 'leader' | 'secretariat'): Localized =>
      recordedBy === 'leader'
        ? { zh: `本意见经评审组合议，由组长 ${leader} 于 ${date} 签署确认。`, en: `This opinion was agreed in the panel's consensus and signed off by the panel leader, ${leader}, on ${date}.` }
        : {
            zh: `本意见经评审组合议，由组长 ${leader} 于 ${date} 签署确认（评审组在秘书处集中合议，由秘书处记录）。`,
            en: `This opinion was agreed in the panel's consensus and signed off by the panel leader, ${leader}, on ${date} (the panel met at the secretariat, which recorded it).`,
          },
    otherStages: (stages: string): Localized => ({
      zh: `以下为${stages}阶段各评审专家意见的汇总（该阶段未经组长合议签署）。`,
      en: `What follows gathers the experts' comments of the ${stages}, which no leader's consensus has signed off.`,
    }),
    flaggedTitle: (stage: Localized, code: string): Localized => ({ zh: `${stage.zh}组长合议：分歧评分项　${code}`, en: `${stage.en}: leader's consensus on items that differed, ${code}` }),
    spreadAtOpening: { zh: '合议前分差', en: 'Spread before' },
    spreadFinal: { zh: '合议后分差', en: 'Spread after' },
    outcome: { zh: '合议结果', en: 'Outcome' },
    reason: { zh: '理由', en: 'Reason' },
    spread: (min: number, max: number): Localized => ({ zh: `${min}%–${max}%（${max - min}）`, en: `${min}%–${max}% (${max - min})` }),
    resolution: {
      revised: { zh: '成员已修改评分', en: 'Members revised their scores' },
      stands: { zh: '保留差异', en: 'The difference stands' },
    },
    noFlagged: { zh: '本环节无超过阈值的分歧评分项。', en: 'No item differed beyond the threshold in this stage.' },
  },

  errors: {
    invalidRequest: (reasons: string): Localized => ({
      zh: `报告请求无效：${reasons}。请更正后重试。`,
      en: `Invalid report request: ${reasons}. Correct it and try again.`,
    }),
    expertRequired: {
      zh: '秘书处打印评分表时须指明评审专家。请选择专家后重试。',
      en: "To print a score sheet the secretariat must name the expert. Choose the expert and try again.",
    },
    onlyScoreSheets: (title: Localized): Localized => ({
      zh: `评审专家只能打印本人的评分表，不能生成“${title.zh}”。如需此报告请联系秘书处。`,
      en: `An expert may print only their own score sheets, not the ${title.en.toLowerCase()}. Ask the secretariat for it.`,
    }),
    notOwnSheet: { zh: '您只能打印本人的评分表。', en: 'You may print only your own score sheets.' },
    notAssigned: (stage: Localized): Localized => ({
      zh: `该申报单位的${stage.zh}不在您的评审任务中，不能打印其评分表。`,
      en: `This applicant's ${stage.en.toLowerCase()} is not among your assignments: you cannot print its score sheet.`,
    }),
    undeclared: {
      zh: '您尚未就该申报单位声明是否存在利害关系，不能打印其评分表。请先声明。',
      en: 'You have not declared whether you have a conflict of interest with this applicant, so its score sheet cannot be printed. Declare first.',
    },
    conflicted: {
      zh: '您已声明或被决定与该申报单位存在利害关系（回避），不能打印其评分表。',
      en: 'You are recused from this applicant (conflict of interest): its score sheet cannot be printed.',
    },
    noSheet: (stage: Localized): Localized => ({
      zh: `尚无该专家对该申报单位${stage.zh}的评分表，无可打印内容。`,
      en: `There is no score sheet of this expert for this applicant's ${stage.en.toLowerCase()}: nothing to print.`,
    }),
    noApplicant: { zh: '本届没有该申报单位。请刷新列表后重试。', en: 'This edition has no such applicant. Refresh the list and try again.' },
    noExpert: { zh: '本届没有该评审专家。请刷新列表后重试。', en: 'This edition has no such expert. Refresh the list and try again.' },
    noPanelResultsAtAll: {
      zh: '本届尚无任何申报单位有评审组评分，无可汇编的内容。请先导入专家的结果包。',
      en: 'No applicant in this edition has panel scores yet: there is nothing to bind. Import the experts’ result bundles first.',
    },
    noPanelResults: (code: string): Localized => ({
      zh: `申报单位 ${code} 尚无任何阶段的评审组评分，无可汇总的内容。`,
      en: `Applicant ${code} has no panel scores in any stage yet: there is nothing to summarise.`,
    }),
    noVote: (regulation: Localized): Localized => ({
      zh: `${regulation.zh}未规定评委会投票表决，本届不需要投票表。`,
      en: `The ${regulation.en} does not decide by committee vote: this edition needs no ballot.`,
    }),
    writeFailed: (file: string, reason: string): Localized => ({
      zh: `无法写入报告文件 ${file}（${reason}）。请选择可写的位置后重试。`,
      en: `Could not write the report file ${file} (${reason}). Choose a writable location and try again.`,
    }),
  },
};
