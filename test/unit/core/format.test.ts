import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalMark, formatDecimal, formatExactPercent, formatInteger, formatOre, formatPercent, formatReportPercent, PERCENT } from '../../../src/core/format.js';
import { exactDecimal as rateFromNumber } from '../../../src/core/decimal.js';
import { parseAmount } from '../../../src/finance/money.js';

describe('formatOre', () => {
  it.each([
    [0, '0,00'],
    [5, '0,05'],
    [-50, '-0,50'],
    [123450, '1 234,50'],
    [123456789, '1 234 567,89'],
    [-100000000, '-1 000 000,00'],
    [99999, '999,99'],
  ])('%d → %j', (ore, text) => {
    expect(formatOre(ore)).toBe(text);
  });

  it('round-trips through parseAmount for any amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 14) + 1, max: 10 ** 14 - 1 }), (ore) => {
        expect(parseAmount(formatOre(ore))).toBe(ore);
      }),
    );
  });
});

describe('formatExactPercent: a decided rate with every decimal it has', () => {
  it('formats rates as percentages with a decimal comma', () => {
    expect(formatExactPercent(rateFromNumber(0.4))).toBe('40 %');
    expect(formatExactPercent(rateFromNumber(0.375))).toBe('37,5 %');
    expect(formatExactPercent(rateFromNumber(0.12345))).toBe('12,345 %');
    expect(formatExactPercent(rateFromNumber(1))).toBe('100 %');
    expect(formatExactPercent(rateFromNumber(0))).toBe('0 %');
  });

  it('takes the decimal mark and the blank before % of the renderer', () => {
    expect(formatExactPercent(rateFromNumber(0.375), { decimalMark: '.', space: '\u00a0' })).toBe('37.5\u00a0%');
    expect(formatExactPercent(rateFromNumber(0.4), { decimalMark: '.', space: '\u00a0' })).toBe('40\u00a0%');
  });
});

describe('formatPercent: one rounding rule, half away from zero on the decimal digits', () => {
  const terminal = (lang: 'sv' | 'en', decimals = 2) => ({ decimals, decimalMark: decimalMark(lang), space: ' ' as const });
  it.each([
    [0.1684, 'en', '16.84 %'],
    [0.0188, 'sv', '1,88 %'],
    [1, 'en', '100.00 %'],
    [0.125, 'en', '12.50 %'],
    [0, 'sv', '0,00 %'],
  ] as const)('%d in %s → %j', (share, lang, text) => {
    expect(formatPercent(share, terminal(lang))).toBe(text);
  });

  it('rounds on the decimal digits, not the binary double (0.29005 → 29.01, where × 10000 gives 2900.4999…)', () => {
    expect(0.29005 * 10000).toBeLessThan(2900.5);
    expect(formatPercent(0.29005, terminal('en'))).toBe('29.01 %');
    expect(formatPercent(-0.29005, { ...terminal('en'), minus: '−' })).toBe('−29.01 %');
    expect(formatPercent(0.002545, terminal('sv', 3))).toBe('0,255 %');
  });

  it('puts a minus only on a figure that does not round to 0', () => {
    expect(formatPercent(-0.00001, terminal('en'))).toBe('0.00 %');
    expect(formatPercent(-0.4, terminal('sv'))).toBe('-40,00 %');
  });

  it('drops trailing zeros when asked: at most so many decimals', () => {
    const short = (share: number) => formatPercent(share, { ...terminal('sv', 4), trimZeros: true });
    expect(short(0.25)).toBe('25 %');
    expect(short(0.903)).toBe('90,3 %');
    expect(short(0.123456)).toBe('12,3456 %');
    expect(short(1)).toBe('100 %');
  });

  it('has one named form per place that shows shares', () => {
    // the terminal's figures (indicator rates, finance shares): two decimals
    expect(formatPercent(0.1684, PERCENT.terminal('en'))).toBe('16.84 %');
    expect(formatPercent(0.0188, PERCENT.terminal('sv'))).toBe('1,88 %');
    expect(formatPercent(1, PERCENT.terminal('en'))).toBe('100.00 %');
    expect(formatPercent(0.4, PERCENT.terminal('sv'))).toBe('40,00 %');
    // a target or reference rate in the terminal: at most four decimals
    expect(formatPercent(0.25, PERCENT.terminalShort('en'))).toBe('25 %');
    expect(formatPercent(0.903, PERCENT.terminalShort('sv'))).toBe('90,3 %');
    expect(formatPercent(0.07, PERCENT.terminalShort('en'))).toBe('7 %');
    // the web page: at most two decimals
    expect(formatPercent(0.2545, PERCENT.web('sv'))).toBe('25,45 %');
    expect(formatPercent(0.2545, PERCENT.web('en'))).toBe('25.45 %');
    expect(formatPercent(1, PERCENT.web('sv'))).toBe('100 %');
    expect(formatPercent(0.5, PERCENT.web('en'))).toBe('50 %');
  });

  it('is the report form with a no-break space in Swedish and none in English', () => {
    expect(formatReportPercent(0.2545, 1, 'sv')).toBe('25,5\u00a0%');
    expect(formatReportPercent(0.2545, 1, 'en')).toBe('25.5%');
    expect(formatReportPercent(12.5, 0, 'sv')).toBe('1\u00a0250\u00a0%');
    expect(formatReportPercent(0.0188, 1, 'en')).toBe('1.9%');
  });

  it('never differs from the exact rounding of any 6-decimal share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), (millionths) => {
        // exact: millionths / 10^4 per cent, half away from zero to 2 decimals = round(millionths / 100)
        const hundredths = Math.floor((millionths + 50) / 100);
        const expected = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')} %`;
        expect(formatPercent(millionths / 1e6, terminal('en'))).toBe(expected);
      }),
    );
  });
});

describe('numbers in reports', () => {
  it('groups thousands by language and uses the typographic minus', () => {
    expect(formatInteger(1234567, 'sv')).toBe('1\u00a0234\u00a0567');
    expect(formatInteger(-1234, 'en')).toBe('−1,234');
    expect(formatDecimal(1234.5, 2, 'sv')).toBe('1\u00a0234,50');
    expect(formatDecimal(1234.5, 2, 'en', false)).toBe('1234.50');
    expect(formatDecimal(-0.004, 2, 'en')).toBe('0.00');
    expect(formatDecimal(2.675, 2, 'en')).toBe('2.68'); // toFixed gives 2.67
  });
});
