/**
 * Money in whole öre (integers) and exact rates. Nothing here uses floating-point arithmetic on
 * money: amounts are parsed digit by digit, rates are kept as fractions of integers, and products
 * are rounded with BigInt.
 */

import { divRoundHalfAwayFromZero, type ExactDecimal } from '../core/decimal.js';

/** Öre per krona. */
export const ORE_PER_SEK = 100;

/** "Beyond 1 SEK" in `finance.md`: a difference of more than 100 öre either way. */
export const TOLERANCE_ORE = 100;

/** The largest amount a row may carry: 10^12 SEK (far beyond any project, far below 2^53 öre). */
const MAX_INTEGER_DIGITS = 12;

export type AmountProblem = 'invalid' | 'ambiguous';

/** Thousands separators Swedish exports use: space, no-break space, narrow no-break space. */
const GROUP = '[ \\u00A0\\u202F]';
const INTEGER_PART = `(?:\\d{1,3}(?:${GROUP}\\d{3})+|\\d+)`;
const AMOUNT_FORM = new RegExp(`^([-\\u2212])?(${INTEGER_PART})(?:[.,](\\d{1,2}))?$`);
/** `1.234`, `1,234`, `-12,500`: one separator then exactly three digits could be thousands or decimals. */
const AMBIGUOUS_FORM = /^[-\u2212]?[1-9]\d{0,2}[.,]\d{3}$/;

/**
 * Parses an amount in SEK to öre: `1234.50`, `1 234,50` (space, no-break or narrow no-break space
 * between thousands), `1234,5`, `-500`. `1.234` and `1,234` are ambiguous; more than two
 * decimals, other separators or any other text are invalid.
 */
export function parseAmount(text: string): number | AmountProblem {
  const value = text.trim();
  if (AMBIGUOUS_FORM.test(value)) return 'ambiguous';
  const m = AMOUNT_FORM.exec(value);
  if (!m) return 'invalid';
  const digits = m[2]!.replace(/[ \u00A0\u202F]/g, '').replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_INTEGER_DIGITS) return 'invalid';
  const fraction = (m[3] ?? '').padEnd(2, '0');
  const ore = Number(digits) * ORE_PER_SEK + Number(fraction);
  return m[1] !== undefined && ore !== 0 ? -ore : ore;
}

/** rate × amount, rounded half away from zero to whole öre (`finance.md`: expected amounts); the rate read by core `exactDecimal`. */
export function applyRate(rate: ExactDecimal, ore: number): number {
  return toSafeNumber(divRoundHalfAwayFromZero(BigInt(ore) * rate.numerator, rate.denominator));
}

/** A BigInt sum as a number; beyond 2^53 öre (90 000 billion SEK) the figures could not be exact. */
export function toSafeNumber(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`the sum ${n} öre is too large to report exactly`);
  }
  return Number(n);
}
