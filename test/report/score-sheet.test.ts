import { describe, expect, it } from 'vitest';
import { applicantRef, reportExpert, scoreSheetInput } from '../../src-main/report/assemble.js';
import { reportFingerprint } from '../../src-main/report/fingerprint.js';
import { sheet } from './fixture-kit.js';
import { a1Material, applicants, declarations, experts, wuxi } from './fixtures.js';
import { render } from './pdf.js';

const input = (i: number, s = a1Material[i]!) =>
  scoreSheetInput({
    edition: wuxi,
    applicant: applicantRef(applicants[0]!),
    expert: reportExpert(experts[i]!),
    sheet: s,
    declaration: declarations.find((d) => d.expertId === experts[i]!.id && d.applicantId === 'ap-1') ?? null,
  });

describe('score sheet (评分表)', () => {
  it('prints every item with points, percentage and score, the subtotals and the total', async () => {
    const r = await render(input(0), 'zh');
    expect(r.all).toContain('评分表');
    expect(r.all).toContain('无锡华光精密机械股份有限公司');
    expect(r.all).toContain('王建国（E01）');
    expect(r.all).toContain('材料评审');
    expect(r.all).toMatch(/4\.1\.2高层领导的作用.*?5060%30\.00/);
    expect(r.all).toContain('4.1小计11066.00');
    expect(r.all).toContain('4.7小计400240.00');
    expect(r.all).toContain('总分1000600.00');
    expect(r.all).toContain('已提交（2025年6月12日10:30）');
  });

  it("adds up an expert's uneven percentages exactly", async () => {
    const r = await render(input(4), 'zh');
    expect(r.all).toContain('陈志强（E05）');
    expect(r.all).toMatch(/4\.1\.2高层领导的作用.*?5080%40\.00/);
    expect(r.all).toContain('4.1小计11073.00');
    expect(r.all).toContain('总分1000562.50');
  });

  it("shows the expert's comments, the declaration of no conflict with its time, and a signature line", async () => {
    const r = await render(input(0), 'zh');
    expect(r.all).toContain('优势：高层领导亲自推动质量战略，每月召开质量分析会。');
    expect(r.all).toContain('改进机会：战略目标分解到班组的机制尚不完善。');
    expect(r.all).toContain('本人已声明与申报单位“无锡华光精密机械股份有限公司”不存在利害关系。声明时间：2025年5月20日09:15。');
    expect(r.all).toContain('评审专家（签名）：');
    expect(r.all).toContain('日期：年月日');
  });

  it('numbers its pages and carries the fingerprint of its data, in full on the last page', async () => {
    const data = input(0);
    const fp = reportFingerprint(data);
    const r = await render(data, 'zh');
    expect(r.pages).toBe(r.texts.length);
    r.texts.forEach((page, i) => {
      expect(page.replace(/\s+/g, ' ')).toContain(`— ${i + 1} —`);
      expect(page.replace(/\s+/g, ' ')).toContain(`共 ${r.pages} 页`);
      expect(page).toContain(fp.slice(0, 16));
    });
    expect(r.texts.at(-1)).toContain(fp);
    expect(r.texts[0]).not.toContain(fp);
    expect(r.all).toContain('生成日期：2026年11月23日');
    expect(r.all).toContain('无锡市市长质量奖（2025年度）');
  });

  it('marks a draft as not yet submitted', async () => {
    const draft = sheet({ editionId: wuxi.id, expertId: 'ex-1', applicantId: 'ap-1', stage: 'material', base: 60, submittedAt: null });
    const r = await render(input(0, draft), 'zh');
    expect(r.all).toContain('草稿，尚未提交');
  });

  it('has an English edition with the same figures', async () => {
    const r = await render(input(4), 'en');
    expect(r.all).toContain('Scoresheet');
    expect(r.all).toMatch(/4\.1\.2Roleofseniorleaders.*?5080%40\.00/);
    expect(r.all).toContain('4.1Subtotal11073.00');
    expect(r.all).toContain('Total1000562.50');
    expect(r.texts[0]!.replace(/\s+/g, ' ')).toContain(`${r.pages} pages`);
    expect(r.all).toContain('Generated:2026-11-23');
    expect(r.all).toContain("Expert'ssignature:");
  });
});
