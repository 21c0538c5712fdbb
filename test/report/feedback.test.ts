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
    // the defence has not been held: only the stages that ran are named
    expect(r.all).toContain('评审阶段材料评审、现场评审评价准则');
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
    expect(shown.all).toContain('各类目得分类目分值材料评审现场评审4.1');
    expect(shown.all).toContain('4.1领导11070.1792.174.2');
    expect(shown.all).toContain('合计1000604.17812.50');
  });

  it('says, in a notice and a watermark, that it is provisional while a stage the applicant is in has not run', async () => {
    const r = await render(input(false), 'zh');
    expect(r.all).toContain('暂定：本报告所依据的评审数据尚不完整·陈述答辩：尚无已提交的评分表');
    for (const page of r.texts) expect(page).toContain('暂定');
    const done = await render(input(false, 'site'), 'zh');
    expect(done.all).not.toContain('暂定');
  });

  it('closes with the issuing body, the date and a seal area', async () => {
    const r = await render(input(false), 'zh');
    expect(r.all).toContain('（盖章）（发文机关）2026年11月23日');
    const named = await render({ ...input(false), edition: { ...input(false).edition, issuingBody: '无锡市市场监督管理局' } }, 'zh');
    expect(named.all).toContain('（盖章）无锡市市场监督管理局2026年11月23日');
  });

  it('for an applicant no stage has run for, says so instead of printing empty items', async () => {
    const r = await render(feedbackInput({ edition: wuxi, applicant: applicants[2]!, sheets, results, discloseScores: true }), 'zh');
    expect(r.all).toContain('评审阶段尚未开始');
    expect(r.all).toContain('尚无任何已提交的评分表，本报告暂无评审意见。');
    expect(r.all).not.toContain('（无）');
    expect(r.all).not.toContain('各类目得分');
    expect(r.all).toContain('暂定');
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
    expect(r.all).toContain('ScoresbycategoryCategoryPointsMaterialreviewOn-sitereview4.1');
    expect(r.all).toContain('4.1Leadership11070.1792.174.2');
    expect(r.all).toContain('PROVISIONAL');
    expect(count(r.all, SHARED_STRENGTH)).toBe(1);
    expect(r.all).toContain('ItemStrengthsOpportunitiesforimprovement');
  });
});

describe('merging comments', () => {
  it('splits points, drops list markers and keeps each point once in first-seen order', () => {
    expect(mergeComments(['1. 流程清晰\n2、数据完整', '  流程清晰 ', '- 数据完整', '①培训到位', ''])).toEqual(['流程清晰', '数据完整', '培训到位']);
  });
});
