/**
 * A small, realistic edition: 2025 Wuxi Mayor's Quality Award, four applicants, seven experts.
 * Totals are chosen so a reader can check them by hand:
 *  - WX2025-001 material: 王建国 60 % everywhere = 600.00; 李秀英 70 % with 4.7.4 at 100 % = 724.00;
 *    张伟 50 % with 4.7.4 at 20 % = 476.00; 刘芳 65 % = 650.00; 陈志强 55 % with 4.1.2 at 80 % = 562.50.
 *    Mean 602.50; trimmed (drop 李秀英 and 张伟) 604.17; 4.7.4 ranges 20–100 % (flagged at 30 points).
 *  - WX2025-001 site: 王建国 80 % = 800, 李秀英 85 % = 850, 赵敏 75 % with 4.1.2, 4.2.3, 4.3.3 at
 *    100 % = 787.50; three experts, too few to trim: 812.50.
 *  - weighted totals (Wuxi 30/50/20): 745.50, 716.10, 558.00, 467.65.
 */
import type { Correction } from '../../src-main/domain/corrections.js';
import type { EditionResults } from '../../src-main/scoring/results.js';
import type { StageResult } from '../../src-main/domain/scores.js';
import type { Applicant, Expert } from '../../src-main/domain/people.js';
import type { BundleRecord } from '../../src-main/domain/files.js';
import type { Declaration, ScoreSheet } from '../../src-main/domain/review.js';
import type { EditionDetail } from '../../src-main/profile/edition.js';
import type { PanelLeads } from '../../src-main/report/sources.js';
import { edition, profile, sheet, stageResult, type Comments } from './fixture-kit.js';

export const wuxi: EditionDetail = edition({
  id: 'ed-wx-2025',
  name: '无锡市市长质量奖',
  year: 2025,
  profileId: 'wuxi-2024',
  settings: { trim: { enabled: true, minPanelSize: 5 }, disagreement: { enabled: true, threshold: 30 }, panelSize: { min: 3, max: 7 } },
});

const applicant = (id: string, code: string, name: string, industry: 1 | 2 | 3, editionId = wuxi.id): Applicant => ({
  id,
  editionId,
  code,
  name,
  kind: 'unit',
  industry,
  creditCode: null,
  idNumber: null,
  contactName: null,
  contactPhone: null,
  contactEmail: null,
  withdrawn: null,
});

export const applicants: Applicant[] = [
  applicant('ap-1', 'WX2025-001', '无锡华光精密机械股份有限公司', 2),
  applicant('ap-2', 'WX2025-002', '江苏太湖新能源科技有限公司', 2),
  applicant('ap-3', 'WX2025-003', '无锡惠民医疗服务集团有限公司', 3),
  applicant('ap-4', 'WX2025-004', '宜兴紫砂文化产业发展有限公司', 3),
];

const expert = (n: number, name: string, organisation: string): Expert => ({
  id: `ex-${n}`,
  editionId: wuxi.id,
  code: `E0${n}`,
  name,
  organisation,
  title: '高级工程师',
  industry: 2,
  phone: null,
  email: null,
  poolId: null,
  enrolled: true,
  fingerprint: null,
  withdrawn: null,
});

export const experts: Expert[] = [
  expert(1, '王建国', '江南大学质量研究院'),
  expert(2, '李秀英', '无锡市标准化研究院'),
  expert(3, '张伟', '江苏省质量协会'),
  expert(4, '刘芳', '无锡市质量技术监督局（退休）'),
  expert(5, '陈志强', '中国计量大学'),
  expert(6, '杨丽', '无锡市卓越绩效促进会'),
  expert(7, '赵敏', '南京航空航天大学经济与管理学院'),
];

export const SHARED_STRENGTH = '高层领导亲自推动质量战略，每月召开质量分析会。';

const a1Comments = (opportunity: string): Comments => ({
  '4.1.2': { strengths: SHARED_STRENGTH, opportunities: opportunity },
  '4.7.4': { strengths: '营业收入连续三年增长，利润率高于行业平均水平。', opportunities: '缺少与标杆企业的财务指标对比。' },
});

const ids = { wuxi: wuxi.id, a1: 'ap-1' } as const;

export const a1Material: ScoreSheet[] = [
  sheet({ editionId: ids.wuxi, expertId: 'ex-1', applicantId: ids.a1, stage: 'material', base: 60, comments: a1Comments('战略目标分解到班组的机制尚不完善。') }),
  sheet({ editionId: ids.wuxi, expertId: 'ex-2', applicantId: ids.a1, stage: 'material', base: 70, overrides: { '4.7.4': 100 }, comments: a1Comments('领导绩效评价未与改进计划挂钩。') }),
  sheet({ editionId: ids.wuxi, expertId: 'ex-3', applicantId: ids.a1, stage: 'material', base: 50, overrides: { '4.7.4': 20 }, comments: { '4.1.2': { strengths: `  ${SHARED_STRENGTH}\n` } } }),
  sheet({ editionId: ids.wuxi, expertId: 'ex-4', applicantId: ids.a1, stage: 'material', base: 65 }),
  sheet({ editionId: ids.wuxi, expertId: 'ex-5', applicantId: ids.a1, stage: 'material', base: 55, overrides: { '4.1.2': 80 } }),
];

export const a1Site: ScoreSheet[] = [
  sheet({ editionId: ids.wuxi, expertId: 'ex-1', applicantId: ids.a1, stage: 'site', base: 80, comments: { '4.5.3': { strengths: '现场看到数字化车间实现关键工序在线检测。' } } }),
  sheet({ editionId: ids.wuxi, expertId: 'ex-2', applicantId: ids.a1, stage: 'site', base: 85, comments: { '4.5.3': { opportunities: '供应商质量数据尚未接入质量信息平台。' } } }),
  sheet({ editionId: ids.wuxi, expertId: 'ex-7', applicantId: ids.a1, stage: 'site', base: 75, overrides: { '4.1.2': 100, '4.2.3': 100, '4.3.3': 100 } }),
];

export const sheets: ScoreSheet[] = [...a1Material, ...a1Site];

/** 王建国 (E01) leads the material panel; the site panel has no leader named. */
export const panels: PanelLeads[] = [
  { id: 'pn-material', stage: 'material', leaderId: 'ex-1', applicantIds: [ids.a1, 'ap-2', 'ap-3'] },
  { id: 'pn-site', stage: 'site', leaderId: null, applicantIds: [ids.a1] },
];

/** After the packages went out: a member of the material panel replaced, a recusal lifted, a sheet returned. */
export const corrections: Correction[] = [
  {
    at: '2025-05-23T01:00:00.000Z',
    action: 'panel.member-replaced',
    applicantId: null,
    stage: 'material',
    panelId: 'pn-material',
    expertId: 'ex-4',
    text: { zh: '材料评审组：E05 周丽 替换 E04 陈刚：因病不能参加', en: 'Material panel: E05 Zhou Li replaces E04 Chen Gang: ill' },
  },
  {
    at: '2025-05-24T02:30:00.000Z',
    action: 'sheet.returned',
    applicantId: 'ap-1',
    stage: 'material',
    panelId: null,
    expertId: 'ex-2',
    text: { zh: '退回 E02 对 WX2025-001 的材料评审评分表第 1 版：4.1.2 评语与得分不符', en: "Returned E02's material review sheet for WX2025-001, version 1: 4.1.2 comment and score disagree" },
  },
  {
    at: '2025-05-25T03:00:00.000Z',
    action: 'recusal.lifted',
    applicantId: 'ap-3',
    stage: null,
    panelId: null,
    expertId: 'ex-7',
    text: { zh: '撤销 E07 对 WX2025-003 秘书处决定的回避：经核实配偶已于2024年离职', en: 'Lifted the imposed recusal of E07 from WX2025-003: the spouse left in 2024' },
  },
];

export const a1MaterialResult: StageResult = stageResult(a1Material, { trimFrom: 5, threshold: 30, missingExpertIds: [] });
export const a1SiteResult: StageResult = stageResult(a1Site, { trimFrom: 5, threshold: 30, undersized: false });

const entry = (i: number, material: number, site: number, defence: number, weighted: number, rank: number) => ({
  applicant: (({ id, code, name, kind, industry }) => ({ id, code, name, kind, industry }))(applicants[i]!),
  stageScores: { material, site, defence },
  weightedTotal: weighted,
  rank,
  tied: false,
  shortlisted: true,
});

export const results: EditionResults = {
  rules: {
    profileId: 'wuxi-2024',
    stages: [
      { stage: 'material', weight: 30 },
      { stage: 'site', weight: 50 },
      { stage: 'defence', weight: 20 },
    ],
    floors: { award: 60, nomination: 50 },
    caps: { award: { unit: 5, individual: 0 }, nomination: { unit: 10, individual: 0 } },
    shortlist: { afterStage: 'material', size: 20 },
    panelSize: { min: 3, max: 7 },
    panelForming: { byIndustry: false, recentYears: 3 },
    trim: { enabled: true, minPanelSize: 5 },
    disagreement: { enabled: true, threshold: 30 },
    tieBreak: profile('wuxi-2024').tieBreak,
    totalPoints: 1000,
  },
  stageResults: [a1MaterialResult, a1SiteResult],
  shortlist: { applicantIds: ['ap-1', 'ap-2', 'ap-3', 'ap-4'], size: 20, tieAtCut: false },
  ranking: [
    entry(0, 604.17, 812.5, 790, 745.5, 1),
    entry(1, 702, 731, 700, 716.1, 2),
    entry(2, 580, 560, 520, 558, 3),
    entry(3, 455.5, 470, 480, 467.65, 4),
  ],
  candidates: {
    entries: [
      { applicantId: 'ap-1', kind: 'unit', status: 'award' },
      { applicantId: 'ap-2', kind: 'unit', status: 'award' },
      { applicantId: 'ap-3', kind: 'unit', status: 'nomination' },
      { applicantId: 'ap-4', kind: 'unit', status: 'below-floor' },
    ],
    unfilled: { award: { unit: 3, individual: 0 }, nomination: { unit: 9, individual: 0 } },
  },
  flags: [
    {
      code: 'disagreement',
      applicantId: 'ap-1',
      stage: 'material',
      itemCode: '4.7.4',
      detail: { zh: '4.7.4 财务结果：专家得分率 20%–100%，相差超过 30 个百分点', en: '4.7.4 Financial results: experts range 20 %–100 %, more than 30 points apart' },
    },
  ],
  withdrawn: [],
};

const declared = (expertId: string, applicantId: string, at: string, conflict = false, reason = '', source: Declaration['source'] = 'expert'): Declaration => ({
  expertId,
  applicantId,
  conflict,
  reason,
  declaredAt: at,
  source,
  lifted: null,
});

export const declarations: Declaration[] = [
  declared('ex-1', 'ap-1', '2025-05-20T01:15:00.000Z'),
  declared('ex-2', 'ap-1', '2025-05-20T02:40:00.000Z'),
  declared('ex-3', 'ap-1', '2025-05-21T06:05:00.000Z'),
  declared('ex-6', 'ap-1', '2025-05-20T03:00:00.000Z', true, '曾于2023年担任该公司质量管理顾问。'),
  declared('ex-7', 'ap-3', '2025-05-22T08:30:00.000Z', true, '其配偶在该单位任职，本人未主动申报。', 'secretariat'),
];

export const bundles: BundleRecord[] = [
  { bundleId: 'b-1', expertId: 'ex-1', sequence: 1, fileName: '王建国-结果包-1.psbundle', sha256: 'a'.repeat(8) + '1f3c9d2e4b5a697887766554433221100ffeeddccbbaa99887766554', receivedAt: '2025-06-12T03:00:00.000Z', status: 'superseded', reason: null },
  { bundleId: 'b-2', expertId: 'ex-1', sequence: 2, fileName: '王建国-结果包-2.psbundle', sha256: '5d41402abc4b2a76b9719d911017c592e3b0c44298fc1c149afbf4c8996fb924', receivedAt: '2025-06-13T01:20:00.000Z', status: 'accepted', reason: null },
  { bundleId: 'b-3', expertId: 'ex-2', sequence: 1, fileName: '李秀英-结果包.psbundle', sha256: '9e107d9d372bb6826bd81d3542a419d6e4d909cf3ba3c1b8ad5f0b4b0e1c2d3f', receivedAt: '2025-06-13T02:05:00.000Z', status: 'accepted', reason: null },
  {
    bundleId: 'b-4',
    expertId: 'ex-9',
    sequence: 1,
    fileName: '来历不明.psbundle',
    sha256: 'e4d909c290d0fb1ca068ffaddf22cbd0c1b2a3f4e5d6c7b8a9f0e1d2c3b4a596',
    receivedAt: '2025-06-13T02:30:00.000Z',
    status: 'refused',
    reason: { zh: '签名与登记的评审专家不符，结果包未导入。', en: 'The signature does not match an enrolled expert; the bundle was not imported.' },
  },
  // a file that could not be opened at all: no bundle, expert or sequence is known
  {
    bundleId: null,
    expertId: null,
    sequence: null,
    fileName: '张伟-评审包.pspackage',
    sha256: '0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c',
    receivedAt: '2025-06-13T02:40:00.000Z',
    status: 'refused',
    reason: { zh: '这不是结果包，而是评审包。', en: 'This is a review package, not a result bundle.' },
  },
];

/** Xinyang decides by secret ballot, two thirds of the voters (art. 21). */
export const xinyang: EditionDetail = edition({ id: 'ed-xy-2024', name: '2024年度信阳市市长质量奖', year: 2024, profileId: 'xinyang-2022' });

export const xinyangApplicants: Applicant[] = [
  applicant('xy-1', 'XY2024-01', '信阳毛尖集团有限公司', 1, xinyang.id),
  applicant('xy-2', 'XY2024-02', '河南羚锐制药股份有限公司', 2, xinyang.id),
  applicant('xy-3', 'XY2024-03', '信阳市中心医院', 3, xinyang.id),
  applicant('xy-4', 'XY2024-04', '潢川县华英农业发展有限公司', 1, xinyang.id),
];

export const xinyangResults: EditionResults = {
  ...results,
  rules: { ...results.rules, profileId: 'xinyang-2022', stages: [{ stage: 'material', weight: 30 }, { stage: 'site', weight: 70 }], floors: { award: 60, nomination: 60 }, caps: { award: { unit: 2, individual: 0 }, nomination: { unit: 3, individual: 0 } }, shortlist: null },
  stageResults: [],
  shortlist: null,
  ranking: xinyangApplicants.map((a, i) => ({
    applicant: { id: a.id, code: a.code, name: a.name, kind: a.kind, industry: a.industry },
    stageScores: { material: 820 - i * 60, site: 840 - i * 70 },
    weightedTotal: 834 - i * 67,
    rank: i + 1,
    tied: false,
    shortlisted: null,
  })),
  candidates: {
    entries: [
      { applicantId: 'xy-1', kind: 'unit', status: 'award' },
      { applicantId: 'xy-2', kind: 'unit', status: 'award' },
      { applicantId: 'xy-3', kind: 'unit', status: 'nomination' },
      { applicantId: 'xy-4', kind: 'unit', status: 'nomination' },
    ],
    unfilled: { award: { unit: 0, individual: 0 }, nomination: { unit: 1, individual: 0 } },
  },
  flags: [],
  withdrawn: [],
};
