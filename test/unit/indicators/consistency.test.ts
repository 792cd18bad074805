import { describe, expect, it } from 'vitest';
import { checkConsistency } from '../../../src/indicators/consistency.js';
import type { IndicatorsResult } from '../../../src/indicators/result.js';
import { computeRecords, rec } from './build.js';

/** The result with one cell of one figure changed. */
function withCell(r: IndicatorsResult, code: string, scope: 'period' | 'cumulative', cell: Partial<Record<'women' | 'men' | 'nonBinary' | 'total', number>>): IndicatorsResult {
  const change = <T extends { code: string; period: object; cumulative: object }>(v: T): T => (v.code === code ? { ...v, [scope]: { ...v[scope], ...cell } } : v);
  return { ...r, indicators: r.indicators.map(change), context: r.context.map(change) };
}

const failing = (r: IndicatorsResult) => checkConsistency(r).filter((c) => !c.holds).map((c) => c.test);

describe('the consistency rules of the registry', () => {
  const r = computeRecords([rec(), rec({ gender: 'man', employmentStatus: 'employed', unemploymentMonths: null }), rec({ gender: 'non_binary' })], '2025-Q1');

  it('hold on a computed result', () => {
    expect(failing(r)).toEqual([]);
  });

  it('an equation fails when either side moves, in either scope', () => {
    expect(failing(withCell(r, 'EECO04', 'period', { women: 1, total: 1 }))).toContain('EECO01 = EECO02 + EECO04 + EECO05');
    expect(failing(withCell(r, 'EECO10', 'cumulative', { men: 5, total: 7 }))).toContain('EECO09 + EECO10 + EECO11 = EECO01');
  });

  it('a relation judged on cumulative values only ignores the period', () => {
    // EECR06 above EECO05 in the period only: someone employed at an entry before the period
    const periodOnly = withCell(r, 'EECR06', 'period', { men: 2, total: 2 });
    expect(failing(periodOnly)).not.toContain('EECR06 <= EECO05');
    expect(failing(withCell(r, 'EECR06', 'cumulative', { men: 2, total: 2 }))).toContain('EECR06 <= EECO05');
  });

  it('a figure the result lacks reads as 0', () => {
    const without = { ...r, context: r.context.filter((v) => v.code !== 'LEAVERS') };
    expect(failing(without)).toEqual([]);
    const leaverWithoutLeavers = withCell(without, 'EECR02', 'cumulative', { women: 1, total: 1 });
    expect(failing(leaverWithoutLeavers)).toContain('EECR02 <= LEAVERS');
  });
});
