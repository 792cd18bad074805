import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactDecimal } from '../../../src/core/decimal.js';
import { applyRate, parseAmount } from '../../../src/finance/money.js';

describe('parseAmount: accepted forms, in öre', () => {
  it.each([
    ['1234.50', 123450],
    ['1234,50', 123450],
    ['1 234,50', 123450],
    ['1\u00A0234,50', 123450], // no-break space (Excel "# ##0,00")
    ['1\u202F234,50', 123450], // narrow no-break space
    ['1 234.50', 123450],
    ['1234,5', 123450],
    ['1234.5', 123450],
    ['1234', 123400],
    ['0', 0],
    ['0,5', 50],
    ['0,05', 5],
    ['-500', -50000],
    ['\u2212500', -50000], // a typographic minus
    ['-0,01', -1],
    ['-0', 0],
    ['12 345 678,90', 1234567890],
    ['12\u00A0345\u00A0678', 1234567800],
    ['  42,10 ', 4210],
    ['007', 700],
    ['123456789012', 12345678901200],
    ['12,5', 1250],
    ['999,99', 99999],
    ['1,23', 123],
  ])('%j → %d öre', (text, ore) => {
    expect(parseAmount(text)).toBe(ore);
  });

  it.each(['1.234', '1,234', '-1,234', '999.000', '12,500', '100.000', '\u22121.234'])('%j is ambiguous', (text) => {
    expect(parseAmount(text)).toBe('ambiguous');
  });

  it.each([
    '',
    'abc',
    '1.234.567',
    '1,234,567',
    '1,234,567.89',
    '1.234,50',
    '1 234.567',
    '1234,567',
    '1234.5678',
    '0,125',
    '12 34',
    '1234 567',
    '1 2345',
    ',50',
    '50,',
    '1 234,50 kr',
    'SEK 100',
    '+500',
    '- 500',
    '1e3',
    '(500)',
    '1234567890123', // beyond 10^12 SEK
    '1_000',
  ])('%j is invalid', (text) => {
    expect(parseAmount(text)).toBe('invalid');
  });
});

describe('exact rates', () => {
  it('rounds rate × amount half away from zero to whole öre', () => {
    const forty = exactDecimal(0.4);
    expect(applyRate(forty, 3333333)).toBe(1333333); // 40 % of 33 333,33 = 13 333,332 → 13 333,33
    expect(applyRate(forty, 123456789)).toBe(49382716); // 493 827,156 → 493 827,16
    expect(applyRate(forty, 1)).toBe(0); // 0,4 öre
    expect(applyRate(forty, 2)).toBe(1); // 0,8 öre
    expect(applyRate(forty, -2)).toBe(-1);
    const quarter = exactDecimal(0.25);
    expect(applyRate(quarter, 10)).toBe(3); // 2,5 öre → 3
    expect(applyRate(quarter, -10)).toBe(-3); // -2,5 öre → -3 (away from zero)
    expect(applyRate(quarter, 6)).toBe(2); // 1,5 → 2
    expect(applyRate(quarter, 2)).toBe(1); // 0,5 → 1
    expect(applyRate(exactDecimal(0.45), 3)).toBe(1); // 1,35 → 1
    expect(applyRate(exactDecimal(0.5), 3)).toBe(2); // 1,5 → 2
  });

  it('matches the exact fraction for any amount (no floating point)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 14), max: 10 ** 14 }), fc.integer({ min: 0, max: 10000 }), (ore, bp) => {
        const rate = { numerator: BigInt(bp), denominator: 10000n };
        const got = BigInt(applyRate(rate, ore));
        // |got − ore·bp/10000| ≤ 1/2, and exactly 1/2 only away from zero
        const twice = 2n * got * 10000n - 2n * BigInt(ore) * BigInt(bp);
        expect(twice <= 10000n && twice >= -10000n).toBe(true);
        if (twice === 10000n) expect(ore > 0).toBe(true);
        if (twice === -10000n) expect(ore < 0).toBe(true);
      }),
    );
  });
});
