import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/run-bin.js';

/**
 * Findings of the ledger, the budget and the attendance file are cut at 1,000 of a code like the
 * participant file's (issue 17), and every output says so: finance and time json (full counts,
 * truncated), the stderr notice, --all-findings, and the workbook's Financing and Data quality sheets.
 */

const work = mkdtempSync(join(tmpdir(), 'esf-bounded-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const BAD_ROWS = 1200;

/** A ledger of BAD_ROWS bookings whose amount is no amount (AMOUNT_INVALID each), then one valid booking. */
function badLedger(): string {
  const lines = ['date,type,category,amount'];
  for (let i = 1; i <= BAD_ROWS; i++) lines.push(`2026-07-10,cost,staff,x${i}`);
  lines.push('2026-07-10,cost,staff,100');
  const path = join(work, 'bad-ledger.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** An attendance file of BAD_ROWS days of participants the participant file does not know (PARTICIPANT_UNKNOWN each). */
function badAttendance(): string {
  const lines = ['participant_id,date,hours'];
  for (let i = 1; i <= BAD_ROWS; i++) lines.push(`X-${String(i).padStart(5, '0')},2026-09-01,7`);
  const path = join(work, 'bad-attendance.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** A ledger of BAD_ROWS in-kind bookings described as participants' time: double counting (PARTICIPANT_TIME_IN_LEDGER) with --attendance. */
function doubleCountingLedger(): string {
  const lines = ['date,type,category,amount,party,reference,description'];
  for (let i = 1; i <= BAD_ROWS; i++) lines.push(`2026-09-30,cost,in_kind,10,,V${i},Deltagartid september`);
  const path = join(work, 'double-counting.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const ATTENDANCE = ['--attendance', 'fixtures/attendance/attendance.csv', '--rate', '162,37'];

interface FileDoc {
  file: string;
  kind: string;
  errors: number;
  counts: Record<string, number>;
  truncated: boolean;
}
interface FindingsDoc {
  schema: string;
  findings: { code: string; file: string }[];
  files: FileDoc[];
  truncated: boolean;
}

const ledger = badLedger();
const attendance = badAttendance();
const doubleCounting = doubleCountingLedger();

describe('finance: ledger findings cut at 1,000 of a code, and said so', () => {
  it('json lists 1,000 of the code, with the full count and truncated per file and for the document; stderr names the cut', async () => {
    const r = await runBin(['finance', ledger, '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as FindingsDoc & { records: { excluded: number } };
    expect(doc.schema).toBe('esf-report/finance@2');
    expect(doc.findings.filter((f) => f.code === 'AMOUNT_INVALID')).toHaveLength(1000);
    expect(doc.files).toHaveLength(1);
    expect(doc.files[0]).toMatchObject({ kind: 'ledger', truncated: true });
    expect(doc.files[0]!.counts.AMOUNT_INVALID).toBe(BAD_ROWS);
    expect(doc.truncated).toBe(true);
    // the figures still leave every bad row out
    expect(doc.records.excluded).toBe(BAD_ROWS);
    expect(r.stderr).toMatch(/only the first 1000 findings of each code are listed \(.*bad-ledger\.csv: AMOUNT_INVALID 1000\/1200\); --all-findings lists every one/);
  });

  it('--all-findings streams every finding in json, and lists every one in text', async () => {
    const r = await runBin(['finance', ledger, '--format', 'json', '--all-findings']);
    const doc = JSON.parse(r.stdout) as FindingsDoc;
    expect(doc.findings.filter((f) => f.code === 'AMOUNT_INVALID')).toHaveLength(BAD_ROWS);
    expect(doc.truncated).toBe(false);
    expect(doc.files[0]!.truncated).toBe(false);
    expect(r.stderr).not.toMatch(/only the first/);
    const text = await runBin(['finance', ledger, '--all-findings']);
    expect(text.stdout).toContain(`AMOUNT_INVALID (${BAD_ROWS})`);
    expect(text.stdout.split('\n').filter((l) => /^ {4}line \d+: /.test(l)).length).toBeGreaterThanOrEqual(BAD_ROWS);
    expect(text.stdout).not.toMatch(/… and \d+ more/);
  });
});

describe("finance --attendance: the double-counting findings are cut like the ledger's own", () => {
  it('json: participantTime lists 1,000 with the full count and truncated, the document is truncated; text says how many more', async () => {
    const r = await runBin(['finance', doubleCounting, ...ATTENDANCE, '--participants', 'fixtures/participants.csv', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as FindingsDoc & { participantTime: { findings: unknown[]; counts: Record<string, number>; truncated: boolean } };
    expect(doc.participantTime.findings).toHaveLength(1000);
    expect(doc.participantTime.counts).toEqual({ PARTICIPANT_TIME_IN_LEDGER: BAD_ROWS });
    expect(doc.participantTime.truncated).toBe(true);
    expect(doc.truncated).toBe(true);
    expect(r.stderr).toMatch(/PARTICIPANT_TIME_IN_LEDGER 1000\/1200/);
    const all = JSON.parse((await runBin(['finance', doubleCounting, ...ATTENDANCE, '--participants', 'fixtures/participants.csv', '--format', 'json', '--all-findings'])).stdout) as typeof doc;
    expect(all.participantTime.findings).toHaveLength(BAD_ROWS);
    expect(all.truncated).toBe(false);
    const text = await runBin(['finance', doubleCounting, ...ATTENDANCE, '--participants', 'fixtures/participants.csv']);
    expect(text.stdout).toContain('… and 200 more PARTICIPANT_TIME_IN_LEDGER (1000 of 1200 listed; --all-findings lists every one)');
  });

  it('report: the Financing sheet says so under the double-counting list, the Data quality sheet too', async () => {
    const out = join(work, 'double-counting.xlsx');
    const r = await runBin(['report', 'fixtures/participants.csv', '--period', '2026-Q3', '--ledger', doubleCounting, ...ATTENDANCE, '--out', out, '--force', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect((await sheetTexts(out, 'Financing')).filter((t) => t.includes('all of them: PARTICIPANT_TIME_IN_LEDGER 1200.'))).toHaveLength(1);
    expect((await sheetTexts(out, 'Data quality')).filter((t) => t.includes('double-counting.csv: PARTICIPANT_TIME_IN_LEDGER 1200.'))).toHaveLength(1);
  });
});

describe('time: attendance findings cut at 1,000 of a code, and said so', () => {
  it('json carries the full counts and truncated; --all-findings lists every one', async () => {
    const r = await runBin(['time', attendance, '--participants', 'fixtures/participants.csv', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as FindingsDoc;
    expect(doc.schema).toBe('esf-report/time@2');
    expect(doc.findings.filter((f) => f.code === 'PARTICIPANT_UNKNOWN')).toHaveLength(1000);
    expect(doc.files[0]).toMatchObject({ kind: 'attendance', truncated: true, errors: BAD_ROWS });
    expect(doc.files[0]!.counts.PARTICIPANT_UNKNOWN).toBe(BAD_ROWS);
    expect(doc.truncated).toBe(true);
    expect(r.stderr).toMatch(/PARTICIPANT_UNKNOWN 1000\/1200/);
    const all = JSON.parse((await runBin(['time', attendance, '--participants', 'fixtures/participants.csv', '--format', 'json', '--all-findings'])).stdout) as FindingsDoc;
    expect(all.findings.filter((f) => f.code === 'PARTICIPANT_UNKNOWN')).toHaveLength(BAD_ROWS);
    expect(all.truncated).toBe(false);
  });
});

/** Every text of a sheet's cells, one per row (merged cells once). */
async function sheetTexts(path: string, name: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheet = wb.getWorksheet(name);
  expect(sheet, name).toBeDefined();
  const rows: string[] = [];
  sheet!.eachRow((row) => {
    const first = row.getCell(1).value;
    if (typeof first === 'string') rows.push(first);
  });
  return rows;
}

describe('report --ledger: the workbook says the ledger findings were cut, with the full counts', () => {
  it.each([
    ['en', 'Financing', 'Data quality', /^Only the first 1000 findings of each code are listed here; all of them: bad-ledger\.csv: AMOUNT_INVALID 1200\./, /^The findings of the ledger and the budget are on the Financing sheet, .*: bad-ledger\.csv: AMOUNT_INVALID 1200\.$/],
    ['sv', 'Finansiering', 'Datakvalitet', /^Här listas bara de första 1000 avvikelserna per kod; alla: bad-ledger\.csv: AMOUNT_INVALID 1200\./, /^Liggarens och budgetens avvikelser finns på bladet Finansiering, .*: bad-ledger\.csv: AMOUNT_INVALID 1200\.$/],
  ] as const)('%s', async (lang, financing, quality, financingNote, qualityNote) => {
    const out = join(work, `report-${lang}.xlsx`);
    const r = await runBin(['report', 'fixtures/participants.csv', '--period', '2026-Q3', '--ledger', ledger, '--out', out, '--force', '--lang', lang]);
    expect(r.code).toBe(1);
    const fin = await sheetTexts(out, financing);
    expect(fin.filter((t) => financingNote.test(t))).toHaveLength(1);
    // the listed findings: 1,000 AMOUNT_INVALID rows, the cut note after them
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    let listed = 0;
    wb.getWorksheet(financing)!.eachRow((row) => {
      if (row.getCell(5).value === 'AMOUNT_INVALID') listed++;
    });
    expect(listed).toBe(1000);
    expect((await sheetTexts(out, quality)).filter((t) => qualityNote.test(t))).toHaveLength(1);
  });

  it('a shared copy states the counts on the Data quality sheet without the file name', async () => {
    const out = join(work, 'shared.xlsx');
    const r = await runBin(['report', 'fixtures/participants.csv', '--period', '2026-Q3', '--ledger', ledger, '--out', out, '--force', '--lang', 'en', '--suppress-below', '3']);
    expect(r.code).toBe(1);
    const notes = (await sheetTexts(out, 'Data quality')).filter((t) => t.startsWith('The findings of the ledger'));
    expect(notes).toEqual([expect.stringMatching(/all of them: AMOUNT_INVALID 1200\.$/)]);
  });

  it('the HTML report says the same, from the same model', async () => {
    const out = join(work, 'report.html');
    const r = await runBin(['report', 'fixtures/participants.csv', '--period', '2026-Q3', '--ledger', ledger, '--out', out, '--force', '--lang', 'en']);
    expect(r.code).toBe(1);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('all of them: bad-ledger.csv: AMOUNT_INVALID 1200. esf-report finance --all-findings lists every one.');
    expect(html).toContain('The findings of the ledger and the budget are on the Financing sheet');
  });
});

describe('report: participant findings past 1,000 of a code', () => {
  it('a shared copy counts every finding of a code on the Data quality sheet, not the 1,000 listed', async () => {
    // the sample, then BAD_ROWS rows whose ID is no ID (ID_INVALID each, the row excluded)
    const sample = readFileSync('fixtures/participants.csv', 'utf8').trimEnd().split('\n');
    const row = sample[1]!.split(',').slice(1).join(',');
    const lines = [...sample];
    for (let i = 1; i <= BAD_ROWS; i++) lines.push(`bad id ${i}!,${row}`);
    const input = join(work, 'many-bad-ids.csv');
    writeFileSync(input, `${lines.join('\n')}\n`);
    const out = join(work, 'shared-many.xlsx');
    const r = await runBin(['report', input, '--period', 'project', '--as-of', '2026-11-20', '--out', out, '--force', '--lang', 'en', '--suppress-below', '3']);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const counts = new Map<string, unknown>();
    wb.getWorksheet('Data quality')!.eachRow((r) => {
      const code = r.getCell(1).value;
      if (typeof code === 'string' && /^[A-Z0-9_]+$/.test(code)) counts.set(code, r.getCell(3).value ?? r.getCell(2).value);
    });
    expect([...counts.entries()].find(([c]) => c === 'ID_INVALID')).toBeDefined();
    expect(JSON.stringify([...counts.entries()])).toContain(`"ID_INVALID",${BAD_ROWS}`);

    // report --format json: the first 1,000 of the code, the full count and truncated
    const json = await runBin(['report', input, '--period', 'project', '--as-of', '2026-11-20', '--out', out, '--force', '--format', 'json']);
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout) as { schema: string; findings: { code: string }[]; counts: Record<string, number>; truncated: boolean };
    expect(doc.schema).toBe('esf-report/report@1');
    expect(doc.findings.filter((f) => f.code === 'ID_INVALID')).toHaveLength(1000);
    expect(doc.counts.ID_INVALID).toBe(BAD_ROWS);
    expect(doc.truncated).toBe(true);
  });
});
