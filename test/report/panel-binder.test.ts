import { describe, expect, it } from 'vitest';
import { panelBinderInput, panelSummaryInput } from '../../src-main/report/assemble.js';
import { reportFingerprint } from '../../src-main/report/fingerprint.js';
import { applicants, experts, panels, results, sheets, wuxi, corrections } from './fixtures.js';
import { render } from './pdf.js';

const binder = () => panelBinderInput({ edition: wuxi, applicants, experts, sheets, results, panels, corrections });

describe("the committee's binder of panel summaries (评审组评分汇总表汇编)", () => {
  it('holds a section for each applicant scored in some stage, and none for the others', () => {
    const input = binder();
    // only WX2025-001 has submitted sheets in the fixture
    expect(input.summaries.map((s) => s.applicant.code)).toEqual(['WX2025-001']);
    expect(input.summaries[0]!.stages.map((s) => s.stage)).toEqual(['material', 'site']);
  });

  it("shows each section's fingerprint, the same as that applicant's panel summary printed alone", async () => {
    const alone = panelSummaryInput({ edition: wuxi, applicant: applicants[0]!, stages: ['material', 'site'], experts, sheets, results, panels, corrections });
    const r = await render(binder(), 'zh');
    expect(r.all).toContain(`本节数据指纹${reportFingerprint(alone)}`);
    // the page foot carries the binder's own fingerprint, over every section
    expect(reportFingerprint(binder())).not.toBe(reportFingerprint(alone));
    expect(r.texts.at(-1)!.replace(/\s+/g, '')).toContain(reportFingerprint(binder()));
  });

  it('lists the applicants in its contents with the page their section starts on', async () => {
    const r = await render(binder(), 'zh');
    const start = r.texts.findIndex((t, i) => i > 0 && t.replace(/\s+/g, '').includes('WX2025-001无锡华光精密机械股份有限公司'));
    expect(start).toBeGreaterThan(0);
    expect(r.texts[0]!.replace(/\s+/g, '')).toContain(`目录WX2025-001无锡华光精密机械股份有限公司${start + 1}`);
    expect(r.all).toContain('本汇编收录1家申报单位');
  });

  it('repeats the stage and the applicant over a table that runs onto the next page', async () => {
    const r = await render(binder(), 'zh');
    const pagesWithTitle = r.texts.filter((t) => t.replace(/\s+/g, '').includes('材料评审评分明细WX2025-001'));
    expect(pagesWithTitle.length).toBeGreaterThanOrEqual(2);
  });

  it('has an English edition', async () => {
    const r = await render(binder(), 'en');
    expect(r.all).toContain('Panelscoresummaries(binder)');
    expect(r.all).toContain('Contents');
    expect(r.all).toContain('Sectionfingerprint');
    expect(r.all).toContain('Panelscore:604.17');
  });

  it("carries each stage's signature lines, and says which applicants still await sheets", async () => {
    const complete = await render(binder(), 'zh');
    expect(complete.all).toContain('评审组签名日期：年月日组长王建国成员李秀英');
    expect(complete.all).not.toContain('暂定');
    const pending = { ...results, stageResults: results.stageResults.map((s) => (s.stage === 'site' ? { ...s, missingExpertIds: ['ex-3'] } : s)) };
    const r = await render(panelBinderInput({ edition: wuxi, applicants, experts, sheets, results: pending, panels, corrections }), 'zh');
    expect(r.all).toContain('暂定：本报告所依据的评审数据尚不完整·1家申报单位的评分表未齐：WX2025-001');
  });
});
