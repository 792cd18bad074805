import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plusDays, daysBetween, plusMonths } from '../../../src/core/dates.js';
import { createIndicatorAccumulator } from '../../../src/indicators/compute.js';
import { isPeriodError, resolvePeriod, type ReportingPeriod } from '../../../src/core/period.js';
import { COHORT_OUTCOMES, INDICATORS, TARGETS, type KnownCount, type KnownRelation } from '../../../src/indicators/registry.js';
import type { IndicatorsResult, PeriodAndCumulative } from '../../../src/indicators/result.js';
import type { ParticipantRecord } from '../../../src/participants/record.js';
import { EXIT_STATUSES, SENSITIVE_ANSWERS, STATUSES_6M, SURVEY_ANSWERS } from '../../../src/participants/values.js';
import { computeCsv, csv, PROFILE, TODAY } from './build.js';

const PROJECT_START = PROFILE.period.start;
const LAST_DAY = TODAY; // no date in a valid export is after today
const SPAN = daysBetween(PROJECT_START, LAST_DAY);

const dayIn = (from: string, to: string) => fc.integer({ min: 0, max: Math.max(0, daysBetween(from, to)) }).map((n) => plusDays(from, n));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 2 });

/** A complete record as the validator would let through: dates in order, none after today. */
const recordArb: fc.Arbitrary<ParticipantRecord> = fc
  .record({
    entryOffset: fc.integer({ min: 0, max: SPAN }),
    age: fc.integer({ min: 15, max: 66 }),
    birthShift: fc.integer({ min: 0, max: 364 }),
    gender: fc.constantFrom('woman', 'man', 'non_binary'),
    status: fc.constantFrom('unemployed', 'inactive', 'employed'),
    months: fc.integer({ min: 0, max: 40 }),
    isced: fc.integer({ min: 0, max: 8 }),
    sensitive: fc.array(fc.constantFrom(...SENSITIVE_ANSWERS), { minLength: 6, maxLength: 6 }),
    exitDays: maybe(fc.integer({ min: 0, max: SPAN })),
    exitStatus: maybe(fc.constantFrom(...EXIT_STATUSES)),
    qualification: maybe(fc.boolean()),
    status6m: maybe(fc.constantFrom(...STATUSES_6M)),
    improved: maybe(fc.boolean()),
    outcomes: fc.array(maybe(fc.integer({ min: 0, max: SPAN })), { minLength: 3, maxLength: 3 }),
    survey: fc.array(fc.constantFrom(...SURVEY_ANSWERS), { minLength: 3, maxLength: 3 }),
    cohort: maybe(fc.record({ year: fc.integer({ min: 2024, max: 2027 }), half: fc.constantFrom('VT' as const, 'HT' as const) })),
  })
  .map((x): ParticipantRecord => {
    const entryDate = plusDays(PROJECT_START, x.entryOffset);
    const birthDate = plusDays(plusMonths(entryDate, -12 * x.age), -x.birthShift);
    const room = daysBetween(entryDate, LAST_DAY);
    const after = (n: number | null) => (n === null ? null : plusDays(entryDate, n % (room + 1)));
    const exitDate = after(x.exitDays);
    const s = x.sensitive as ParticipantRecord['disability'][];
    const v = x.survey as ParticipantRecord['networkExpanded'][];
    return {
      line: 0,
      participantId: null,
      complete: true,
    protectedIdentity: false,
      gender: x.gender,
      birthDate,
      entryDate,
      exitDate,
      cohort: x.cohort,
      employmentStatus: x.status,
      unemploymentMonths: x.status === 'unemployed' ? x.months : null,
      isced: x.isced,
      disability: s[0]!,
      thirdCountryNational: s[1]!,
      foreignBackground: s[2]!,
      minority: s[3]!,
      homeless: s[4]!,
      rural: s[5]!,
      exitStatus: exitDate === null ? null : x.exitStatus,
      qualificationGained: exitDate === null ? null : x.qualification,
      status6m: exitDate === null ? null : x.status6m,
      improvedSituation6m: exitDate === null ? null : x.improved,
      workTrainingStart: after(x.outcomes[0]!),
      studiesStart: after(x.outcomes[1]!),
      employmentStart: after(x.outcomes[2]!),
      networkExpanded: exitDate === null ? 'unknown' : v[0]!,
      competenceImproved: exitDate === null ? 'unknown' : v[1]!,
      understandingImproved: exitDate === null ? 'unknown' : v[2]!,
    };
  });

/** Some rows are incomplete: they must count nowhere. */
const rowArb = fc.tuple(recordArb, fc.integer({ min: 0, max: 9 })).map(([r, k]) => ({ ...r, complete: k !== 0 }));

/** A valid period: a from/to pair inside the reporting range, and sometimes an earlier --as-of. */
const periodArb: fc.Arbitrary<ReportingPeriod> = fc
  .tuple(fc.integer({ min: 0, max: SPAN }), fc.integer({ min: 0, max: 800 }), fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined }))
  .map(([a, len, asOfShift]) => {
    const from = plusDays(PROJECT_START, a);
    const to = plusDays(from, len);
    const asOf = asOfShift === undefined ? undefined : plusDays(from, asOfShift);
    const p = resolvePeriod(PROFILE.period, { from, to, asOf: asOf !== undefined && asOf <= TODAY ? asOf : undefined }, TODAY);
    if (isPeriodError(p)) throw new Error(p.error);
    return p;
  });

function run(records: readonly ParticipantRecord[], p: ReportingPeriod): IndicatorsResult {
  const acc = createIndicatorAccumulator(PROFILE, { period: p, asOf: p.asOf, today: TODAY });
  records.forEach((r, i) => acc.add({ ...r, line: i + 2 }));
  return acc.finish({ rows: records.length, findings: [] });
}

function pairs(r: IndicatorsResult): [string, PeriodAndCumulative][] {
  const out: [string, PeriodAndCumulative][] = [];
  for (const v of r.indicators) {
    out.push([v.code, v]);
    if (v.declined) out.push([`${v.code}.declined`, v.declined]);
    if (v.unknown) out.push([`${v.code}.unknown`, v.unknown]);
  }
  for (const v of r.context) out.push([v.code, v]);
  return out;
}

describe('properties over random valid exports', () => {
  it('every consistency test holds, and the period never exceeds the cumulative', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), periodArb, (records, p) => {
        const r = run(records, p);
        expect(r.consistency.filter((c) => !c.holds)).toEqual([]);
        for (const [code, v] of pairs(r)) {
          for (const g of ['women', 'men', 'nonBinary', 'total'] as const) {
            expect(v.period[g], `${code} ${g}`).toBeLessThanOrEqual(v.cumulative[g]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rows, views and targets add up', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), periodArb, (records, p) => {
        const r = run(records, p);
        const complete = records.filter((x) => x.complete).length;
        expect(r.records).toEqual({
          rows: records.length,
          counted: complete,
          excluded: records.length - complete,
          notYetEntered: records.filter((x) => x.complete && x.entryDate! > p.windowEnd).length,
        });
        const entered = r.indicators[0]!.cumulative;
        expect(entered.total + r.records.notYetEntered).toBe(r.records.counted);
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        expect(sum(r.monthly.map((m) => m.starters.total))).toBe(entered.total);
        expect(sum(r.monthly.map((m) => m.leavers.total))).toBe(r.context[0]!.cumulative.total);
        expect(sum(r.cohorts.map((c) => c.starters.total))).toBe(entered.total);
        expect(sum(r.cohorts.map((c) => c.leavers.total))).toBe(r.context[0]!.cumulative.total);
        for (const t of r.targets) {
          expect(t.achieved.total).toBeLessThanOrEqual(t.id === 'T-PART' ? entered.total : t.base);
          if (t.unanswered) expect(t.achieved.total + t.unanswered.total).toBeLessThanOrEqual(t.base);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('cumulative values depend only on the window end; a period from the project start has period = cumulative', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 40 }), periodArb, (records, p) => {
        const r = run(records, p);
        const fromStart = run(records, { ...p, label: 'x', start: PROJECT_START });
        for (const [[code, a], [, b]] of pairs(r).map((x, i) => [x, pairs(fromStart)[i]!] as const)) {
          expect(b.cumulative, code).toEqual(a.cumulative);
          expect(b.period, code).toEqual(b.cumulative);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('holds through the real reader, with arbitrary (partly invalid) rows', async () => {
    const cell = (valid: fc.Arbitrary<string>) => fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: fc.constantFrom('', 'x', '2025-02-30') });
    const day = dayIn(PROJECT_START, LAST_DAY);
    const row = fc
      .record({
        gender: cell(fc.constantFrom('woman', 'man', 'non_binary', 'k', 'x')),
        birth_date: cell(dayIn('1960-01-01', '2005-12-31')),
        entry_date: day,
        exitAfter: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
        employment_status: cell(fc.constantFrom('unemployed', 'inactive', 'employed')),
        unemployment_months: cell(fc.integer({ min: 0, max: 30 }).map(String)),
        isced: cell(fc.integer({ min: 0, max: 8 }).map(String)),
        disability: cell(fc.constantFrom('yes', 'no', 'declined', 'unknown', '')),
        rural: cell(fc.constantFrom('ja', 'nej', 'vill ej uppge', '')),
        exit_status: cell(fc.constantFrom(...EXIT_STATUSES)),
        status_6m: fc.constantFrom('', ...STATUSES_6M),
        improved_situation_6m: fc.constantFrom('', 'yes', 'no'),
        employmentAfter: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
        network_expanded: fc.constantFrom('', 'yes', 'no', 'unknown'),
      })
      .map(({ exitAfter, employmentAfter, ...r }) => {
        const later = (n: number | null) => (n === null ? '' : plusDays(r.entry_date, n) <= LAST_DAY ? plusDays(r.entry_date, n) : '');
        const exit_date = later(exitAfter);
        const out: Record<string, string> = { ...r, exit_date, employment_start: later(employmentAfter) };
        if (exit_date === '') for (const k of ['exit_status', 'status_6m', 'improved_situation_6m', 'network_expanded']) out[k] = '';
        return out;
      });
    let counted = 0;
    let total = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 40 }), fc.constantFrom('2024-Q4', '2025-Q2', '2025-H2', '2026-Q1', '2026-Q4', 'project', '2025-05'), async (rows, label) => {
        const outcome = await computeCsv(csv(rows), label);
        if (!outcome.usable) throw new Error('unusable');
        const r = outcome.result;
        expect(r.consistency.filter((c) => !c.holds)).toEqual([]);
        expect(r.records.rows).toBe(rows.length);
        expect(r.records.counted + r.records.excluded).toBe(rows.length);
        expect(r.records.excluded).toBe(outcome.summary.excludedRows);
        for (const e of r.excluded) expect(e.codes.length).toBeGreaterThan(0);
        counted += r.records.counted;
        total += rows.length;
      }),
      { numRuns: 100 },
    );
    // many generated rows are valid, so the property is not vacuous
    expect(counted).toBeGreaterThan(total / 3);
  });
});

/**
 * The value of a count of a declared relation in a result (a figure, an extra answer, a target's
 * achieved count, a cohort count over all cohorts), or undefined when the result does not state it.
 */
function countValue(r: IndicatorsResult, c: KnownCount, scope: 'period' | 'cumulative', g: 'women' | 'men' | 'nonBinary' | 'total'): number | undefined {
  if (c.startsWith('cohorts:')) {
    const key = c.slice('cohorts:'.length) as 'starters' | 'leavers' | 'employed' | 'studies' | 'workTraining';
    return r.cohorts.reduce((n, row) => n + row[key][g], 0);
  }
  const target = r.targets.find((t) => t.id === c);
  if (target) return target.achieved[g];
  const [code, measure] = c.split(':') as [string, 'declined' | 'unknown' | undefined];
  const figure = r.indicators.find((i) => i.code === code) ?? r.context.find((x) => x.code === code);
  if (!figure) return undefined;
  const values = measure ? (figure as { declined?: PeriodAndCumulative; unknown?: PeriodAndCumulative })[measure] : figure;
  return values?.[scope][g];
}

describe('the relations the registry declares a reader knows', () => {
  const declared: KnownRelation[] = [...INDICATORS, ...TARGETS, ...COHORT_OUTCOMES].flatMap((d) => d.relations ?? []);

  it('hold on every result, in every gender column and declared scope (the shared copy relies on them)', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), periodArb, (records, p) => {
        const r = run(records, p);
        for (const rel of declared) {
          for (const scope of rel.scopes) {
            for (const g of ['women', 'men', 'nonBinary', 'total'] as const) {
              const side = (counts: readonly KnownCount[]) => counts.map((c) => countValue(r, c, scope, g));
              const [left, right] = [side(rel.left), side(rel.right)];
              if ([...left, ...right].some((v) => v === undefined)) continue;
              const sum = (xs: (number | undefined)[]) => xs.reduce<number>((a, b) => a + b!, 0);
              const name = `${rel.left.join(' + ')} ${rel.relation} ${rel.right.join(' + ')} (${scope}, ${g})`;
              if (rel.relation === '=') expect(sum(left), name).toBe(sum(right));
              else expect(sum(left), name).toBeLessThanOrEqual(sum(right));
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
