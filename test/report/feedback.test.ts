import { describe, expect, it } from 'vitest';
import type { Stage } from '../../src-main/domain/words.js';
import { feedbackInput } from '../../src-main/report/assemble.js';
import { mergeComments } from '../../src-main/scoring/comments.js';
import { SHARED_STRENGTH, applicants, experts, results, sheets, wuxi } from './fixtures.js';
import { count, render } from './pdf.js';

const input = (discloseScores: boolean, stage?: Stage) =>
  feedbackInput({ edition: wuxi, applicant: applicants[0]!, ...(stage ? { stage } : {}), sheets, results, discloseScores });

describe('feedback report (评审反馈报告)', () => {
  it("merges the panel's comments per item, each once, without naming any expert", async () => {
    const r = await render(input(false), 'zh');
    expect(r.all).toContain('评审反馈报告');
    expect(r.all).toContain('无锡华光精密机械股份有限公司');
    expect(count(r.all, SHARED_STRENGTH)).toBe(1);
    expect(r.all).toContain('战略目标分解到班组的机制尚不完善。');
    expect(r.all).toContain('领导绩效评价未与改进计划挂钩。');
    expect(count(r.all, '营业收入连续三年增长，利润率高于行业平均水平。')).toBe(1);
    expect(r.all).toContain('现场看到数字化车间实现关键工序在线检测。');
    expect(r.all).toContain('供应商质量数据尚未接入质量信息平台。');
    expect(r.all).toContain('评审阶段材料评审、现场评审、陈述答辩');
    for (const e of experts) {
      expect(r.all).not.toContain(e.name);
      expect(r.all).not.toContain(e.code);
    }
  });

  it('keeps the scores back unless the secretariat discloses them', async () => {
    const hidden = await render(input(false), 'zh');
    expect(hidden.all).not.toContain('各类目得分');
    expect(hidden.all).not.toContain('604.17');
    expect(hidden.all).not.toContain('70.17');

    const shown = await render(input(true), 'zh');
    expect(shown.all).toContain('各类目得分类目分值材料评审现场评审陈述答辩');
    expect(shown.all).toContain('4.1领导11070.1792.17—');
    expect(shown.all).toContain('合计1000604.17812.50—');
  });

  it('covers only the stage asked for', async () => {
    const r = await render(input(false, 'site'), 'zh');
    expect(r.all).toContain('评审阶段现场评审');
    expect(r.all).toContain('现场看到数字化车间实现关键工序在线检测。');
    expect(r.all).not.toContain('战略目标分解到班组的机制尚不完善。');
  });

  it('has an English edition', async () => {
    const r = await render(input(true), 'en');
    expect(r.all).toContain('Feedbackreport');
    expect(r.all).toContain('ScoresbycategoryCategoryPointsMaterialreviewOn-sitereviewPresentationanddefence');
    expect(r.all).toContain('4.1Leadership11070.1792.17—');
    expect(count(r.all, SHARED_STRENGTH)).toBe(1);
    expect(r.all).toContain('ItemStrengthsOpportunitiesforimprovement');
  });
});

describe('merging comments', () => {
  it('splits points, drops list markers and keeps each point once in first-seen order', () => {
    expect(mergeComments(['1. 流程清晰\n2、数据完整', '  流程清晰 ', '- 数据完整', '①培训到位', ''])).toEqual(['流程清晰', '数据完整', '培训到位']);
  });
});
