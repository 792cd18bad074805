import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT, runBin, type BinResult as Run } from '../helpers/run-bin.js';
import type { FinanceResult } from '../../src/finance/result.js';

const LEDGER = 'fixtures/ledger/ledger.csv';
const BUDGET = 'fixtures/ledger/budget.csv';
const TODAY = '2026-11-25';

/** Runs the built `esf-report finance` (npm test builds dist first) on the committed fixtures, today pinned. */
const run = (args: readonly string[]) => runBin(['finance', ...args]);

function json(r: Run): FinanceResult {
  return JSON.parse(r.stdout) as FinanceResult;
}

interface Expected {
  file: string;
  tests: string;
  args: string[];
  exit: number;
  strictExit: number;
  findings: { severity: string; code: string; file: string; line: number | null; column: string | null }[];
}

const EXPECTED = JSON.parse(readFileSync(`${ROOT}fixtures/ledger/bad/expected.json`, 'utf8')) as Expected[];

describe('esf-report finance on the realistic ledger (Windows-1252, Swedish Excel)', () => {
  it('checks clean for the project period: exit 0, figures in öre', async () => {
    const r = await run([LEDGER, '--period', 'project', '--budget', BUDGET, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Windows-1252');
    const doc = json(r);
    expect(doc.schema).toBe('esf-report/finance@2');
    expect(doc.unit).toBe('öre');
    expect(doc.project.id).toBe('23-073-S10');
    expect(doc.period).toEqual({ label: 'project', start: '2024-08-01', end: '2027-07-31', asOf: TODAY, preliminary: true });
    expect(doc.rates).toEqual({ eu: 0.4, flatRate: 0.4 });
    expect(doc.records).toEqual({ rows: 171, counted: 171, excluded: 0, notYetCounted: 0 });
    expect(doc.findings).toEqual([]);
    expect(doc.quarters.map((q) => q.label)).toEqual([
      '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4',
    ]);
    expect(doc.quarters.map((q) => q.checked)).toEqual([true, true, true, true, true, true, true, true, true, false]);
    for (const q of doc.quarters.slice(0, 9)) {
      expect(q.euDifference).toBe(0);
      expect(q.flatRateDifference).toBe(0);
      expect(q.unfunded).toBe(0);
      expect(q.euShare).toBe(0.4);
      expect(q.costs.inKind).toBe(q.financing.publicInKind);
    }
    expect(doc.quarters[0]).toMatchObject({ start: '2024-08-01', end: '2024-09-30' });
    expect(doc.quarters[0]!.costs).toEqual({ staff: 26638834, flatRate: 10655534, participantAllowance: 8681650, inKind: 7825020, otherDirect: 0, total: 53801038 });
    expect(doc.quarters[0]!.financing.eu).toBe(21520415);
    // cumulative: 7 564 352,88 kr cost, 3 025 741,15 kr EU (40,00 %)
    expect(doc.cumulative).toMatchObject({ start: '2024-08-01', end: TODAY, checkedThrough: '2026-09-30', euShare: 0.4, unfunded: 0 });
    expect(doc.cumulative.costs).toEqual({ staff: 401333748, flatRate: 160533500, participantAllowance: 124252900, inKind: 70315140, otherDirect: 0, total: 756435288 });
    expect(doc.cumulative.financing).toEqual({ eu: 302574115, state: 172595715, publicCash: 210950318, publicInKind: 70315140, privateCash: 0, privateInKind: 0, total: 756435288 });
    // expected flat rate on the cumulative staff cost differs by 1 öre from the sum of the quarters' rounded rates: within 1 SEK
    expect(doc.cumulative.flatRateDifference).toBe(1);
    expect(doc.budget).toEqual({
      staff: { planned: 565000000, used: 401333748, utilisation: 0.7103 },
      flatRate: { planned: 226000000, used: 160533500, utilisation: 0.7103 },
      participantAllowance: { planned: 170000000, used: 124252900, utilisation: 0.7309 },
      inKind: { planned: 95000000, used: 70315140, utilisation: 0.7402 },
      otherDirect: { planned: 0, used: 0, utilisation: null },
    });
  });

  it('prints tables for a person, in English and Swedish', async () => {
    const en = await run([LEDGER, '--budget', BUDGET]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Period project (2024-08-01 – 2027-07-31), as of 2026-11-25');
    expect(en.stdout).toMatch(/cumulative\s+4 013 337,48\s+1 605 335,00\s+1 242 529,00\s+703 151,40\s+0,00\s+7 564 352,88/);
    expect(en.stdout).toMatch(/2026-Q4\*.*not checked/);
    expect(en.stdout).toContain('checks on whole quarters 2024-08-01 – 2026-09-30');
    expect(en.stdout).toContain('No problems found.');
    const sv = await run([LEDGER, '--budget', BUDGET, '--lang', 'sv', '--quiet']);
    expect(sv.code).toBe(0);
    expect(sv.stderr).toBe('');
    expect(sv.stdout).toContain('Stödberättigande kostnader');
    expect(sv.stdout).toMatch(/ackumulerat\s+40,00 %\s+3 025 741,15/);
    expect(sv.stdout).toContain('Inga problem hittades.');
  });

  it('reads the ledger as it stood on --as-of, for a single quarter', async () => {
    const doc = json(await run([LEDGER, '--period', '2025-Q2', '--format', 'json']));
    expect(doc.period).toMatchObject({ label: '2025-Q2', start: '2025-04-01', end: '2025-06-30', asOf: '2025-06-30', preliminary: false });
    expect(doc.quarters.map((q) => [q.label, q.checked, q.costs.total])).toEqual([['2025-Q2', true, 84846330]]);
    expect(doc.cumulative.checkedThrough).toBe('2025-06-30');
    const partial = json(await run([LEDGER, '--from', '2025-05-01', '--to', '2025-08-15', '--format', 'json']));
    expect(partial.period.label).toBe('2025-05-01..2025-08-15');
    expect(partial.quarters.map((q) => [q.label, q.checked])).toEqual([['2025-Q2', false], ['2025-Q3', false]]);
    expect(partial.cumulative.checkedThrough).toBe('2025-06-30');
    expect(partial.records.notYetCounted).toBeGreaterThan(0);
    expect(partial.findings).toEqual([]);
  });
});

describe('esf-report finance on one bad file per check (fixtures/ledger/bad/expected.json)', () => {
  it.each(EXPECTED.map((e) => [e.file, e] as const))('%s', async (_file, e) => {
    const r = await run([`fixtures/ledger/bad/${e.file}`, ...e.args, '--format', 'json']);
    expect(r.code).toBe(e.exit);
    const doc = json(r);
    expect(doc.schema).toBe('esf-report/finance@2');
    expect(doc.findings.map((f) => ({ severity: f.severity, code: f.code, file: f.file, line: f.line, column: f.column }))).toEqual(e.findings);
    for (const f of doc.findings) expect(f.message.length).toBeGreaterThan(10);
    if (e.exit === 2) expect(Object.keys(doc)).toEqual(['schema', 'findings', 'files', 'notices', 'truncated', 'project']);
    else expect(doc.unit).toBe('öre');
    const strict = await run([`fixtures/ledger/bad/${e.file}`, ...e.args, '--format', 'json', '--strict']);
    expect(strict.code).toBe(e.strictExit);
  });

  it('shows the accepted amount forms exactly', async () => {
    const doc = json(await run(['fixtures/ledger/bad/amount-forms.csv', '--format', 'json']));
    expect(doc.cumulative.costs).toMatchObject({ staff: 10000000, flatRate: 4000000, participantAllowance: 200000, total: 14200000 });
    expect(doc.cumulative.financing.eu).toBe(5680000);
  });

  it('groups findings like validate in the text output, with a fix hint', async () => {
    const r = await run(['fixtures/ledger/bad/flat-rate-mismatch.csv']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FLAT_RATE_MISMATCH (2)');
    expect(r.stdout).toContain('booked flat rate 41 000,00 SEK differs from 40 % of staff costs (40 000,00 SEK) in 2024-Q4, by 1 000,00 SEK');
    expect(r.stdout).toMatch(/2024-Q4 .* 1 error/);
    expect(r.stdout).toContain('Fix:');
  });
});

describe('esf-report finance: usage and unusable files', () => {
  it.each([
    [['--period', '2025-Q5'], 'is not a period'],
    [['--period', '2025-Q1', '--from', '2025-01-01', '--to', '2025-03-31'], 'not both'],
    [['--from', '2025-01-01'], '--from needs --to'],
    [['--period', '2027-Q1'], 'after today'],
    [['--period', '2023'], 'outside the reporting range'],
    [['--as-of', '2026-12-01'], 'after today'],
    [['--period', '2025-Q2', '--as-of', '2025-03-31'], 'before the period start'],
    [['--from', '2025-02-30', '--to', '2025-03-31'], 'is not a date'],
    [['--format', 'xml'], ''],
  ])('%j is a usage error (exit 2, no stack)', async (args, message) => {
    const r = await run([LEDGER, ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a missing ledger or budget as FILE_UNREADABLE (exit 2), also in JSON', async () => {
    const r = await run(['fixtures/ledger/none.csv', '--format', 'json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { schema: string; findings: { code: string; file: string }[] };
    expect(Object.keys(doc)).toEqual(['schema', 'findings', 'files', 'notices', 'truncated', 'project']);
    expect(doc.findings).toMatchObject([{ code: 'FILE_UNREADABLE', file: 'fixtures/ledger/none.csv' }]);
    const b = await run([LEDGER, '--budget', 'fixtures/ledger/none.csv']);
    expect(b.code).toBe(2);
    expect(b.stdout).toContain('FILE_UNREADABLE');
  });

  it('has help with examples', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('--budget');
  });
});
