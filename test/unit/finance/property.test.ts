import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORY_KEYS, CATEGORY_FORMS, COST_CATEGORIES, FINANCING_CATEGORIES, type LedgerCategory } from '../../../src/finance/categories.js';
import { checkLedger } from '../../../src/finance/check-ledger.js';
import { projectQuarters, quarterLabel } from '../../../src/finance/period.js';
import { HEADER, ledger, PROFILE } from './helpers.js';

const TODAY = '2026-11-25';
const CATEGORIES: readonly LedgerCategory[] = [...COST_CATEGORIES.filter((c) => c !== 'other_direct'), ...FINANCING_CATEGORIES];
const COSTS: ReadonlySet<string> = new Set(COST_CATEGORIES);

/** An amount in öre written in one of the accepted forms (none ambiguous). */
function written(ore: number, form: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const kr = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  const grouped = (sep: string) => String(kr).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  switch (form) {
    case 0:
      return `${sign}${kr}.${cents}`;
    case 1:
      return `${sign}${grouped(' ')},${cents}`;
    case 2:
      return `${sign}${grouped('\u00A0')},${cents}`;
    case 3:
      return `${sign}${grouped('\u202F')},${cents}`;
    default:
      return abs % 100 === 0 ? `${sign}${grouped(' ')}` : `${sign}${kr},${cents.replace(/0$/, '')}`;
  }
}

const DAYS = (() => {
  const days: string[] = [];
  for (const q of projectQuarters('2024-08-01', '2026-11-25')) {
    const [y, m] = [Number(q.start.slice(0, 4)), Number(q.start.slice(5, 7))];
    for (let i = 0; i < 3; i++) for (const d of [1, 15, 28]) {
      const date = `${y}-${String(m + i).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      if (date >= '2024-08-01' && date <= TODAY) days.push(date);
    }
  }
  return days;
})();

const booking = fc.record({
  day: fc.integer({ min: 0, max: DAYS.length - 1 }),
  category: fc.constantFrom(...CATEGORIES),
  ore: fc.integer({ min: -(10 ** 11), max: 10 ** 11 }),
  form: fc.integer({ min: 0, max: 4 }),
  swedish: fc.boolean(),
});

describe('property: sums in öre are exactly the sums of the parts', () => {
  it('for random ledgers in any accepted amount form', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(booking, { maxLength: 60 }), async (rows) => {
        const lines = [HEADER];
        const expected = new Map<string, bigint>();
        const byQuarter = new Map<string, bigint>();
        for (const r of rows) {
          const date = DAYS[r.day]!;
          const type = COSTS.has(r.category) ? (r.swedish ? 'kostnad' : 'cost') : r.swedish ? 'finansiering' : 'financing';
          const name = r.swedish ? CATEGORY_FORMS[r.category][0]! : r.category;
          lines.push(`${date};${type};${name};${written(r.ore, r.form)};;;`);
          const key = CATEGORY_KEYS[r.category];
          expected.set(key, (expected.get(key) ?? 0n) + BigInt(r.ore));
          const qk = `${quarterLabel(date)} ${key}`;
          byQuarter.set(qk, (byQuarter.get(qk) ?? 0n) + BigInt(r.ore));
        }
        const period = { label: 'project', start: PROFILE.period.start, end: PROFILE.period.end };
        const check = await checkLedger(ledger(lines), null, { profile: PROFILE, period, asOf: TODAY, today: TODAY }, {});
        // every row is valid: the only findings are the checks on the (random) figures
        expect(check.ledger.findings.filter((f) => f.line !== null).map((f) => `${f.line} ${f.code} ${JSON.stringify(f.args)}`)).toEqual([]);
        const fig = check.figures!;
        const cumulative: Record<string, number> = { ...fig.cumulative.costs, ...fig.cumulative.financing };
        for (const c of [...COST_CATEGORIES, ...FINANCING_CATEGORIES]) {
          const key = CATEGORY_KEYS[c];
          expect(BigInt(cumulative[key]!)).toBe(expected.get(key) ?? 0n);
          for (const q of fig.quarters) {
            const amounts: Record<string, number> = { ...q.costs, ...q.financing };
            expect(BigInt(amounts[key]!)).toBe(byQuarter.get(`${q.label} ${key}`) ?? 0n);
          }
        }
        const sum = (o: Record<string, number>, keys: readonly string[]) => keys.reduce((s, k) => s + BigInt(o[k]!), 0n);
        for (const f of [...fig.quarters, fig.cumulative]) {
          const costKeys = COST_CATEGORIES.map((c) => CATEGORY_KEYS[c]);
          const financingKeys = FINANCING_CATEGORIES.map((c) => CATEGORY_KEYS[c]);
          expect(BigInt(f.costs.total)).toBe(sum(f.costs, costKeys));
          expect(BigInt(f.financing.total)).toBe(sum(f.financing, financingKeys));
          expect(f.unfunded).toBe(f.costs.total - f.financing.total);
          expect(f.euDifference).toBe(f.financing.eu - f.expectedEu);
          // expected EU = 40 % of the cost, rounded half away from zero: |10·expected − 4·cost| ≤ 5
          const gap = 10n * BigInt(f.expectedEu) - 4n * BigInt(f.costs.total);
          expect(gap <= 5n && gap >= -5n).toBe(true);
        }
        // the quarters add up to the cumulative figures (the period is the whole project)
        expect(fig.quarters.reduce((s, q) => s + BigInt(q.costs.total), 0n)).toBe(BigInt(fig.cumulative.costs.total));
      }),
      { numRuns: 150 },
    );
  });
});
