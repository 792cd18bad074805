/**
 * Writes the co-financing ledger fixtures (see fixtures/ledger/README.md):
 *
 *   node dist/scripts/generate-ledger.js       fixtures/ledger/{ledger.csv,budget.csv}, fixtures/ledger/bad/ and its expected.json
 *
 * Deterministic: the same script always gives the same bytes. The figures are computed here with
 * plain integer arithmetic in öre, independently of src/finance, so the tests compare two
 * computations rather than the tool with itself.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { csvRecord } from './participants-generator.js';

// ---------------------------------------------------------------------------------------------
// Money helpers (öre, integers only)

/** rate (numerator/denominator) × öre, rounded half away from zero. */
function rateOf(ore: number, numerator: number, denominator: number): number {
  const n = ore * numerator;
  const q = Math.floor((Math.abs(n) * 2 + denominator) / (2 * denominator));
  return n < 0 ? -q : q;
}

const NBSP = '\u00A0';

/** As Swedish Excel writes a number cell formatted "# ##0,00": no-break space between thousands, decimal comma. */
function excelNumber(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const kronor = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${sign}${kronor},${String(abs % 100).padStart(2, '0')}`;
}

/** As Swedish Excel writes a cell in "General" format: no grouping, trailing decimal zeros dropped (`4120`, `3862,5`). */
function excelGeneral(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const kronor = String(Math.floor(abs / 100));
  const cents = abs % 100;
  if (cents === 0) return `${sign}${kronor}`;
  return `${sign}${kronor},${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/** Plain Swedish form for the small bad files: `100 000,00` with ordinary spaces. */
function sek(ore: number): string {
  return excelNumber(ore).replace(/\u00A0/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// CSV


const SV_HEADER = ['datum', 'typ', 'kategori', 'belopp', 'part', 'verifikation', 'beskrivning'] as const;
const EN_HEADER = ['date', 'type', 'category', 'amount', 'party', 'reference', 'description'] as const;

/** Swedish names of the categories as finance writes them in the ledger. */
const SV = {
  staff: 'personal',
  flat_rate: 'schablon',
  participant_allowance: 'deltagarersättning',
  in_kind: 'bidrag_i_annat_än_pengar',
  other_direct: 'övriga_direkta',
  eu: 'esf',
  state: 'statlig',
  public_cash: 'offentlig_kontant',
  public_in_kind: 'offentlig_i_annat_än_pengar',
  private_cash: 'privat_kontant',
  private_in_kind: 'privat_i_annat_än_pengar',
} as const;
type Category = keyof typeof SV;
const COSTS: ReadonlySet<Category> = new Set(['staff', 'flat_rate', 'participant_allowance', 'in_kind', 'other_direct']);

// ---------------------------------------------------------------------------------------------
// The realistic ledger: project 23-073-S10, bookings 2024-08-01 – 2026-09-30

const OWNER = 'Stiftelsen Tillväxt Helsingborg';
const CITY = 'Helsingborgs stad';
const AF = 'Arbetsförmedlingen';
const ESF = 'Svenska ESF-rådet (ESF+)';

interface Booking {
  date: string;
  category: Category;
  ore: number;
  party: string;
  reference: string;
  description: string;
  /** How the amount cell is written. */
  form: 'number' | 'general';
}

interface QuarterTotals {
  label: string;
  sums: Record<Category, number>;
}

const MONTHS_SV = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Staff: monthly gross salary (öre) × employment share (per mille), social fees 31,42 % on top; revised each April. */
const STAFF = [
  { role: 'projektledare', gross: 4_850_000, share: 1000, from: '2024-08' },
  { role: 'jobbcoach', gross: 3_890_000, share: 1000, from: '2024-08' },
  { role: 'jobbcoach/matchare', gross: 3_720_000, share: 750, from: '2024-09' },
] as const;

function monthlyStaffCost(gross: number, share: number, y: number, m: number): number {
  // salary revisions: +3,2 % from April 2025, +2,8 % from April 2026 (per mille, rounded to whole kronor)
  let g = gross;
  if (y > 2025 || (y === 2025 && m >= 4)) g = rateOf(rateOf(g, 1032, 1000), 1, 100) * 100;
  if (y > 2026 || (y === 2026 && m >= 4)) g = rateOf(rateOf(g, 1028, 1000), 1, 100) * 100;
  const salary = rateOf(g, share, 1000);
  return salary + rateOf(salary, 3142, 10000);
}

/** Participants in the programme per month (cohorts of about 20, intake in February and September). */
function participantsInMonth(y: number, m: number): number {
  const inCohort = m === 2 || m === 3 || m === 4 || m === 9 || m === 10 || m === 11;
  const base = y === 2024 ? 14 : y === 2025 ? 19 : 21;
  return inCohort ? base : m === 5 || m === 12 || m === 8 ? Math.floor(base / 2) : 0;
}

function realisticLedger(euRate: readonly [number, number], flatRate: readonly [number, number]): { bookings: Booking[]; quarters: QuarterTotals[] } {
  const bookings: Booking[] = [];
  const quarters: QuarterTotals[] = [];
  const months: [number, number][] = [];
  let [year, month] = [2024, 8];
  while (year < 2026 || (year === 2026 && month <= 9)) {
    months.push([year, month]);
    if (++month === 13) [year, month] = [year + 1, 1];
  }

  let current: { label: string; items: Booking[] } | null = null;
  const closeQuarter = (y: number, m: number) => {
    if (!current) return;
    const q = current;
    const sum = (c: Category) => q.items.filter((b) => b.category === c).reduce((s, b) => s + b.ore, 0);
    const end = iso(y, m, lastDay(y, m));
    const staff = sum('staff');
    const flat = rateOf(staff, flatRate[0], flatRate[1]);
    q.items.push({ date: end, category: 'flat_rate', ore: flat, party: OWNER, reference: '', description: `Schablon ${(flatRate[0] * 100) / flatRate[1]} % på personalkostnader ${q.label}`, form: 'number' });
    const cost = [...COSTS].reduce((s, c) => s + sum(c), 0);
    const eu = rateOf(cost, euRate[0], euRate[1]);
    q.items.push({ date: end, category: 'eu', ore: eu, party: ESF, reference: '', description: `Stöd från Europeiska socialfonden+ ${q.label} (ansökan om utbetalning)`, form: 'number' });
    const inKind = sum('public_in_kind');
    const rest = cost - eu - inKind;
    const state = rateOf(rest, 45, 100);
    q.items.push({ date: end, category: 'state', ore: state, party: AF, reference: '', description: `Statlig medfinansiering ${q.label}`, form: 'number' });
    q.items.push({ date: end, category: 'public_cash', ore: rest - state, party: CITY, reference: '', description: `Kontant medfinansiering ${q.label} – arbetsmarknadsförvaltningen`, form: 'number' });
    const sums = Object.fromEntries(Object.keys(SV).map((c) => [c, 0])) as Record<Category, number>;
    for (const b of q.items) sums[b.category] += b.ore;
    quarters.push({ label: q.label, sums });
    bookings.push(...q.items);
    current = null;
  };

  for (const [y, m] of months) {
    const label = `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
    if (!current) current = { label, items: [] };
    const items = current.items;
    // staff: salary day the 25th, one voucher per person and month
    for (const s of STAFF) {
      if (iso(y, m, 1).slice(0, 7) < s.from) continue;
      items.push({
        date: iso(y, m, 25),
        category: 'staff',
        ore: monthlyStaffCost(s.gross, s.share, y, m),
        party: OWNER,
        reference: '',
        description: `Lön ${MONTHS_SV[m - 1]} ${y}, ${s.role} ${s.share / 10} % inkl. sociala avgifter`,
        form: 'number',
      });
    }
    // participant allowances, paid monthly in arrears, typed in by hand ("General" cells)
    const participants = participantsInMonth(y, m);
    if (participants > 0) {
      items.push({
        date: iso(y, m, 20),
        category: 'participant_allowance',
        ore: participants * 412_550 + (m % 3) * 9_050,
        party: OWNER,
        reference: '',
        description: `Deltagarersättning ${MONTHS_SV[m - 1]}; ${participants} deltagare`,
        form: 'general',
      });
    }
    // partner staff time as in-kind co-financing, booked in the last month of each quarter
    if (m % 3 === 0) {
      const cityHours = 96 + ((y * 7 + m) % 5) * 8;
      const afHours = 64 + ((y + m) % 4) * 6;
      const cityOre = cityHours * 41_235;
      const afOre = afHours * 45_810;
      const end = iso(y, m, lastDay(y, m));
      items.push({ date: end, category: 'in_kind', ore: cityOre, party: CITY, reference: '', description: `Partnertid ${cityHours} h à 412,35 kr – ”Aktiv matchning”`, form: 'number' });
      items.push({ date: end, category: 'public_in_kind', ore: cityOre, party: CITY, reference: '', description: `Offentligt bidrag i annat än pengar: partnertid ${cityHours} h`, form: 'number' });
      items.push({ date: end, category: 'in_kind', ore: afOre, party: AF, reference: '', description: `Handläggartid ${afHours} h à 458,10 kr`, form: 'number' });
      items.push({ date: end, category: 'public_in_kind', ore: afOre, party: AF, reference: '', description: `Offentligt bidrag i annat än pengar: handläggartid ${afHours} h`, form: 'number' });
    }
    // corrections (negative amounts)
    if (y === 2025 && m === 5) {
      items.push({ date: iso(y, m, 28), category: 'staff', ore: -3_250_00, party: OWNER, reference: '', description: 'Rättelse: felbokad OB-ersättning april, jobbcoach', form: 'number' });
    }
    if (y === 2026 && m === 2) {
      items.push({ date: iso(y, m, 27), category: 'participant_allowance', ore: -1_237_50, party: OWNER, reference: '', description: 'Återbetald deltagarersättning (avbrott vecka 6)', form: 'general' });
    }
    if (m % 3 === 0) closeQuarter(y, m);
  }
  // as the accounting system exports it: in date order, vouchers numbered in that order per year
  const sorted = bookings.map((b, i) => ({ b, i })).sort((x, y) => (x.b.date < y.b.date ? -1 : x.b.date > y.b.date ? 1 : x.i - y.i));
  const seq = new Map<string, number>();
  for (const { b } of sorted) {
    const year = b.date.slice(0, 4);
    const n = (seq.get(year) ?? 0) + 1;
    seq.set(year, n);
    b.reference = `V${year}-${String(n).padStart(4, '0')}`;
  }
  return { bookings: sorted.map((x) => x.b), quarters };
}

function ledgerCsv(bookings: readonly Booking[]): string {
  const rows = [csvRecord(SV_HEADER, ';')];
  for (const b of bookings) {
    rows.push(
      csvRecord(
        [b.date, COSTS.has(b.category) ? 'kostnad' : 'finansiering', SV[b.category], b.form === 'number' ? excelNumber(b.ore) : excelGeneral(b.ore), b.party, b.reference, b.description],
        ';',
      ),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** Planned totals for the whole project (2024-08-01 – 2027-07-31). */
const BUDGET: readonly [Category, number][] = [
  ['staff', 5_650_000_00],
  ['flat_rate', 2_260_000_00],
  ['participant_allowance', 1_700_000_00],
  ['in_kind', 950_000_00],
  ['other_direct', 0],
];

function budgetCsv(): string {
  const rows = ['kategori;belopp', ...BUDGET.map(([c, ore]) => csvRecord([SV[c], excelNumber(ore)], ';'))];
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// One small bad file per check, with its expected findings

interface ExpectedFinding {
  severity: 'error' | 'warning';
  code: string;
  file: string;
  line: number | null;
  column: string | null;
}

interface BadFixture {
  file: string;
  tests: string;
  /** Extra arguments after the ledger path (paths relative to the repository root). */
  args: string[];
  exit: number;
  findings: ExpectedFinding[];
  text: string;
  /** Other files the case needs (budget, profile), written beside it. */
  extra?: { file: string; text: string }[];
}

type Row = readonly [date: string, type: string, category: string, amount: string, party?: string, reference?: string, description?: string];

const BAD_DIR = 'fixtures/ledger/bad';
const K = 'kostnad';
const F = 'finansiering';

/** A quarter that checks clean: staff, 40 % flat rate, EU 40 % of the total, state and public cash for the rest. */
function cleanQuarter(y: number, q: number, staff = 100_000_00): Row[] {
  const m1 = (q - 1) * 3 + 1;
  const end = iso(y, m1 + 2, lastDay(y, m1 + 2));
  const flat = rateOf(staff, 4, 10);
  const eu = rateOf(staff + flat, 4, 10);
  // state: 60 % of the rest, rounded down to 10 000 SEK; public cash the remainder
  const state = Math.floor(rateOf(staff + flat - eu, 6, 10) / 1_000_000) * 1_000_000;
  const half = Math.floor(staff / 2);
  return [
    [iso(y, m1 + 1, 25), K, 'personal', sek(half), OWNER, `L${y}${q}1`, 'Lön'],
    [iso(y, m1 + 2, 25), K, 'personal', sek(staff - half), OWNER, `L${y}${q}2`, 'Lön'],
    [end, K, 'schablon', sek(flat), OWNER, `S${y}${q}`, 'Schablon 40 %'],
    [end, F, 'esf', sek(eu), ESF, `E${y}${q}`, 'ESF+'],
    [end, F, 'statlig', sek(state), AF, `A${y}${q}`, 'Statlig medfinansiering'],
    [end, F, 'offentlig_kontant', sek(staff + flat - eu - state), CITY, `C${y}${q}`, 'Kontant medfinansiering'],
  ];
}

interface Marked {
  row: Row;
  expect?: { code: string; column: string | null; severity?: 'error' | 'warning' }[];
}

const m = (row: Row, ...expect: { code: string; column: string | null; severity?: 'error' | 'warning' }[]): Marked => ({ row, expect });
const plain = (rows: Row[]): Marked[] => rows.map((row) => ({ row }));

function badCsv(file: string, marked: readonly Marked[], header: readonly string[] = SV_HEADER): { text: string; findings: ExpectedFinding[] } {
  const lines = [csvRecord(header, ';')];
  const findings: ExpectedFinding[] = [];
  marked.forEach((mk, i) => {
    lines.push(csvRecord((mk.row as readonly string[]).slice(0, header.length), ';'));
    for (const e of mk.expect ?? []) findings.push({ severity: e.severity ?? 'error', code: e.code, file, line: i + 2, column: e.column });
  });
  return { text: `${lines.join('\n')}\n`, findings };
}

const check = (code: string, file: string, severity: 'error' | 'warning' = 'error'): ExpectedFinding => ({ severity, code, file, line: null, column: null });

function badFixtures(): BadFixture[] {
  const out: BadFixture[] = [];
  const add = (file: string, tests: string, marked: Marked[], extra: Partial<BadFixture> & { checks?: ExpectedFinding[]; header?: readonly string[] } = {}) => {
    const csv = badCsv(`${BAD_DIR}/${file}`, marked, extra.header);
    const findings = [...csv.findings, ...(extra.checks ?? [])];
    const exit = extra.exit ?? (findings.some((f) => f.severity === 'error') ? 1 : 0);
    out.push({ file, tests, args: extra.args ?? [], exit, findings, text: csv.text, ...(extra.extra ? { extra: extra.extra } : {}) });
  };
  const path = (file: string) => `${BAD_DIR}/${file}`;

  add('amount-invalid.csv', 'amounts not in an accepted form: bad grouping, three decimals after four digits, words, a currency suffix', [
    ...plain(cleanQuarter(2024, 3)),
    m(['2024-09-20', K, 'deltagarersättning', '12 34,50'], { code: 'AMOUNT_INVALID', column: 'amount' }),
    m(['2024-09-20', K, 'deltagarersättning', '1234,567'], { code: 'AMOUNT_INVALID', column: 'amount' }),
    m(['2024-09-20', K, 'deltagarersättning', 'tusen'], { code: 'AMOUNT_INVALID', column: 'amount' }),
    m(['2024-09-20', K, 'deltagarersättning', '1 234,50 kr'], { code: 'AMOUNT_INVALID', column: 'amount' }),
  ]);

  add('amount-ambiguous.csv', 'one separator followed by exactly three digits (1.234, 1,234, -12,500, 250.000) could mean thousands or decimals', [
    ...plain(cleanQuarter(2024, 3)),
    m(['2024-09-20', K, 'deltagarersättning', '1.234'], { code: 'AMOUNT_INVALID', column: 'amount' }),
    m(['2024-09-20', K, 'deltagarersättning', '1,234'], { code: 'AMOUNT_INVALID', column: 'amount' }),
    m(['2024-09-20', K, 'deltagarersättning', '-12,500'], { code: 'AMOUNT_INVALID', column: 'amount' }),
    m(['2024-09-20', F, 'statlig', '250.000'], { code: 'AMOUNT_INVALID', column: 'amount' }),
  ]);

  add('category-invalid.csv', 'an unknown type and unknown categories; the rows are left out, the rest checks clean', [
    ...plain(cleanQuarter(2024, 3)),
    m(['2024-09-20', 'utgift', 'personal', '1 000,00'], { code: 'CATEGORY_INVALID', column: 'type' }),
    m(['2024-09-20', K, 'resor', '2 500,00'], { code: 'CATEGORY_INVALID', column: 'category' }),
    m(['2024-09-20', F, 'sponsring', '5 000,00'], { code: 'CATEGORY_INVALID', column: 'category' }),
  ]);

  add('category-type-mismatch.csv', 'a financing category on a cost row and a cost category on a financing row', [
    ...plain(cleanQuarter(2024, 3)),
    m(['2024-09-20', K, 'esf', '1 000,00'], { code: 'CATEGORY_TYPE_MISMATCH', column: 'category' }),
    m(['2024-09-20', F, 'personal', '1 000,00'], { code: 'CATEGORY_TYPE_MISMATCH', column: 'category' }),
  ]);

  const q3 = cleanQuarter(2024, 3);
  add('booking-outside-project.csv', 'bookings before the project start 2024-08-01; a booking on 2024-08-01 itself is fine', [
    ...plain([['2024-08-01', K, 'personal', '50 000,00', OWNER, 'L1', 'Lön'], ...q3.slice(1)]),
    m(['2024-07-31', K, 'personal', '12 000,00'], { code: 'BOOKING_OUTSIDE_PROJECT', column: 'date' }),
    m(['2023-12-31', F, 'esf', '4 800,00'], { code: 'BOOKING_OUTSIDE_PROJECT', column: 'date' }),
  ]);

  add('reference-duplicate.csv', 'the same voucher, date and amount (written differently) twice: a warning, the row still counts; same voucher on another day is fine', [
    ...plain(cleanQuarter(2024, 3)),
    m(['2024-09-10', K, 'deltagarersättning', '1 000,00', OWNER, 'V-101', 'Deltagarersättning']),
    m(['2024-09-10', K, 'deltagarersättning', '1000', OWNER, 'V-101', 'Deltagarersättning'], { code: 'REFERENCE_DUPLICATE', column: 'reference', severity: 'warning' }),
    m(['2024-09-11', K, 'deltagarersättning', '1 000,00', OWNER, 'V-101', 'Deltagarersättning']),
    m(['2024-09-30', F, 'esf', '1 200,00', ESF, 'E-101', 'ESF+ på ersättningarna']),
    m(['2024-09-30', F, 'offentlig_kontant', '1 800,00', CITY, 'C-101', 'Kontant medfinansiering']),
  ]);

  add(
    'eu-share-above-rate.csv',
    'EU financing 4 000 SEK above 40 % in 2024-Q3 (a warning), 2 000 SEK below in 2024-Q4, exactly 1 SEK above in 2025-Q1 (within the tolerance): cumulatively 2 001 SEK above (an error)',
    [
      ...plain(cleanQuarter(2024, 3).map((r) => (r[2] === 'esf' ? [r[0], r[1], r[2], '60 000,00'] : r[2] === 'statlig' ? [r[0], r[1], r[2], '46 000,00'] : r) as Row)),
      ...plain(cleanQuarter(2024, 4).map((r) => (r[2] === 'esf' ? [r[0], r[1], r[2], '54 000,00'] : r[2] === 'statlig' ? [r[0], r[1], r[2], '52 000,00'] : r) as Row)),
      ...plain(cleanQuarter(2025, 1).map((r) => (r[2] === 'esf' ? [r[0], r[1], r[2], '56 001,00'] : r[2] === 'statlig' ? [r[0], r[1], r[2], '49 999,00'] : r) as Row)),
    ],
    { checks: [check('EU_SHARE_ABOVE_RATE', path('eu-share-above-rate.csv'), 'warning'), check('EU_SHARE_ABOVE_RATE', path('eu-share-above-rate.csv'))] },
  );

  add(
    'flat-rate-mismatch.csv',
    'flat rate 1 SEK above 40 % of staff in 2024-Q3 (within the tolerance), 1 000 SEK above in 2024-Q4: errors for 2024-Q4 and cumulatively (1 001 SEK)',
    [
      ...plain([
        ['2024-08-25', K, 'personal', '50 000,00'],
        ['2024-09-25', K, 'personal', '50 000,00'],
        ['2024-09-30', K, 'schablon', '40 001,00'],
        ['2024-09-30', F, 'esf', '56 000,40'],
        ['2024-09-30', F, 'statlig', '50 000,00'],
        ['2024-09-30', F, 'offentlig_kontant', '34 000,60'],
        ['2024-11-25', K, 'personal', '50 000,00'],
        ['2024-12-20', K, 'personal', '50 000,00'],
        ['2024-12-31', K, 'schablon', '41 000,00'],
        ['2024-12-31', F, 'esf', '56 400,00'],
        ['2024-12-31', F, 'statlig', '50 000,00'],
        ['2024-12-31', F, 'offentlig_kontant', '34 600,00'],
      ]),
    ],
    { checks: [check('FLAT_RATE_MISMATCH', path('flat-rate-mismatch.csv')), check('FLAT_RATE_MISMATCH', path('flat-rate-mismatch.csv'))] },
  );

  add(
    'in-kind-mismatch.csv',
    'in-kind cost 20 000 SEK against 15 000 SEK in-kind financing in 2024-Q3 (an error, and cumulatively); 2024-Q4 matches with public + private in-kind financing',
    [
      ...plain([
        ['2024-08-25', K, 'personal', '50 000,00'],
        ['2024-09-25', K, 'personal', '50 000,00'],
        ['2024-09-30', K, 'schablon', '40 000,00'],
        ['2024-09-30', K, 'bidrag_i_annat_än_pengar', '20 000,00', CITY],
        ['2024-09-30', F, 'offentlig_i_annat_än_pengar', '15 000,00', CITY],
        ['2024-09-30', F, 'esf', '64 000,00'],
        ['2024-09-30', F, 'statlig', '50 000,00'],
        ['2024-09-30', F, 'offentlig_kontant', '31 000,00'],
        ['2024-11-25', K, 'personal', '50 000,00'],
        ['2024-12-20', K, 'personal', '50 000,00'],
        ['2024-12-31', K, 'schablon', '40 000,00'],
        ['2024-12-31', K, 'bidrag_i_annat_än_pengar', '10 000,00'],
        ['2024-12-31', F, 'offentlig_i_annat_än_pengar', '6 000,00', CITY],
        ['2024-12-31', F, 'privat_i_annat_än_pengar', '4 000,00', 'Företagarna Helsingborg'],
        ['2024-12-31', F, 'esf', '60 000,00'],
        ['2024-12-31', F, 'statlig', '50 000,00'],
        ['2024-12-31', F, 'offentlig_kontant', '30 000,00'],
      ]),
    ],
    { checks: [check('IN_KIND_MISMATCH', path('in-kind-mismatch.csv')), check('IN_KIND_MISMATCH', path('in-kind-mismatch.csv'))] },
  );

  add('other-direct-with-flat-rate.csv', 'an other_direct cost in a project with a flat rate: an error on the row, which is left out', [
    ...plain(cleanQuarter(2024, 3)),
    m(['2024-09-15', K, 'övriga_direkta', '5 000,00', 'Lokalhyra AB', 'R-77', 'Lokalhyra september'], { code: 'OTHER_DIRECT_WITH_FLAT_RATE', column: 'category' }),
  ]);

  add(
    'other-direct-allowed.csv',
    'a project without a flat rate (its own profile) books other direct costs: clean',
    plain([
      ['2024-08-25', 'cost', 'staff', '50000.00'],
      ['2024-09-25', 'cost', 'staff', '50000.00'],
      ['2024-09-15', 'cost', 'other_direct', '25000.00'],
      ['2024-09-30', 'financing', 'eu', '50000.00'],
      ['2024-09-30', 'financing', 'state', '40000.00'],
      ['2024-09-30', 'financing', 'public_cash', '35000.00'],
    ]),
    {
      header: EN_HEADER.slice(0, 4),
      args: ['--project', path('profile-no-flat-rate.json')],
    },
  );

  add(
    'unfunded.csv',
    'financing 10 000 SEK short in 2024-Q3: a warning for the quarter and cumulatively (the project has not ended)',
    plain(cleanQuarter(2024, 3).map((r) => (r[2] === 'statlig' ? [r[0], r[1], r[2], '40 000,00'] : r) as Row)),
    { checks: [check('UNFUNDED', path('unfunded.csv'), 'warning'), check('UNFUNDED', path('unfunded.csv'), 'warning')] },
  );

  add(
    'unfunded-at-project-end.csv',
    'a project that ended 2024-12-31 (its own profile) with financing 10 000 SEK short in its last quarter: a warning for 2024-Q4, an error cumulatively',
    [...plain(cleanQuarter(2024, 3)), ...plain(cleanQuarter(2024, 4).map((r) => (r[2] === 'statlig' ? [r[0], r[1], r[2], '40 000,00'] : r) as Row))],
    {
      args: ['--project', path('profile-ended.json')],
      checks: [check('UNFUNDED', path('unfunded-at-project-end.csv'), 'warning'), check('UNFUNDED', path('unfunded-at-project-end.csv'))],
    },
  );

  const budgetFile = 'budget-exceeded.budget.csv';
  add('budget-exceeded.csv', 'staff costs 100 000 SEK against a staff budget of 80 000 SEK: a warning on the budget line; the flat rate exactly at its budget is fine', plain(cleanQuarter(2024, 3)), {
    args: ['--budget', path(budgetFile)],
    checks: [{ severity: 'warning', code: 'BUDGET_EXCEEDED', file: path(budgetFile), line: 2, column: null }],
    extra: [{ file: budgetFile, text: 'kategori;belopp\npersonal;80 000,00\nschablon;40 000,00\ndeltagarersättning;10 000,00\nbidrag_i_annat_än_pengar;0\n' }],
  });

  add('row-values.csv', 'dates that are no day or not a date form, a date after today (2026-11-25), empty required values', [
    ...plain(cleanQuarter(2024, 3)),
    m(['2024-09-31', K, 'deltagarersättning', '100'], { code: 'DATE_INVALID', column: 'date' }),
    m(['30/09/2024', K, 'deltagarersättning', '100'], { code: 'DATE_INVALID', column: 'date' }),
    m(['2026-12-01', K, 'deltagarersättning', '100'], { code: 'DATE_AFTER_TODAY', column: 'date' }),
    m(['2024-09-20', '', 'deltagarersättning', '100'], { code: 'VALUE_MISSING', column: 'type' }),
    m(['2024-09-20', K, 'deltagarersättning', ''], { code: 'VALUE_MISSING', column: 'amount' }),
  ]);

  add(
    'amount-forms.csv',
    'every accepted amount form: 1234.50, 1 234,50 with a space, a no-break space (U+00A0) or a narrow no-break space (U+202F), 1234,5, -500, 0,5: clean; cost 142 000,00, EU 56 800,00',
    plain([
      ['2024-08-25', K, 'personal', '40 000,00'],
      ['2024-08-26', K, 'personal', '40\u00A0000,00'],
      ['2024-09-25', K, 'personal', '20\u202F000'],
      ['2024-09-26', K, 'personal', '-500'],
      ['2024-09-27', K, 'personal', '500.00'],
      ['2024-09-30', K, 'schablon', '40000'],
      ['2024-09-10', K, 'deltagarersättning', '1234,5'],
      ['2024-09-11', K, 'deltagarersättning', '1234.50'],
      ['2024-09-12', K, 'deltagarersättning', '-469'],
      ['2024-09-13', K, 'deltagarersättning', '0,5'],
      ['2024-09-14', K, 'deltagarersättning', '-0.50'],
      ['2024-09-30', F, 'esf', '56 800,00'],
      ['2024-09-30', F, 'statlig', '50 000,00'],
      ['2024-09-30', F, 'offentlig_kontant', '35 200'],
    ]),
  );

  add('column-missing.csv', 'no amount (belopp) column: the ledger cannot be used (exit 2)', plain([['2024-09-30', K, 'personal', ''] as Row]), {
    header: SV_HEADER.slice(0, 3),
    exit: 2,
    checks: [{ severity: 'error', code: 'COLUMN_MISSING', file: path('column-missing.csv'), line: null, column: 'amount' }],
  });

  return out;
}

function profileVariant(base: Record<string, unknown>, changes: Record<string, unknown>): string {
  return `${JSON.stringify({ ...base, ...changes }, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name === 'esf-report') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the esf-report package root');
    dir = up;
  }
}

/** A rate such as 0.4 as the fraction 4/10, exactly as written in the profile. */
function fraction(rate: number): [number, number] {
  const [whole = '0', decimals = ''] = String(rate).split('.');
  const denominator = 10 ** decimals.length;
  return [Number(whole) * denominator + Number(decimals || '0'), denominator];
}

function main(): void {
  const root = repoRoot();
  const profile = JSON.parse(readFileSync(join(root, 'profiles', '23-073-S10.json'), 'utf8')) as Record<string, unknown> & {
    rates: { eu: number; flatRate: number };
  };
  const dir = join(root, 'fixtures', 'ledger');
  const badDir = join(dir, 'bad');
  mkdirSync(badDir, { recursive: true });

  const { bookings, quarters } = realisticLedger(fraction(profile.rates.eu), fraction(profile.rates.flatRate));
  writeFileSync(join(dir, 'ledger.csv'), iconv.encode(ledgerCsv(bookings), 'win1252'));
  writeFileSync(join(dir, 'budget.csv'), Buffer.from(budgetCsv(), 'utf8'));

  const fixtures = badFixtures();
  for (const fx of fixtures) {
    writeFileSync(join(badDir, fx.file), Buffer.from(fx.text, 'utf8'));
    for (const e of fx.extra ?? []) writeFileSync(join(badDir, e.file), Buffer.from(e.text, 'utf8'));
  }
  writeFileSync(join(badDir, 'profile-ended.json'), profileVariant(profile, { period: { start: '2024-08-01', end: '2024-12-31' } }));
  writeFileSync(join(badDir, 'profile-no-flat-rate.json'), profileVariant(profile, { rates: { eu: profile.rates.eu, flatRate: null } }));
  const expected = fixtures.map((fx) => ({
    file: fx.file,
    tests: fx.tests,
    args: fx.args,
    exit: fx.exit,
    strictExit: fx.exit === 0 && fx.findings.length > 0 ? 1 : fx.exit,
    findings: fx.findings,
  }));
  writeFileSync(join(badDir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);

  // the figures of the realistic ledger, for fixtures/ledger/README.md and the tests
  const total = (c: Category) => quarters.reduce((s, q) => s + q.sums[c], 0);
  const cost = [...COSTS].reduce((s, c) => s + total(c), 0);
  const financing = (Object.keys(SV) as Category[]).filter((c) => !COSTS.has(c)).reduce((s, c) => s + total(c), 0);
  process.stderr.write(`wrote ${bookings.length} bookings in ${quarters.length} quarters to ${join(dir, 'ledger.csv')}, budget.csv and ${fixtures.length} bad files\n`);
  for (const q of quarters) {
    const qc = [...COSTS].reduce((s, c) => s + q.sums[c], 0);
    process.stderr.write(`  ${q.label}: cost ${sek(qc)}, staff ${sek(q.sums.staff)}, flat ${sek(q.sums.flat_rate)}, EU ${sek(q.sums.eu)}\n`);
  }
  process.stderr.write(
    `  cumulative: cost ${sek(cost)} (staff ${sek(total('staff'))}, flat rate ${sek(total('flat_rate'))}, allowances ${sek(total('participant_allowance'))}, in kind ${sek(total('in_kind'))}); financing ${sek(financing)} (EU ${sek(total('eu'))}, state ${sek(total('state'))}, public cash ${sek(total('public_cash'))}, public in kind ${sek(total('public_in_kind'))})\n`,
  );
}

main();
