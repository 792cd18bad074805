import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLedger } from '../../../src/finance/check-ledger.js';
import type { FinancePeriod } from '../../../src/finance/period.js';
import { financeResult, type FinanceResult, type Figures } from '../../../src/finance/result.js';
import type { ProjectProfile } from '../../../src/project/profile.js';
import { bufferSource } from '../../../src/read/source.js';
import { buildWorkbookModel } from '../../../src/report/build-model.js';
import { columnWidths } from '../../../src/report/layout.js';
import type { CellModel, RowModel, SheetModel } from '../../../src/report/model.js';
import { COST_KEYS, FINANCING_COLUMNS, FINANCING_KEYS, financingSheet, type UsableLedgerCheck } from '../../../src/report/sheets/financing.js';
import { writeWorkbook } from '../../../src/report/write-workbook.js';
import { HEADER, row } from '../finance/helpers.js';
import { findRow, loadWorkbook, sheet as worksheet } from './read-back.js';
import { builtInProfile, labelsFor, sampleMeta, sampleResult } from './sample.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TODAY = '2026-11-25';
const AS_OF = '2026-11-20';
const profile = builtInProfile();
const PROJECT: FinancePeriod = { label: 'project', start: profile.period.start, end: profile.period.end };
const NBSP = '\u00A0';

async function check(
  ledger: { name: string; bytes: Buffer },
  budget: { name: string; bytes: Buffer } | null,
  p: ProjectProfile = profile,
): Promise<UsableLedgerCheck> {
  const c = await checkLedger(
    bufferSource(ledger.name, ledger.bytes),
    budget ? bufferSource(budget.name, budget.bytes) : null,
    { profile: p, period: { ...PROJECT, start: p.period.start, end: p.period.end }, asOf: AS_OF, today: TODAY },
    {},
  );
  if (!c.figures) throw new Error('unusable ledger in a unit test');
  return c as UsableLedgerCheck;
}

function fixture(path: string): { name: string; bytes: Buffer } {
  return { name: path, bytes: readFileSync(`${ROOT}${path}`) };
}

function csvLedger(lines: readonly string[]): { name: string; bytes: Buffer } {
  return { name: 'small/ledger.csv', bytes: Buffer.from(`${[HEADER, ...lines].join('\n')}\n`, 'utf8') };
}

/** The Financing sheet as the workbook plans it (through the extension point, after Targets). */
function plan(c: UsableLedgerCheck, lang: 'sv' | 'en' = 'sv', p: ProjectProfile = profile): SheetModel {
  const model = buildWorkbookModel(sampleResult(), p, labelsFor(lang), sampleMeta(), { financeSheet: (input) => financingSheet(c, input) });
  const s = model.sheets[3]!;
  expect(s.key).toBe('financing');
  return s;
}

function cellText(c: CellModel | undefined): string | null {
  return c !== undefined && c.kind === 'text' ? c.value : null;
}

/** Index of the first row at or after `from` whose first cell is `value`. */
function rowIndex(s: SheetModel, value: string, from = 0): number {
  const i = s.rows.findIndex((r, j) => j >= from && cellText(r.cells[0]) === value);
  if (i < 0) throw new Error(`no row "${value}" after ${from}`);
  return i;
}

/** The rows of the table under the section heading `title`: its header, then its rows up to the next blank row or note. */
function table(s: SheetModel, title: string): { header: string[]; rows: RowModel[] } {
  const at = rowIndex(s, title);
  expect(s.rows[at]!.style).toBe('section');
  const header = s.rows[at + 1]!;
  expect(header.style).toBe('header');
  const rows: RowModel[] = [];
  for (let i = at + 2; i < s.rows.length && s.rows[i]!.cells.length > 0 && s.rows[i]!.style !== 'note'; i++) rows.push(s.rows[i]!);
  return { header: header.cells.map((c) => cellText(c) ?? ''), rows };
}

/** The öre of a money cell: the value in SEK × 100, rounded. */
function ore(c: CellModel | undefined): number {
  if (c?.kind !== 'money') throw new Error(`not a money cell: ${JSON.stringify(c)}`);
  return Math.round(c.value * 100);
}

function figuresOf(doc: FinanceResult, label: string): Figures {
  return label === 'Ackumulerat' || label === 'Cumulative' ? doc.cumulative : doc.quarters.find((q) => q.label === label)!;
}

describe('Financing sheet for the fixture ledger and budget (Swedish)', () => {
  let c: UsableLedgerCheck;
  let doc: FinanceResult;
  let s: SheetModel;
  beforeAll(async () => {
    c = await check(fixture('fixtures/ledger/ledger.csv'), fixture('fixtures/ledger/budget.csv'));
    doc = financeResult(c, 'sv') as FinanceResult;
    s = plan(c);
  });

  it('is named Finansiering, printed with the common header, and titled with the project', () => {
    expect(s.name).toBe('Finansiering');
    expect(s.print.header).toContain('Finansiering');
    expect(s.rows[0]!.style).toBe('title');
    expect(cellText(s.rows[0]!.cells[0])).toBe('Finansiering: HISSen (Helsingborg Integration SysselSättning)');
    const notes = s.rows.filter((r) => r.style === 'note').map((r) => cellText(r.cells[0]));
    expect(notes).toContain('Medfinansieringsliggare: ledger.csv. Budget: budget.csv.');
    expect(notes).toContain(
      'Period project (2024-08-01 – 2027-07-31), avläst 2026-11-20: bokningar till och med 2026-11-20 räknas. Perioden har inte slutat: siffrorna är preliminära.',
    );
    expect(notes).toContain(
      `Satser enligt projektprofilen: EU-stöd (ESF+) 40${NBSP}% av de stödberättigande kostnaderna; schablonbelopp 40${NBSP}% av personalkostnaderna.`,
    );
    expect(notes).toContain(
      'Räknade bokningar: 171. Rader med fel (utelämnade ur alla belopp, se avvikelserna längst ned): 0. Bokningar efter 2026-11-20 (räknas inte än): 0. Belopp i kronor.',
    );
  });

  it('costs: headers in Swedish ESF terms; every quarter and the cumulative row equal the engine in öre', () => {
    const t = table(s, 'Stödberättigande kostnader');
    expect(t.header).toEqual([
      'Kvartal',
      'Personalkostnader',
      'Schablonbelopp',
      'Deltagarersättning',
      'Bidrag i annat än pengar',
      'Övriga direkta kostnader',
      'Summa stödberättigande kostnader',
    ]);
    expect(t.rows.map((r) => cellText(r.cells[0]))).toEqual([...doc.quarters.map((q) => q.label), 'Ackumulerat']);
    expect(t.rows.at(-1)!.style).toBe('total');
    for (const r of t.rows) {
      const f = figuresOf(doc, cellText(r.cells[0])!);
      expect(r.cells.slice(1).map(ore)).toEqual([...COST_KEYS.map((k) => f.costs[k]), f.costs.total]);
    }
    // the fixture's README: 7 564 352,88 kr eligible cost, 4 013 337,48 kr staff
    const cum = t.rows.at(-1)!.cells;
    expect(cum[1]).toEqual({ kind: 'money', value: 4013337.48 });
    expect(cum[6]).toEqual({ kind: 'money', value: 7564352.88 });
    expect(t.rows[0]!.cells[1]).toEqual({ kind: 'money', value: 266388.34 });
  });

  it('financing: by category and total, equal to the engine', () => {
    const t = table(s, 'Finansiering');
    expect(t.header).toEqual([
      'Kvartal',
      'EU-stöd (ESF+)',
      'Statlig medfinansiering',
      'Offentlig kontant',
      'Offentlig i annat än pengar',
      'Privat kontant',
      'Privat i annat än pengar',
      'Summa finansiering',
    ]);
    for (const r of t.rows) {
      const f = figuresOf(doc, cellText(r.cells[0])!);
      expect(r.cells.slice(1).map(ore)).toEqual([...FINANCING_KEYS.map((k) => f.financing[k]), f.financing.total]);
    }
    expect(ore(t.rows.at(-1)!.cells[1])).toBe(302574115);
  });

  it('EU share, flat rate and unfunded, with the partial quarter marked and the cumulative checked range', () => {
    const t = table(s, 'EU-andel, schablonbelopp och ofinansierat');
    expect(t.header).toEqual([
      'Kvartal',
      'EU-andel',
      `Förväntat EU-stöd (40${NBSP}%)`,
      'EU-differens (bokat − förväntat)',
      'Bokat schablonbelopp',
      `Förväntat schablonbelopp (40${NBSP}%)`,
      'Schablondifferens (bokat − förväntat)',
      'Ofinansierat',
      'Kontrollerat',
    ]);
    for (const r of t.rows) {
      const f = figuresOf(doc, cellText(r.cells[0])!);
      expect(r.cells[1]).toEqual(f.euShare === null ? { kind: 'text', value: '–', align: 'center' } : { kind: 'share', value: f.euShare });
      expect(r.cells.slice(2, 8).map(ore)).toEqual([f.expectedEu, f.euDifference, f.costs.flatRate, f.expectedFlatRate, f.flatRateDifference, f.unfunded]);
    }
    const marks = t.rows.map((r) => cellText(r.cells[8]));
    expect(marks).toEqual([...Array.from({ length: 9 }, () => 'ja'), 'nej (ofullständigt)', 't.o.m. 2026-09-30']);
    // cumulative: the expected flat rate on the cumulative staff cost is 1 öre below the booked one
    const cum = t.rows.at(-1)!.cells;
    expect(cum[1]).toEqual({ kind: 'share', value: 0.4 });
    expect(ore(cum[5])).toBe(160533499);
    expect(ore(cum[6])).toBe(1);
    const notes = s.rows.filter((r) => r.style === 'note').map((r) => cellText(r.cells[0]) ?? '');
    expect(notes).toContain('Ackumulerat: belopp från projektstart 2024-08-01 till och med 2026-11-20; kontrollerna gäller hela kvartal 2024-08-01 – 2026-09-30.');
    expect(notes.some((n) => n.startsWith('Ett ofullständigt kvartal (inte helt inom 2024-08-01 – 2026-11-20)'))).toBe(true);
  });

  it('budget: planned, used, utilisation and remaining per cost category, and the total', () => {
    const t = table(s, 'Budget (planerat för hela projektet) och utnyttjande');
    expect(t.header).toEqual(['Kategori', 'Budget', 'Förbrukat', 'Utnyttjande', 'Kvar']);
    expect(t.rows.map((r) => cellText(r.cells[0]))).toEqual([
      'Personalkostnader',
      'Schablonbelopp',
      'Deltagarersättning',
      'Bidrag i annat än pengar',
      'Övriga direkta kostnader',
      'Summa',
    ]);
    COST_KEYS.forEach((k, i) => {
      const line = doc.budget![k];
      const cells = t.rows[i]!.cells;
      expect([ore(cells[1]), ore(cells[2]), ore(cells[4])]).toEqual([line.planned, line.used, line.planned - line.used]);
      expect(cells[3]).toEqual(line.utilisation === null ? { kind: 'text', value: '–', align: 'center' } : { kind: 'share', value: line.utilisation });
    });
    expect(t.rows[0]!.cells.slice(1, 3)).toEqual([
      { kind: 'money', value: 5650000 },
      { kind: 'money', value: 4013337.48 },
    ]);
    const total = t.rows.at(-1)!;
    expect(total.style).toBe('total');
    expect([ore(total.cells[1]), ore(total.cells[2])]).toEqual([1056000000, 756435288]);
    expect(total.cells[3]).toEqual({ kind: 'share', value: 0.7163 });
  });

  it('checks: every check holds on the whole quarters and cumulatively; the partial quarter and the budget per quarter are not checked', () => {
    const t = table(s, 'Kontroller');
    expect(t.header).toEqual([
      'Kvartal',
      `EU-andel högst 40${NBSP}%`,
      `Schablonbelopp 40${NBSP}% av personalkostnader`,
      'Bidrag i annat än pengar i balans',
      'Inget ofinansierat',
      'Inom budget',
    ]);
    const grid = t.rows.map((r) => r.cells.map(cellText));
    expect(grid.slice(0, 9)).toEqual(doc.quarters.slice(0, 9).map((q) => [q.label, 'ja', 'ja', 'ja', 'ja', '–']));
    expect(grid[9]).toEqual(['2026-Q4', '–', '–', '–', '–', '–']);
    expect(grid[10]).toEqual(['Ackumulerat', 'ja', 'ja', 'ja', 'ja', 'ja']);
  });

  it('findings: a single row saying there are none, spread over the table', () => {
    const at = rowIndex(s, 'Avvikelser i liggaren och budgeten');
    expect(s.rows[at + 1]!.cells.map(cellText)).toEqual(['Fil', 'Rad', 'Kolumn', 'Allvarlighet', 'Kod', null, 'Beskrivning', null, null]);
    expect(cellText(s.rows[at + 2]!.cells[0])).toBe('Inga avvikelser i liggaren eller budgeten.');
    expect(s.merges).toContainEqual({ top: at + 3, left: 1, bottom: at + 3, right: FINANCING_COLUMNS });
    expect(s.rows).toHaveLength(at + 3);
  });

  it('prints one page wide at a legible scale: the figure columns wrap their headers, never a figure', () => {
    const widths = columnWidths(s);
    expect(widths).toHaveLength(FINANCING_COLUMNS);
    // A4 landscape with 0.5" margins holds about 140 width units at 100 %; keep the fit-to-width scale above ~85 %
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(165);
    expect(s.wrap.map((w) => w.column)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    for (const w of s.wrap) expect(widths[w.column - 1]).toBe(w.maxWidth);
  });

  it('written: amounts as SEK numbers with #,##0.00, shares with 0.00%', async () => {
    const model = buildWorkbookModel(sampleResult(), profile, labelsFor('sv'), sampleMeta(), { financeSheet: (input) => financingSheet(c, input) });
    const wb = await loadWorkbook(await writeWorkbook(model));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Sammanfattning',
      'Indikatorer',
      'Projektmål',
      'Finansiering',
      'Per månad',
      'Kohorter',
      'Datakvalitet',
      'Om rapporten',
    ]);
    const ws = worksheet(wb, 'Finansiering');
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToWidth).toBe(1);
    const first = findRow(ws, '2024-Q3');
    expect(first.getCell(2).value).toBe(266388.34);
    expect(first.getCell(2).numFmt).toBe('#,##0.00');
    const shares = ws.getRow(Number(findRow(ws, 'EU-andel, schablonbelopp och ofinansierat').number) + 2);
    expect(shares.getCell(1).value).toBe('2024-Q3');
    expect(shares.getCell(2).value).toBe(0.4);
    expect(shares.getCell(2).numFmt).toBe('0.00%');
    expect(Math.round((shares.getCell(3).value as number) * 100)).toBe(doc.quarters[0]!.expectedEu);
  });
});

describe('Financing sheet for a ledger with findings', () => {
  // 2024-Q3: staff 100 000, flat rate 40 000, EU 60 000 (4 000 above 40 %: a warning), rest state; a row in error (line 9)
  const lines = [
    row('2024-09-25', 'kostnad', 'personal', '100 000,00'),
    row('2024-09-30', 'kostnad', 'schablon', '40 000,00'),
    row('2024-09-30', 'kostnad', 'övriga_direkta', '500,00'),
    row('2024-09-30', 'finansiering', 'esf', '60 000,00'),
    row('2024-09-30', 'finansiering', 'statlig', '80 000,00'),
  ];
  let c: UsableLedgerCheck;
  let s: SheetModel;
  beforeAll(async () => {
    c = await check(csvLedger(lines), null);
    s = plan(c, 'en');
  });

  it('English labels, no budget table nor budget column', () => {
    expect(s.name).toBe('Financing');
    expect(s.rows.some((r) => cellText(r.cells[0]) === 'Budget (planned for the whole project) and utilisation')).toBe(false);
    const t = table(s, 'Checks');
    expect(t.header).toEqual(['Quarter', `EU share at most 40${NBSP}%`, `Flat rate 40${NBSP}% of staff costs`, 'In kind balanced', 'Nothing unfunded']);
    const notes = s.rows.filter((r) => r.style === 'note').map((r) => cellText(r.cells[0]));
    expect(notes).toContain('Co-financing ledger: ledger.csv. No budget given.');
    expect(notes.some((n) => n?.startsWith('Bookings counted: 4. Rows with errors (left out of every amount, see the findings at the bottom): 1.'))).toBe(true);
  });

  it('the EU share check fails in 2024-Q3 (a warning) and cumulatively (an error); the other checks hold', () => {
    const t = table(s, 'Checks');
    const grid = t.rows.map((r) => r.cells.map(cellText));
    expect(grid[0]).toEqual(['2024-Q3', 'no', 'yes', 'yes', 'yes']);
    expect(grid[1]).toEqual(['2024-Q4', 'yes', 'yes', 'yes', 'yes']);
    expect(grid.at(-1)).toEqual(['Cumulative', 'no', 'yes', 'yes', 'yes']);
    const shares = table(s, 'EU share, flat rate and unfunded');
    expect(shares.rows[0]!.cells[1]).toEqual({ kind: 'share', value: 0.4286 });
    expect(ore(shares.rows[0]!.cells[3])).toBe(400000);
  });

  it('lists every finding: file, line, column, severity, code and the message in the workbook language', () => {
    const at = rowIndex(s, 'Findings in the ledger and the budget');
    const rows = s.rows.slice(at + 2);
    const rendered = (financeResult(c, 'en') as FinanceResult).findings;
    expect(rows).toHaveLength(rendered.length);
    expect(rendered.map((f) => `${f.severity} ${f.code} ${f.line}`)).toEqual([
      'error OTHER_DIRECT_WITH_FLAT_RATE 4',
      'warning EU_SHARE_ABOVE_RATE null',
      'error EU_SHARE_ABOVE_RATE null',
    ]);
    rows.forEach((r, i) => {
      const f = rendered[i]!;
      expect(cellText(r.cells[0])).toBe('ledger.csv');
      expect(r.cells[1]).toEqual(f.line === null ? { kind: 'empty' } : { kind: 'integer', value: f.line });
      expect(r.cells[2]).toEqual(f.column === null ? { kind: 'empty' } : { kind: 'text', value: f.column });
      expect(cellText(r.cells[3])).toBe(f.severity);
      expect(cellText(r.cells[4])).toBe(f.code);
      expect(cellText(r.cells[6])).toBe(f.message);
      expect(s.merges).toContainEqual({ top: at + 3 + i, left: 5, bottom: at + 3 + i, right: 6 });
      expect(s.merges).toContainEqual({ top: at + 3 + i, left: 7, bottom: at + 3 + i, right: FINANCING_COLUMNS });
    });
    expect(cellText(rows[1]!.cells[6])).toContain('2024-Q3');
  });

  it('a profile without a flat rate: the rates line says so and the expected flat rate is 0 %', async () => {
    const noFlat: ProjectProfile = { ...profile, rates: { ...profile.rates, flatRate: null } };
    const c2 = await check(csvLedger([row('2024-09-30', 'kostnad', 'övriga_direkta', '500,00'), row('2024-09-30', 'finansiering', 'esf', '200,00')]), null, noFlat);
    const s2 = plan(c2, 'sv', noFlat);
    const notes = s2.rows.filter((r) => r.style === 'note').map((r) => cellText(r.cells[0]));
    expect(notes).toContain(
      `Satser enligt projektprofilen: EU-stöd (ESF+) 40${NBSP}% av de stödberättigande kostnaderna; inget schablonbelopp (övriga direkta kostnader redovisas i stället).`,
    );
    expect(table(s2, 'EU-andel, schablonbelopp och ofinansierat').header[5]).toBe(`Förväntat schablonbelopp (0${NBSP}%)`);
  });
});
