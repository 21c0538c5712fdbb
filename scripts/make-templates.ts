/**
 * Writes resources/templates/applicants-template.xlsx and experts-template.xlsx from the column
 * lists the importer reads (src-main/xlsx), so template and importer cannot drift apart.
 * Run: npx tsx scripts/make-templates.ts
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { resourcePath } from '../src-main/catalog/resources.js';
import { APPLICANT_COLUMNS } from '../src-main/xlsx/applicants.js';
import { EXPERT_COLUMNS } from '../src-main/xlsx/experts.js';
import type { ColumnSpec } from '../src-main/xlsx/read.js';

interface Help {
  zh: string;
  en: string;
  example: string;
  width: number;
  list?: string[];
  text?: boolean;
}

const APPLICANT_HELP: Record<string, Help> = {
  code: { zh: '秘书处编号，本届内唯一', en: "secretariat's number, unique in the edition", example: 'WX2025-001', width: 14 },
  name: { zh: '申报单位全称（个人申报填姓名）', en: 'full name of the organisation (or the person)', example: '无锡某精密机械有限公司', width: 36 },
  kind: { zh: '单位 或 个人（以本届评审规则受理的为准）', en: '单位 (unit) or 个人 (individual), as the profile admits', example: '单位', width: 10, list: ['单位', '个人'] },
  industry: { zh: '一产业、二产业、三产业，或 1、2、3', en: 'primary, secondary, tertiary industry: 一产业/二产业/三产业 or 1/2/3', example: '二产业', width: 10, list: ['一产业', '二产业', '三产业'] },
  contactName: { zh: '联系人姓名（可空）', en: 'contact person (optional)', example: '王丽', width: 12 },
  contactPhone: { zh: '11 位手机号或带区号的固定电话（可空）', en: '11-digit mobile or landline with area code (optional)', example: '0510-82345678', width: 18, text: true },
  contactEmail: { zh: '电子邮箱（可空）', en: 'e-mail (optional)', example: 'wangli@example.cn', width: 26 },
  creditCode: { zh: '统一社会信用代码，18 位（可空；用于提示利益冲突）', en: 'unified social credit code, 18 characters (optional; used to suggest conflicts)', example: '91320211MA1W8Q8A0W', width: 22, text: true },
  idNumber: { zh: '个人申报：居民身份证号码，18 位（可空；用于查找往届记录）', en: "individuals: resident ID-card number, 18 characters (optional; finds the person's earlier editions)", example: '11010519491231002X', width: 22, text: true },
};

const EXPERT_HELP: Record<string, Help> = {
  code: { zh: '专家编号，本届内唯一', en: "expert's number, unique in the edition", example: 'E01', width: 10 },
  name: { zh: '专家姓名', en: 'full name', example: '张伟', width: 12 },
  organisation: { zh: '工作单位（可空）', en: 'organisation (optional)', example: '江南大学', width: 28 },
  title: { zh: '职称或职务（可空）', en: 'title (optional)', example: '教授', width: 14 },
  industry: { zh: '熟悉的产业：一产业、二产业、三产业或 1、2、3（可空）', en: 'industry of expertise, 1/2/3 (optional)', example: '二产业', width: 10, list: ['一产业', '二产业', '三产业'] },
  phone: { zh: '11 位手机号或带区号的固定电话（可空）', en: '11-digit mobile or landline (optional)', example: '13912345678', width: 16, text: true },
  email: { zh: '电子邮箱（可空）', en: 'e-mail (optional)', example: 'zhangwei@example.cn', width: 26 },
};

const FIXED_DATE = new Date('2025-01-01T00:00:00Z');

/** exceljs writes range validations (one rule for a whole column) but its typings omit them. */
type RangeValidations = { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } };

function sheetFor<F extends string>(
  title: string,
  columns: ColumnSpec<F>[],
  help: Record<string, Help>,
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pingshen 评审';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const sheet = wb.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.field, width: help[c.field]?.width ?? 14 }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFDE9D9' : 'FFEFEFEF' } };
    cell.note = `${help[c.field]?.zh ?? ''}\n${help[c.field]?.en ?? ''}`;
    const letter = sheet.getColumn(i + 1).letter;
    const h = help[c.field];
    if (h?.list) {
      (sheet as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}2000`, {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`"${h.list.join(',')}"`],
        showErrorMessage: true,
        errorTitle: '取值无效 / Invalid value',
        error: h.zh,
      });
    }
    if (h?.text) sheet.getColumn(i + 1).numFmt = '@';
  });

  const guide = wb.addWorksheet('说明 Guide');
  guide.columns = [
    { header: '列名 Column', key: 'header', width: 14 },
    { header: '必填 Required', key: 'required', width: 14 },
    { header: '说明', key: 'zh', width: 44 },
    { header: 'Meaning', key: 'en', width: 52 },
    { header: '示例 Example', key: 'example', width: 24 },
    { header: '也接受的列名 Also accepted', key: 'aliases', width: 40 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of columns) {
    const h = help[c.field];
    guide.addRow({
      header: c.header,
      required: c.required ? '是 yes' : '否 no',
      zh: h?.zh ?? '',
      en: h?.en ?? '',
      example: h?.example ?? '',
      aliases: c.aliases.join(', '),
    });
  }
  guide.addRow({});
  guide.addRow({ header: '注意', zh: '在第一个工作表的标题行下方逐行填写；任何一行有误时整个表格都不会导入，系统会列出行号和原因。' });
  guide.addRow({ header: 'Note', en: 'Fill in one row per person below the header of the first worksheet; if any row is wrong nothing is imported and the rows and reasons are listed.' });
  return wb;
}

async function main(): Promise<void> {
  const dir = resourcePath('templates');
  await sheetFor('申报单位', APPLICANT_COLUMNS, APPLICANT_HELP).xlsx.writeFile(join(dir, 'applicants-template.xlsx'));
  await sheetFor('评审专家', EXPERT_COLUMNS, EXPERT_HELP).xlsx.writeFile(join(dir, 'experts-template.xlsx'));
  process.stdout.write(`templates written to ${dir}\n`);
}

await main();
