import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PERSONNUMMER_SHAPE, ROOT, runBin } from '../helpers/run-bin.js';

const FIXTURE = `${ROOT}fixtures/participants.csv`;
const LINES = readFileSync(FIXTURE, 'utf8').trimEnd().split('\n');
const HEADER = LINES[0]!.split(',');
const col = (name: string) => HEADER.indexOf(name);
/** Participant ID → personnummer as 12 digits, from the fixture. */
const PNR = new Map(
  LINES.slice(1)
    .map((l) => l.split(','))
    .filter((f) => f[col('personnummer')])
    .map((f) => [f[0]!, f[col('personnummer')]!.replace('-', '')]),
);

/** Every form of every fixture personnummer, for "never shown" checks beside the shape check. */
function assertNoPersonnummer(text: string, where: string): void {
  expect(text.replace(/"[0-9a-f]{16,64}"/g, '""'), where).not.toMatch(PERSONNUMMER_SHAPE);
  for (const p of PNR.values()) {
    expect(text, where).not.toContain(p);
    expect(text, where).not.toContain(`${p.slice(2, 8)}-${p.slice(8)}`);
  }
}

async function sheetCells(file: string): Promise<{ rows: unknown[][]; wb: ExcelJS.Workbook }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  return { rows, wb };
}

const TODAY = { ESF_REPORT_TODAY: '2026-11-25' };
const PYTHON = '/usr/bin/python3';
const hasOpenpyxl = spawnSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;

function openpyxlRead(file: string): Promise<{ cells: Record<string, Record<string, unknown>>; properties: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    execFile(PYTHON, [`${ROOT}test/helpers/openpyxl-read.py`, file], { maxBuffer: 64 << 20 }, (err, stdout) => {
      if (err) reject(err);
      else resolve(JSON.parse(stdout) as never);
    });
  });
}

describe('esf-report month --month', () => {
  const dir = mkdtempSync(join(tmpdir(), 'esf-month-'));

  it("prints the month's starters and leavers by ID, in text and JSON, never a personnummer", async () => {
    const text = await runBin(['month', FIXTURE, '--month', '2025-09'], TODAY);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/SCB participant list 2025-09 · opens 2025-10-01, due 2025-10-28/);
    expect(text.stdout).toMatch(/Starters \(20\)/);
    assertNoPersonnummer(text.stdout + text.stderr, 'text');

    const json = await runBin(['month', FIXTURE, '--month', '2025-09', '--format', 'json'], TODAY);
    expect(json.code).toBe(0);
    assertNoPersonnummer(json.stdout + json.stderr, 'json');
    const doc = JSON.parse(json.stdout) as {
      schema: string;
      month: string;
      opens: string;
      due: string;
      starters: { participant_id: string; start_date: string }[];
      leavers: { participant_id: string; end_date: string }[];
    };
    expect([doc.schema, doc.month, doc.opens, doc.due]).toEqual(['esf-report/month@1', '2025-09', '2025-10-01', '2025-10-28']);
    const starters = LINES.slice(1).map((l) => l.split(',')).filter((f) => f[col('entry_date')]!.startsWith('2025-09'));
    expect(doc.starters.map((s) => s.participant_id).sort()).toEqual(starters.map((f) => f[0]).sort());
    const keys = doc.starters.map((s) => `${s.start_date} ${s.participant_id}`);
    expect(keys).toEqual([...keys].sort());
    expect(doc.starters.every((s) => /^\d{4}-\d{2}-\d{2}$/.test(s.start_date))).toBe(true);
    const leavers = LINES.slice(1).map((l) => l.split(',')).filter((f) => f[col('exit_date')]!.startsWith('2025-09'));
    expect(doc.leavers.map((s) => s.participant_id).sort()).toEqual(leavers.map((f) => f[0]).sort());
  });

  it('writes the SCB workbook with participant IDs only unless --with-personnummer', async () => {
    const out = join(dir, 'ids.xlsx');
    const r = await runBin(['month', FIXTURE, '--month', '2025-09', '--out', out], TODAY);
    expect(r.code).toBe(0);
    assertNoPersonnummer(r.stdout + r.stderr, 'terminal');
    const { rows, wb } = await sheetCells(out);
    assertNoPersonnummer(JSON.stringify(rows), 'workbook without the flag');
    expect(String(rows[0]![0])).toMatch(/inga personnummer/);
    expect(rows[1]![0]).toBe('Personnummer');
    expect(rows.slice(2).every((row) => row[0] === undefined || row[0] === null)).toBe(true);
    expect(wb.subject).toMatch(/inga personnummer/);
  });

  it('puts personnummer exactly in the SCB column with --with-personnummer, and marks the workbook as personal data', async () => {
    const out = join(dir, 'scb.xlsx');
    const r = await runBin(['month', FIXTURE, '--month', '2025-09', '--out', out, '--with-personnummer', '--format', 'json'], TODAY);
    expect(r.code).toBe(0);
    assertNoPersonnummer(r.stdout + r.stderr, 'terminal with the flag');
    expect(r.stderr).toMatch(/contains personnummer/);
    const { rows, wb } = await sheetCells(out);
    expect(String(rows[0]![0])).toMatch(/^INNEHÅLLER PERSONUPPGIFTER/);
    expect([wb.subject, wb.keywords]).toEqual([expect.stringMatching(/personuppgifter/i), expect.stringMatching(/personnummer/)]);
    const header = rows[1] as string[];
    const pCol = header.indexOf('Personnummer');
    const idCol = header.indexOf('Deltagar-id');
    const data = rows.slice(2);
    const inSept = LINES.slice(1)
      .map((l) => l.split(','))
      .filter((f) => f[col('entry_date')]!.startsWith('2025-09') || f[col('exit_date')]!.startsWith('2025-09'));
    expect(data.length).toBe(inSept.length); // one row per participant starting or leaving in September
    for (const row of data) {
      expect(row[pCol], String(row[idCol])).toBe(PNR.get(String(row[idCol])));
      row.forEach((cell, i) => {
        if (i !== pCol) assertNoPersonnummer(JSON.stringify(cell ?? null), `column ${header[i]}`);
      });
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    if (hasOpenpyxl) {
      const view = await openpyxlRead(out);
      const cells = Object.values(view.cells)[0]!;
      expect(cells.A2).toBe('Personnummer');
      expect(cells.B3).toBe('2025-09-01'); // a real date, no time-zone shift
      expect(String(cells.A1)).toMatch(/^INNEHÅLLER PERSONUPPGIFTER/);
      expect(view.properties).toMatchObject({ title: 'Deltagarlista till SCB 2025-09' });
    }
  });

  it('takes the mapping from the project profile (scbMonthMapping, relative to the profile)', async () => {
    const profile = JSON.parse(readFileSync(`${ROOT}profiles/23-073-S10.json`, 'utf8')) as Record<string, unknown>;
    profile.scbMonthMapping = 'scb-mapping.json';
    const profileFile = join(dir, 'profile.json');
    writeFileSync(profileFile, JSON.stringify(profile));
    writeFileSync(
      join(dir, 'scb-mapping.json'),
      JSON.stringify({
        schema: 'esf-report/scb-month-mapping@1',
        name: 'test',
        sheet: 'Blad1',
        personnummer: { form: 'YYYYMMDD-NNNN', protected: { woman: 'Tf29', man: null } },
        columns: [
          { header: 'PNR', source: 'personnummer' },
          { header: 'Start', source: 'start_date' },
          { header: 'Kön', source: 'gender', values: { woman: 'K', man: 'M', non_binary: 'X' } },
        ],
      }),
    );
    const out = join(dir, 'profile.xlsx');
    const r = await runBin(['month', FIXTURE, '--month', '2024-09', '--project', profileFile, '--out', out, '--with-personnummer'], TODAY);
    expect(r.code).toBe(0);
    const { rows, wb } = await sheetCells(out);
    expect(wb.worksheets[0]!.name).toBe('Blad1');
    expect(rows[1]).toEqual(['PNR', 'Start', 'Kön']);
    const sept = LINES.slice(1)
      .map((l) => l.split(','))
      .filter((f) => f[col('entry_date')]!.startsWith('2024-09') || f[col('exit_date')]!.startsWith('2024-09'));
    const dashed = (p: string) => `${p.slice(0, 8)}-${p.slice(8)}`;
    const expected = sept.map((f) => (PNR.has(f[0]!) ? dashed(PNR.get(f[0]!)!) : '(none)'));
    expect(rows.slice(2).map((row) => (row[0] as string | undefined) ?? '(none)').sort()).toEqual(expected.sort());
    expect(expected.filter((p) => p !== '(none)').length).toBeGreaterThan(3);
    expect(rows.slice(2).every((row) => row[1] instanceof Date && ['K', 'M', 'X'].includes(String(row[2])))).toBe(true);
  });

  it('writes SCB\'s code for a protected identity and warns where SCB cannot identify someone', async () => {
    const file = join(dir, 'protected.csv');
    writeFileSync(
      file,
      [
        'deltagar_id;personnummer;skyddad_identitet;kön;födelsedatum;startdatum;arbetsmarknadsstatus;arbetslös_månader;utbildningsnivå',
        'H-1;19900101-9984;ja;kvinna;;2025-03-03;arbetslös;3;3',
        'H-2;;ja;kvinna;1985-06-07;2025-03-04;inaktiv;;2',
        'H-3;;;man;1970-01-01;2025-03-11;inaktiv;;4',
        '',
      ].join('\r\n'),
    );
    const out = join(dir, 'protected.xlsx');
    const r = await runBin(['month', file, '--month', '2025-03', '--out', out, '--with-personnummer'], TODAY);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/SCB_PNR_MISSING.*line 4|line 4 \(H-3\): SCB_PNR_MISSING/);
    assertNoPersonnummer(r.stdout + r.stderr, 'terminal');
    expect(r.stdout).not.toContain('19900101-9984');
    const { rows } = await sheetCells(out);
    expect(rows.slice(2).map((row) => row[0] ?? null)).toEqual(['19900101Tf29', '19850607Tf29', null]);
    expect(JSON.stringify(rows)).not.toContain('199001019984');
    const strict = await runBin(['month', file, '--month', '2025-03', '--strict'], TODAY);
    expect(strict.code).toBe(1);
  });

  it('lists no row with errors: it is reported with its findings, exit 1', async () => {
    const file = join(dir, 'errors.csv');
    writeFileSync(
      file,
      ['participant_id,gender,birth_date,entry_date,employment_status,unemployment_months,isced', 'E-1,woman,1990-01-01,2025-03-03,unemployed,3,3', 'E-2,man,1990-01-01,2025-03-05,unemployed,3,11', ''].join('\n'),
    );
    const r = await runBin(['month', file, '--month', '2025-03', '--format', 'json'], TODAY);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { starters: { participant_id: string }[]; excluded: { participant_id: string; findings: { code: string }[] }[] };
    expect(doc.starters.map((s) => s.participant_id)).toEqual(['E-1']);
    expect(doc.excluded).toMatchObject([{ participant_id: 'E-2', findings: [{ code: 'VALUE_INVALID' }] }]);
  });

  it('refuses what makes no sense, with exit 2 and one clear line', async () => {
    const cases: [string[], RegExp][] = [
      [['--month', '2025-09', '--with-personnummer'], /--with-personnummer only applies to the workbook/],
      [['--month', '2025-9'], /--month "2025-9" is not a month YYYY-MM/],
      [['--month', '2024-07'], /outside the project/],
      [['--month', '2026-12'], /has not begun by 2026-11-25/],
      [['--status', '--month', '2025-01'], /exactly one of/],
      [['--mark-sent', '2026-11'], /opens the month on 2026-12-01/],
      [['--month', '2025-09', '--out', join(dir, 'x.csv')], /written as \.xlsx/],
    ];
    for (const [args, message] of cases) {
      const r = await runBin(['month', FIXTURE, ...args], TODAY);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const mapping = join(dir, 'bad-mapping.json');
    writeFileSync(mapping, JSON.stringify({ schema: 'esf-report/scb-month-mapping@1', name: 'x', sheet: 'S', personnummer: { protected: { woman: 'Tf29', man: null } }, columns: [{ header: 'Kön', source: 'gender', values: { woman: 'K' } }] }));
    const bad = await runBin(['month', FIXTURE, '--month', '2025-09', '--mapping', mapping], TODAY);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--mapping: .*bad-mapping\.json is not a valid SCB month mapping: columns\.0\.values: no code for man, non_binary/);
  });
});

describe('esf-report month --status and --mark-sent', () => {
  it('records sent months beside the export, then names the corrected month and every later one to re-send', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'esf-month-sent-'));
    const file = join(dir, 'export.csv');
    copyFileSync(FIXTURE, file);
    for (const [month, today] of [
      ['2024-08', '2024-09-05'],
      ['2024-09', '2024-10-06'],
      ['2024-10', '2024-11-04'],
      ['2024-11', '2024-12-03'],
    ] as const) {
      const r = await runBin(['month', file, '--mark-sent', month, '--as-of', today], TODAY);
      expect(r.code, month).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`recorded ${month} as sent to SCB on ${today}`));
    }
    const sentFile = join(dir, 'esf-report-23-073-S10-scb-sent.json');
    expect(existsSync(sentFile)).toBe(true);
    const sentText = readFileSync(sentFile, 'utf8');
    expect((JSON.parse(sentText) as { months: { sentOn: string }[] }).months.map((m) => m.sentOn)).toEqual(['2024-09-05', '2024-10-06', '2024-11-04', '2024-12-03']);
    assertNoPersonnummer(sentText, 'sent file');
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(FIXTURE, 'utf8'));

    const clean = await runBin(['month', file, '--status', '--format', 'json'], TODAY);
    expect(clean.code).toBe(0);
    const states = (r: typeof clean) => Object.fromEntries((JSON.parse(r.stdout) as { months: { month: string; state: string }[] }).months.map((m) => [m.month, m.state]));
    expect(states(clean)).toMatchObject({ '2024-08': 'sent', '2024-11': 'sent', '2024-12': 'overdue', '2026-10': 'open', '2026-11': 'not-open' });

    // correct a starter of 2024-09 (P-0003's ISCED level)
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, lines.map((l) => (l.startsWith('P-0003,') ? l.replace(',unemployed,51,5,', ',unemployed,51,4,') : l)).join('\n'));
    const after = await runBin(['month', file, '--status', '--format', 'json'], TODAY);
    const doc = JSON.parse(after.stdout) as { resend_from: string; months: { month: string; state: string; reason: unknown }[] };
    expect(doc.resend_from).toBe('2024-09');
    expect(states(after)).toMatchObject({ '2024-08': 'sent', '2024-09': 'resend', '2024-10': 'resend', '2024-11': 'resend', '2024-12': 'overdue' });
    expect(doc.months[1]!.reason).toEqual({ kind: 'changed', participants: ['P-0003'], personnummer_changed: false });
    assertNoPersonnummer(after.stdout + after.stderr, 'status json');

    const text = await runBin(['month', file, '--status', '--lang', 'sv'], TODAY);
    expect(text.stdout).toMatch(/2024-09 .*SKA SKICKAS OM.*innehållet ändrat: P-0003/);
    expect(text.stdout).toMatch(/3 månader ska skickas om, i ordning från 2024-09/);
    assertNoPersonnummer(text.stdout + text.stderr, 'status text');
  });

  it('reads --sent from elsewhere and refuses a damaged one (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'esf-month-sent2-'));
    const sent = join(dir, 'sent.json');
    writeFileSync(sent, '{"schema": "esf-report/scb-sent@1", "project": "other", "months": []}');
    const r = await runBin(['month', FIXTURE, '--status', '--sent', sent], TODAY);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/records project other, not 23-073-S10/);
    writeFileSync(sent, '{ not json');
    const r2 = await runBin(['month', FIXTURE, '--status', '--sent', sent], TODAY);
    expect([r2.code, r2.stderr]).toEqual([2, expect.stringMatching(/--sent: .*sent\.json is not valid JSON/)]);
  });
});
