import type { ApplicantKind } from '../domain/words.js';
import type { ImportRowError, Upload } from '../domain/files.js';
import type { ApplicantInput } from '../domain/people.js';
import { duplicateCodes, RowCheck } from './fields.js';
import { invalidRows, readSheetRows, type ColumnSpec } from './read.js';

type Field = 'code' | 'name' | 'kind' | 'industry' | 'creditCode' | 'idNumber' | 'contactName' | 'contactPhone' | 'contactEmail';

/** The applicant sheet's columns; resources/templates/README.md documents the same list. */
export const APPLICANT_COLUMNS: ColumnSpec<Field>[] = [
  { field: 'code', header: '编号', aliases: ['申报编号', 'code'], required: true },
  { field: 'name', header: '名称', aliases: ['申报单位', '单位名称', '申报人', 'name'], required: true },
  { field: 'kind', header: '类型', aliases: ['申报类型', 'kind', 'type'], required: true },
  { field: 'industry', header: '产业', aliases: ['所属产业', 'industry'], required: true },
  { field: 'contactName', header: '联系人', aliases: ['contact name', 'contact'], required: false },
  { field: 'contactPhone', header: '联系电话', aliases: ['电话', 'contact phone', 'phone'], required: false },
  { field: 'contactEmail', header: '电子邮箱', aliases: ['邮箱', 'contact email', 'email', 'e-mail'], required: false },
  { field: 'creditCode', header: '统一社会信用代码', aliases: ['信用代码', 'credit code', 'unified social credit code'], required: false },
  { field: 'idNumber', header: '身份证号码', aliases: ['居民身份证号码', '公民身份号码', 'id number', 'id card number'], required: false },
];

const WHAT = { zh: '申报单位', en: 'applicants' };

/**
 * Every row of an applicant sheet, validated; any bad row refuses the whole sheet
 * ('xlsx.invalid-rows', details: ImportRowError[]) so that nothing is half-imported.
 */
export async function readApplicantsSheet(
  file: Upload,
  edition: { existingCodes: ReadonlySet<string>; kinds: ApplicantKind[] },
): Promise<ApplicantInput[]> {
  const rows = await readSheetRows(file, APPLICANT_COLUMNS, WHAT);
  const errors: ImportRowError[] = [];
  const parsed = rows.map((row) => {
    const check = new RowCheck(row);
    const code = check.code('code');
    const input = {
      name: check.text('name', { zh: '名称', en: 'the name' }, { required: true, max: 200 }),
      kind: check.kind('kind', edition.kinds),
      industry: check.industry('industry', true),
      creditCode: check.creditCode('creditCode'),
      idNumber: check.idNumber('idNumber'),
      contactName: check.text('contactName', { zh: '联系人', en: 'the contact name' }, { required: false, max: 100 }),
      contactPhone: check.phone('contactPhone'),
      contactEmail: check.email('contactEmail'),
    };
    errors.push(...check.errors);
    return { row, code, input };
  });
  errors.push(...duplicateCodes(parsed, 'code', edition.existingCodes));
  if (errors.length) throw invalidRows(errors.sort((a, b) => a.row - b.row), WHAT);
  return parsed.map(({ code, input }) => ({
    code: code as string,
    name: input.name as string,
    kind: input.kind as ApplicantKind,
    industry: input.industry as ApplicantInput['industry'],
    creditCode: input.creditCode,
    idNumber: input.idNumber,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    contactEmail: input.contactEmail,
  }));
}
