import type { ApplicantKind, Industry } from '../domain/words.js';
import type { Localized } from '../domain/localized.js';
import type { ImportRowError } from '../domain/files.js';
import { CodeSchema, CreditCodeSchema, EmailSchema, IdCardNumberSchema, PhoneSchema } from '../domain/values.js';
import type { SheetRow } from './read.js';

/**
 * Row checks shared by the applicant and expert sheets. Each collects its problems on the row
 * instead of stopping at the first, so one pass over the sheet reports everything to fix.
 */
export class RowCheck<F extends string> {
  readonly errors: ImportRowError[] = [];

  constructor(private readonly row: SheetRow<F>) {}

  private fail(field: F, reason: Localized): null {
    this.errors.push({ row: this.row.row, column: this.row.headerOf[field], reason });
    return null;
  }

  text(field: F, label: Localized, opts: { required: boolean; max: number }): string | null {
    const value = this.row.values[field];
    if (value === '') {
      return opts.required ? this.fail(field, { zh: `${label.zh}不能为空`, en: `${label.en} is required` }) : null;
    }
    if (value.length > opts.max) {
      return this.fail(field, { zh: `${label.zh}超过 ${opts.max} 个字`, en: `${label.en} is longer than ${opts.max} characters` });
    }
    return value;
  }

  code(field: F): string | null {
    const value = this.row.values[field];
    if (value === '') return this.fail(field, { zh: '编号不能为空', en: 'the code is required' });
    if (!CodeSchema.safeParse(value).success) {
      return this.fail(field, {
        zh: `编号“${value}”无效：最多 40 个字符，不能含空格或斜杠`,
        en: `code "${value}" is not valid: at most 40 characters, no spaces or slashes`,
      });
    }
    return value;
  }

  kind(field: F, admitted: ApplicantKind[]): ApplicantKind | null {
    const value = this.row.values[field];
    const kinds: Record<string, ApplicantKind> = { 单位: 'unit', 组织: 'unit', unit: 'unit', 个人: 'individual', individual: 'individual' };
    const kind = kinds[value.toLowerCase()];
    if (!kind) {
      return this.fail(field, { zh: `类型“${value}”无效：应为“单位”或“个人”`, en: `kind "${value}" is not valid: use 单位 (unit) or 个人 (individual)` });
    }
    if (!admitted.includes(kind)) {
      return this.fail(field, {
        zh: `本届评审规则不受理${kind === 'unit' ? '单位' : '个人'}申报`,
        en: `this edition's rules do not admit ${kind === 'unit' ? 'organisations' : 'individuals'}`,
      });
    }
    return kind;
  }

  industry(field: F, required: boolean): Industry | null {
    const value = this.row.values[field];
    if (value === '' && !required) return null;
    const n = Number(
      value
        .replace(/^第/, '')
        .replace(/产业$/, '')
        .replace(/^一$/, '1')
        .replace(/^二$/, '2')
        .replace(/^三$/, '3'),
    );
    if (value === '' || (n !== 1 && n !== 2 && n !== 3)) {
      return this.fail(field, {
        zh: `产业“${value}”无效：应为一产业、二产业、三产业或 1、2、3`,
        en: `industry "${value}" is not valid: use 一产业/二产业/三产业 or 1, 2, 3`,
      });
    }
    return n;
  }

  creditCode(field: F): string | null {
    const value = this.row.values[field];
    if (value === '') return null;
    const parsed = CreditCodeSchema.safeParse(value);
    if (!parsed.success) {
      return this.fail(field, {
        zh: `统一社会信用代码“${value}”无效：应为 18 位，末位校验码须相符`,
        en: `unified social credit code "${value}" is not valid: 18 characters, the last a matching check character`,
      });
    }
    return parsed.data;
  }

  idNumber(field: F): string | null {
    const value = this.row.values[field];
    if (value === '') return null;
    const parsed = IdCardNumberSchema.safeParse(value);
    if (!parsed.success) {
      return this.fail(field, {
        zh: `居民身份证号码“${value}”无效：应为 18 位，末位校验码须相符`,
        en: `resident ID-card number "${value}" is not valid: 18 characters, the last a matching check character`,
      });
    }
    return parsed.data;
  }

  phone(field: F): string | null {
    const value = this.row.values[field];
    if (value === '') return null;
    const parsed = PhoneSchema.safeParse(value);
    if (!parsed.success) {
      return this.fail(field, {
        zh: `电话“${value}”格式不对：应为 11 位手机号或带区号的固定电话`,
        en: `phone "${value}" is not valid: an 11-digit mobile or a landline with its area code`,
      });
    }
    return parsed.data;
  }

  email(field: F): string | null {
    const value = this.row.values[field];
    if (value === '') return null;
    if (!EmailSchema.safeParse(value).success) {
      return this.fail(field, { zh: `电子邮箱“${value}”格式不对`, en: `e-mail address "${value}" is not valid` });
    }
    return value;
  }
}

/** A code used twice in the sheet, or already in the edition: every occurrence is reported. */
export function duplicateCodes<F extends string>(
  rows: { row: SheetRow<F>; code: string | null }[],
  field: F,
  existing: ReadonlySet<string>,
): ImportRowError[] {
  const errors: ImportRowError[] = [];
  const firstRow = new Map<string, number>();
  for (const { row, code } of rows) {
    if (code === null) continue;
    const column = row.headerOf[field];
    if (existing.has(code)) {
      errors.push({ row: row.row, column, reason: { zh: `编号“${code}”在本届中已存在`, en: `code "${code}" already exists in this edition` } });
    }
    const first = firstRow.get(code);
    if (first !== undefined) {
      errors.push({
        row: row.row,
        column,
        reason: { zh: `编号“${code}”与第 ${first} 行重复`, en: `code "${code}" repeats row ${first}` },
      });
    } else {
      firstRow.set(code, row.row);
    }
  }
  return errors;
}
