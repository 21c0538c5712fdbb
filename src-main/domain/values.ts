import { z } from 'zod';
import { addFieldReason } from './reasons.js';

/**
 * The values people type and files carry, each checked the same way wherever it arrives: an
 * IPC call, a command line, an Excel row, a sealed package.
 */

export const IdSchema = z.string().trim().min(1).max(100);
export const FilePathSchema = z.string().min(1).max(4096);
export const PassphraseSchema = z.string().min(1).max(1024);

export const textOf = (max: number) => z.string().trim().min(1).max(max);

/** Optional free text: blank becomes null, so "nothing given" is stored one way. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** A checked value that may be left out: '', null and undefined all mean "not given". */
export const nullableOf = <T extends z.ZodType<string | null>>(schema: T) =>
  z.union([z.literal('').transform(() => null), z.null(), z.undefined().transform(() => null), schema]);

/** Mainland mobile, landline with area code (and extension), or 400/800 service numbers. */
export const PHONE_PATTERN = /^(?:(?:\+?86[- ]?)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|[48]00-?\d{3}-?\d{4})$/;

export const PhoneSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s\u3000]/g, ''))
  .superRefine((v, ctx) => {
    if (!PHONE_PATTERN.test(v)) {
      addFieldReason(ctx, `“${v}”不是有效的电话号码：应为 11 位手机号或带区号的固定电话`, `"${v}" is not a phone number: an 11-digit mobile or a landline with area code`);
    }
  });

export const EmailSchema = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    if (!z.email().safeParse(v).success) addFieldReason(ctx, `“${v}”不是有效的电子邮箱地址`, `"${v}" is not an e-mail address`);
  });

/** The secretariat's own numbers for applicants and experts, e.g. WX2025-003 or E01. */
export const CodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .superRefine((v, ctx) => {
    if (/[\s/\\]/.test(v)) addFieldReason(ctx, '编号中不能有空格或斜杠', 'no spaces or slashes in a code');
  });

/** GB 32100-2015: 18 characters from this alphabet (no I, O, S, V, Z), the last a check character. */
const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of a 统一社会信用代码's first 17 characters (GB 32100-2015 §5: MOD 31). */
export function creditCodeCheck(first17: string): string {
  const sum = CREDIT_CODE_WEIGHTS.reduce((acc, w, i) => acc + w * CREDIT_CODE_ALPHABET.indexOf(first17[i]!), 0);
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Whether an 18-character 统一社会信用代码 carries the check character its first 17 give. */
export function isCreditCode(v: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(v) && creditCodeCheck(v.slice(0, 17)) === v[17];
}

/** 统一社会信用代码, upper-cased; a typo is caught by its check character. */
export const CreditCodeSchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .superRefine((v, ctx) => {
    if (!isCreditCode(v)) {
      addFieldReason(ctx, `“${v}”不是有效的统一社会信用代码：应为 18 位，末位校验码须相符`, `"${v}" is not a unified social credit code: 18 characters, the last a matching check character`);
    }
  });

/** A 统一社会信用代码 that may be left out, as a form or a sheet leaves it out. */
export const optionalCreditCode = () =>
  nullableOf(CreditCodeSchema)
    .optional()
    .transform((v) => v ?? null);

/** GB 11643-1999: 17 digits (region, birth date, sequence), then an ISO 7064 MOD 11-2 check character (0–9 or X). */
const ID_NUMBER_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_NUMBER_CHECKS = '10X98765432';

/** The check character of an ID number's first 17 digits: the weights are 2^(17−i) mod 11. */
export function idNumberCheck(first17: string): string {
  const sum = ID_NUMBER_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return ID_NUMBER_CHECKS[sum % 11]!;
}

/** Whether an 18-character 居民身份证号码 carries the check character its first 17 digits give. */
export function isIdCardNumber(v: string): boolean {
  return /^\d{17}[\dX]$/.test(v) && idNumberCheck(v.slice(0, 17)) === v[17];
}

/** 公民身份号码, with a lower-case x read as X; a typo is caught by its check character. */
export const IdCardNumberSchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .superRefine((v, ctx) => {
    if (!isIdCardNumber(v)) {
      addFieldReason(ctx, `“${v}”不是有效的居民身份证号码：应为 18 位，末位校验码须相符`, `"${v}" is not a resident ID-card number: 18 characters, the last a matching check character`);
    }
  });

export const optionalIdCardNumber = () =>
  nullableOf(IdCardNumberSchema)
    .optional()
    .transform((v) => v ?? null);

/** A calendar day as the regulations count periods: YYYY-MM-DD. */
export const DaySchema = z.iso.date();

export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');
export const Base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
export const IsoTimeSchema = z.iso.datetime({ offset: true });
export const UuidSchema = z.uuid();
/** An id as another store wrote it: checked for shape only, never trusted to exist. */
export const EntityIdSchema = z.string().min(1).max(100);
/** Public keys as the identity module prints them; their exact form is the crypto layer's check. */
export const KeyTextSchema = z.string().min(16).max(512);
