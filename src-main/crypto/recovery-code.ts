import { randomInt } from 'node:crypto';
import { PingshenError } from '../domain/errors.js';

/**
 * The recovery code (恢复码): shown once when a store is made, written on paper, and able to
 * unwrap the store's data key a second time when the passphrase is forgotten. 30 random symbols of
 * Crockford's base32 (150 bits, far beyond guessing even at a cheap key derivation) and 2 check
 * symbols, so that a symbol misread from the paper is told apart from the code of another store.
 * Crockford's alphabet has no I, L, O or U: read aloud or copied by hand, nothing is confused.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_SYMBOLS = 30;
const CHECK_SYMBOLS = 2;
const GROUP = 4;

/**
 * A weighted sum modulo the prime 1021 (it fits the two symbols' 10 bits): one symbol misread
 * changes the sum by weight × difference, both below 1021 and not zero, so it is always caught,
 * as a hash of 10 bits would miss one time in 1024. The sum starts at 1, so a row of zeros is no code.
 */
function checkSymbols(body: string): string {
  let sum = 1;
  for (let i = 0; i < body.length; i++) sum = (sum + (i + 1) * ALPHABET.indexOf(body[i]!)) % 1021;
  return ALPHABET[sum >> 5]! + ALPHABET[sum & 31]!;
}

/** Grouped for reading aloud: ABCD-EFGH-… (8 groups of 4). */
function grouped(code: string): string {
  return (code.match(new RegExp(`.{1,${GROUP}}`, 'g')) ?? []).join('-');
}

export function newRecoveryCode(): string {
  let body = '';
  for (let i = 0; i < RANDOM_SYMBOLS; i++) body += ALPHABET[randomInt(ALPHABET.length)];
  return grouped(body + checkSymbols(body));
}

/**
 * The code in its one canonical form (what the key derivation reads), from what a person typed:
 * any case, spaces or dashes anywhere, O for 0 and I or L for 1 as Crockford allows. A code of the
 * wrong length or with a failing check is refused here, before any key derivation.
 */
export function parseRecoveryCode(typed: string): string {
  const compact = typed
    .toUpperCase()
    .replace(/[\s\u3000-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const valid = compact.length === RANDOM_SYMBOLS + CHECK_SYMBOLS && [...compact].every((c) => ALPHABET.includes(c));
  if (!valid || checkSymbols(compact.slice(0, RANDOM_SYMBOLS)) !== compact.slice(RANDOM_SYMBOLS)) {
    throw new PingshenError('recovery-code.invalid', {
      zh: `恢复码有误：应为 ${RANDOM_SYMBOLS + CHECK_SYMBOLS} 个字母或数字（8 组，每组 4 个），且校验不符。请对照纸上的恢复码逐组核对后重试；未做任何更改。`,
      en: `The recovery code is mistyped: it has ${RANDOM_SYMBOLS + CHECK_SYMBOLS} letters or digits (8 groups of 4) and its check does not match. Compare it group by group with the code on paper and try again; nothing was changed.`,
    });
  }
  return grouped(compact);
}
