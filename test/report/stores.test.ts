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

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * Every report the secretariat prints, from real stores, where every record's id is a UUID: no
 * id may reach a page (issue 14). Only one expert has handed back a bundle, so the reports are
 * made from incomplete data and must say so.
 */
describe('reports from real stores name people, never ids', () => {
  let r: Review;
  beforeEach(async () => {
    r = await setupReview();
  });
  afterEach(() => r.cleanup());

  it('prints no internal id in any report, the report set included, and marks the incomplete ones 暂定', async () => {
    const [e1] = r.stores as [Review['stores'][0]];
    const [a1] = r.applicants as [Review['applicants'][0]];
    const editionId = r.editionId;
    scoreAll(e1, editionId, a1.id, 'material', 70, '质量文化建设扎实');
    await r.sec.bundles.import({ files: [(await exportBundleFile(e1, editionId, join(r.dir, 'e1.psbundle'))).file].map(upload) });
    await r.sec.bundles.import({ files: [{ fileName: '坏文件.psbundle', bytes: new Uint8Array([1, 2, 3]) }] });

    const base = { editionId, lang: 'zh' as const };
    const made = [
      await r.sec.reports.make({ ...base, kind: 'score-sheet', applicantId: a1.id, stage: 'material', expertId: r.experts[0]!.id }),
      await r.sec.reports.make({ ...base, kind: 'panel-summary', applicantId: a1.id }),
      await r.sec.reports.make({ ...base, kind: 'panel-binder' }),
      await r.sec.reports.make({ ...base, kind: 'feedback', applicantId: a1.id, discloseScores: true }),
      await r.sec.reports.make({ ...base, kind: 'ranking' }),
      await r.sec.reports.make({ ...base, kind: 'ballot' }),
      await r.sec.reports.make({ ...base, kind: 'recusals' }),
      await r.sec.reports.make({ ...base, kind: 'receipt' }),
      await e1.reports.make({ ...base, kind: 'score-sheet', applicantId: a1.id, stage: 'material' }),
      ...(await r.sec.reports.makeSet({ editionId, lang: 'zh' })).files,
    ];
    for (const file of made) {
      expect(file.fileName).not.toMatch(UUID);
      const text = (await pageTexts(file.bytes)).join('\n');
      expect(text, file.fileName).not.toMatch(UUID);
    }
    const [, summary, , , ranking, , , receipt] = await Promise.all(made.slice(0, 8).map(async (f) => squash((await pageTexts(f.bytes)).join(''))));
    // the experts who have not handed back are named by code and name
    expect(ranking).toContain('暂定');
    expect(ranking).toContain('E02李娜、E03王强');
    expect(summary).toContain('尚未提交评分表的专家');
    expect(receipt).toContain('拒收1个');
    expect(receipt).toContain('坏文件.psbundle');
  });
});
