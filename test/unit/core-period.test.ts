import { describe, expect, it } from 'vitest';
import { isPeriodError, latestEndedQuarter, parsePeriodArgument, reportingRange, resolvePeriod, type PeriodArgs } from '../../src/core/period.js';
import { PROFILE, TODAY } from './indicators/build.js';

const project = PROFILE.period; // 2024-08-01 – 2027-07-31

function ok(args: PeriodArgs, today = TODAY) {
  const p = resolvePeriod(project, args, today);
  if (isPeriodError(p)) throw new Error(p.error);
  return p;
}
function error(args: PeriodArgs, today = TODAY): string {
  const p = resolvePeriod(project, args, today);
  if (!isPeriodError(p)) throw new Error(`expected an error, got ${JSON.stringify(p)}`);
  return p.error;
}

describe('--period forms', () => {
  it('parses quarters, half-years, months, years and project', () => {
    expect(parsePeriodArgument('2025-Q2', project)).toEqual({ label: '2025-Q2', start: '2025-04-01', end: '2025-06-30' });
    expect(parsePeriodArgument('2025-Q1', project)).toEqual({ label: '2025-Q1', start: '2025-01-01', end: '2025-03-31' });
    expect(parsePeriodArgument('2025-Q3', project)).toEqual({ label: '2025-Q3', start: '2025-07-01', end: '2025-09-30' });
    expect(parsePeriodArgument('2025-Q4', project)).toEqual({ label: '2025-Q4', start: '2025-10-01', end: '2025-12-31' });
    expect(parsePeriodArgument('2025-H1', project)).toEqual({ label: '2025-H1', start: '2025-01-01', end: '2025-06-30' });
    expect(parsePeriodArgument('2025-H2', project)).toEqual({ label: '2025-H2', start: '2025-07-01', end: '2025-12-31' });
    expect(parsePeriodArgument('2025-05', project)).toEqual({ label: '2025-05', start: '2025-05-01', end: '2025-05-31' });
    expect(parsePeriodArgument('2026-02', project)).toEqual({ label: '2026-02', start: '2026-02-01', end: '2026-02-28' });
    expect(parsePeriodArgument('2028-02', project)).toEqual({ label: '2028-02', start: '2028-02-01', end: '2028-02-29' });
    expect(parsePeriodArgument('2025', project)).toEqual({ label: '2025', start: '2025-01-01', end: '2025-12-31' });
    expect(parsePeriodArgument('project', project)).toEqual({ label: 'project', start: '2024-08-01', end: '2027-07-31' });
  });

  it('normalises case and spaces in the label', () => {
    expect(parsePeriodArgument(' 2025-q2 ', project)).toMatchObject({ label: '2025-Q2' });
    expect(parsePeriodArgument('2025-h2', project)).toMatchObject({ label: '2025-H2' });
    expect(parsePeriodArgument('PROJECT', project)).toMatchObject({ label: 'project' });
  });

  it('rejects what is not a period', () => {
    for (const bad of ['2025-Q5', '2025-Q0', '2025-H3', '2025-13', '2025-00', '25-Q1', 'Q2-2025', 'last quarter', '']) {
      expect(isPeriodError(parsePeriodArgument(bad, project))).toBe(true);
    }
  });
});

describe('clipping to the reporting range', () => {
  it('the reporting range runs to six months after the project end', () => {
    expect(reportingRange(project)).toEqual({ start: '2024-08-01', end: '2028-01-31' });
  });

  it('2024-Q3 runs from 2024-08-01 (the project start)', () => {
    expect(ok({ period: '2024-Q3' })).toEqual({
      label: '2024-Q3',
      start: '2024-08-01',
      end: '2024-09-30',
      asOf: '2024-09-30',
      preliminary: false,
      windowEnd: '2024-09-30',
    });
  });

  it('2024 and 2028 are clipped to the range at both ends', () => {
    expect(ok({ period: '2024' })).toMatchObject({ start: '2024-08-01', end: '2024-12-31' });
    expect(ok({ period: '2028' }, '2028-06-01')).toMatchObject({ start: '2028-01-01', end: '2028-01-31', preliminary: false });
    expect(ok({ period: '2027-H2' }, '2028-06-01')).toMatchObject({ start: '2027-07-01', end: '2027-12-31' });
    expect(ok({ from: '2027-12-01', to: '2028-03-31' }, '2028-06-01')).toMatchObject({ start: '2027-12-01', end: '2028-01-31' });
  });

  it('a period wholly outside the range is a usage error', () => {
    expect(error({ period: '2024-Q2' })).toMatch(/outside the reporting range/);
    expect(error({ period: '2024-07' })).toMatch(/outside/);
    expect(error({ period: '2028-02' }, '2028-06-01')).toMatch(/outside/);
    expect(error({ from: '2020-01-01', to: '2024-07-31' })).toMatch(/outside/);
  });

  it('a period starting after today is a usage error, one that has not ended is preliminary', () => {
    expect(error({ period: '2027-Q1' })).toMatch(/after today/);
    expect(error({ period: '2026-12' })).toMatch(/after today/);
    expect(ok({ period: '2026-Q4' })).toEqual({
      label: '2026-Q4',
      start: '2026-10-01',
      end: '2026-12-31',
      asOf: TODAY,
      preliminary: true,
      windowEnd: TODAY,
    });
    // a period that starts today is allowed
    expect(ok({ period: '2026-11' }, '2026-11-01')).toMatchObject({ asOf: '2026-11-01', preliminary: true });
  });

  it('"project" is the project period itself, preliminary until its end', () => {
    expect(ok({ period: 'project' })).toEqual({
      label: 'project',
      start: '2024-08-01',
      end: '2027-07-31',
      asOf: TODAY,
      preliminary: true,
      windowEnd: TODAY,
    });
    expect(ok({ period: 'project' }, '2027-08-01')).toMatchObject({ asOf: '2027-07-31', preliminary: false, windowEnd: '2027-07-31' });
  });
});

describe('--from/--to', () => {
  it('labels the period FROM..TO and clips it', () => {
    expect(ok({ from: '2024-07-01', to: '2024-09-30' })).toMatchObject({ label: '2024-07-01..2024-09-30', start: '2024-08-01', end: '2024-09-30' });
    expect(ok({ from: '2025-03-15', to: '2025-03-15' })).toMatchObject({ label: '2025-03-15..2025-03-15', start: '2025-03-15', end: '2025-03-15' });
  });

  it('both forms, or only one of the pair, is a usage error', () => {
    expect(error({ period: '2025-Q1', from: '2025-01-01', to: '2025-03-31' })).toMatch(/not both/);
    expect(error({ period: '2025-Q1', from: '2025-01-01' })).toMatch(/not both/);
    expect(error({ from: '2025-01-01' })).toMatch(/--from needs --to/);
    expect(error({ to: '2025-03-31' })).toMatch(/--to needs --from/);
    expect(error({})).toMatch(/which period/);
  });

  it('rejects bad dates and a reversed range', () => {
    expect(error({ from: '2025-02-30', to: '2025-03-31' })).toMatch(/not a date/);
    expect(error({ from: '01/02/2025', to: '2025-03-31' })).toMatch(/not a date/);
    expect(error({ from: '2025-04-01', to: '2025-03-31' })).toMatch(/after --to/);
  });
});

describe('the reference date', () => {
  it('defaults to the period end, or today when that is earlier', () => {
    expect(ok({ period: '2025-Q2' })).toMatchObject({ asOf: '2025-06-30', windowEnd: '2025-06-30', preliminary: false });
    expect(ok({ period: '2026-Q4' })).toMatchObject({ asOf: TODAY, windowEnd: TODAY });
  });

  it('--as-of inside the period shortens the window', () => {
    expect(ok({ period: '2025-Q3', asOf: '2025-08-15' })).toMatchObject({ end: '2025-09-30', asOf: '2025-08-15', windowEnd: '2025-08-15' });
  });

  it('--as-of after the period end keeps the window at the period end', () => {
    expect(ok({ period: '2025-Q2', asOf: '2025-07-28' })).toMatchObject({ end: '2025-06-30', asOf: '2025-07-28', windowEnd: '2025-06-30' });
  });

  it('--as-of may be the period start, not before it, and not after today', () => {
    expect(ok({ period: '2025-Q2', asOf: '2025-04-01' })).toMatchObject({ windowEnd: '2025-04-01' });
    expect(error({ period: '2025-Q2', asOf: '2025-03-31' })).toMatch(/before the period starts/);
    expect(error({ period: '2024-Q3', asOf: '2024-07-31' })).toMatch(/before the period starts \(2024-08-01\)/);
    expect(error({ period: '2026-Q4', asOf: '2026-11-26' })).toMatch(/after today/);
    expect(error({ period: '2025-Q2', asOf: '2025-6-30' })).toMatch(/not a date/);
  });
});

describe('a default period', () => {
  it('applies only when no period is given, and never hides a conflict', () => {
    expect(ok({ defaultPeriod: 'project' })).toMatchObject({ label: 'project', start: '2024-08-01', end: '2027-07-31' });
    expect(ok({ period: '2025-Q2', defaultPeriod: 'project' }).label).toBe('2025-Q2');
    expect(ok({ from: '2025-01-01', to: '2025-01-31', defaultPeriod: 'project' }).label).toBe('2025-01-01..2025-01-31');
    expect(error({ from: '2025-01-01', defaultPeriod: 'project' })).toMatch(/--from needs --to/);
    expect(error({})).toMatch(/which period/);
  });
});

describe('latestEndedQuarter: the default period of indicators and report', () => {
  it('is the last calendar quarter that has ended by the day (a quarter ending that day has ended)', () => {
    expect(latestEndedQuarter(project, '2026-11-25')).toBe('2026-Q3');
    expect(latestEndedQuarter(project, '2026-09-30')).toBe('2026-Q3');
    expect(latestEndedQuarter(project, '2026-09-29')).toBe('2026-Q2');
    expect(latestEndedQuarter(project, '2027-02-14')).toBe('2026-Q4');
    expect(latestEndedQuarter(project, '2026-01-01')).toBe('2025-Q4');
  });
  it('is the first project quarter once it has ended, and an error before', () => {
    expect(latestEndedQuarter(project, '2024-09-30')).toBe('2024-Q3');
    const early = latestEndedQuarter(project, '2024-09-01');
    expect(early).toMatchObject({ option: '--period' });
    expect((early as { error: string }).error).toContain('no quarter of the project has ended by 2024-09-01');
  });
  it('after the reporting range (six months past the project end) is the range\'s last quarter', () => {
    expect(latestEndedQuarter(project, '2030-05-01')).toBe('2028-Q1');
  });
});

describe('period errors name the option and the value', () => {
  it.each([
    [{ period: '2025-Q5' }, '--period', '2025-Q5'],
    [{ period: '2025-13' }, '--period', '2025-13'],
    [{ from: '2025-02-30', to: '2025-03-01' }, '--from', '2025-02-30'],
    [{ from: '2025-01-01', to: 'tomorrow' }, '--to', 'tomorrow'],
    [{ period: '2025-Q1', asOf: '2025-1-1' }, '--as-of', '2025-1-1'],
    [{ period: '2030' }, '--period', '2030'],
  ])('%j', (args, option, value) => {
    expect(resolvePeriod(project, args, '2026-11-25')).toMatchObject({ option, value });
  });
});
