import type { ImportRowError, Upload } from '../domain/files.js';
import type { ExpertInput } from '../domain/people.js';
import { duplicateCodes, RowCheck } from './fields.js';
import { invalidRows, readSheetRows, type ColumnSpec } from './read.js';

type Field = 'code' | 'name' | 'organisation' | 'title' | 'industry' | 'phone' | 'email';

/** The expert sheet's columns; resources/templates/README.md documents the same list. */
export const EXPERT_COLUMNS: ColumnSpec<Field>[] = [
  { field: 'code', header: '编号', aliases: ['专家编号', 'code'], required: true },
  { field: 'name', header: '姓名', aliases: ['专家姓名', 'name'], required: true },
  { field: 'organisation', header: '工作单位', aliases: ['单位', 'organisation', 'organization'], required: false },
  { field: 'title', header: '职称', aliases: ['职务', 'title'], required: false },
  { field: 'industry', header: '产业', aliases: ['专业产业', '所属产业', 'industry'], required: false },
  { field: 'phone', header: '电话', aliases: ['手机', '联系电话', 'phone'], required: false },
  { field: 'email', header: '电子邮箱', aliases: ['邮箱', 'email', 'e-mail'], required: false },
];

const WHAT = { zh: '评审专家', en: 'experts' };

/** Every row of an expert sheet, validated; any bad row refuses the whole sheet. */
export async function readExpertsSheet(file: Upload, edition: { existingCodes: ReadonlySet<string> }): Promise<ExpertInput[]> {
  const rows = await readSheetRows(file, EXPERT_COLUMNS, WHAT);
  const errors: ImportRowError[] = [];
  const parsed = rows.map((row) => {
    const check = new RowCheck(row);
    const code = check.code('code');
    const input = {
      name: check.text('name', { zh: '姓名', en: 'the name' }, { required: true, max: 100 }),
      organisation: check.text('organisation', { zh: '工作单位', en: 'the organisation' }, { required: false, max: 200 }),
      title: check.text('title', { zh: '职称', en: 'the title' }, { required: false, max: 100 }),
      industry: check.industry('industry', false),
      phone: check.phone('phone'),
      email: check.email('email'),
    };
    errors.push(...check.errors);
    return { row, code, input };
  });
  errors.push(...duplicateCodes(parsed, 'code', edition.existingCodes));
  if (errors.length) throw invalidRows(errors.sort((a, b) => a.row - b.row), WHAT);
  return parsed.map(({ code, input }) => ({ ...input, code: code as string, name: input.name as string }));
}
