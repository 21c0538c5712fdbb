import { describe, expect, it } from 'vitest';
import { panelSummaryInput } from '../../src-main/report/assemble.js';
import type { Stage } from '../../src-main/domain/words.js';
import { applicants, experts, panels, results, sheets, wuxi, corrections } from './fixtures.js';
import { count, render } from './pdf.js';

const input = (stage: Stage) => panelSummaryInput({ edition: wuxi, applicant: applicants[0]!, stages: [stage], experts, sheets, results, panels, corrections });

describe('panel summary (评审组评分汇总表)', () => {
  it('annexes the changes made after the packages went out, to this applicant and its panel in the stage shown', async () => {
    const material = await render(input('material'), 'zh');
    const annex = material.all.indexOf('附：评审包发出后的变更');
    expect(annex).toBeGreaterThan(material.all.indexOf('评审组得分：604.17'));
    expect(material.all.slice(annex)).toContain('2025年5月23日09:00材料评审组：E05周丽替换E04陈刚：因病不能参加');
    expect(material.all.slice(annex)).toContain('退回E02对WX2025-001的材料评审评分表第1版：4.1.2评语与得分不符');
    // the site panel was not changed, and the lifted recusal concerns another applicant
    expect((await render(input('site'), 'zh')).all).not.toContain('附：评审包发出后的变更');
    expect((await render(input('material'), 'en')).all).toContain('Annex:changesafterthereviewpackageswentout');
  });

  it("sets every expert's item percentages side by side with the mean, the trimmed mean and the panel's score", async () => {
    const r = await render(input('material'), 'zh');
    expect(r.all).toContain('王建国李秀英（去）张伟（去）刘芳陈志强平均去极值平均极差评审组得分');
    expect(r.all).toMatch(/4\.1\.2高层领导的作用5060%70%50%65%80%65%68\.3%3034\.17/);
    expect(r.all).toContain('4.1领导70.17');
    expect(r.all).toContain('专家总分1000600.00724.00476.00650.00562.50602.50604.17248.00604.17');
    expect(r.all).toContain('评审组得分：604.17');
  });

  it('names the experts dropped by trimming with their totals', async () => {
    const r = await render(input('material'), 'zh');
    expect(r.all).toContain('去掉一个最高总分（李秀英，724.00）和一个最低总分（张伟，476.00）后取平均。');
  });

  it('marks the items whose spread exceeds the threshold, and only those', async () => {
    const r = await render(input('material'), 'zh');
    expect(r.all).toMatch(/4\.7\.4财务结果8060%100%20%65%55%60%60%80分歧48\.00/);
    expect(count(r.all, '分歧')).toBe(1);
    expect(r.all).toMatch(/4\.1\.2高层领导的作用.*?68\.3%3034\.17/);
    expect(r.all).toContain('专家得分率极差超过30个百分点的评分项以底色标出，请组长组织合议。');
  });

  it('does not trim a panel too small for it', async () => {
    const r = await render(input('site'), 'zh');
    expect(r.all).toContain('王建国李秀英赵敏平均极差评审组得分');
    expect(r.all).not.toContain('去极值平均');
    expect(r.all).toContain('评审组有效人数3人，少于去极值所需的5人，取全体专家平均。');
    expect(r.all).toContain('评审组得分：812.50');
    expect(r.all).toContain('专家总分1000800.00850.00787.50812.5062.50812.50');
  });

  it('has an English edition', async () => {
    const r = await render(input('material'), 'en');
    expect(r.all).toContain('Panelscoresummary');
    expect(r.all).toContain('Thehighesttotal(李秀英,724.00)andthelowesttotal(张伟,476.00)weredroppedbeforeaveraging.');
    expect(r.all).toMatch(/4\.7\.4Financialresults8060%100%20%65%55%60%60%80Differs48\.00/);
    expect(r.all).toContain('Panelscore:604.17');
    expect(r.texts[0]!.replace(/\s+/g, ' ')).toContain(`${r.pages} pages`);
  });

  it('has the panel leader and every member sign, the leader first', async () => {
    const r = await render(input('material'), 'zh');
    expect(r.all).toContain('评审组签名日期：年月日组长王建国成员李秀英成员张伟成员刘芳成员陈志强');
  });

  it('is provisional while an expert of the panel has not submitted, and names who', async () => {
    const pending = { ...results, stageResults: results.stageResults.map((s) => (s.stage === 'site' ? { ...s, missingExpertIds: ['ex-3'] } : s)) };
    const r = await render(panelSummaryInput({ edition: wuxi, applicant: applicants[0]!, stages: ['site'], experts, sheets, results: pending, panels, corrections }), 'zh');
    expect(r.all).toContain('暂定：本报告所依据的评审数据尚不完整·现场评审：尚未提交评分表的专家张伟');
    for (const page of r.texts) expect(page).toContain('暂定');
    expect((await render(input('material'), 'zh')).all).not.toContain('暂定');
  });
});
