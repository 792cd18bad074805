import { describe, expect, it } from 'vitest';
import { readBudget } from '../../../src/finance/budget.js';
import { checkLedger } from '../../../src/finance/check-ledger.js';
import { financeResult, type FinanceResult } from '../../../src/finance/result.js';
import { cleanQuarter, csv, HEADER, ledger, PROFILE, row } from './helpers.js';

const TODAY = '2026-11-25';
const INPUT = { profile: PROFILE, period: { label: 'project', start: '2024-08-01', end: '2027-07-31' }, asOf: TODAY, today: TODAY };

describe('readBudget', () => {
  it('reads planned totals per cost category (Swedish or English names), summing repeated categories', async () => {
    const { summary, planned } = await readBudget(
      csv('budget.csv', '\uFEFFkategori;belopp\npersonal;5 650 000,00\nschablon;2260000\nstaff;100,50\ndeltagarersättning;1\u00A0700\u00A0000\n'),
      {},
    );
    expect(summary).toMatchObject({ kind: 'budget', rows: 4, errors: 0, warnings: 0, encoding: 'utf-8-bom', delimiter: ';' });
    expect(planned.get('staff')).toEqual({ amount: 565010050, line: 2 });
    expect(planned.get('flat_rate')).toEqual({ amount: 226000000, line: 3 });
    expect(planned.get('participant_allowance')).toEqual({ amount: 170000000, line: 5 });
    expect(planned.has('in_kind')).toBe(false);
  });

  it('reports bad rows and adds nothing from them', async () => {
    const { summary, planned } = await readBudget(csv('b.csv', 'category,amount\nesf,100\nresor,100\nstaff,"1,000"\n,5\nflat_rate,\n'), {});
    expect(summary.findings.map((f) => `${f.line}:${f.code}:${f.column}`)).toEqual([
      '2:CATEGORY_TYPE_MISMATCH:category',
      '3:CATEGORY_INVALID:category',
      '4:AMOUNT_INVALID:amount',
      '5:VALUE_MISSING:category',
      '6:VALUE_MISSING:amount',
    ]);
    expect(summary).toMatchObject({ errors: 5, excludedRows: 5 });
    expect(planned.size).toBe(0);
  });

  it('is unusable without its columns', async () => {
    const { summary } = await readBudget(csv('b.csv', 'kategori;summa\npersonal;1\n'), {});
    expect(summary.unusable).toBe(true);
    expect(summary.findings.map((f) => [f.code, f.column])).toEqual([
      ['COLUMN_UNKNOWN', null],
      ['COLUMN_MISSING', 'amount'],
    ]);
  });
});

describe('budget utilisation', () => {
  it('compares cumulative cost per category with the plan; above it is BUDGET_EXCEEDED on the budget line', async () => {
    const lines = [HEADER, ...cleanQuarter('2024-09-30', 100000, '2024-08-25'), row('2024-09-20', 'kostnad', 'deltagarersättning', '2 500'), row('2024-09-30', 'finansiering', 'statlig', '2 500')];
    const budget = csv('budget.csv', 'kategori;belopp\npersonal;80 000\nschablon;40 000\ndeltagarersättning;10 000\n');
    const check = await checkLedger(ledger(lines), budget, INPUT, {});
    const doc = financeResult(check, 'en') as FinanceResult;
    expect(doc.budget).toEqual({
      staff: { planned: 8000000, used: 10000000, utilisation: 1.25 },
      flatRate: { planned: 4000000, used: 4000000, utilisation: 1 },
      participantAllowance: { planned: 1000000, used: 250000, utilisation: 0.25 },
      inKind: { planned: 0, used: 0, utilisation: null },
      otherDirect: { planned: 0, used: 0, utilisation: null },
    });
    expect(check.budget!.findings.map((f) => [f.severity, f.code, f.file, f.line])).toEqual([['warning', 'BUDGET_EXCEEDED', 'budget.csv', 2]]);
    expect(check.budget!.findings[0]!.args).toEqual({ category: 'staff (personal)', used: '100 000,00', planned: '80 000,00' });
    expect(check.budget!.warnings).toBe(1);
    // budget findings follow the ledger's in the JSON document
    expect(doc.findings.map((f) => f.code)).toEqual(['BUDGET_EXCEEDED']);
    expect(doc.findings[0]!.message).toBe('staff (personal): cumulative cost 100 000,00 SEK is above the budget 80 000,00 SEK');
  });

  it('counts a cost category missing from the budget as planned 0 (exceeded by any cost)', async () => {
    const check = await checkLedger(ledger([HEADER, row('2024-09-20', 'kostnad', 'deltagarersättning', '1')]), csv('b.csv', 'kategori;belopp\npersonal;1\n'), INPUT, {});
    expect(check.budget!.findings.map((f) => [f.code, f.line, f.args.category])).toEqual([['BUDGET_EXCEEDED', null, 'participant_allowance (deltagarersättning)']]);
  });

  it('makes the whole result unusable when the budget file is (exit 2)', async () => {
    const check = await checkLedger(ledger([HEADER]), csv('b.csv', ''), INPUT, {});
    expect(check.figures).toBeNull();
    expect(check.budget!.findings[0]!.code).toBe('FILE_EMPTY');
  });
});
