import { createHash } from 'node:crypto';
import { access, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figures, FinanceResult } from '../../src/finance/result.js';
import { ROOT, runBin, type BinResult } from '../helpers/run-bin.js';
import { findRow, loadWorkbook, sheet } from '../unit/report/read-back.js';

// Runs the built bin (runBin pins ESF_REPORT_TODAY=2026-11-25) and reads the Financing sheet back with exceljs,
// comparing it with `esf-report finance --format json` for the same period and reference date.
const PARTICIPANTS = 'fixtures/participants.csv';
const LEDGER = 'fixtures/ledger/ledger.csv';
const BUDGET = 'fixtures/ledger/budget.csv';
const PERIOD = ['--period', 'project', '--as-of', '2026-11-20'] as const;

const COSTS = ['staff', 'flatRate', 'participantAllowance', 'inKind', 'otherDirect', 'total'] as const;
const FINANCING = ['eu', 'state', 'publicCash', 'publicInKind', 'privateCash', 'privateInKind', 'total'] as const;
const QUARTER = /^\d{4}-Q[1-4]$/;

async function financeJson(ledger: string, extra: readonly string[] = []): Promise<FinanceResult> {
  const r = await runBin(['finance', ledger, ...PERIOD, ...extra, '--format', 'json', '--lang', 'sv']);
  return JSON.parse(r.stdout) as FinanceResult;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** The rows of a quarter table under the section heading `title`: the quarters, then the cumulative row. */
function quarterRows(ws: ExcelJS.Worksheet, title: string): ExcelJS.Row[] {
  const heading = Number(findRow(ws, title).number);
  const rows: ExcelJS.Row[] = [];
  for (let r = heading + 2; ; r++) {
    const row = ws.getRow(r);
    const label = row.getCell(1).value;
    if (typeof label !== 'string' || !(QUARTER.test(label) || label === 'Ackumulerat')) break;
    rows.push(row);
  }
  return rows;
}

function figuresFor(doc: FinanceResult, label: string): Figures {
  return label === 'Ackumulerat' ? doc.cumulative : doc.quarters.find((q) => q.label === label)!;
}

/** A money cell back in öre. */
function ore(cell: ExcelJS.Cell): number {
  expect(typeof cell.value, `${cell.address}`).toBe('number');
  expect(cell.numFmt, `${cell.address}`).toBe('#,##0.00');
  return Math.round((cell.value as number) * 100);
}

/** The findings table under its heading: [file, line, column, severity, code, message] per row. */
function findingRows(ws: ExcelJS.Worksheet): unknown[][] {
  const heading = Number(findRow(ws, 'Avvikelser i liggaren och budgeten').number);
  expect(ws.getRow(heading + 1).getCell(1).value).toBe('Fil');
  const out: unknown[][] = [];
  for (let r = heading + 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    out.push([1, 2, 3, 4, 5, 7].map((c) => row.getCell(c).value));
  }
  return out;
}

/** The checks table: each scope's label and its yes/no marks. */
function checkGrid(ws: ExcelJS.Worksheet, columns: number): string[][] {
  const heading = Number(findRow(ws, 'Kontroller').number);
  const grid: string[][] = [];
  for (let r = heading + 2; ; r++) {
    const row = ws.getRow(r);
    const label = row.getCell(1).value;
    if (typeof label !== 'string' || !(QUARTER.test(label) || label === 'Ackumulerat')) break;
    grid.push(Array.from({ length: columns }, (_, i) => String(row.getCell(i + 1).value)));
  }
  return grid;
}

describe('esf-report report --ledger --budget', () => {
  let dir: string;
  let out: string;
  let run: BinResult;
  let doc: FinanceResult;
  let ws: ExcelJS.Worksheet;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'esf-report-ledger-e2e-'));
    out = join(dir, 'report.xlsx');
    [run, doc] = await Promise.all([
      runBin(['report', PARTICIPANTS, ...PERIOD, '--ledger', LEDGER, '--budget', BUDGET, '--out', out]),
      financeJson(LEDGER, ['--budget', BUDGET]),
    ]);
    wb = await loadWorkbook(await readFile(out));
    ws = sheet(wb, 'Finansiering');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exits 0 and writes the workbook with the Financing sheet after Targets', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(out);
    expect(run.stderr).toContain('Windows-1252');
    expect(doc.findings).toEqual([]);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Sammanfattning',
      'Diagram',
      'Indikatorer',
      'Projektmål',
      'Finansiering',
      'Per månad',
      'Kohorter',
      'Datakvalitet',
      'Om rapporten',
    ]);
  });

  it('prints on A4 landscape, one page wide', () => {
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
  });

  it('costs per quarter and cumulatively equal finance --format json to the öre', () => {
    const rows = quarterRows(ws, 'Stödberättigande kostnader');
    expect(rows.map((r) => r.getCell(1).value)).toEqual([...doc.quarters.map((q) => q.label), 'Ackumulerat']);
    for (const row of rows) {
      const f = figuresFor(doc, row.getCell(1).value as string);
      expect(COSTS.map((_, i) => ore(row.getCell(i + 2))), String(row.getCell(1).value)).toEqual(COSTS.map((k) => f.costs[k]));
    }
    expect(ore(rows.at(-1)!.getCell(7))).toBe(756435288);
  });

  it('financing per quarter and cumulatively equals the JSON', () => {
    const rows = quarterRows(ws, 'Finansiering');
    expect(rows).toHaveLength(doc.quarters.length + 1);
    for (const row of rows) {
      const f = figuresFor(doc, row.getCell(1).value as string);
      expect(FINANCING.map((_, i) => ore(row.getCell(i + 2))), String(row.getCell(1).value)).toEqual(FINANCING.map((k) => f.financing[k]));
    }
  });

  it('EU share, expected EU, flat rate and unfunded equal the JSON; the partial quarter is marked', () => {
    const rows = quarterRows(ws, 'EU-andel, schablonbelopp och ofinansierat');
    expect(rows).toHaveLength(doc.quarters.length + 1);
    for (const row of rows) {
      const label = row.getCell(1).value as string;
      const f = figuresFor(doc, label);
      if (f.euShare === null) expect(row.getCell(2).value).toBe('–');
      else {
        expect(row.getCell(2).value).toBe(f.euShare);
        expect(row.getCell(2).numFmt).toBe('0.00%');
      }
      expect([3, 4, 5, 6, 7, 8].map((c) => ore(row.getCell(c))), label).toEqual([
        f.expectedEu,
        f.euDifference,
        f.costs.flatRate,
        f.expectedFlatRate,
        f.flatRateDifference,
        f.unfunded,
      ]);
    }
    const marks = rows.map((r) => r.getCell(9).value);
    expect(marks).toEqual([...doc.quarters.map((q) => (q.checked ? 'ja' : 'nej (ofullständigt)')), `t.o.m. ${doc.cumulative.checkedThrough}`]);
    expect(doc.quarters.at(-1)!.checked).toBe(false);
  });

  it('budget: planned, used and utilisation per category equal the JSON', () => {
    const heading = Number(findRow(ws, 'Budget (planerat för hela projektet) och utnyttjande').number);
    expect([1, 2, 3, 4, 5].map((c) => ws.getRow(heading + 1).getCell(c).value)).toEqual(['Kategori', 'Budget', 'Förbrukat', 'Utnyttjande', 'Kvar']);
    const keys = ['staff', 'flatRate', 'participantAllowance', 'inKind', 'otherDirect'] as const;
    keys.forEach((k, i) => {
      const row = ws.getRow(heading + 2 + i);
      const line = doc.budget![k];
      expect([ore(row.getCell(2)), ore(row.getCell(3)), ore(row.getCell(5))], k).toEqual([line.planned, line.used, line.planned - line.used]);
      expect(row.getCell(4).value, k).toBe(line.utilisation ?? '–');
    });
    expect(ws.getRow(heading + 2).getCell(1).value).toBe('Personalkostnader');
    expect(ws.getRow(heading + 7).getCell(1).value).toBe('Summa');
  });

  it('checks: all hold on the whole quarters and cumulatively (budget too); no findings', () => {
    const grid = checkGrid(ws, 6);
    expect(grid.slice(0, -2)).toEqual(doc.quarters.filter((q) => q.checked).map((q) => [q.label, 'ja', 'ja', 'ja', 'ja', '–']));
    expect(grid.at(-2)).toEqual([doc.quarters.at(-1)!.label, '–', '–', '–', '–', '–']);
    expect(grid.at(-1)).toEqual(['Ackumulerat', 'ja', 'ja', 'ja', 'ja', 'ja']);
    expect(findingRows(ws)).toEqual([['Inga avvikelser i liggaren eller budgeten.', ...Array.from({ length: 5 }, () => 'Inga avvikelser i liggaren eller budgeten.')]]);
  });

  it('the About sheet names the ledger and budget with their SHA-256, and the options', async () => {
    const about = sheet(wb, 'Om rapporten');
    const sha = createHash('sha256').update(await readFile(`${ROOT}fixtures/ledger/ledger.csv`)).digest('hex');
    expect(findRow(about, 'Medfinansieringsliggare').getCell(2).value).toBe('ledger.csv');
    expect(findRow(about, 'SHA-256 för liggaren').getCell(2).value).toBe(sha);
    expect(findRow(about, 'Budgetfil').getCell(2).value).toBe('budget.csv');
    expect(String(findRow(about, 'Använda alternativ').getCell(2).value)).toContain('--ledger ledger.csv --budget budget.csv');
  });

  it('without --ledger the workbook has no Financing sheet', async () => {
    const plain = join(dir, 'plain.xlsx');
    const r = await runBin(['report', PARTICIPANTS, ...PERIOD, '--out', plain]);
    expect(r.code, r.stderr).toBe(0);
    const names = (await loadWorkbook(await readFile(plain))).worksheets.map((w) => w.name);
    expect(names).not.toContain('Finansiering');
  });

  it('in English the sheet is Financing', async () => {
    const en = join(dir, 'en.xlsx');
    const r = await runBin(['report', PARTICIPANTS, ...PERIOD, '--lang', 'en', '--ledger', LEDGER, '--out', en]);
    expect(r.code, r.stderr).toBe(0);
    const enWs = sheet(await loadWorkbook(await readFile(en)), 'Financing');
    expect(enWs.getRow(Number(findRow(enWs, 'Eligible costs').number) + 1).getCell(2).value).toBe('Staff costs');
  });
});

describe('esf-report report --ledger with a ledger that has findings', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'esf-report-ledger-bad-e2e-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('EU share above the rate: exit 1, the workbook written, the checks fail and the findings are on the sheet', async () => {
    const ledger = 'fixtures/ledger/bad/eu-share-above-rate.csv';
    const out = join(dir, 'eu.xlsx');
    const [r, doc] = await Promise.all([runBin(['report', PARTICIPANTS, ...PERIOD, '--ledger', ledger, '--out', out]), financeJson(ledger)]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('eu-share-above-rate.csv: 1 error, 1 warning');
    const ws = sheet(await loadWorkbook(await readFile(out)), 'Finansiering');
    expect(findingRows(ws)).toEqual(
      doc.findings.map((f) => ['eu-share-above-rate.csv', f.line, f.column, f.severity === 'error' ? 'fel' : 'varning', f.code, f.message]),
    );
    expect(doc.findings.map((f) => `${f.severity} ${f.code}`)).toEqual(['warning EU_SHARE_ABOVE_RATE', 'error EU_SHARE_ABOVE_RATE']);
    const grid = checkGrid(ws, 5);
    expect(grid[0]).toEqual(['2024-Q3', 'nej', 'ja', 'ja', 'ja']);
    expect(grid[1]).toEqual(['2024-Q4', 'ja', 'ja', 'ja', 'ja']);
    expect(grid.at(-1)).toEqual(['Ackumulerat', 'nej', 'ja', 'ja', 'ja']);
    // the cumulative EU difference: 2 001 SEK over-claimed
    const shares = quarterRows(ws, 'EU-andel, schablonbelopp och ofinansierat');
    expect(ore(shares.at(-1)!.getCell(4))).toBe(doc.cumulative.euDifference);
    expect(doc.cumulative.euDifference).toBe(200100);
  });

  it('a row in error: exit 1; the finding names its line and column, and the row counts nowhere', async () => {
    const ledger = 'fixtures/ledger/bad/other-direct-with-flat-rate.csv';
    const out = join(dir, 'row.xlsx');
    const [r, doc] = await Promise.all([runBin(['report', PARTICIPANTS, ...PERIOD, '--ledger', ledger, '--out', out]), financeJson(ledger)]);
    expect(r.code, r.stderr).toBe(1);
    const ws = sheet(await loadWorkbook(await readFile(out)), 'Finansiering');
    expect(findingRows(ws)).toEqual([
      ['other-direct-with-flat-rate.csv', 8, 'category', 'fel', 'OTHER_DIRECT_WITH_FLAT_RATE', doc.findings[0]!.message],
    ]);
    const costs = quarterRows(ws, 'Stödberättigande kostnader');
    expect(ore(costs.at(-1)!.getCell(6))).toBe(0);
    expect(doc.records.excluded).toBe(1);
  });

  it('a ledger with only a warning: written (exit 0); with --strict nothing is written (exit 1)', async () => {
    const out = join(dir, 'warning.xlsx');
    const ledger = 'fixtures/ledger/bad/reference-duplicate.csv';
    const r = await runBin(['report', PARTICIPANTS, ...PERIOD, '--ledger', ledger, '--out', out]);
    expect(r.code).toBe(0);
    expect(await exists(out)).toBe(true);
    const strictOut = join(dir, 'warning-strict.xlsx');
    // the sample's own warnings would stop --strict by themselves: use an export without any
    const strict = await runBin(['report', 'fixtures/bad/accepted-forms.csv', ...PERIOD, '--ledger', ledger, '--strict', '--out', strictOut]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('--strict: not written: the ledger or the budget has findings');
    expect(await exists(strictOut)).toBe(false);
  });

  it('an unusable ledger: exit 2, its findings on stderr, no workbook', async () => {
    const out = join(dir, 'empty.xlsx');
    const r = await runBin(['report', PARTICIPANTS, ...PERIOD, '--ledger', 'fixtures/bad/empty.csv', '--budget', BUDGET, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('FILE_EMPTY');
    expect(await exists(out)).toBe(false);
    expect(await readdir(dir)).not.toContain('empty.xlsx');
  });

  it('an unusable budget: exit 2, no workbook', async () => {
    const out = join(dir, 'budget.xlsx');
    const r = await runBin(['report', PARTICIPANTS, ...PERIOD, '--ledger', LEDGER, '--budget', 'fixtures/bad/empty.csv', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('FILE_EMPTY');
    expect(await exists(out)).toBe(false);
  });

  it('a ledger that does not exist: exit 2, no workbook', async () => {
    const out = join(dir, 'missing.xlsx');
    const r = await runBin(['report', PARTICIPANTS, ...PERIOD, '--ledger', 'fixtures/ledger/no-such-ledger.csv', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such file');
    expect(await exists(out)).toBe(false);
  });
});
