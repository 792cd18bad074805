/**
 * Exact decimals and shares, once for the whole program: a profile's rates (0.4, 0.903, 1e-7) are
 * read as the decimal they were written as, never as a binary double, and every share of two whole
 * numbers is rounded by one rule: half away from zero, to four decimals.
 */

/** An exact non-negative decimal: numerator / denominator, the denominator a power of ten. */
export interface ExactDecimal {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** The exact decimal a number was written as: 0.4 → 4/10, 0.375 → 375/1000, 1e-7 → 1/10^7. */
export function exactDecimal(value: number): ExactDecimal {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`a rate must be a finite number ≥ 0, got ${value}`);
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(value));
  if (!m) throw new RangeError(`cannot read the rate ${value} as a decimal`);
  const fraction = m[2] ?? '';
  let numerator = BigInt(`${m[1]!}${fraction}`);
  let scale = fraction.length - Number(m[3] ?? 0);
  if (scale < 0) {
    numerator *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { numerator, denominator: 10n ** BigInt(scale) };
}

/** `n / d` rounded half away from zero to an integer, exactly. */
export function divRoundHalfAwayFromZero(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = (abs * 2n + d) / (2n * d);
  return negative ? -q : q;
}

/** numerator ÷ denominator in ten-thousandths, rounded half away from zero (3/160 → 188). */
export function tenThousandths(numerator: number, denominator: number): number {
  return Number(divRoundHalfAwayFromZero(BigInt(numerator) * 10000n, BigInt(denominator)));
}

/** numerator ÷ denominator rounded half away from zero to 4 decimals (3/160 → 0.0188), null when the denominator is 0. */
export function share4(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  // an integer count of 1/10000 divided once: the nearest double to the 4-decimal value, e.g. 0.4
  return tenThousandths(numerator, denominator) / 10000;
}
