import { describe, expect, it } from 'vitest';
import { applicantRef, reportEdition } from '../../src-main/report/assemble.js';
import type { IncompleteLetterInput, NotShortlistedLetterInput } from '../../src-main/report/types.js';
import { applicants, wuxi } from './fixtures.js';
import { render } from './pdf.js';

/** The eligibility step's letters to an applicant (Daqing arts. 13, 14), in both languages, as the applicant reads them. */

const incomplete: IncompleteLetterInput = {
  report: 'incomplete-letter',
  edition: reportEdition(wuxi),
  applicant: applicantRef(applicants[0]!),
  missing: ['所在地区人民政府签署的推荐意见', '近三年财务审计报告'],
  dueDay: '2025-04-15',
  note: null,
};

const notShortlisted: NotShortlistedLetterInput = {
  report: 'not-shortlisted-letter',
  edition: reportEdition(wuxi),
  applicant: applicantRef(applicants[1]!),
  stage: 'material',
  reason: '贵单位材料评审得分 512.40 分，在 24 家申报单位中排名第 22 位。\n\n评审专家认为结果指标缺少对比分析。',
};

describe('eligibility letters', () => {
  it('asks for each missing paper by name, with the due day and the regulation, addressed to the applicant, on one sealed page', async () => {
    const r = await render(incomplete, 'zh');
    expect(r.pages).toBe(1);
    expect(r.all).toContain(`${applicants[0]!.name}：`);
    expect(r.all).toContain('请补充完善以下材料：所在地区人民政府签署的推荐意见1.近三年财务审计报告2.');
    expect(r.all).toContain('请于2025-04-15前报送秘书处');
    expect(r.all).toContain('依据：《无锡市市长质量奖评定管理办法》');
    expect(r.all).toContain('（盖章）');
    expect(r.all).not.toContain('内部资料');
    const en = await render(incomplete, 'en');
    expect(en.all).toContain('Pleasesendthemtothesecretariatby2025-04-15.');
  });

  it('gives the not-shortlisted applicant the reasons, one paragraph each, after the stage it did not pass', async () => {
    const r = await render(notShortlisted, 'zh');
    expect(r.pages).toBe(1);
    expect(r.all).toContain('经材料评审，未进入下一环节评审名单。现将理由告知如下：');
    expect(r.all).toContain('贵单位材料评审得分512.40分，在24家申报单位中排名第22位。评审专家认为结果指标缺少对比分析。');
    const en = await render(notShortlisted, 'en');
    expect(en.all).toContain('didnotgoonpastthematerialreview.');
  });
});
