import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/core/csv.js';
import { divRoundHalfAwayFromZero, exactDecimal, share4, tenThousandths } from '../../src/core/decimal.js';

describe('core/decimal: one reading of a decimal, one rounding rule for shares', () => {
  it('reads a rate as the decimal it was written as', () => {
    expect(exactDecimal(0.4)).toEqual({ numerator: 4n, denominator: 10n });
    expect(exactDecimal(0.903)).toEqual({ numerator: 903n, denominator: 1000n });
    expect(exactDecimal(1e-7)).toEqual({ numerator: 1n, denominator: 10_000_000n });
    expect(exactDecimal(25)).toEqual({ numerator: 25n, denominator: 1n });
    expect(() => exactDecimal(-0.1)).toThrow(RangeError);
    expect(() => exactDecimal(Number.NaN)).toThrow(RangeError);
  });

  it('rounds a share half away from zero to four decimals, from the exact fraction', () => {
    expect(share4(3, 160)).toBe(0.0188); // 0.01875, where (0.01875).toFixed(4) gives 0.0187
    expect(share4(2, 3)).toBe(0.6667);
    expect(share4(1, 0)).toBeNull();
    expect(divRoundHalfAwayFromZero(-5n, 2n)).toBe(-3n);
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 1, max: 1_000_000 }), (a, b) => {
        // for counts, half away from zero is half up: floor((20000a + b) / 2b)
        expect(tenThousandths(a, b)).toBe(Math.floor((20000 * a + b) / (2 * b)));
        expect(share4(a, b)).toBe(tenThousandths(a, b) / 10000);
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
