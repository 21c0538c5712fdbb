/**
 * A rough strength estimate for the passphrase meter: bits from length and the kinds of
 * characters used, reduced for repetition and for well-known weak choices. It guides the user;
 * the real defence is the store's slow key derivation.
 */
export type Strength = 0 | 1 | 2 | 3 | 4;

const COMMON = ['password', 'passw0rd', '123456', 'qwerty', 'abc123', 'iloveyou', 'admin', 'pingshen', 'woaini', '111111', '000000', '888888'];

export function estimateBits(passphrase: string): number {
  if (passphrase === '') return 0;
  const chars = [...passphrase];
  let pool = 0;
  if (/[a-z]/.test(passphrase)) pool += 26;
  if (/[A-Z]/.test(passphrase)) pool += 26;
  if (/\d/.test(passphrase)) pool += 10;
  if (/[^\p{L}\p{N}]/u.test(passphrase)) pool += 33;
  if (/[\u3400-\u9fff]/.test(passphrase)) pool += 3000;
  const unique = new Set(chars).size;
  // repeats and runs add little: count each distinct character fully, repeats at a quarter
  const effective = unique + (chars.length - unique) * 0.25;
  let bits = effective * Math.log2(Math.max(pool, 2));
  const lower = passphrase.toLowerCase();
  if (COMMON.some((w) => lower.includes(w))) bits *= 0.4;
  if (/^(.)\1*$/.test(passphrase)) bits = Math.min(bits, 4);
  return Math.round(bits);
}

export function strengthOf(passphrase: string): Strength {
  const bits = estimateBits(passphrase);
  if (bits < 28) return 0;
  if (bits < 40) return 1;
  if (bits < 60) return 2;
  if (bits < 80) return 3;
  return 4;
}

/** Long enough and not trivially guessable; the contract enforces the length again. */
export function acceptable(passphrase: string, minLength: number): boolean {
  return [...passphrase].length >= minLength && strengthOf(passphrase) >= 2;
}
