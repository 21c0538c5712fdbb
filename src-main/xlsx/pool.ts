import type { ImportRowError, Upload } from '../domain/files.js';
import type { PoolExpert, PoolExpertInput, QualificationInput } from '../domain/pool.js';
import { CalendarDateSchema } from '../domain/pool.js';
import { POOL_STATE_NAMES } from '../domain/words.js';
import { duplicateCodes, RowCheck } from './fields.js';
import { invalidRows, readSheetRows, type ColumnSpec } from './read.js';

/**
 * The expert pool as a workbook: the experts on the first sheet, their qualifications on a
 * sheet named 资格 (one row per qualification, by the expert's code). What the export writes,
 * the import reads back; the status columns the export adds are for reading, status changes
 * only through the pool's own call, with its reason.
 */

type Field = 'code' | 'name' | 'organisation' | 'creditCode' | 'title' | 'industry' | 'speciality' | 'phone' | 'email';
type QualField = 'code' | 'name' | 'certificate' | 'obtainedOn';

export const POOL_COLUMNS: ColumnSpec<Field>[] = [
  { field: 'code', header: '编号', aliases: ['专家编号', 'code'], required: true },
  { field: 'name', header: '姓名', aliases: ['专家姓名', 'name'], required: true },
  { field: 'organisation', header: '工作单位', aliases: ['单位', 'organisation', 'organization'], required: false },
  { field: 'creditCode', header: '单位统一社会信用代码', aliases: ['统一社会信用代码', '信用代码', 'credit code'], required: false },
  { field: 'title', header: '职称', aliases: ['职务', 'title'], required: false },
  { field: 'industry', header: '产业', aliases: ['专业产业', '所属产业', 'industry'], required: false },
  { field: 'speciality', header: '专业特长', aliases: ['专业', '特长', 'speciality', 'specialty'], required: false },
  { field: 'phone', header: '电话', aliases: ['手机', '联系电话', 'phone'], required: false },
  { field: 'email', header: '电子邮箱', aliases: ['邮箱', 'email', 'e-mail'], required: false },
];

export const QUALIFICATION_SHEET = { zh: '资格', en: 'Qualifications' };

export const QUALIFICATION_COLUMNS: ColumnSpec<QualField>[] = [
  { field: 'code', header: '专家编号', aliases: ['编号', 'code', 'expert code'], required: true },
  { field: 'name', header: '资格名称', aliases: ['资格', '培训', 'qualification'], required: true },
  { field: 'certificate', header: '证书编号', aliases: ['证书', 'certificate'], required: false },
  { field: 'obtainedOn', header: '取得日期', aliases: ['日期', 'date', 'obtained on'], required: false },
];

const WHAT = { zh: '专家库', en: 'expert pool' };
const WHAT_QUAL = { zh: '专家资格', en: 'qualifications' };

export interface PoolSheet {
  experts: PoolExpertInput[];
  qualifications: { code: string; qualification: QualificationInput }[];
}

/** Excel keeps a date as a date cell, whose text is the locale's; the ISO day is what the pool keeps. */
function isoDay(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (m) return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/** Every row of a pool workbook, validated; any bad row refuses the whole workbook. */
export async function readPoolWorkbook(file: Upload): Promise<PoolSheet> {
  const rows = await readSheetRows(file, POOL_COLUMNS, WHAT);
  const errors: ImportRowError[] = [];
  const parsed = rows.map((row) => {
    const check = new RowCheck(row);
    const code = check.code('code');
    const input = {
      name: check.text('name', { zh: '姓名', en: 'the name' }, { required: true, max: 100 }),
      organisation: check.text('organisation', { zh: '工作单位', en: 'the organisation' }, { required: false, max: 200 }),
      creditCode: check.creditCode('creditCode'),
      title: check.text('title', { zh: '职称', en: 'the title' }, { required: false, max: 100 }),
      industry: check.industry('industry', false),
      speciality: check.text('speciality', { zh: '专业特长', en: 'the speciality' }, { required: false, max: 200 }),
      phone: check.phone('phone'),
      email: check.email('email'),
    };
    errors.push(...check.errors);
    return { row, code, input };
  });
  errors.push(...duplicateCodes(parsed, 'code', new Set()));
  const codes = new Set(parsed.map((p) => p.code));
  const qualRows = await readSheetRows(file, QUALIFICATION_COLUMNS, WHAT_QUAL, { names: [QUALIFICATION_SHEET.zh, QUALIFICATION_SHEET.en], optional: true });
  const qualifications: PoolSheet['qualifications'] = [];
  for (const row of qualRows) {
    const check = new RowCheck(row);
    const code = check.code('code');
    const name = check.text('name', { zh: '资格名称', en: 'the qualification' }, { required: true, max: 100 });
    const certificate = check.text('certificate', { zh: '证书编号', en: 'the certificate' }, { required: false, max: 100 });
    const text = row.values.obtainedOn;
    const obtainedOn = text === '' ? null : isoDay(text);
    if (text !== '' && (obtainedOn === null || !CalendarDateSchema.safeParse(obtainedOn).success)) {
      errors.push({ row: row.row, column: row.headerOf.obtainedOn, reason: { zh: `日期“${text}”无效：应如 2023-06-30`, en: `date "${text}" is not valid: use one like 2023-06-30` } });
    }
    if (code !== null && !codes.has(code)) {
      errors.push({ row: row.row, column: row.headerOf.code, reason: { zh: `编号“${code}”不在专家表中`, en: `code "${code}" is not on the experts sheet` } });
    }
    errors.push(...check.errors);
    if (code !== null && name !== null) qualifications.push({ code, qualification: { name, certificate, obtainedOn } });
  }
  if (errors.length) throw invalidRows(errors.sort((a, b) => a.row - b.row), WHAT);
  return {
    experts: parsed.map(({ code, input }) => ({ ...input, code: code as string, name: input.name as string })),
    qualifications,
  };
}

const EXPORT_EXTRA = [
  { zh: '状态', en: 'Status' },
  { zh: '状态原因', en: 'Status reason' },
  { zh: '状态日期', en: 'Status date' },
  { zh: '已注册', en: 'Enrolled' },
  { zh: '参加届次', en: 'Editions' },
];

/** The pool as the import reads it, with each expert's status, enrolment and editions beside. */
export async function poolWorkbook(experts: PoolExpert[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(0);
  const sheet = wb.addWorksheet(WHAT.zh, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  sheet.addRow([...POOL_COLUMNS.map((c) => c.header), ...EXPORT_EXTRA.map((h) => h.zh)]).font = { bold: true };
  for (const e of experts) {
    sheet.addRow([
      e.code,
      e.name,
      e.organisation ?? '',
      e.creditCode ?? '',
      e.title ?? '',
      e.industry ?? '',
      e.speciality ?? '',
      e.phone ?? '',
      e.email ?? '',
      POOL_STATE_NAMES[e.status.state].zh,
      e.status.reason,
      e.status.at.slice(0, 10),
      e.enrolled ? '是' : '否',
      e.editions,
    ]);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: POOL_COLUMNS.length + EXPORT_EXTRA.length } };
  sheet.columns.forEach((c, i) => (c.width = [10, 10, 28, 22, 14, 6, 20, 16, 24, 8, 24, 12, 8, 8][i] ?? 12));
  const quals = wb.addWorksheet(QUALIFICATION_SHEET.zh, { views: [{ state: 'frozen', ySplit: 1 }] });
  quals.addRow(QUALIFICATION_COLUMNS.map((c) => c.header)).font = { bold: true };
  for (const e of experts) for (const q of e.qualifications) quals.addRow([e.code, q.name, q.certificate ?? '', q.obtainedOn ?? '']);
  quals.columns.forEach((c, i) => (c.width = [10, 30, 20, 12][i] ?? 12));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
