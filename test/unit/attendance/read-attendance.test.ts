import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readAttendance, type AttendanceContext, type Participation } from '../../../src/attendance/read-attendance.js';
import { bufferSource } from '../../../src/read/source.js';

const participants = new Map<string, Participation>([
  ['P-1', { entryDate: '2026-09-01', exitDate: null }],
  ['P-2', { entryDate: '2026-09-01', exitDate: '2026-09-25' }],
]);
const ctx: AttendanceContext = { today: '2026-11-25', projectEnd: '2027-07-31', participants, participantsFile: 'p.csv' };

function read(text: string, bytes?: Uint8Array) {
  return readAttendance(bufferSource('a.csv', bytes ?? new TextEncoder().encode(text)), ctx, {});
}

const codes = (s: Awaited<ReturnType<typeof read>>) => s.findings.map((f) => [f.code, f.line, f.severity]);

describe('readAttendance', () => {
  it('reads valid days in quarter hours, with English or Swedish headers in any order', async () => {
    const en = await read('participant_id,date,hours,activity\nP-1,2026-09-01,"7,5",Praktik\nP-1,2026-09-02,6,\n');
    expect(en.findings).toEqual([]);
    expect(en.days.map((d) => [d.participantId, d.date, d.quarters, d.activity, d.line])).toEqual([
      ['P-1', '2026-09-01', 30, 'Praktik', 2],
      ['P-1', '2026-09-02', 24, '', 3],
    ]);
    const sv = await read('Timmar;Datum;Deltagar_ID;Aktivitet\n7.25;20260903;P-1;Coachning\n');
    expect(sv.findings).toEqual([]);
    expect(sv.days[0]).toMatchObject({ participantId: 'P-1', date: '2026-09-03', quarters: 29, activity: 'Coachning' });
    expect(sv.delimiter).toBe(';');
  });

  it('reports each rule with its code, line and column', async () => {
    const s = await read(
      [
        'participant_id,date,hours',
        'P-9,2026-09-01,4', // 2 unknown participant
        'P-2,2026-09-28,4', // 3 after exit
        'P-1,2026-08-31,4', // 4 before entry
        'P-1,2026-12-01,4', // 5 future
        'P-1,2026-09-02,0', // 6 zero hours
        'P-1,2026-09-03,13.25', // 7 over 13
        'P-1,2026-09-04,"7,3"', // 8 not quarter hours
        'P-1,2026-09-07,4', // 9 ok
        'P-1,2026-09-07,2', // 10 duplicate of 9
        'P-1,2026-09-05,2', // 11 Saturday
        ',2026-09-08,', // 12 missing id and hours
        'P-1,2026-02-30,2', // 13 no such day
      ].join('\n'),
    );
    expect(codes(s)).toEqual([
      ['PARTICIPANT_UNKNOWN', 2, 'error'],
      ['DATE_OUTSIDE_PARTICIPATION', 3, 'error'],
      ['DATE_OUTSIDE_PARTICIPATION', 4, 'error'],
      ['DATE_AFTER_TODAY', 5, 'error'],
      ['HOURS_OUT_OF_RANGE', 6, 'error'],
      ['HOURS_OUT_OF_RANGE', 7, 'error'],
      ['HOURS_INVALID', 8, 'error'],
      ['ATTENDANCE_DUPLICATE', 10, 'error'],
      ['DAY_OFF', 11, 'warning'],
      ['VALUE_MISSING', 12, 'error'],
      ['VALUE_MISSING', 12, 'error'],
      ['DATE_INVALID', 13, 'error'],
    ]);
    expect(s.findings.find((f) => f.line === 3)?.args).toMatchObject({ reason: 'after', exit: '2026-09-25' });
    expect(s.findings.find((f) => f.line === 4)?.args).toMatchObject({ reason: 'before', entry: '2026-09-01' });
    expect(s.findings.find((f) => f.line === 10)?.args).toMatchObject({ firstLine: 9 });
    expect(s.findings.find((f) => f.line === 2)?.column).toBe('participant_id');
    // a warning keeps the day; every error row is left out
    expect(s.days.map((d) => d.line)).toEqual([9, 11]);
    expect(s.excludedRows).toBe(10);
    expect(s.errors).toBe(11);
    expect(s.warnings).toBe(1);
  });

  it('names the holiday of a day off', async () => {
    const s = await read('participant_id,date,hours\nP-1,2025-12-24,2\n');
    expect(s.findings.find((f) => f.code === 'DAY_OFF')).toMatchObject({ code: 'DAY_OFF', args: { holidaySv: 'julafton', holidayEn: 'Christmas Eve' } });
  });

  it('without the participant_id, date or hours column the file is unusable', async () => {
    const s = await read('participant_id,datum,activity\nP-1,2026-09-01,x\n');
    expect(s.unusable).toBe(true);
    expect(s.findings.map((f) => [f.code, f.column])).toEqual([['COLUMN_MISSING', 'hours']]);
  });

  it('reads Windows-1252 as Swedish Excel saves it', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('deltagar_id;datum;timmar;aktivitet\r\nP-1;2026-09-01;3,5;Studiebes'), 0xf6, 0x6b, 0x0d, 0x0a]);
    const s = await read('', bytes);
    expect(s.encoding).toBe('windows-1252');
    expect(s.days[0]!.activity).toBe('Studiebesök');
    expect(s.notices).toEqual([{ kind: 'encoding-fallback', file: 'a.csv' }]);
  });

  it('reads an .xlsx workbook with Excel row numbers as lines and real date and number cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Närvaro');
    ws.addRow(['Deltagar-ID', 'Datum', 'Timmar', 'Aktivitet']);
    ws.addRow([]);
    ws.addRow(['P-1', new Date(Date.UTC(2026, 8, 1)), 7.5, 'Praktik']);
    ws.addRow(['P-1', new Date(Date.UTC(2026, 8, 2)), 14, 'Praktik']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const s = await readAttendance(bufferSource('a.xlsx', bytes), ctx, {});
    expect(s.format).toBe('xlsx');
    expect(s.days.map((d) => [d.line, d.date, d.quarters])).toEqual([[3, '2026-09-01', 30]]);
    expect(codes(s)).toEqual([['HOURS_OUT_OF_RANGE', 4, 'error']]);
  });
});
