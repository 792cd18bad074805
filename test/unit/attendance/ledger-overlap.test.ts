import { describe, expect, it } from 'vitest';
import { checkLedgerForParticipantTime } from '../../../src/attendance/ledger-overlap.js';
import type { AttendanceDay } from '../../../src/attendance/read-attendance.js';
import { computeTime } from '../../../src/attendance/time-report.js';
import { bufferSource } from '../../../src/read/source.js';

const days: AttendanceDay[] = [
  { line: 2, ok: true, participantId: 'P-1', date: '2026-09-01', quarters: 32, activity: '' },
  { line: 3, ok: true, participantId: 'P-2', date: '2026-10-01', quarters: 16, activity: '' },
];
// 8 h × 150 kr = 1 200 kr in 2026-09 (2026-Q3); 4 h × 150 kr = 600 kr in 2026-10 (2026-Q4)
const time = computeTime(days, { label: 'project', start: '2024-08-01', end: '2027-07-31', asOf: '2026-11-25', windowEnd: '2026-11-25' }, { kind: 'option', ore: 15000 });

async function check(rows: string[]) {
  const text = ['datum;typ;kategori;belopp;part;verifikation;beskrivning', ...rows].join('\n');
  return (await checkLedgerForParticipantTime(bufferSource('l.csv', new TextEncoder().encode(text)), time, {})).findings;
}

describe('checkLedgerForParticipantTime', () => {
  it('flags an in-kind booking described as participants’ time, on its line (error)', async () => {
    const f = await check([
      '2026-09-30;kostnad;personal;10 000;;V1;Deltagartid september', // not in kind: never flagged
      '2026-09-30;kostnad;bidrag_i_annat_än_pengar;999;;V2;Deltagarnas tid september',
      '2026-09-30;finansiering;offentlig_i_annat_än_pengar;999;Kommunen;V3;Participants time Q3',
      '2026-09-30;kostnad;bidrag_i_annat_än_pengar;999;;V4;Partnertid 2 h',
    ]);
    expect(f.map((x) => [x.code, x.line, x.column, x.severity, x.args.reason])).toEqual([
      ['PARTICIPANT_TIME_IN_LEDGER', 3, 'description', 'error', 'described'],
      ['PARTICIPANT_TIME_IN_LEDGER', 4, 'description', 'error', 'described'],
    ]);
  });

  it('warns of an in-kind amount equal to the attendance value of its month or quarter (or the one before), within 1 SEK', async () => {
    const f = await check([
      '2026-09-30;kostnad;bidrag_i_annat_än_pengar;1 200,00;;V1;Partnertid', // 2026-09 value
      '2026-10-05;kostnad;bidrag_i_annat_än_pengar;1 200,99;;V2;Partnertid', // previous month, within 1 kr
      '2026-10-05;kostnad;bidrag_i_annat_än_pengar;1 201,01;;V3;Partnertid', // beyond 1 kr
      '2026-12-31;finansiering;privat_i_annat_än_pengar;600,00;;V4;Bidrag', // 2026-Q4 value (and October)
      '2027-06-30;kostnad;bidrag_i_annat_än_pengar;600,00;;V5;Partnertid', // two quarters later: not matched
    ]);
    expect(f.map((x) => [x.line, x.severity, x.args.scope])).toEqual([
      [2, 'warning', '2026-09'],
      [3, 'warning', '2026-09'],
      [5, 'warning', '2026-Q4'],
    ]);
  });

  it('finds nothing in a ledger without participants’ time, and ignores an unusable ledger', async () => {
    expect(await check(['2026-09-30;kostnad;personal;1 200,00;;V1;Lön'])).toEqual([]);
    expect((await checkLedgerForParticipantTime(bufferSource('l.csv', new TextEncoder().encode('a;b\n1;2\n')), time, {})).findings).toEqual([]);
  });

  it('keeps at most 1,000 findings (or as many as asked), and counts every one', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => `2026-09-30;kostnad;bidrag_i_annat_än_pengar;999;;V${i};Deltagartid`);
    const text = ['datum;typ;kategori;belopp;part;verifikation;beskrivning', ...rows].join('\n');
    const r = await checkLedgerForParticipantTime(bufferSource('l.csv', new TextEncoder().encode(text)), time, {}, 2);
    expect(r.findings.map((x) => x.line)).toEqual([2, 3]);
    expect(r.findingCounts).toEqual({ PARTICIPANT_TIME_IN_LEDGER: 5 });
  });
});
