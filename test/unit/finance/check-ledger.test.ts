import { describe, expect, it } from 'vitest';
import { checkLedger, type LedgerCheck } from '../../../src/finance/check-ledger.js';
import type { FinancePeriod } from '../../../src/finance/period.js';
import { financeResult, type FinanceResult } from '../../../src/finance/result.js';
import type { ProjectProfile } from '../../../src/project/profile.js';
import { cleanQuarter, HEADER, ledger, PROFILE, profileWith, row } from './helpers.js';

const TODAY = '2026-11-25';
const PROJECT_PERIOD: FinancePeriod = { label: 'project', start: '2024-08-01', end: '2027-07-31' };

async function run(
  lines: string[],
  opts: { profile?: ProjectProfile; period?: FinancePeriod; asOf?: string } = {},
): Promise<LedgerCheck & { figures: NonNullable<LedgerCheck['figures']> }> {
  const profile = opts.profile ?? PROFILE;
  const period = opts.period ?? { label: 'project', start: profile.period.start, end: profile.period.end };
  const asOf = opts.asOf ?? (period.end < TODAY ? period.end : TODAY);
  const check = await checkLedger(ledger([HEADER, ...lines]), null, { profile, period, asOf, today: TODAY }, {});
  if (!check.figures) throw new Error('unusable');
  return check as LedgerCheck & { figures: NonNullable<LedgerCheck['figures']> };
}

/** The check findings (line null) as `severity CODE scope`. */
function checks(check: LedgerCheck): string[] {
  return check.ledger.findings.filter((f) => f.line === null).map((f) => `${f.severity} ${f.code} ${String(f.args.scope)}`);
}

const Q3 = [
  row('2024-08-25', 'kostnad', 'personal', '33 333,33'),
  row('2024-09-25', 'kostnad', 'personal', '33 333,33'),
  row('2024-09-30', 'kostnad', 'schablon', '26 666,66'),
  row('2024-09-20', 'kostnad', 'deltagarersättning', '5000,5'),
  row('2024-09-30', 'kostnad', 'bidrag_i_annat_än_pengar', '12 000,00'),
  row('2024-09-30', 'finansiering', 'offentlig_i_annat_än_pengar', '7 000'),
  row('2024-09-30', 'finansiering', 'privat_i_annat_än_pengar', '5000.00'),
  row('2024-09-30', 'finansiering', 'esf', '44 133,53'),
  row('2024-09-30', 'finansiering', 'statlig', '30 000,00'),
  row('2024-09-30', 'finansiering', 'offentlig_kontant', '24 200,29'),
];

describe('figures (hand-computed)', () => {
  it('computes a quarter: costs and financing by category, EU share, expected EU and flat rate, unfunded', async () => {
    const c = await run(Q3);
    expect(checks(c)).toEqual([]);
    const q = c.figures.quarters[0]!;
    expect(q).toMatchObject({ label: '2024-Q3', start: '2024-08-01', end: '2024-09-30', checked: true });
    // staff 66 666,66; flat rate 26 666,66; allowances 5 000,50; in kind 12 000,00 → 110 333,82
    expect(q.costs).toEqual({ staff: 6666666, flatRate: 2666666, participantAllowance: 500050, inKind: 1200000, otherDirect: 0, total: 11033382 });
    expect(q.financing).toEqual({ eu: 4413353, state: 3000000, publicCash: 2420029, publicInKind: 700000, privateCash: 0, privateInKind: 500000, total: 11033382 });
    // 40 % of 110 333,82 = 44 133,528 → 44 133,53; 40 % of 66 666,66 = 26 666,664 → 26 666,66
    expect(q.expectedEu).toBe(4413353);
    expect(q.euDifference).toBe(0);
    expect(q.euShare).toBe(0.4); // 4 413 353 / 11 033 382 = 0.40000002
    expect(q.expectedFlatRate).toBe(2666666);
    expect(q.flatRateDifference).toBe(0);
    expect(q.unfunded).toBe(0);
    // the project quarters up to the window end 2026-11-25; the last is partial
    expect(c.figures.quarters.map((x) => x.label)).toEqual([
      '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4',
    ]);
    expect(c.figures.quarters[9]).toMatchObject({ start: '2026-10-01', end: '2026-11-25', checked: false, euShare: null, expectedEu: 0 });
    expect(c.figures.cumulative).toMatchObject({ start: '2024-08-01', end: '2026-11-25', checkedThrough: '2026-09-30', costs: q.costs, financing: q.financing });
    expect(c.figures.records).toEqual({ rows: 10, counted: 10, excluded: 0, notYetCounted: 0 });
  });

  it('leaves rows with errors out of every figure', async () => {
    const c = await run([...Q3, row('2024-09-30', 'kostnad', 'personal', '1.000'), row('2024-09-30', 'kostnad', 'övriga_direkta', '500')]);
    expect(c.figures.cumulative.costs.total).toBe(11033382);
    expect(c.figures.records).toEqual({ rows: 12, counted: 10, excluded: 2, notYetCounted: 0 });
    expect(checks(c)).toEqual([]);
  });

  it('gives a quarter only its days inside [period start, window end]; cumulative from the project start', async () => {
    const lines = [
      row('2025-04-15', 'kostnad', 'personal', '1 000,00'), // before the period: cumulative only
      row('2025-05-10', 'kostnad', 'personal', '2 000,00'), // inside
      row('2025-05-31', 'kostnad', 'personal', '4 000,00'), // inside (last day)
      row('2025-06-01', 'kostnad', 'personal', '8 000,00'), // after the window end: not yet counted
      ...cleanQuarter('2025-03-31', 100000, '2025-02-25'),
    ];
    const c = await run(lines, { period: { label: '2025-05', start: '2025-05-01', end: '2025-05-31' } });
    expect(c.figures.quarters).toHaveLength(1);
    expect(c.figures.quarters[0]).toMatchObject({ label: '2025-Q2', start: '2025-05-01', end: '2025-05-31', checked: false });
    expect(c.figures.quarters[0]!.costs.staff).toBe(600000);
    expect(c.figures.cumulative.costs.staff).toBe(100000 * 100 + 700000);
    expect(c.figures.cumulative).toMatchObject({ end: '2025-05-31', checkedThrough: '2025-03-31' });
    expect(c.figures.records).toMatchObject({ counted: 9, notYetCounted: 1 });
    // the partial quarter is not checked (staff without flat rate); cumulative checks stop at 2025-03-31
    expect(checks(c)).toEqual([]);
  });

  it('checks a whole quarter inside the period and the cumulative range up to its end', async () => {
    const lines = [...cleanQuarter('2025-06-30', 100000, '2025-05-25'), row('2025-06-30', 'kostnad', 'personal', '1 000,00')];
    const c = await run(lines, { period: { label: '2025-Q2', start: '2025-04-01', end: '2025-06-30' } });
    expect(c.figures.quarters.map((q) => [q.label, q.checked])).toEqual([['2025-Q2', true]]);
    // staff 101 000: expected flat 40 400, booked 40 000 → −400; cost 141 000: expected EU 56 400, booked 56 000; unfunded 1 000
    expect(checks(c)).toEqual([
      'error FLAT_RATE_MISMATCH 2025-Q2',
      'warning UNFUNDED 2025-Q2',
      'error FLAT_RATE_MISMATCH cumulative',
      'warning UNFUNDED cumulative',
    ]);
    const flat = c.ledger.findings.find((f) => f.code === 'FLAT_RATE_MISMATCH')!;
    expect(flat.args).toEqual({ scope: '2025-Q2', booked: '40 000,00', expected: '40 400,00', difference: '-400,00', rate: '40 %' });
  });

  it('runs no checks before the first project quarter ends', async () => {
    const c = await run([row('2024-08-25', 'kostnad', 'personal', '1 000,00')], { asOf: '2024-09-29' });
    expect(c.figures.quarters).toHaveLength(1);
    expect(c.figures.quarters[0]).toMatchObject({ end: '2024-09-29', checked: false });
    expect(c.figures.cumulative.checkedThrough).toBeNull();
    expect(checks(c)).toEqual([]);
    const c2 = await run([row('2024-08-25', 'kostnad', 'personal', '1 000,00')], { asOf: '2024-09-30' });
    expect(checks(c2)).toEqual(['error FLAT_RATE_MISMATCH 2024-Q3', 'warning UNFUNDED 2024-Q3', 'error FLAT_RATE_MISMATCH cumulative', 'warning UNFUNDED cumulative']);
  });
});

describe('checks: "beyond 1 SEK" is more than 100 öre either way', () => {
  // staff 100 000, flat rate 40 000: cost 140 000, expected EU 56 000; public cash 42 000, state the rest
  const withEu = (eu: string, state: string) => [
    ...cleanQuarter('2024-09-30', 100000, '2024-08-25').filter((l) => !l.includes(';esf;') && !l.includes(';statlig;')),
    row('2024-09-30', 'finansiering', 'esf', eu),
    row('2024-09-30', 'finansiering', 'statlig', state),
  ];

  it('EU_SHARE_ABOVE_RATE: 1,00 over is fine; 1,01 over warns for the quarter and is an error cumulatively', async () => {
    expect(checks(await run(withEu('56 001,00', '41 999,00')))).toEqual([]);
    const c = await run(withEu('56 001,01', '41 998,99'));
    expect(checks(c)).toEqual(['warning EU_SHARE_ABOVE_RATE 2024-Q3', 'error EU_SHARE_ABOVE_RATE cumulative']);
    expect(c.ledger.findings[0]!.args).toEqual({ scope: '2024-Q3', booked: '56 001,01', expected: '56 000,00', difference: '1,01', rate: '40 %' });
    expect(c.figures.quarters[0]!.euDifference).toBe(101);
    expect(c.figures.quarters[0]!.euShare).toBe(0.4); // 0.400007…
    // under the rate is never a finding (30 000 short: unfunded instead)
    expect(checks(await run(withEu('26 000,00', '42 000')))).toEqual(['warning UNFUNDED 2024-Q3', 'warning UNFUNDED cumulative']);
  });

  it('EU_SHARE_ABOVE_RATE: a payment booked a quarter late evens out cumulatively', async () => {
    const q3 = cleanQuarter('2024-09-30', 100000, '2024-08-25').map((l) => l.replace(';esf;56000;', ';esf;60000;').replace(';statlig;42000;', ';statlig;38000;'));
    const q4 = cleanQuarter('2024-12-31', 100000, '2024-11-25').map((l) => l.replace(';esf;56000;', ';esf;52000;').replace(';statlig;42000;', ';statlig;46000;'));
    const c = await run([...q3, ...q4]);
    expect(c.figures.quarters[0]!.euShare).toBe(0.4286); // 60 000 / 140 000 = 0.428571…
    expect(checks(c)).toEqual(['warning EU_SHARE_ABOVE_RATE 2024-Q3']);
  });

  it('FLAT_RATE_MISMATCH: in a quarter and cumulatively, either way', async () => {
    const base = cleanQuarter('2024-09-30', 100000, '2024-08-25');
    const flat = (amount: string) => base.map((l) => (l.includes(';schablon;') ? row('2024-09-30', 'kostnad', 'schablon', amount) : l));
    // the EU and the rest follow the cost, so only the flat rate is off
    expect(checks(await run(flat('39 999,00').concat(row('2024-09-30', 'finansiering', 'statlig', '-1'))))).toEqual([]);
    const c = await run(flat('39 998,99').concat(row('2024-09-30', 'finansiering', 'statlig', '-1,01')));
    expect(checks(c)).toEqual(['error FLAT_RATE_MISMATCH 2024-Q3', 'error FLAT_RATE_MISMATCH cumulative']);
    expect(c.ledger.findings[0]!.args).toMatchObject({ booked: '39 998,99', expected: '40 000,00', difference: '-1,01' });
  });

  it('IN_KIND_MISMATCH: in-kind costs against public + private in-kind financing', async () => {
    const base = cleanQuarter('2024-09-30', 100000, '2024-08-25');
    const inKind = (cost: string, pub: string, priv: string) => [
      ...base,
      row('2024-09-30', 'kostnad', 'bidrag_i_annat_än_pengar', cost),
      row('2024-09-30', 'finansiering', 'offentlig_i_annat_än_pengar', pub),
      row('2024-09-30', 'finansiering', 'privat_i_annat_än_pengar', priv),
    ];
    // the in-kind cost raises the expected EU by 4 000, so the EU rows stay below the rate: no finding but the match itself
    expect(checks(await run(inKind('10 000', '6 000', '4 000')))).toEqual([]);
    expect(checks(await run(inKind('10 001', '6 000', '4 000').concat(row('2024-09-30', 'finansiering', 'statlig', '1'))))).toEqual([]);
    const c = await run(inKind('10 001,01', '6 000', '4 000').concat(row('2024-09-30', 'finansiering', 'statlig', '1,01')));
    expect(checks(c)).toEqual(['error IN_KIND_MISMATCH 2024-Q3', 'error IN_KIND_MISMATCH cumulative']);
    expect(c.ledger.findings[0]!.args).toEqual({ scope: '2024-Q3', costs: '10 001,01', financing: '10 000,00', difference: '1,01' });
  });

  it('UNFUNDED: a warning along the way, an error cumulatively when the checks reach the project end', async () => {
    const short = cleanQuarter('2024-09-30', 100000, '2024-08-25').concat(row('2024-09-30', 'kostnad', 'deltagarersättning', '1,01'));
    expect(checks(await run(cleanQuarter('2024-09-30', 100000, '2024-08-25').concat(row('2024-09-30', 'kostnad', 'deltagarersättning', '1'))))).toEqual([]);
    expect(checks(await run(short))).toEqual(['warning UNFUNDED 2024-Q3', 'warning UNFUNDED cumulative']);
    const ended = profileWith({ period: { start: '2024-08-01', end: '2024-09-30' } });
    const c = await run(short, { profile: ended });
    expect(checks(c)).toEqual(['warning UNFUNDED 2024-Q3', 'error UNFUNDED cumulative']);
    expect(c.ledger.findings[1]!.args).toEqual({ scope: 'cumulative', costs: '140 001,01', financing: '140 000,00', difference: '1,01' });
    // over-financing is no UNFUNDED finding
    expect(checks(await run(cleanQuarter('2024-09-30', 100000, '2024-08-25').concat(row('2024-09-30', 'finansiering', 'statlig', '500'))))).toEqual([]);
  });
});

describe('rates come from the profile', () => {
  it('uses other rates exactly, rounding half away from zero', async () => {
    const profile = profileWith({ rates: { eu: 0.25, flatRate: 0.15 } });
    // staff 0,10 → 15 % = 0,015 → 0,02; cost 0,12 → 25 % = 0,03
    const c = await run([row('2024-09-25', 'kostnad', 'personal', '0,10'), row('2024-09-30', 'kostnad', 'schablon', '0,02'), row('2024-09-30', 'finansiering', 'esf', '0,03'), row('2024-09-30', 'finansiering', 'statlig', '0,09')], { profile });
    expect(c.figures.quarters[0]).toMatchObject({ expectedFlatRate: 2, expectedEu: 3, euShare: 0.25 });
    expect(checks(c)).toEqual([]);
    const neg = await run([row('2024-09-25', 'kostnad', 'personal', '-0,10')], { profile });
    expect(neg.figures.quarters[0]).toMatchObject({ expectedFlatRate: -2, expectedEu: -3, unfunded: -10 });
  });

  it('a project without a flat rate allows other_direct and expects no flat rate (0 %)', async () => {
    const profile = profileWith({ rates: { eu: 0.4, flatRate: null } });
    const lines = [
      row('2024-09-25', 'kostnad', 'personal', '100 000'),
      row('2024-09-25', 'kostnad', 'övriga_direkta', '25 000'),
      row('2024-09-30', 'finansiering', 'esf', '50 000'),
      row('2024-09-30', 'finansiering', 'statlig', '75 000'),
    ];
    const c = await run(lines, { profile });
    expect(checks(c)).toEqual([]);
    expect(c.figures.quarters[0]).toMatchObject({ expectedFlatRate: 0, flatRateDifference: 0 });
    expect(c.figures.quarters[0]!.costs.otherDirect).toBe(2500000);
    const flat = await run([...lines, row('2024-09-30', 'kostnad', 'schablon', '10'), row('2024-09-30', 'finansiering', 'statlig', '10')], { profile });
    expect(checks(flat)).toEqual(['error FLAT_RATE_MISMATCH 2024-Q3', 'error FLAT_RATE_MISMATCH cumulative']);
    expect(flat.ledger.findings[0]!.args.rate).toBe('0 %');
  });
});

describe('financeResult (esf-report/finance@2)', () => {
  it('has the documented shape, amounts in öre', async () => {
    const doc = financeResult(await run(Q3), 'en') as FinanceResult;
    expect(Object.keys(doc)).toEqual(['schema', 'unit', 'project', 'period', 'rates', 'records', 'quarters', 'cumulative', 'budget', 'excluded', 'findings']);
    expect(doc.schema).toBe('esf-report/finance@2');
    expect(doc.unit).toBe('öre');
    expect(doc.project).toEqual({ id: '23-073-S10', name: PROFILE.name });
    expect(doc.period).toEqual({ label: 'project', start: '2024-08-01', end: '2027-07-31', asOf: TODAY, preliminary: true });
    expect(doc.rates).toEqual({ eu: 0.4, flatRate: 0.4 });
    expect(Object.keys(doc.quarters[0]!)).toEqual([
      'label', 'start', 'end', 'checked', 'costs', 'financing', 'euShare', 'expectedEu', 'euDifference', 'expectedFlatRate', 'flatRateDifference', 'unfunded',
    ]);
    expect(doc.budget).toBeNull();
    for (const n of Object.values(doc.cumulative.costs)) expect(Number.isInteger(n)).toBe(true);
  });

  it('holds only schema, project and findings when the ledger is unusable', async () => {
    const check = await checkLedger(ledger(['datum;typ;kategori', '2024-09-30;kostnad;personal']), null, { profile: PROFILE, period: PROJECT_PERIOD, asOf: TODAY, today: TODAY }, {});
    expect(check.figures).toBeNull();
    const doc = financeResult(check, 'sv');
    expect(Object.keys(doc)).toEqual(['schema', 'project', 'findings']);
    expect(doc.findings[0]).toMatchObject({ severity: 'error', code: 'COLUMN_MISSING', file: 'ledger.csv', line: null, column: 'amount' });
    expect(doc.findings[0]!.message).toContain('belopp');
  });
});
