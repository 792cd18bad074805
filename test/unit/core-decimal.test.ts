import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/core/csv.js';
import { divRoundHalfAwayFromZero, exactDecimal, share4, tenThousandths } from '../../src/core/decimal.js';

describe('core/decimal: one reading of a decimal, one rounding rule for shares', () => {
  it.each([
    [0.4, 4n, 10n],
    [0.375, 375n, 1000n],
    [0.07, 7n, 100n], // 0.07 × 100 is 7.000000000000001 in floating point; the fraction is exact
    [0.903, 903n, 1000n],
    [0.123, 123n, 1000n],
    [1e-7, 1n, 10_000_000n],
    [1, 1n, 1n],
    [25, 25n, 1n],
    [0, 0n, 1n],
  ])('reads the rate %d as the decimal it was written as: %d/%d', (value, numerator, denominator) => {
    expect(exactDecimal(value)).toEqual({ numerator, denominator });
  });

  it('refuses a rate that is no non-negative finite decimal', () => {
    expect(() => exactDecimal(-0.1)).toThrow(RangeError);
    expect(() => exactDecimal(Number.NaN)).toThrow(RangeError);
    expect(() => exactDecimal(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('divides rounding halves away from zero, whatever the signs (negative amounts in öre)', () => {
    expect(divRoundHalfAwayFromZero(5n, 2n)).toBe(3n);
    expect(divRoundHalfAwayFromZero(-5n, 2n)).toBe(-3n);
    expect(divRoundHalfAwayFromZero(5n, -2n)).toBe(-3n);
    expect(divRoundHalfAwayFromZero(-5n, -2n)).toBe(3n);
    expect(divRoundHalfAwayFromZero(7n, 3n)).toBe(2n);
    expect(divRoundHalfAwayFromZero(-7n, 3n)).toBe(-2n);
    expect(divRoundHalfAwayFromZero(0n, 3n)).toBe(0n);
    expect(() => divRoundHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
    expect(() => divRoundHalfAwayFromZero(0n, 0n)).toThrow(RangeError);
  });

  it('rounds a share half away from zero to four decimals, from the exact fraction', () => {
    expect(share4(3, 160)).toBe(0.0188); // 0.01875, where (0.01875).toFixed(4) gives 0.0187
    expect(share4(-3, 160)).toBe(-0.0188); // a negative amount: the half goes away from zero too
    expect(share4(3, -160)).toBe(-0.0188);
    expect(share4(1, 20_000)).toBe(0.0001); // 0.00005 exactly: a half
    expect(share4(-1, 20_000)).toBe(-0.0001);
    expect(share4(1, 20_001)).toBe(0);
    expect(share4(1, 3)).toBe(0.3333);
    expect(share4(2, 3)).toBe(0.6667);
    expect(share4(21, 44)).toBe(0.4773);
    expect(share4(1, 8)).toBe(0.125);
    expect(share4(7, 100)).toBe(0.07);
    expect(share4(40, 100)).toBe(0.4); // the nearest double to the 4-decimal value, not 0.4000000000000001
    expect(share4(150, 120)).toBe(1.25);
    expect(share4(0, 7)).toBe(0);
    expect(tenThousandths(3, 160)).toBe(188);
    expect(tenThousandths(-3, 160)).toBe(-188);
  });

  it('gives no share over nothing: null from share4, an error from tenThousandths (0/0 included)', () => {
    expect(share4(5, 0)).toBeNull();
    expect(share4(0, 0)).toBeNull();
    expect(() => tenThousandths(0, 0)).toThrow(RangeError);
    expect(() => tenThousandths(5, 0)).toThrow(RangeError);
  });

  it('matches exact rational rounding for any counts', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 1, max: 1_000_000 }), (a, b) => {
        const q = tenThousandths(a, b);
        // q/10000 ≤ a/b + 1/20000 < (q+1)/10000: for counts, half away from zero is half up
        expect(BigInt(q) * 2n * BigInt(b) <= 20000n * BigInt(a) + BigInt(b)).toBe(true);
        expect(BigInt(q + 1) * 2n * BigInt(b) > 20000n * BigInt(a) + BigInt(b)).toBe(true);
        expect(share4(a, b)).toBe(q / 10000);
      }),
    );
  });

  it('is symmetric around zero for negative amounts', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), fc.integer({ min: 1, max: 10 ** 9 }), (a, b) => {
        expect(tenThousandths(-a, b)).toBe(-tenThousandths(a, b) || 0);
      }),
    );
  });
});

describe('core/csv', () => {
  it('quotes a field only when it must, doubling its quotes', () => {
    expect(csvField('plain', ',')).toBe('plain');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('a;b', ',')).toBe('a;b');
    expect(csvField('say "hi"', ',')).toBe('"say ""hi"""');
    expect(csvField('two\nlines', ',')).toBe('"two\nlines"');
    expect(csvField(null, ',')).toBe('');
    expect(csvField(12, ',')).toBe('12');
  });
});
