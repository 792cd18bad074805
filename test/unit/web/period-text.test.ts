import { describe, expect, it } from 'vitest';
import { isPeriodError, latestEndedQuarter, resolvePeriod, type PeriodArgs } from '../../../src/core/period.js';
import { periodProblemText } from '../../../src/web/period-text.js';

const PROJECT = { start: '2024-08-01', end: '2027-07-31' };
const TODAY = '2026-11-25';

// every way resolvePeriod can refuse, as the page can meet it
const REFUSED: PeriodArgs[] = [
  { period: 'Q3' },
  { period: '2026-13' },
  { period: '2026-Q3', from: '2026-07-01', to: '2026-09-30' },
  { from: '2026-07-01' },
  { to: '2026-07-01' },
  { from: '1 May', to: '2026-07-01' },
  { from: '2026-07-01', to: '2026-02-31' },
  { from: '2026-09-01', to: '2026-07-01' },
  {},
  { period: '2031' },
  { period: '2027-Q1' },
  { period: '2026-Q3', asOf: 'tomorrow' },
  { period: '2026-Q3', asOf: '2026-12-24' },
  { period: '2026-Q3', asOf: '2026-06-30' },
];

describe('period problems in the web page', () => {
  it.each(REFUSED)('%j: worded in Swedish and English, without the command line options', (args) => {
    const e = resolvePeriod(PROJECT, args, TODAY);
    if (!isPeriodError(e)) throw new Error('expected a refusal');
    const sv = periodProblemText(e.problem, 'sv');
    const en = periodProblemText(e.problem, 'en');
    for (const text of [sv, en]) {
      expect(text).not.toMatch(/--[a-z]/);
      expect(text).toMatch(/\.$/);
    }
    expect(sv).not.toBe(en);
  });

  it('names the values the user typed', () => {
    const e = resolvePeriod(PROJECT, { period: '2026-13' }, TODAY);
    expect(isPeriodError(e) && periodProblemText(e.problem, 'sv')).toBe('”2026-13”: det finns ingen månad 13.');
    const q = latestEndedQuarter(PROJECT, '2024-08-15');
    expect(typeof q !== 'string' && periodProblemText(q.problem, 'en')).toBe(
      'no quarter of the project has ended by 2024-08-15 (the project starts 2024-08-01); choose a period.',
    );
  });
});
