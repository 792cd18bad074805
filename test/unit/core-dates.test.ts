import { addDays, addMonths, differenceInCalendarDays, differenceInMonths, differenceInYears } from 'date-fns';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ageAtEntry,
  calendarMonthsBetween,
  daysBetween,
  fromLocalDate,
  monthsBetween,
  plusDays,
  plusMonths,
  sixMonthPoint,
  toLocalDate,
  yearsBetween,
  ymdToIso,
} from '../../src/core/dates.js';

const isoDate = fc.date({ min: new Date(1900, 0, 1), max: new Date(2100, 11, 31), noInvalidDate: true }).map((d) =>
  ymdToIso(d.getFullYear(), d.getMonth() + 1, d.getDate()),
);

describe('calendar-date arithmetic agrees with date-fns', () => {
  // date-fns works on local time; in a zone that skipped a day (Pacific/Kiritimati 1994-12-31) its
  // local arithmetic, not ours, goes wrong. Compare the rules in UTC: ours never read the zone.
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'UTC';
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('yearsBetween = differenceInYears (for later ≥ earlier)', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(yearsBetween(from, to)).toBe(differenceInYears(toLocalDate(to), toLocalDate(from)));
      }),
      { numRuns: 2000 },
    );
  });

  it('plusMonths = addMonths, plusDays = addDays, daysBetween = differenceInCalendarDays', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -400, max: 400 }), (d, n) => {
        expect(plusMonths(d, n)).toBe(fromLocalDate(addMonths(toLocalDate(d), n)));
        expect(plusDays(d, n)).toBe(fromLocalDate(addDays(toLocalDate(d), n)));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        expect(daysBetween(a, b)).toBe(differenceInCalendarDays(toLocalDate(b), toLocalDate(a)));
      }),
    );
  });

  it('full months differ from calendar months by at most one (the fast path relies on it)', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const full = monthsBetween(from, to);
        expect(full).toBe(differenceInMonths(toLocalDate(to), toLocalDate(from)));
        const cal = calendarMonthsBetween(from, to);
        expect(full === cal || full === cal - 1).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('handles the boundaries named in the spec', () => {
    expect(plusMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(plusMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(plusMonths('2025-12-31', 6)).toBe('2026-06-30');
    expect(yearsBetween('2008-02-29', '2026-02-28')).toBe(17);
    expect(yearsBetween('2008-02-29', '2026-03-01')).toBe(18);
    expect(yearsBetween('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('the six-month follow-up point and the age at entry, the one rule for validation and indicators', () => {
    expect(sixMonthPoint('2025-08-31')).toBe('2026-02-28');
    expect(sixMonthPoint('2027-08-31')).toBe('2028-02-29');
    expect(sixMonthPoint('2025-12-31')).toBe('2026-06-30');
    expect(sixMonthPoint('2026-01-15')).toBe('2026-07-15');
    expect(ageAtEntry('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageAtEntry('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageAtEntry('1990-06-15', '2025-06-14')).toBe(34);
    expect(ageAtEntry('1990-06-15', '2025-06-15')).toBe(35);
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        const [birth, entry] = a <= b ? [a, b] : [b, a];
        expect(sixMonthPoint(a)).toBe(fromLocalDate(addMonths(toLocalDate(a), 6)));
        expect(ageAtEntry(birth, entry)).toBe(differenceInYears(toLocalDate(entry), toLocalDate(birth)));
      }),
      { numRuns: 1000 },
    );
  });

  it('writes a date as YYYY-MM-DD in and beyond the years whose month prefixes are kept (1900–2199)', () => {
    expect(ymdToIso(2026, 3, 5)).toBe('2026-03-05');
    expect(ymdToIso(1900, 1, 1)).toBe('1900-01-01');
    expect(ymdToIso(2199, 12, 31)).toBe('2199-12-31');
    expect(ymdToIso(1899, 12, 31)).toBe('1899-12-31');
    expect(ymdToIso(2200, 1, 1)).toBe('2200-01-01');
    expect(ymdToIso(999, 7, 9)).toBe('0999-07-09');
    // a second time from the kept prefix, the same text
    expect(ymdToIso(2026, 3, 5)).toBe('2026-03-05');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        expect(ymdToIso(y, m, d)).toBe(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
      }),
    );
  });

  it('counts calendar months between dates from their month numbers alone', () => {
    expect(calendarMonthsBetween('2024-08-31', '2024-08-01')).toBe(0);
    expect(calendarMonthsBetween('2024-08-01', '2025-01-31')).toBe(5);
    expect(calendarMonthsBetween('2025-01-31', '2024-08-01')).toBe(-5);
  });
});
