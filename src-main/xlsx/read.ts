import type { Localized } from '../domain/localized.js';
import type { ImportRowError, Upload } from '../domain/files.js';
import { PingshenError } from '../domain/errors.js';

/** One column a sheet may carry: the field it fills and the headers it is known by. */
export interface ColumnSpec<F extends string> {
  field: F;
  /** the header the template uses, also the name row errors report */
  header: string;
  aliases: string[];
  required: boolean;
}

export interface SheetRow<F extends string> {
  /** 1-based, as Excel shows it */
  row: number;
  values: Record<F, string>;
  /** the header as written in the file, for row errors */
  headerOf: Record<F, string>;
}

const MAX_ROWS = 20_000;

/** "编号*", " Contact  phone " and "联系电话（必填）" all name the same column. */
function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s*＊:：_-]/g, '');
}

function unreadable(file: string, cause: unknown): PingshenError {
  return new PingshenError(
    'xlsx.unreadable',
    {
      zh: `无法读取“${file}”：它不是有效的 Excel（.xlsx）文件。请用 Excel 或 WPS 另存为 .xlsx 后重试，或使用 resources/templates 中的模板。`,
      en: `Cannot read "${file}": it is not a valid Excel (.xlsx) workbook. Save it as .xlsx from Excel or WPS and try again, or start from the template in resources/templates.`,
    },
    { file, cause: String(cause) },
  );
}

export function invalidRows(errors: ImportRowError[], what: Localized): PingshenError {
  const rows = [...new Set(errors.map((e) => e.row))];
  return new PingshenError(
    'xlsx.invalid-rows',
    {
      zh: `${what.zh}表格有 ${rows.length} 行有误（第 ${rows.join('、')} 行），整个表格未导入。请按提示修改后重新导入。`,
      en: `The ${what.en} sheet has ${rows.length} bad row(s) (${rows.join(', ')}); nothing was imported. Fix them and import the sheet again.`,
    },
    errors,
  );
}

/**
 * Reads the first worksheet (or the first with one of the names given): the header row (Chinese or English)
 * picks the columns, every later non-empty row becomes a record of trimmed cell texts. Structural
 * problems (not a workbook, a required column missing, no data) are refused here; field rules are
 * the caller's. A further worksheet may be absent or empty (`optional`): it then has no rows.
 */
export async function readSheetRows<F extends string>(
  file: Upload,
  columns: ColumnSpec<F>[],
  what: Localized,
  opts: { names?: string[]; optional?: boolean } = {},
): Promise<SheetRow<F>[]> {
  // loaded on demand: exceljs takes ~0.6 s to load and most commands never read a sheet
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    throw unreadable(file.fileName, e);
  }
  const names = opts.names?.map((n) => n.toLowerCase());
  const sheet = names ? workbook.worksheets.find((w) => names.includes(w.name.trim().toLowerCase())) : workbook.worksheets[0];
  if (!sheet) {
    if (opts.optional) return [];
    throw unreadable(file.fileName, 'no worksheet');
  }
  if (opts.optional && sheet.rowCount < 2) return [];

  const positions = new Map<F, { col: number; header: string }>();
  sheet.getRow(1).eachCell((cell, col) => {
    const header = cell.text.trim();
    const key = normalizeHeader(header);
    const spec = columns.find((c) => [c.header, ...c.aliases].some((name) => normalizeHeader(name) === key));
    if (spec && !positions.has(spec.field)) positions.set(spec.field, { col, header });
  });
  const missing = columns.filter((c) => c.required && !positions.has(c.field));
  if (missing.length) {
    throw invalidRows(
      missing.map((c) => ({
        row: 1,
        column: c.header,
        reason: {
          zh: `缺少必填列“${c.header}”（可用列名：${[c.header, ...c.aliases].join('、')}）`,
          en: `the required column "${c.header}" is missing (accepted headers: ${[c.header, ...c.aliases].join(', ')})`,
        },
      })),
      what,
    );
  }

  const rows: SheetRow<F>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const excelRow = sheet.getRow(r);
    const values = {} as Record<F, string>;
    const headerOf = {} as Record<F, string>;
    let empty = true;
    for (const c of columns) {
      const at = positions.get(c.field);
      const text = at ? excelRow.getCell(at.col).text.trim() : '';
      values[c.field] = text;
      headerOf[c.field] = at?.header ?? c.header;
      if (text !== '') empty = false;
    }
    if (empty) continue;
    rows.push({ row: r, values, headerOf });
    if (rows.length > MAX_ROWS) {
      throw new PingshenError('xlsx.too-many-rows', {
        zh: `表格超过 ${MAX_ROWS} 行，请拆分后分批导入。`,
        en: `The sheet has more than ${MAX_ROWS} rows; split it and import the parts.`,
      });
    }
  }
  if (rows.length === 0) {
    throw new PingshenError('xlsx.empty', {
      zh: `${what.zh}表格中没有数据行：请在标题行下方填写后再导入。`,
      en: `The ${what.en} sheet has no data rows: fill them in below the header row and import again.`,
    });
  }
  return rows;
}
