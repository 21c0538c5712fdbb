import { describe, expect, it } from 'vitest';
import { feedbackInput, panelSummaryInput } from '../../src-main/report/assemble.js';
import type { ConsensusOpinion } from '../../src-main/report/types.js';
import { applicants, experts, panels, results, sheets, wuxi } from './fixtures.js';
import { count, render } from './pdf.js';

/** The site panel's consensus on WX2025-001, signed off by its leader 王建国. */
const opinion: ConsensusOpinion = {
  applicantId: 'ap-1',
  stage: 'site',
  leader: { id: 'ex-1', code: 'E01', name: '王建国' },
  recordedBy: 'leader',
  signedAt: '2025-06-12T09:30:00.000Z',
  categories: [
    { code: '4.1', strengths: ['高层领导亲自推动质量战略。'], opportunities: [] },
    { code: '4.5', strengths: ['数字化车间实现关键工序在线检测。'], opportunities: ['供应商质量数据尚未接入质量信息平台。'] },
  ],
  overall: '经评审组合议，该企业卓越绩效管理体系总体健全，过程管理与结果表现较好。',
  flagged: [
    { itemCode: '4.1.2', base: { min: 75, max: 100 }, final: { min: 75, max: 85 }, resolution: 'revised', reason: '' },
    { itemCode: '4.2.3', base: { min: 75, max: 100 }, final: { min: 75, max: 100 }, resolution: 'stands', reason: '战略部署的现场证据各专家理解不一' },
  ],
};

describe('the leader’s signed-off opinion in the reports', () => {
  it('is what the feedback report gives for that stage, instead of the raw merge, saying who signed it off', async () => {
    const r = await render(feedbackInput({ edition: wuxi, applicant: applicants[0]!, sheets, results, discloseScores: false, consensus: [opinion] }), 'zh');
    expect(r.all).toContain('评审组意见（现场评审）');
    expect(r.all).toContain('数字化车间实现关键工序在线检测。');
    expect(r.all).toContain('综合评价');
    expect(r.all).toContain('经评审组合议，该企业卓越绩效管理体系总体健全，过程管理与结果表现较好。');
    expect(r.all).toContain('本意见经评审组合议，由组长王建国于2025年6月12日签署确认。');
    // the site experts' own wording gives way to the leader's; the material stage still reads as merged
    expect(r.all).not.toContain('现场看到数字化车间实现关键工序在线检测。');
    expect(count(r.all, '供应商质量数据尚未接入质量信息平台。')).toBe(1);
    expect(r.all).toContain('以下为材料评审阶段各评审专家意见的汇总（该阶段未经组长合议签署）。');
    expect(r.all).toContain('战略目标分解到班组的机制尚不完善。');
    // how the flagged items were settled is for the committee, not the applicant
    expect(r.all).not.toContain('战略部署的现场证据各专家理解不一');
  });

  it('is printed in English too', async () => {
    const r = await render(feedbackInput({ edition: wuxi, applicant: applicants[0]!, stage: 'site', sheets, results, discloseScores: false, consensus: [opinion] }), 'en');
    expect(r.all).toContain("Thepanel'sopinion(On-sitereview)");
    expect(r.all).toContain('signedoffbythepanelleader,王建国,on2025-06-12');
    expect(r.all).not.toContain('gatherstheexperts');
  });

  it('follows the stage’s scores in the panel summary, with how each flagged item was settled', async () => {
    const r = await render(panelSummaryInput({ edition: wuxi, applicant: applicants[0]!, stages: ['site'], experts, sheets, results, panels, corrections: [], consensus: [opinion] }), 'zh');
    expect(r.all).toContain('现场评审组长合议：分歧评分项WX2025-001');
    expect(r.all).toContain('4.2.375%–100%（25）75%–100%（25）保留差异战略部署的现场证据各专家理解不一');
    expect(r.all).toContain('4.1.275%–100%（25）75%–85%（10）成员已修改评分');
    expect(r.all).toContain('本意见经评审组合议，由组长王建国于2025年6月12日签署确认。');
    const without = await render(panelSummaryInput({ edition: wuxi, applicant: applicants[0]!, stages: ['site'], experts, sheets, results, panels, corrections: [] }), 'zh');
    expect(without.all).not.toContain('组长合议');
  });
});
