import { describe, expect, it } from 'vitest';
import { projectQuarters, quarterLabel } from '../../../src/finance/period.js';

const PROJECT = { start: '2024-08-01', end: '2027-07-31' };

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
