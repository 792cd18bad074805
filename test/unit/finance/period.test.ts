import { describe, expect, it } from 'vitest';
import { parsePeriodArgument, projectQuarters, quarterLabel, resolveAsOf, resolvePeriod } from '../../../src/finance/period.js';

const PROJECT = { start: '2024-08-01', end: '2027-07-31' };
const TODAY = '2026-11-25';

describe('project quarters', () => {
  it('clips calendar quarters to the project period', () => {
    const qs = projectQuarters(PROJECT.start, PROJECT.end);
    expect(qs).toHaveLength(13);
    expect(qs[0]).toEqual({ label: '2024-Q3', start: '2024-08-01', end: '2024-09-30' });
    expect(qs[1]).toEqual({ label: '2024-Q4', start: '2024-10-01', end: '2024-12-31' });
    expect(qs[6]).toEqual({ label: '2026-Q1', start: '2026-01-01', end: '2026-03-31' });
    expect(qs[12]).toEqual({ label: '2027-Q3', start: '2027-07-01', end: '2027-07-31' });
  });

  it('handles a project inside one quarter and leap years', () => {
    expect(projectQuarters('2024-02-10', '2024-03-05')).toEqual([{ label: '2024-Q1', start: '2024-02-10', end: '2024-03-05' }]);
    expect(quarterLabel('2024-02-29')).toBe('2024-Q1');
    expect(quarterLabel('2024-12-31')).toBe('2024-Q4');
  });
});

describe('--period', () => {
  it.each([
    ['project', 'project', '2024-08-01', '2027-07-31', true],
    ['2025-Q2', '2025-Q2', '2025-04-01', '2025-06-30', false],
    ['2025q2', '2025-Q2', '2025-04-01', '2025-06-30', false],
    ['2025-H1', '2025-H1', '2025-01-01', '2025-06-30', false],
    ['2025-H2', '2025-H2', '2025-07-01', '2025-12-31', false],
    ['2025-05', '2025-05', '2025-05-01', '2025-05-31', false],
    ['2024', '2024', '2024-08-01', '2024-12-31', false], // clipped to the project start
    ['2024-Q3', '2024-Q3', '2024-08-01', '2024-09-30', false],
    ['2026-Q4', '2026-Q4', '2026-10-01', '2026-12-31', true],
  ])('%s → %s %s – %s', (arg, label, start, end, preliminary) => {
    expect(resolvePeriod({ period: arg }, PROJECT, TODAY)).toEqual({ period: { label, start, end }, preliminary });
  });

  it('defaults to the project', () => {
    expect(resolvePeriod({}, PROJECT, TODAY)).toEqual({ period: { label: 'project', start: '2024-08-01', end: '2027-07-31' }, preliminary: true });
  });

  it('takes --from --to as FROM..TO', () => {
    expect(resolvePeriod({ from: '2025-02-15', to: '2025-05-20' }, PROJECT, TODAY)).toEqual({
      period: { label: '2025-02-15..2025-05-20', start: '2025-02-15', end: '2025-05-20' },
      preliminary: false,
    });
  });

  it('clips to the reporting range, up to six months after the project end', () => {
    const r = resolvePeriod({ period: 'project' }, { start: '2024-08-01', end: '2025-03-31' }, TODAY);
    expect(r).toEqual({ period: { label: 'project', start: '2024-08-01', end: '2025-03-31' }, preliminary: false });
    expect(resolvePeriod({ period: '2025' }, { start: '2024-08-01', end: '2025-03-31' }, TODAY)).toEqual({
      period: { label: '2025', start: '2025-01-01', end: '2025-09-30' },
      preliminary: false,
    });
  });

  it.each([
    [{ period: '2025-Q1', from: '2025-01-01', to: '2025-03-31' }, 'not both'],
    [{ from: '2025-01-01' }, '--from needs --to'],
    [{ to: '2025-01-01' }, '--to needs --from'],
    [{ from: '2025-03-01', to: '2025-01-01' }, 'is after --to'],
    [{ period: '2023' }, 'outside the reporting range'],
    [{ period: '2028-Q2' }, 'outside the reporting range'],
    [{ period: '2027-Q1' }, 'after today'],
    [{ period: '2025-Q5' }, 'is not a period'],
    [{ period: '2025-13' }, 'is not a period'],
    [{ period: 'last-quarter' }, 'is not a period'],
  ])('%j is a usage problem (%s)', (request, message) => {
    const r = resolvePeriod(request, PROJECT, TODAY);
    expect('problem' in r && r.problem).toContain(message);
  });

  it('parses the unclipped period', () => {
    expect(parsePeriodArgument('2024', PROJECT)).toEqual({ label: '2024', start: '2024-01-01', end: '2024-12-31' });
    expect(parsePeriodArgument('2024-02', PROJECT)).toEqual({ label: '2024-02', start: '2024-02-01', end: '2024-02-29' });
  });
});

describe('--as-of', () => {
  const period = { label: '2025-Q2', start: '2025-04-01', end: '2025-06-30' };
  it('defaults to the period end, or today if that is earlier', () => {
    expect(resolveAsOf(period, undefined, TODAY)).toBe('2025-06-30');
    expect(resolveAsOf({ label: 'project', start: '2024-08-01', end: '2027-07-31' }, undefined, TODAY)).toBe(TODAY);
  });
  it('takes a date inside [period start, today]', () => {
    expect(resolveAsOf(period, '2025-05-15', TODAY)).toBe('2025-05-15');
    expect(resolveAsOf(period, '2026-01-10', TODAY)).toBe('2026-01-10');
  });
  it('rejects a date before the period start or after today', () => {
    expect(resolveAsOf(period, '2025-03-31', TODAY)).toEqual({ problem: expect.stringContaining('before the period start') });
    expect(resolveAsOf(period, '2026-11-26', TODAY)).toEqual({ problem: expect.stringContaining('after today') });
  });
});
