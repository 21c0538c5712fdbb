import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBundleFile, scoreAll, setupReview, upload, type Review } from '../services/fixtures.js';

/** The results as Excel, from real stores: what a clerk sorts and sums once it is open. */
describe('results exported to Excel', () => {
  let r: Review;
  beforeEach(async () => {
    r = await setupReview();
  });
  afterEach(() => r.cleanup());

  it('has the ranking and one sheet per stage, a frozen header, numbers as numbers and every item of every counted sheet', async () => {
    const [e1, e2] = r.stores as [Review['stores'][0], Review['stores'][0]];
    const [a1] = r.applicants as [Review['applicants'][0]];
    scoreAll(e1, r.editionId, a1.id, 'material', 70);
    scoreAll(e2, r.editionId, a1.id, 'material', 60);
    for (const [i, e] of [e1, e2].entries()) {
      await r.sec.bundles.import({ files: [(await exportBundleFile(e, r.editionId, join(r.dir, `e${i}.psbundle`))).file].map(upload) });
    }
    const made = await r.sec.results.exportXlsx({ editionId: r.editionId, lang: 'zh' });
    expect(made.fileName).toBe('2025年信阳市市长质量奖-评审结果.xlsx');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(made.bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['排名', '材料评审评分', '现场评审评分']);
    for (const ws of wb.worksheets) expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const ranking = wb.getWorksheet('排名')!;
    expect(ranking.getRow(1).values).toEqual(expect.arrayContaining(['名次', '编号', '申报单位', '材料评审（30%）', '现场评审（70%）', '加权总分']));
    const row = ranking.getRow(2);
    expect(row.getCell(2).value).toBe(a1.code);
    expect(typeof row.getCell(4).value).toBe('number');

    const material = wb.getWorksheet('材料评审评分')!;
    const header = material.getRow(1).values as string[];
    expect(header).toEqual(expect.arrayContaining(['编号', '申报单位', '评审组得分', '专家编号', '专家', '专家总分', '4.1.2 高层领导的作用（50）']));
    const rows = [2, 3].map((n) => material.getRow(n));
    expect(rows.map((x) => [x.getCell(1).value, x.getCell(4).value, x.getCell(6).value])).toEqual([
      [a1.code, 'E01', 700],
      [a1.code, 'E02', 600],
    ]);
    expect(rows[0]!.getCell(3).value).toBe(650);
    const item = header.indexOf('4.1.2 高层领导的作用（50）');
    expect(rows[0]!.getCell(item).value).toBe(70);
    expect(rows[0]!.getCell(item).numFmt).toBe('0"%"');
  });
});
