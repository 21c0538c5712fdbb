/**
 * A synthetic edition of any size under the Wuxi profile (three stages, 7 experts a panel), for
 * the report benchmark: every expert comments on a third of the items, from a pool of phrases
 * so that panels repeat each other as real ones do.
 */
import type { PanelLeads } from '../../src-main/report/sources.js';
import type { EditionResults } from '../../src-main/scoring/results.js';
import type { RankingEntry, StageResult } from '../../src-main/domain/scores.js';
import type { Stage } from '../../src-main/domain/words.js';
import type { Applicant, Expert } from '../../src-main/domain/people.js';
import type { EditionDetail } from '../../src-main/profile/edition.js';
import type { ScoreSheet } from '../../src-main/domain/review.js';
import { allItems, edition, sheet, stageResult, type Comments } from './fixture-kit.js';

const STRENGTHS = [
  '高层领导亲自推动质量战略，每月召开质量分析会。',
  '建立了覆盖全员的绩效考核体系，与战略目标挂钩。',
  '顾客满意度测评方法科学，连续三年委托第三方开展。',
  '关键工序实现在线检测，过程能力指数稳定在1.33以上。',
  '研发投入占营业收入比例超过5%，拥有发明专利42项。',
  '供应商分级管理制度健全，关键供应商定期开展二方审核。',
  '信息化平台集成ERP、MES和QMS，数据实时共享。',
  '安全生产和环境保护指标连续五年优于行业平均水平。',
  '营业收入和利润总额连续三年保持两位数增长。',
  '积极履行社会责任，开展质量帮扶和公益活动。',
];
const OPPORTUNITIES = [
  '战略目标分解到班组的机制尚不完善。',
  '缺少与标杆企业的系统对比数据。',
  '顾客投诉分析未形成闭环改进机制。',
  '知识管理停留在文档归集，缺少经验共享平台。',
  '部分过程指标仅有一年数据，趋势不明显。',
  '创新成果转化率有待提高。',
  '供应链风险评估未覆盖二级供应商。',
  '人才梯队建设缺少量化目标。',
];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['建国', '秀英', '伟', '芳', '志强', '丽', '敏', '静', '军', '磊', '洋', '艳', '勇', '杰', '娟', '涛'];
const PLACES = ['无锡', '江阴', '宜兴', '锡山', '惠山', '滨湖', '梁溪', '新吴'];
const TRADES = ['精密机械', '新能源科技', '医疗服务', '纺织服装', '物联网技术', '生物医药', '智能装备', '新材料'];

/** mulberry32: a small seeded generator, so every run benchmarks the same edition */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticEdition {
  edition: EditionDetail;
  applicants: Applicant[];
  experts: Expert[];
  sheets: ScoreSheet[];
  results: EditionResults;
  panels: PanelLeads[];
}

const STAGES: Stage[] = ['material', 'site', 'defence'];
const WEIGHTS: Record<Stage, number> = { material: 30, site: 50, defence: 20 };
const PANEL = 7;

export function syntheticEdition(applicantCount: number, seed = 2025): SyntheticEdition {
  const rnd = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const ed = edition({ id: 'ed-syn', name: '无锡市市长质量奖', year: 2025, profileId: 'wuxi-2024', settings: { trim: { enabled: true, minPanelSize: 5 }, disagreement: { enabled: true, threshold: 30 } } });
  const applicants: Applicant[] = Array.from({ length: applicantCount }, (_, i) => ({
    id: `ap-${i + 1}`,
    editionId: ed.id,
    code: `WX2025-${String(i + 1).padStart(3, '0')}`,
    name: `${pick(PLACES)}${pick(TRADES)}${['股份有限公司', '有限公司', '集团有限公司'][i % 3]}`,
    kind: 'unit',
    industry: ((i % 3) + 1) as 1 | 2 | 3,
    creditCode: null,
    idNumber: null,
    contactName: null,
    contactPhone: null,
    contactEmail: null,
    withdrawn: null,
  }));
  const experts: Expert[] = Array.from({ length: PANEL * STAGES.length * 2 }, (_, i) => ({
    id: `ex-${i + 1}`,
    editionId: ed.id,
    code: `E${String(i + 1).padStart(2, '0')}`,
    name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
    organisation: null,
    title: null,
    industry: null,
    phone: null,
    email: null,
    poolId: null,
    enrolled: true,
    fingerprint: null,
    withdrawn: null,
  }));

  const sheets: ScoreSheet[] = [];
  const stageResults: StageResult[] = [];
  for (const [ai, a] of applicants.entries()) {
    const quality = 40 + Math.floor(rnd() * 9) * 5;
    for (const [si, stage] of STAGES.entries()) {
      const offset = ((ai % 2) * STAGES.length + si) * PANEL;
      const panel = experts.slice(offset, offset + PANEL);
      const mine = panel.map((ex) => {
        const base = Math.min(95, Math.max(10, quality + (Math.floor(rnd() * 5) - 2) * 5));
        const overrides: Record<string, number> = {};
        const comments: Comments = {};
        for (const item of allItems) {
          if (rnd() < 0.15) overrides[item.code] = Math.min(100, Math.max(0, base + (Math.floor(rnd() * 9) - 4) * 5));
          if (rnd() < 0.33) comments[item.code] = { strengths: pick(STRENGTHS), opportunities: pick(OPPORTUNITIES) };
        }
        return sheet({ editionId: ed.id, expertId: ex.id, applicantId: a.id, stage, base, overrides, comments });
      });
      sheets.push(...mine);
      stageResults.push(stageResult(mine, { trimFrom: 5, threshold: 30 }));
    }
  }
  // two panels a stage, the even and the odd applicants, each led by its first expert
  const panels: PanelLeads[] = STAGES.flatMap((stage, si) =>
    [0, 1].map((half) => ({
      id: `pn-${stage}-${half}`,
      stage,
      leaderId: experts[(half * STAGES.length + si) * PANEL]!.id,
      applicantIds: applicants.filter((_, ai) => ai % 2 === half).map((a) => a.id),
    })),
  );
  return { edition: ed, applicants, experts, sheets, results: rank(applicants, stageResults), panels };
}

function rank(applicants: Applicant[], stageResults: StageResult[]): EditionResults {
  const score = (id: string, stage: Stage) => stageResults.find((r) => r.applicantId === id && r.stage === stage)?.panelScore ?? 0;
  const entries: RankingEntry[] = applicants
    .map((a) => {
      const stageScores = Object.fromEntries(STAGES.map((s) => [s, score(a.id, s)])) as Record<Stage, number>;
      const weighted = Math.round(STAGES.reduce((sum, s) => sum + WEIGHTS[s] * stageScores[s], 0)) / 100;
      return { applicant: { id: a.id, code: a.code, name: a.name, kind: a.kind, industry: a.industry }, stageScores, weightedTotal: weighted, rank: 0, tied: false, shortlisted: true };
    })
    .sort((x, y) => (y.weightedTotal ?? 0) - (x.weightedTotal ?? 0) || (x.applicant.code < y.applicant.code ? -1 : 1))
    .map((e, i) => ({ ...e, rank: i + 1, shortlisted: i < 20 }));
  let awards = 0;
  let nominations = 0;
  const candidates = entries.map((e) => {
    const total = e.weightedTotal ?? 0;
    if (awards < 5 && total >= 600) return { applicantId: e.applicant.id, kind: 'unit' as const, status: (awards++, 'award' as const) };
    if (nominations < 10 && total >= 500) return { applicantId: e.applicant.id, kind: 'unit' as const, status: (nominations++, 'nomination' as const) };
    return { applicantId: e.applicant.id, kind: 'unit' as const, status: total < 500 ? ('below-floor' as const) : ('not-placed' as const) };
  });
  return {
    rules: {
      profileId: 'wuxi-2024',
      stages: STAGES.map((stage) => ({ stage, weight: WEIGHTS[stage] })),
      floors: { award: 60, nomination: 50 },
      caps: { award: { unit: 5, individual: 0 }, nomination: { unit: 10, individual: 0 } },
      shortlist: { afterStage: 'material', size: 20 },
      panelSize: { min: 5, max: 7 },
      panelForming: { byIndustry: false, recentYears: 3 },
      trim: { enabled: true, minPanelSize: 5 },
      disagreement: { enabled: true, threshold: 30 },
      tieBreak: [{ by: 'stage', stage: 'site' }],
      totalPoints: 1000,
    },
    stageResults,
    shortlist: { applicantIds: entries.slice(0, 20).map((e) => e.applicant.id), size: 20, tieAtCut: false },
    ranking: entries,
    candidates: { entries: candidates, unfilled: { award: { unit: 5 - awards, individual: 0 }, nomination: { unit: 10 - nominations, individual: 0 } } },
    flags: stageResults.flatMap((r) =>
      r.disagreements.map((d) => ({
        code: 'disagreement' as const,
        applicantId: r.applicantId,
        stage: r.stage,
        itemCode: d.itemCode,
        detail: { zh: `${d.itemCode}：专家得分率 ${d.min}%–${d.max}%`, en: `${d.itemCode}: experts range ${d.min} %–${d.max} %` },
      })),
    ),
    withdrawn: [],
  };
}
