import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOff, easterSunday, isoWeekday, swedishHolidays } from '../../../src/attendance/holidays.js';
import { ymdToIso } from '../../../src/core/dates.js';

describe('easterSunday', () => {
  it('gives the published Easter Sundays', () => {
    const known: Record<number, string> = {
      1818: '1818-03-22', // the earliest possible
      1943: '1943-04-25', // the latest possible
      2008: '2008-03-23',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2038: '2038-04-25',
    };
    for (const [year, date] of Object.entries(known)) expect(easterSunday(Number(year)), year).toBe(date);
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 4099 }), (year) => {
        const e = easterSunday(year);
        expect(isoWeekday(e)).toBe(7);
        expect(e >= ymdToIso(year, 3, 22) && e <= ymdToIso(year, 4, 25)).toBe(true);
      }),
    );
  });
});

describe('swedishHolidays', () => {
  it('lists every holiday of 2026 with its date', () => {
    expect(Object.fromEntries([...swedishHolidays(2026)].map(([d, h]) => [h, d]))).toEqual({
      nyarsdagen: '2026-01-01',
      trettondedag_jul: '2026-01-06',
      langfredagen: '2026-04-03',
      paskdagen: '2026-04-05',
      annandag_pask: '2026-04-06',
      forsta_maj: '2026-05-01',
      kristi_himmelsfardsdag: '2026-05-14',
      pingstdagen: '2026-05-24',
      nationaldagen: '2026-06-06',
      midsommarafton: '2026-06-19',
      midsommardagen: '2026-06-20',
      alla_helgons_dag: '2026-10-31',
      julafton: '2026-12-24',
      juldagen: '2026-12-25',
      annandag_jul: '2026-12-26',
      nyarsafton: '2026-12-31',
    });
  });

  it('puts midsommar on the Friday and Saturday of 19–26 June, alla helgons dag on the Saturday of 31 Oct – 6 Nov', () => {
    const cases: [number, string, string, string][] = [
      [2024, '2024-06-21', '2024-06-22', '2024-11-02'],
      [2025, '2025-06-20', '2025-06-21', '2025-11-01'],
      [2027, '2027-06-25', '2027-06-26', '2027-11-06'],
      [2028, '2028-06-23', '2028-06-24', '2028-11-04'],
    ];
    for (const [year, eve, day, saints] of cases) {
      const h = swedishHolidays(year);
      expect(h.get(eve), `${year}`).toBe('midsommarafton');
      expect(h.get(day), `${year}`).toBe('midsommardagen');
      expect(h.get(saints), `${year}`).toBe('alla_helgons_dag');
    }
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), (year) => {
        const byName = new Map([...swedishHolidays(year)].map(([d, n]) => [n, d]));
        const day = byName.get('midsommardagen')!;
        expect(isoWeekday(day)).toBe(6);
        expect(day >= ymdToIso(year, 6, 20) && day <= ymdToIso(year, 6, 26)).toBe(true);
        expect(isoWeekday(byName.get('midsommarafton')!)).toBe(5);
        expect(isoWeekday(byName.get('langfredagen')!)).toBe(5);
        // on första maj (2008, 2160) the day keeps that name
        const ascension = byName.get('kristi_himmelsfardsdag') ?? `${year}-05-01`;
        expect(isoWeekday(ascension)).toBe(4);
      }),
    );
  });

  it('keeps one name when Kristi himmelsfärdsdag falls on första maj (2008)', () => {
    expect(swedishHolidays(2008).get('2008-05-01')).toBe('forsta_maj');
  });
});

describe('dayOff', () => {
  it('tells weekends, holidays and ordinary weekdays apart', () => {
    expect(dayOff('2026-09-05')).toEqual({ kind: 'weekend' });
    expect(dayOff('2026-09-06')).toEqual({ kind: 'weekend' });
    expect(dayOff('2026-09-07')).toBeNull();
    expect(dayOff('2026-04-06')).toEqual({ kind: 'holiday', holiday: 'annandag_pask' });
    expect(dayOff('2026-06-19')).toEqual({ kind: 'holiday', holiday: 'midsommarafton' });
    expect(dayOff('2026-12-24')).toEqual({ kind: 'holiday', holiday: 'julafton' });
  });

  it('knows the weekday of any date', () => {
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('2026-09-01')).toBe(2);
    expect(isoWeekday('1969-12-28')).toBe(7);
  });
});
