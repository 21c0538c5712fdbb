import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDateTime } from '../../src-main/report/format.js';
import { exportBundleFile, scoreAll, setupReview, upload, type Review } from '../services/fixtures.js';
import { pageTexts, squash } from './pdf.js';

/**
 * Score sheets gathered from real encrypted stores, not stand-ins: the expert's own copy names
 * the expert, and the secretariat's copy carries the no-conflict declaration the bundle brought.
 */
describe('score sheets from real stores', () => {
  let r: Review;
  beforeEach(async () => {
    r = await setupReview();
  });
  afterEach(() => r.cleanup());

  const textOf = async (pdf: Uint8Array) => squash((await pageTexts(pdf)).join(''));

  it('prints the expert’s name and code on the sheet the expert prints, and the declaration time on the secretariat’s copy', async () => {
    const [e1] = r.stores as [Review['stores'][0]];
    const [a1] = r.applicants as [Review['applicants'][0]];
    scoreAll(e1, r.editionId, a1.id, 'material', 70, '质量文化建设扎实');
    const declaredAt = e1.assignments.mine({ editionId: r.editionId }).find((a) => a.applicant.id === a1.id)!.declaration!.declaredAt;

    const own = await e1.reports.make({ kind: 'score-sheet', editionId: r.editionId, applicantId: a1.id, stage: 'material', lang: 'zh' });
    const ownText = await textOf(own.bytes);
    expect(ownText).toContain('评审专家张伟（E01）');
    expect(ownText).not.toContain('请填写姓名');

    await r.sec.bundles.import({ files: [(await exportBundleFile(e1, r.editionId, join(r.dir, 'e1.psbundle'))).file].map(upload) });
    const filed = await r.sec.reports.make({ kind: 'score-sheet', editionId: r.editionId, applicantId: a1.id, stage: 'material', expertId: r.experts[0]!.id, lang: 'zh' });
    const filedText = await textOf(filed.bytes);
    expect(filedText).toContain('评审专家张伟（E01）');
    expect(filedText).toContain(squash(`本人已声明与申报单位“${a1.name}”不存在利害关系。声明时间：${formatDateTime(declaredAt, 'zh')}。`));
  });
});
