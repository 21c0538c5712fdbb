import { describe, expect, it } from 'vitest';
import { rankingInput } from '../../src-main/report/assemble.js';
import { applicants, results, wuxi } from './fixtures.js';
import { render } from './pdf.js';

const input = () => rankingInput({ edition: wuxi, applicants, results });

describe('ranking and candidate list', () => {
  it('lists every applicant with stage scores, weighted total, share of full marks, rank and outcome', async () => {
    const r = await render(input(), 'zh');
    expect(r.all).toContain('综合评分排名及候选名单');
    expect(r.all).toContain('名次编号申报单位材料评审（30%）现场评审（50%）陈述答辩（20%）加权总分得分率入围候选结果');
    expect(r.all).toContain('1WX2025-001无锡华光精密机械股份有限公司604.17812.50790.00745.5074.6%是奖项候选');
    expect(r.all).toContain('2WX2025-002江苏太湖新能源科技有限公司702.00731.00700.00716.1071.6%是奖项候选');
    expect(r.all).toContain('3WX2025-003无锡惠民医疗服务集团有限公司580.00560.00520.00558.0055.8%是提名奖候选');
    expect(r.all).toContain('4WX2025-004宜兴紫砂文化产业发展有限公司455.50470.00480.00467.6546.8%是未达分数线');
  });

  it('states the rules applied: weights, floors, caps, shortlist and tie-break', async () => {
    const r = await render(input(), 'zh');
    expect(r.all).toContain('阶段权重材料评审（30%）；现场评审（50%）；陈述答辩（20%）');
    expect(r.all).toContain('分数线奖项不低于总分的60%（600.00分）；提名奖不低于总分的50%（500.00分）');
    expect(r.all).toContain('名额上限组织：奖项5个，提名奖10个');
    expect(r.all).toContain('入围材料评审后取前20名进入后续评审（实际入围4个）');
    expect(r.all).toContain('并列时比较现场评审得分→材料评审得分→陈述答辩得分→4.7类目得分');
  });

  it('gives the candidate lists with the places left empty, and the flags', async () => {
    const r = await render(input(), 'zh');
    const award = r.all.indexOf('组织·奖项候选（名额5个，空缺3个）');
    const nomination = r.all.indexOf('组织·提名奖候选（名额10个，空缺9个）');
    expect(award).toBeGreaterThan(-1);
    expect(nomination).toBeGreaterThan(award);
    const awardList = r.all.slice(award, nomination);
    expect(awardList).toMatch(/无锡华光精密机械股份有限公司（WX2025-001）745\.50.*江苏太湖新能源科技有限公司（WX2025-002）716\.10/);
    expect(awardList).not.toContain('无锡惠民医疗服务集团有限公司');
    expect(r.all.slice(nomination)).toMatch(/^组织·提名奖候选（名额10个，空缺9个）(1\.)?无锡惠民医疗服务集团有限公司（WX2025-003）558\.00/);
    expect(r.all).toContain('评分分歧无锡华光精密机械股份有限公司（WX2025-001）材料评审4.7.44.7.4财务结果：专家得分率20%–100%，相差超过30个百分点');
  });

  it('has an English edition', async () => {
    const r = await render(input(), 'en');
    expect(r.all).toContain('Rankingandcandidatelist');
    expect(r.all).toContain('1WX2025-001无锡华光精密机械股份有限公司604.17812.50790.00745.5074.6%YesAwardcandidate');
    expect(r.all).toContain('Organisation·Awardcandidates(cap5,3unfilled)');
    expect(r.all).toContain('Award:atleast60%offullmarks(600.00points)');
    expect(r.all).toContain('Disagreement');
  });

  it('ends with the committee’s signature lines and the 落款 with a seal area', async () => {
    const r = await render(input(), 'zh');
    expect(r.all).toContain('评委会审定评委会主任（签名）：评委会委员（签名）：日期：年月日（盖章）（发文机关）2026年11月23日');
    expect(r.all).not.toContain('暂定');
  });

  it('is provisional, and says what is missing, while stage scores are not all in', async () => {
    const ranking = results.ranking.map((e) => (e.applicant.code === 'WX2025-004' ? { ...e, stageScores: { ...e.stageScores, defence: null }, weightedTotal: null, rank: null } : e));
    const flags = [...results.flags, { code: 'missing-sheets' as const, applicantId: 'ap-2', stage: 'site' as const, detail: { zh: 'WX2025-002 现场评审：尚有 1 名专家未提交评分表（E03 张伟），该环节得分为暂定。', en: 'WX2025-002, site review: one expert has not submitted a score sheet (E03 张伟); the stage score is provisional.' } }];
    const r = await render(rankingInput({ edition: wuxi, applicants, results: { ...results, ranking, flags } }), 'zh');
    expect(r.all).toContain('暂定：本报告所依据的评审数据尚不完整·现场评审：1家申报单位尚有专家未提交评分表，得分为暂定·陈述答辩：1家申报单位尚无评审组得分');
    for (const page of r.texts) expect(page).toContain('暂定');
  });
});
