import { describe, expect, it } from 'vitest';
import { dueOn, monthOf, monthRange, opensOn, parseMonth } from '../../../src/month/calendar.js';
import { buildMonthList } from '../../../src/month/month-list.js';
import { FIXTURE, PROJECT, readExport, TODAY } from './helpers.js';

describe('SCB calendar', () => {
  it('opens a month on the first day of the next and wants it within four weeks after it ends', () => {
    expect([opensOn('2025-02'), dueOn('2025-02')]).toEqual(['2025-03-01', '2025-03-28']);
    expect([opensOn('2024-12'), dueOn('2024-12')]).toEqual(['2025-01-01', '2025-01-28']);
    expect([opensOn('2025-01'), dueOn('2025-01')]).toEqual(['2025-02-01', '2025-02-28']);
    expect(dueOn('2024-02')).toBe('2024-03-28'); // 29 February + 28 days
  });

  it('reads YYYY-MM only and lists months in order across a year end', () => {
    expect(parseMonth('2025-13')).toBeUndefined();
    expect(parseMonth('2025-3')).toBeUndefined();
    expect(parseMonth(' 2025-03 ')).toBe('2025-03');
    expect(monthRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthRange('2025-02', '2025-01')).toEqual([]);
  });
});

describe('month lists on the fixture export', () => {
  it('lists as starters and leavers exactly the complete records whose start or end date falls in the month', async () => {
    const { records, index, summary } = await readExport(FIXTURE);
    expect(summary.excludedRows).toBe(0);
    let starters = 0;
    let leavers = 0;
    for (const month of monthRange(monthOf(PROJECT.start), monthOf(TODAY))) {
      const list = buildMonthList(index, month);
      const expectStarters = records.filter((r) => r.entryDate?.startsWith(month)).map((r) => r.participantId);
      const expectLeavers = records.filter((r) => r.exitDate?.startsWith(month)).map((r) => r.participantId);
      expect(list.starters.map((r) => r.participantId).sort(), month).toEqual(expectStarters.sort());
      expect(list.leavers.map((r) => r.participantId).sort(), month).toEqual(expectLeavers.sort());
      for (const [rows, date] of [
        [list.starters, (r: (typeof list.starters)[number]) => r.entryDate],
        [list.leavers, (r: (typeof list.leavers)[number]) => r.exitDate!],
      ] as const) {
        const keys = rows.map((r) => `${date(r)} ${r.participantId}`);
        expect(keys, `${month} sorted by date, then ID`).toEqual([...keys].sort());
      }
      starters += list.starters.length;
      leavers += list.leavers.length;
    }
    expect(starters).toBe(records.length);
    expect(leavers).toBe(records.filter((r) => r.exitDate !== null).length);
    expect(starters).toBeGreaterThan(50);
    expect(leavers).toBeGreaterThan(20);
  });

  it('reads the export as it stood on the reference date: a later entry or exit is in no month yet', async () => {
    const { index } = await readExport(FIXTURE, '2025-09-10');
    const sept = buildMonthList(index, '2025-09');
    expect(sept.starters.every((r) => r.entryDate <= '2025-09-10')).toBe(true);
    expect(sept.starters.length).toBeGreaterThan(0);
    const full = buildMonthList((await readExport(FIXTURE)).index, '2025-09');
    expect(full.starters.length).toBeGreaterThan(sept.starters.length);
  });

  it('keeps a row with errors out of the list and names it where its dates put it in the month', async () => {
    const header = 'participant_id,gender,birth_date,entry_date,exit_date,employment_status,unemployment_months,isced,exit_status';
    const text = [
      header,
      'A-1,woman,1990-01-01,2025-03-03,,unemployed,3,3,',
      'A-2,man,1990-01-01,2025-03-05,,unemployed,3,11,', // isced invalid: in March, excluded
      'A-3,man,1990-01-01,2025-04-05,,unemployed,3,11,', // invalid, April: not March's
      'A-4,man,1990-01-01,2025-02-30,,unemployed,3,3,', // entry unreadable: may be any month
      'A-5,woman,1990-01-01,2025-01-10,2025-03-31,inactive,,2,employed',
      '',
    ].join('\n');
    const { index } = await readExport(text);
    const list = buildMonthList(index, '2025-03');
    expect(list.starters.map((r) => r.participantId)).toEqual(['A-1']);
    expect(list.leavers.map((r) => r.participantId)).toEqual(['A-5']);
    expect(list.excluded.map((x) => x.participantId)).toEqual(['A-2', 'A-4']);
    expect(list.excluded[0]!.findings.map((f) => f.code)).toEqual(['VALUE_INVALID']);
  });
});
