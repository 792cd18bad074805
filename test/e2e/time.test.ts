import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runBin } from '../helpers/run-bin.js';
import { findRow, loadWorkbook, personnummerShapes, sheet, values } from '../unit/report/read-back.js';

// Runs the built bin (runBin pins ESF_REPORT_TODAY=2026-11-25) on the synthetic attendance fixtures.
const PARTICIPANTS = 'fixtures/participants.csv';
const ATTENDANCE = 'fixtures/attendance/attendance.csv';
const BAD = 'fixtures/attendance/bad';

interface TimeDoc {
  schema: string;
  participants: { participant_id: string; month: string; days: number; hours: string; value_ore: number | null }[];
  total: { hours: string; value_ore: number | null };
  rate: { source: string } | null;
  findings: { severity: string; code: string; file: string; line: number | null; column: string | null; message: string }[];
}

async function timeJson(args: readonly string[]): Promise<{ code: number; doc: TimeDoc; stderr: string }> {
  const r = await runBin(['time', ...args, '--format', 'json']);
  return { code: r.code, doc: JSON.parse(r.stdout) as TimeDoc, stderr: r.stderr };
}

const PYTHON = '/usr/bin/python3';

function hasOpenpyxl(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function openpyxlRead(file: string): Promise<{ sheets: string[]; cells: Record<string, Record<string, unknown>>; print: Record<string, Record<string, unknown>> }> {
  return new Promise((resolve, reject) => {
    execFile(PYTHON, [`${ROOT}test/helpers/openpyxl-read.py`, file], { maxBuffer: 64 << 20 }, (err, stdout) => {
      if (err) reject(err);
      else resolve(JSON.parse(stdout) as never);
    });
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'esf-time-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('esf-report time', () => {
  it('gives hours and values per participant and month equal to hand-computed sums in öre', async () => {
    const { code, doc } = await timeJson([ATTENDANCE, '--participants', PARTICIPANTS, '--rate', '162,37']);
    expect(code).toBe(0);
    expect(doc.schema).toBe('esf-report/time@2');
    // 23,75 h × 162,37 kr = 3 856,2875 → 385 629 öre; 10,25 h → 166 429; 14,5 h → 235 436,5 → 235 437 (half up); 13 h → 211 081
    expect(doc.participants).toEqual([
      { participant_id: 'P-0094', month: '2026-09', days: 4, hours: '23.75', value_ore: 385629 },
      { participant_id: 'P-0094', month: '2026-10', days: 2, hours: '10.25', value_ore: 166429 },
      { participant_id: 'P-0096', month: '2026-09', days: 3, hours: '14.50', value_ore: 235437 },
      { participant_id: 'P-0098', month: '2026-09', days: 2, hours: '10.25', value_ore: 166429 },
      { participant_id: 'P-0098', month: '2026-10', days: 1, hours: '13.00', value_ore: 211081 },
    ]);
    expect(doc.total).toEqual({ hours: '71.75', value_ore: 1165005 });
    expect(doc.findings).toEqual([]);
  });

  it('reads the Swedish Excel CSV (Windows-1252, ;, decimal comma) to the same figures, and one month with --month', async () => {
    const sv = await timeJson(['fixtures/attendance/narvaro-sv-excel.csv', '--participants', PARTICIPANTS, '--rate', '162,37', '--quiet']);
    const en = await timeJson([ATTENDANCE, '--participants', PARTICIPANTS, '--rate', '162,37', '--quiet']);
    expect(sv.doc.participants).toEqual(en.doc.participants);
    const month = await timeJson([ATTENDANCE, '--participants', PARTICIPANTS, '--rate', '162,37', '--month', '2026-10']);
    expect(month.doc.participants.map((p) => [p.participant_id, p.value_ore])).toEqual([
      ['P-0094', 166429],
      ['P-0098', 211081],
    ]);
    expect(month.doc.total).toEqual({ hours: '23.25', value_ore: 377510 });
    expect(month.stderr).toMatch(/9 valid days outside 2026-10-01 – 2026-10-31/);
  });

  it('without a rate (the built-in profile has none) counts hours and leaves the value null, saying why', async () => {
    const { code, doc, stderr } = await timeJson([ATTENDANCE, '--participants', PARTICIPANTS]);
    expect(code).toBe(0);
    expect(doc.total).toEqual({ hours: '71.75', value_ore: null });
    expect(doc.participants.every((p) => p.value_ore === null)).toBe(true);
    expect(doc.rate).toMatchObject({ source: 'none' });
    expect(stderr).toMatch(/no hourly rate for participants' time/);
  });

  it('the rate from a project profile with dated rates', async () => {
    const profile = JSON.parse(await readFile('profiles/23-073-S10.json', 'utf8')) as Record<string, unknown>;
    const file = join(dir, 'profile.json');
    await writeFile(file, JSON.stringify({ ...profile, participantTime: { hourlyRates: [{ from: '2026-10-01', sek: 200 }, { from: '2024-08-01', sek: 100 }], source: 'test' } }));
    const { doc } = await timeJson([ATTENDANCE, '--participants', PARTICIPANTS, '--project', file]);
    // September at 100 kr, October at 200 kr: 23,75 h → 237 500; 10,25 h → 205 000; 14,5 h → 145 000; 10,25 h → 102 500; 13 h → 260 000
    expect(doc.participants.map((p) => p.value_ore)).toEqual([237500, 205000, 145000, 102500, 260000]);
    expect(doc.total.value_ore).toBe(950000);
  });

  const cases: [string, string, number[], string][] = [
    ['participant-unknown.csv', 'PARTICIPANT_UNKNOWN', [3], 'error'],
    ['date-outside-participation.csv', 'DATE_OUTSIDE_PARTICIPATION', [3, 4], 'error'],
    ['date-after-today.csv', 'DATE_AFTER_TODAY', [3], 'error'],
    ['hours-invalid.csv', 'HOURS_INVALID', [2, 3], 'error'],
    ['hours-out-of-range.csv', 'HOURS_OUT_OF_RANGE', [2, 3, 4], 'error'],
    ['attendance-duplicate.csv', 'ATTENDANCE_DUPLICATE', [4], 'error'],
    ['day-off.csv', 'DAY_OFF', [3, 4, 5, 6], 'warning'],
  ];
  for (const [file, code, lines, severity] of cases) {
    it(`${file}: ${code} on line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}`, async () => {
      const r = await timeJson([`${BAD}/${file}`, '--participants', PARTICIPANTS]);
      expect(r.doc.findings.map((f) => [f.code, f.line, f.severity])).toEqual(lines.map((l) => [code, l, severity]));
      expect(r.code).toBe(severity === 'error' ? 1 : 0);
    });
  }

  it('explains a finding in text with the line and the fix, in Swedish too', async () => {
    const r = await runBin(['time', `${BAD}/day-off.csv`, '--participants', PARTICIPANTS, '--lang', 'sv']);
    expect(r.stdout).toMatch(/rad 4: datum: ”2026-04-03” är långfredagen/);
    expect(r.stdout).toMatch(/rad 3: datum: ”2026-09-05” är en lördag eller söndag/);
    const strict = await runBin(['time', `${BAD}/day-off.csv`, '--participants', PARTICIPANTS, '--strict']);
    expect(strict.code).toBe(1);
  });

  it('writes the time report workbook: summary and one A4 report per participant and month, read back', async () => {
    const out = join(dir, 'tid.xlsx');
    const r = await runBin(['time', ATTENDANCE, '--participants', PARTICIPANTS, '--rate', '162,37', '--out', out]);
    expect(r.code).toBe(0);
    const wb = await loadWorkbook(await readFile(out));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sammanställning', 'P-0094 2026-09', 'P-0094 2026-10', 'P-0096 2026-09', 'P-0098 2026-09', 'P-0098 2026-10']);
    expect(values(findRow(sheet(wb, 'Sammanställning'), 'Summa'), 3, 5)).toEqual([12, 71.75, 11650.05]);
    const report = sheet(wb, 'P-0096 2026-09');
    expect(findRow(report, 'Summa timmar').getCell(3).value).toBe(14.5);
    expect(Math.round((findRow(report, 'Värde (kr)').getCell(3).value as number) * 100)).toBe(235437);
    expect(report.pageSetup.orientation).toBe('portrait');
    // never overwritten without --force
    const again = await runBin(['time', ATTENDANCE, '--participants', PARTICIPANTS, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists; use --force/);
    // the only number of that shape is the project owner's organisation number
    expect(personnummerShapes(wb).map((s) => s.match)).toEqual(expect.arrayContaining(['802478-1406']));
    expect(personnummerShapes(wb).filter((s) => s.match !== '802478-1406')).toEqual([]);
  });

  it('an independent reader (openpyxl) loads the time reports with the same values and print setup', async (ctx) => {
    if (!hasOpenpyxl()) {
      ctx.skip('openpyxl is not installed for /usr/bin/python3 (Debian: apt-get install python3-openpyxl); cross-reader check skipped');
      return;
    }
    const out = join(dir, 'tid-en.xlsx');
    expect((await runBin(['time', ATTENDANCE, '--participants', PARTICIPANTS, '--rate', '162,37', '--out', out, '--lang', 'en'])).code).toBe(0);
    const py = await openpyxlRead(out);
    expect(py.sheets).toEqual(['Summary', 'P-0094 2026-09', 'P-0094 2026-10', 'P-0096 2026-09', 'P-0098 2026-09', 'P-0098 2026-10']);
    const cells = py.cells['P-0098 2026-10']!;
    const totalRow = Object.entries(cells).find(([, v]) => v === 'Total hours')![0].slice(1);
    expect(cells[`C${totalRow}`]).toBe(13);
    expect(Object.values(cells)).toContain('2026-10-12');
    expect(Object.values(cells)).toContain('Studieresa');
    expect(py.print['P-0098 2026-10']).toMatchObject({ orientation: 'portrait', paperSize: 9, fitToWidth: 1, fitToHeight: 1, fitToPage: true });
    expect(py.print.Summary).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitleRows: '$1:$3', freezePanes: 'A4' });
  });

  it('is a usage error (exit 2) without --participants, with a bad --rate or --month, or both --month and --period', async () => {
    for (const args of [
      [ATTENDANCE],
      [ATTENDANCE, '--participants', PARTICIPANTS, '--rate', 'noll'],
      [ATTENDANCE, '--participants', PARTICIPANTS, '--month', '2026-13'],
      [ATTENDANCE, '--participants', PARTICIPANTS, '--month', '2026-09', '--period', '2026-Q3'],
    ]) {
      const r = await runBin(['time', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/at .*\.js/);
    }
  });

  it('an unreadable attendance or participant file is exit 2 with a FILE_UNREADABLE finding', async () => {
    const a = await timeJson(['no-such.csv', '--participants', PARTICIPANTS]);
    expect(a.code).toBe(2);
    expect(a.doc.findings.map((f) => [f.code, f.file])).toEqual([['FILE_UNREADABLE', 'no-such.csv']]);
    const p = await timeJson([ATTENDANCE, '--participants', 'no-such.csv']);
    expect(p.code).toBe(2);
    expect(p.doc.findings.map((f) => [f.code, f.file])).toEqual([['FILE_UNREADABLE', 'no-such.csv']]);
  });
});

describe("participants' time in finance and report --ledger", () => {
  it('finance --attendance adds the in-kind line per quarter and cumulatively, and the co-financing with it', async () => {
    const r = await runBin(['finance', 'fixtures/ledger/ledger.csv', '--period', '2026-Q3', '--attendance', ATTENDANCE, '--participants', PARTICIPANTS, '--rate', '162,37', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      schema: string;
      cumulative: { financing: { eu: number; total: number } };
      participantTime: { quarters: unknown[]; cumulative: { hours: string; value_ore: number }; coFinancing: { ledger_ore: number; participant_time_ore: number; total_ore: number }; findings: unknown[] };
    };
    expect(doc.schema).toBe('esf-report/finance@2');
    // September 2026 only: 385 629 + 235 437 + 166 429 = 787 495 öre
    expect(doc.participantTime.quarters).toEqual([{ label: '2026-Q3', hours: '48.50', value_ore: 787495 }]);
    expect(doc.participantTime.cumulative).toMatchObject({ start: '2024-08-01', end: '2026-09-30', hours: '48.50', value_ore: 787495 });
    const ledgerCo = doc.cumulative.financing.total - doc.cumulative.financing.eu;
    expect(doc.participantTime.coFinancing).toEqual({ ledger_ore: ledgerCo, participant_time_ore: 787495, total_ore: ledgerCo + 787495 });
    expect(doc.participantTime.findings).toEqual([]);
    const text = await runBin(['finance', 'fixtures/ledger/ledger.csv', '--period', '2026-Q3', '--attendance', ATTENDANCE, '--participants', PARTICIPANTS, '--rate', '162,37']);
    expect(text.stdout).toMatch(/Participants' time: in-kind co-financing from fixtures\/attendance\/attendance.csv/);
    expect(text.stdout).toMatch(/2026-Q3\s+48,50\s+7 874,95/);
    expect(text.stdout).toMatch(/no double counting found/);
  });

  it('finance flags a ledger that also carries participants’ time (double counting) on its lines', async () => {
    const r = await runBin(['finance', `${BAD}/ledger-with-participant-time.csv`, '--attendance', ATTENDANCE, '--participants', PARTICIPANTS, '--rate', '162,37', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { participantTime: { findings: { code: string; line: number; severity: string }[] } };
    expect(doc.participantTime.findings.map((f) => [f.code, f.line, f.severity])).toEqual([
      ['PARTICIPANT_TIME_IN_LEDGER', 3, 'error'],
      ['PARTICIPANT_TIME_IN_LEDGER', 5, 'warning'],
    ]);
  });

  it('finance: --attendance needs --participants, and --participants needs --attendance (exit 2)', async () => {
    expect((await runBin(['finance', 'fixtures/ledger/ledger.csv', '--attendance', ATTENDANCE])).code).toBe(2);
    expect((await runBin(['finance', 'fixtures/ledger/ledger.csv', '--participants', PARTICIPANTS])).code).toBe(2);
  });

  it('report --ledger --attendance puts the line on the Financing sheet, read back', async () => {
    const out = join(dir, 'report.xlsx');
    const r = await runBin(['report', PARTICIPANTS, '--period', '2026-Q3', '--as-of', '2026-11-20', '--ledger', 'fixtures/ledger/ledger.csv', '--attendance', ATTENDANCE, '--rate', '162,37', '--out', out, '--lang', 'en']);
    expect(r.code).toBe(0);
    const ws = sheet(await loadWorkbook(await readFile(out)), 'Financing');
    const heading = findRow(ws, "Participants' time (in-kind co-financing)").number;
    expect(values(ws.getRow(heading + 3), 1, 3)).toEqual(['2026-Q3', 48.5, 7874.95]);
    expect(values(ws.getRow(heading + 4), 1, 3)).toEqual(['Cumulative', 48.5, 7874.95]);
    const co = findRow(ws, '2024-08-01 – 2026-09-30');
    const [ledger, time, total] = values(co, 2, 4) as number[];
    expect(time).toBe(7874.95);
    expect(Math.round(total! * 100)).toBe(Math.round(ledger! * 100) + 787495);
    expect(findRow(ws, "The ledger has no booking of participants' time: no double counting.")).toBeDefined();
    const usage = await runBin(['report', PARTICIPANTS, '--period', '2026-Q3', '--attendance', ATTENDANCE, '--out', join(dir, 'x.xlsx')]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--attendance needs --ledger/);
  });
});
