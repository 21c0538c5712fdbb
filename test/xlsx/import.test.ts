import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resourcePath } from '../../src-main/catalog/resources.js';
import type { ImportRowError } from '../../src-main/domain/files.js';
import type { StoreClient } from '../../src-main/features/open.js';
import { PingshenError } from '../../src-main/domain/errors.js';
import { APPLICANT_COLUMNS, readApplicantsSheet } from '../../src-main/xlsx/applicants.js';
import { EXPERT_COLUMNS } from '../../src-main/xlsx/experts.js';
import { newSecretariat, tempDir, upload } from '../services/fixtures.js';

type Cell = string | number | null | ExcelJS.CellHyperlinkValue;

async function writeSheet(file: string, rows: Cell[][], extraSheet = false): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const row of rows) ws.addRow(row);
  if (extraSheet) wb.addWorksheet('说明').addRow(['编号', '名称']);
  await wb.xlsx.writeFile(file);
  return file;
}

async function rejection(p: Promise<unknown>): Promise<PingshenError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof PingshenError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const HEADER = ['编号', '名称', '类型', '产业', '联系人', '联系电话', '电子邮箱'];

describe('importing applicants and experts from xlsx', () => {
  let t: ReturnType<typeof tempDir>;
  let sec: StoreClient;
  let editionId: string;
  beforeEach(async () => {
    t = tempDir();
    sec = await newSecretariat(t.dir);
    editionId = sec.editions.create({ name: '2025年无锡', year: 2025, profileId: 'wuxi-2024', frameworkId: 'gbt19580-2012', settings: { panelSize: { min: 3, max: 7 } } }).id;
  });
  afterEach(() => {
    sec.close();
    t.cleanup();
  });

  it('imports every row of a good sheet, reading numbers, 1/2/3 and 一二三产业 as Excel stores them', async () => {
    const file = await writeSheet(join(t.dir, 'ok.xlsx'), [
      HEADER,
      ['WX2025-001', '无锡澄光精密机械有限公司', '单位', '二产业', '王丽', 13912345678, 'wangli@example.cn'],
      [],
      ['WX2025-002', '无锡太湖文旅集团', '单位', 3, null, '0510-82345678', { text: 'hr@taihu.cn', hyperlink: 'mailto:hr@taihu.cn' }],
    ], true);
    expect(await sec.applicants.import({ editionId, file: upload(file) })).toEqual({ imported: 2 });
    expect(sec.applicants.list({ editionId }).map((a) => [a.code, a.industry, a.contactPhone, a.contactEmail])).toEqual([
      ['WX2025-001', 2, '13912345678', 'wangli@example.cn'],
      ['WX2025-002', 3, '0510-82345678', 'hr@taihu.cn'],
    ]);
    expect(sec.store.auditLog({ limit: 1 })[0]).toMatchObject({ action: 'applicants.imported', detail: { count: 2 } });
  });

  it('accepts English headers in any order, with required marks', async () => {
    const file = await writeSheet(join(t.dir, 'en.xlsx'), [
      ['Industry', 'Name*', 'Code *', 'Kind', 'E-mail'],
      ['1', 'Wuxi Farm Co.', 'WX-9', 'unit', ''],
    ]);
    const rows = await readApplicantsSheet(upload(file), { existingCodes: new Set(), kinds: ['unit'] });
    expect(rows).toEqual([{ code: 'WX-9', name: 'Wuxi Farm Co.', kind: 'unit', industry: 1, creditCode: null, idNumber: null, contactName: null, contactPhone: null, contactEmail: null }]);
  });

  it('refuses a sheet with bad rows whole, naming each row as Excel numbers it, and imports nothing', async () => {
    sec.applicants.add({ editionId, applicant: { code: 'WX2025-099', name: '已有单位', kind: 'unit', industry: 2, contactName: null, contactPhone: null, contactEmail: null } });
    const auditBefore = sec.store.auditLog({ limit: 1 })[0]!.seq;
    const file = await writeSheet(join(t.dir, 'bad.xlsx'), [
      HEADER,
      ['WX2025-001', '无锡澄光精密机械有限公司', '单位', '二产业', '王丽', '13912345678', null],
      ['WX2025-002', '', '单位', '二产业'],
      ['WX2025-003', '无锡某公司', '公司', '二产业'],
      ['WX2025-004', '无锡某个人', '个人', '二产业'],
      ['WX2025-005', '无锡某工厂', '单位', '四产业'],
      ['WX2025-006', '无锡某医院', '单位', '三产业', '李', '12345'],
      ['WX2025-007', '无锡某学校', '单位', '3', null, null, 'not-an-email@'],
      ['WX2025-001', '重复编号单位', '单位', '2'],
      ['WX2025-099', '与本届重复', '单位', '2'],
    ]);
    const e = await rejection(sec.applicants.import({ editionId, file: upload(file) }));
    expect(e.code).toBe('xlsx.invalid-rows');
    const rows = e.details as ImportRowError[];
    const byRow = (n: number) => rows.filter((r) => r.row === n).map((r) => `${r.column}: ${r.reason.en}`);
    expect(rows.map((r) => r.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(byRow(3)).toEqual(['名称: the name is required']);
    expect(byRow(4)[0]).toMatch(/^类型: kind "公司" is not valid/);
    expect(byRow(5)[0]).toMatch(/^类型: .*do not admit individuals/);
    expect(byRow(6)[0]).toMatch(/^产业: industry "四产业" is not valid/);
    expect(byRow(7)[0]).toMatch(/^联系电话: phone "12345"/);
    expect(byRow(8)[0]).toMatch(/^电子邮箱: e-mail address "not-an-email@"/);
    expect(byRow(9)).toEqual(['编号: code "WX2025-001" repeats row 2']);
    expect(byRow(10)).toEqual(['编号: code "WX2025-099" already exists in this edition']);
    expect(e.localized.zh).toMatch(/第 3、4、5、6、7、8、9、10 行/);
    expect(sec.applicants.list({ editionId }).map((a) => a.code)).toEqual(['WX2025-099']);
    expect(sec.store.auditLog({ limit: 1 })[0]!.seq).toBe(auditBefore);
  });

  it('refuses a file that is not an xlsx workbook with a clear message', async () => {
    const file = join(t.dir, 'applicants.xlsx');
    writeFileSync(file, '编号,名称,类型,产业\nWX-1,某单位,单位,2\n');
    const e = await rejection(sec.applicants.import({ editionId, file: upload(file) }));
    expect(e.code).toBe('xlsx.unreadable');
    expect(e.localized.en).toMatch(/not a valid Excel \(\.xlsx\) workbook/);
    expect(sec.applicants.list({ editionId })).toEqual([]);
  });

  it('reports a missing required column on row 1, and a sheet without data rows', async () => {
    const noKind = await writeSheet(join(t.dir, 'nokind.xlsx'), [
      ['编号', '名称', '产业'],
      ['WX-1', '某单位', '2'],
    ]);
    const e = await rejection(sec.applicants.import({ editionId, file: upload(noKind) }));
    expect(e.code).toBe('xlsx.invalid-rows');
    expect(e.details).toEqual([expect.objectContaining({ row: 1, column: '类型' })]);
    const empty = await writeSheet(join(t.dir, 'empty.xlsx'), [HEADER]);
    expect((await rejection(sec.applicants.import({ editionId, file: upload(empty) }))).code).toBe('xlsx.empty');
  });

  it('imports experts, checking their codes against the sheet and the edition', async () => {
    sec.experts.add({ editionId, expert: { code: 'E09', name: '已有专家', organisation: null, title: null, industry: null, phone: null, email: null } });
    const good = await writeSheet(join(t.dir, 'experts.xlsx'), [
      ['编号', '姓名', '工作单位', '职称', '产业', '电话', '电子邮箱'],
      ['E01', '张伟', '江南大学', '教授', '二产业', '13912345678', 'zw@example.cn'],
      ['E02', '李娜', null, null, null, null, null],
    ]);
    expect(await sec.experts.import({ editionId, file: upload(good) })).toEqual({ imported: 2 });
    expect(sec.experts.list({ editionId }).map((e) => [e.code, e.industry, e.enrolled])).toEqual([
      ['E01', 2, false],
      ['E02', null, false],
      ['E09', null, false],
    ]);
    const bad = await writeSheet(join(t.dir, 'experts-bad.xlsx'), [
      ['code', 'name', 'phone'],
      ['E03', '王强', '1391234'],
      ['E01', '重名', null],
    ]);
    const e = await rejection(sec.experts.import({ editionId, file: upload(bad) }));
    expect((e.details as ImportRowError[]).map((r) => [r.row, r.column])).toEqual([
      [2, 'phone'],
      [3, 'code'],
    ]);
    expect(sec.experts.list({ editionId })).toHaveLength(3);
  });

  it('ships templates whose headers the importer reads, and a filled-in template imports', async () => {
    for (const [name, columns] of [
      ['applicants-template.xlsx', APPLICANT_COLUMNS],
      ['experts-template.xlsx', EXPERT_COLUMNS],
    ] as const) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(resourcePath('templates', name));
      const headers = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
      expect(headers).toEqual(columns.map((c) => c.header));
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(resourcePath('templates', 'applicants-template.xlsx'));
    wb.worksheets[0]!.addRow(['WX2025-010', '无锡新材料有限公司', '单位', '二产业', '赵六', '13800138000', 'zl@example.cn', '91320211MA1W8Q8A0W']);
    const filled = join(t.dir, 'filled.xlsx');
    await wb.xlsx.writeFile(filled);
    expect(await sec.applicants.import({ editionId, file: upload(filled) })).toEqual({ imported: 1 });
    expect(sec.applicants.list({ editionId }).find((a) => a.code === 'WX2025-010')?.creditCode).toBe('91320211MA1W8Q8A0W');
  });
});
