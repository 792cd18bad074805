import { daysBetween, plusMonths, yearsBetween, type IsoDate } from '../core/dates.js';
import type { Lang } from '../findings/catalogue.js';
import type { Finding } from '../findings/finding.js';
import { renderFinding } from '../findings/render.js';
import { countsOf, totalOf, type FindingCounts } from '../findings/tally.js';
import type { ParticipantRecord } from '../participants/record.js';
import { cohortLabel, cohortOf, type Cohort } from '../participants/values.js';
import type { ProjectProfile } from '../project/profile.js';
import type { PeriodRange } from '../core/period.js';
import {
  CONSISTENCY_TESTS,
  CONTEXT_ROWS,
  GENDER_BAND_POINTS,
  INDICATORS,
  isCountable,
  TARGETS,
  type ConsistencyTest,
  type CountedRecord,
  type EventDate,
  type RecordFacts,
  type TargetDefinition,
} from './registry.js';
import type {
  CohortRow,
  ConsistencyResult,
  ContextValue,
  ExcludedRow,
  GenderSplit,
  IndicatorCode,
  IndicatorsResult,
  IndicatorValue,
  MonthRow,
  PeriodAndCumulative,
  TargetResult,
} from './result.js';

export const INDICATORS_SCHEMA = 'esf-report/indicators@1' as const;

export interface AccumulatorOptions {
  /** The period, already clipped to the reporting range (`resolvePeriod`). */
  readonly period: PeriodRange;
  /** The reference date; the window ends at min(period end, asOf). */
  readonly asOf: IsoDate;
  /** Today, injected: the core never reads the clock. Decides `preliminary`. */
  readonly today: IsoDate;
  /** Language of the finding messages in the result (default English; all other names are English). */
  readonly lang?: Lang | undefined;
}

/** What `finish` needs from reading the file: the row count and every finding. */
export interface ReadSummary {
  readonly rows: number;
  readonly findings: readonly Finding[];
  /** The full count per code when `findings` holds at most 1,000 of a code. */
  readonly findingCounts?: FindingCounts | undefined;
}

export interface IndicatorAccumulator {
  /**
   * Counts one validated record (complete or not); keeps no reference to it. `findings` (the row's
   * own) name the error codes of an excluded row; without them they are looked up in `finish`.
   */
  add(record: ParticipantRecord, findings?: readonly Finding[]): void;
  /** The result once every record has been added. */
  finish(summary: ReadSummary): IndicatorsResult;
}

// ---------------------------------------------------------------------------------------------
// exact arithmetic

/** A non-negative decimal as an exact fraction num/den (den a power of ten): 0.07 → 7/100. */
export function exactDecimal(x: number): { num: bigint; den: bigint } {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(x));
  if (!m) throw new RangeError(`not a non-negative finite decimal: ${x}`);
  const frac = m[2] ?? '';
  let num = BigInt(`${m[1]}${frac}`);
  const exp = Number(m[3] ?? 0) - frac.length;
  let den = 1n;
  if (exp >= 0) num *= 10n ** BigInt(exp);
  else den = 10n ** BigInt(-exp);
  return { num, den };
}

/** targetRate × planned, rounded up, exactly (7 % of 100 is 7, not 8). */
export function targetCountOf(rate: number, planned: number): number {
  const { num, den } = exactDecimal(rate);
  return Number((num * BigInt(planned) + den - 1n) / den);
}

/** a ÷ b in ten-thousandths, rounded half up from the exact fraction (3/160 → 188). */
export function ratioTenThousandths(a: number, b: number): number {
  return Math.floor((20000 * a + b) / (2 * b));
}

/** a ÷ b rounded half up to 4 decimals (3/160 = 0.01875 → 0.0188), null when b is 0. */
export function roundedRate(a: number, b: number): number | null {
  return b === 0 ? null : ratioTenThousandths(a, b) / 10000;
}

// ---------------------------------------------------------------------------------------------
// counting cells

const GENDER_INDEX = { woman: 0, man: 1, non_binary: 2 } as const;
const TOTAL = 3;
const PERIOD = 0;
const CUMULATIVE = 1;

/** A period/cumulative × women/men/nonBinary/total counter. The total is counted, not summed, so the consistency test means something. */
class Counts {
  readonly cells = new Float64Array(8);
  add(scope: Scope, g: number): void {
    if (scope === Scope.None) return;
    this.cells[CUMULATIVE * 4 + g]!++;
    this.cells[CUMULATIVE * 4 + TOTAL]!++;
    if (scope === Scope.Both) {
      this.cells[PERIOD * 4 + g]!++;
      this.cells[PERIOD * 4 + TOTAL]!++;
    }
  }
  split(scope: number): GenderSplit {
    const c = this.cells;
    return { women: c[scope * 4]!, men: c[scope * 4 + 1]!, nonBinary: c[scope * 4 + 2]!, total: c[scope * 4 + 3]! };
  }
  both(): PeriodAndCumulative {
    return { period: this.split(PERIOD), cumulative: this.split(CUMULATIVE) };
  }
}

/** A women/men/nonBinary/total counter for one scope (targets, months, cohorts). */
class Split {
  readonly cells = [0, 0, 0, 0];
  add(g: number): void {
    this.cells[g]!++;
    this.cells[TOTAL]!++;
  }
  value(): GenderSplit {
    const c = this.cells;
    return { women: c[0]!, men: c[1]!, nonBinary: c[2]!, total: c[3]! };
  }
}

/** Where an event date falls: nowhere, cumulative only (before the period start), or in the period window too. */
const Scope = { None: 0, CumulativeOnly: 1, Both: 2 } as const;
type Scope = (typeof Scope)[keyof typeof Scope];

interface CohortCounts {
  readonly cohort: Cohort;
  readonly starters: Split;
  readonly leavers: Split;
  readonly employed: Split;
  readonly studies: Split;
  readonly workTraining: Split;
}

/** Months since year 0 of a date: consecutive months differ by one. */
function monthNumber(d: IsoDate): number {
  return Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
}

const EVENT_INDEX: Readonly<Record<EventDate, number>> = { entry: 0, exit: 1, 'six-month-point': 2 };

function monthsFrom(start: IsoDate, end: IsoDate): string[] {
  const months: string[] = [];
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5, 7));
  const last = end.slice(0, 7);
  for (;;) {
    const key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return months;
}

// ---------------------------------------------------------------------------------------------

/**
 * One pass over the records: counts every indicator, context row, target and view as the records
 * go by. Memory holds the counters, the excluded rows' lines and IDs, and one entry per month and
 * cohort, never the records.
 */
export function createIndicatorAccumulator(profile: ProjectProfile, options: AccumulatorOptions): IndicatorAccumulator {
  const { period, asOf, today } = options;
  const lang = options.lang ?? 'en';
  const projectStart = profile.period.start;
  const projectEnd = profile.period.end;
  const windowEnd = period.end < asOf ? period.end : asOf;
  const periodStart = period.start;

  const scopeOf = (d: IsoDate | null): Scope => {
    if (d === null || d > windowEnd || d < projectStart) return Scope.None;
    return d >= periodStart ? Scope.Both : Scope.CumulativeOnly;
  };

  const indicatorCounts = INDICATORS.map(() => new Counts());
  const declinedCounts = INDICATORS.map(() => new Counts());
  const unknownCounts = INDICATORS.map(() => new Counts());
  const contextCounts = CONTEXT_ROWS.map(() => new Counts());
  const targetAchieved = TARGETS.map(() => new Split());
  const targetUnanswered = TARGETS.map(() => new Split());
  // views: one slot per month since the project start, one entry per cohort (keyed year × 2 + half)
  const firstMonth = monthNumber(projectStart);
  const months: ({ starters: Split; leavers: Split } | undefined)[] = [];
  const cohorts = new Map<number, CohortCounts>();
  const excluded: { line: number; participantId: string | null; codes?: readonly string[] }[] = [];
  // one shared array per distinct set of codes: a million excluded rows hold a handful of lists
  const codeLists = new Map<string, readonly string[]>();
  const errorCodes = (findings: readonly Finding[]): readonly string[] => {
    const codes = [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.code as string))].sort();
    const key = codes.join(',');
    const known = codeLists.get(key);
    if (known) return known;
    codeLists.set(key, codes);
    return codes;
  };
  let notYetEntered = 0;

  const indicatorEvents = INDICATORS.map((d) => EVENT_INDEX[d.event]);
  const contextEvents = CONTEXT_ROWS.map((d) => EVENT_INDEX[d.event]);
  const scopes: Scope[] = [Scope.None, Scope.None, Scope.None];

  const month = (d: IsoDate) => {
    const i = monthNumber(d) - firstMonth;
    let row = months[i];
    if (!row) months[i] = row = { starters: new Split(), leavers: new Split() };
    return row;
  };
  const cohortCounts = (r: CountedRecord) => {
    const year = r.cohort ? r.cohort.year : Number(r.entryDate.slice(0, 4));
    const ht = r.cohort ? r.cohort.half === 'HT' : Number(r.entryDate.slice(5, 7)) > 6;
    const key = year * 2 + (ht ? 1 : 0);
    let row = cohorts.get(key);
    if (!row) {
      const cohort: Cohort = r.cohort ?? cohortOf(r.entryDate);
      row = { cohort, starters: new Split(), leavers: new Split(), employed: new Split(), studies: new Split(), workTraining: new Split() };
      cohorts.set(key, row);
    }
    return row;
  };

  function addCounted(r: CountedRecord): void {
    if (r.entryDate > windowEnd) {
      // not yet a participant on the window end: in no figure (participants.md)
      notYetEntered++;
      return;
    }
    const g = GENDER_INDEX[r.gender];
    const left = r.exitDate !== null && r.exitDate <= windowEnd;
    // The six-month point of someone who has not left by the window end is later still, so it is
    // only worked out for leavers; the rules themselves never read it.
    const facts: RecordFacts = { age: yearsBetween(r.birthDate, r.entryDate), sixMonthPoint: left ? plusMonths(r.exitDate!, 6) : null };
    scopes[0] = scopeOf(r.entryDate);
    scopes[1] = left ? scopeOf(r.exitDate) : Scope.None;
    scopes[2] = scopeOf(facts.sixMonthPoint);
    for (let i = 0; i < INDICATORS.length; i++) {
      const scope = scopes[indicatorEvents[i]!]!;
      if (scope === Scope.None) continue;
      const def = INDICATORS[i]!;
      if (def.applies(r, facts)) indicatorCounts[i]!.add(scope, g);
      if (def.sensitive) {
        const answer = r[def.sensitive];
        if (answer === 'declined') declinedCounts[i]!.add(scope, g);
        else if (answer === 'unknown') unknownCounts[i]!.add(scope, g);
      }
    }
    for (let i = 0; i < CONTEXT_ROWS.length; i++) {
      const scope = scopes[contextEvents[i]!]!;
      if (scope !== Scope.None && CONTEXT_ROWS[i]!.applies(r, facts)) contextCounts[i]!.add(scope, g);
    }
    for (let i = 0; i < TARGETS.length; i++) {
      const def = TARGETS[i]!;
      if (def.base === 'leavers' && !left) continue;
      if (def.achieved(r, windowEnd)) targetAchieved[i]!.add(g);
      else if (def.unanswered?.(r)) targetUnanswered[i]!.add(g);
    }

    if (scopes[0] !== Scope.None) month(r.entryDate).starters.add(g);
    if (scopes[1] !== Scope.None) month(r.exitDate!).leavers.add(g);

    const c = cohortCounts(r);
    c.starters.add(g);
    if (left) {
      c.leavers.add(g);
      if (r.exitStatus === 'employed' || r.exitStatus === 'self_employed' || (r.employmentStart !== null && r.employmentStart <= windowEnd)) {
        c.employed.add(g);
      }
      if (r.exitStatus === 'education_training' || (r.studiesStart !== null && r.studiesStart <= windowEnd)) c.studies.add(g);
    }
    if (r.workTrainingStart !== null && r.workTrainingStart <= windowEnd) c.workTraining.add(g);
  }

  return {
    add(record, findings) {
      if (!isCountable(record)) {
        excluded.push(
          findings
            ? { line: record.line, participantId: record.participantId, codes: errorCodes(findings) }
            : { line: record.line, participantId: record.participantId },
        );
        return;
      }
      addCounted(record);
    },

    finish(summary) {
      const excludedLines = new Map<number, Set<string>>();
      for (const e of excluded) if (!e.codes) excludedLines.set(e.line, new Set());
      if (excludedLines.size > 0) {
        for (const f of summary.findings) {
          if (f.severity !== 'error' || f.line === null) continue;
          excludedLines.get(f.line)?.add(f.code);
        }
      }
      const excludedRows: ExcludedRow[] = excluded.map((e) => ({
        line: e.line,
        participantId: e.participantId,
        codes: e.codes ? (e.codes as string[]) : [...excludedLines.get(e.line)!].sort(),
      }));

      const indicators: IndicatorValue[] = INDICATORS.map((def, i) => ({
        code: def.code,
        name: def.name.en,
        kind: def.kind,
        ...indicatorCounts[i]!.both(),
        ...(def.sensitive ? { declined: declinedCounts[i]!.both(), unknown: unknownCounts[i]!.both() } : {}),
      }));
      const context: ContextValue[] = CONTEXT_ROWS.map((def, i) => ({ code: def.code, name: def.name.en, ...contextCounts[i]!.both() }));

      const entered = indicatorCounts[0]!.split(CUMULATIVE).total;
      const leavers = contextCounts[CONTEXT_ROWS.findIndex((d) => d.code === 'LEAVERS')]!.split(CUMULATIVE).total;
      // Elapsed share of the project period, counting days inclusively at both ends: the first
      // project day is one elapsed day, and on the last day (or later) the share is exactly 1.
      const projectDays = daysBetween(projectStart, projectEnd) + 1;
      const elapsedDays = Math.min(projectDays, Math.max(0, daysBetween(projectStart, windowEnd) + 1));

      const targets: TargetResult[] = [];
      TARGETS.forEach((def, i) => {
        const targetRate = def.id === 'T-TRANS' ? null : (profile.targets.find((t) => t.id === def.id)?.rate ?? undefined);
        if (targetRate === undefined) return; // the profile sets no such target
        const base = def.base === 'planned' ? profile.plannedParticipants : def.base === 'entered' ? entered : leavers;
        const achieved = targetAchieved[i]!.value();
        targets.push(
          targetResult(def, { targetRate, base, achieved, planned: profile.plannedParticipants, elapsedDays, projectDays }, {
            unanswered: targetUnanswered[i]!.value(),
            reference: profile.reference,
          }),
        );
      });

      const result: IndicatorsResult = {
        schema: INDICATORS_SCHEMA,
        project: { id: profile.id, name: profile.name },
        period: { label: period.label, start: period.start, end: period.end, asOf, preliminary: period.end > today },
        records: {
          rows: summary.rows,
          counted: summary.rows - excludedRows.length,
          excluded: excludedRows.length,
          notYetEntered,
        },
        indicators,
        context,
        targets,
        consistency: [],
        excluded: excludedRows,
        findings: summary.findings.map((f) => ({ ...renderFinding(f, lang), participantId: f.participantId ?? null })),
        // only when the list was cut at 1,000 of a code, so the usual document keeps the spec's shape
        ...(summary.findingCounts && totalOf(summary.findingCounts) > summary.findings.length ? { findingCounts: countsOf(summary) } : {}),
        monthly: monthsFrom(projectStart, windowEnd).map((m, i): MonthRow => {
          const row = months[i];
          return { month: m, starters: row ? row.starters.value() : zero(), leavers: row ? row.leavers.value() : zero() };
        }),
        cohorts: [...cohorts.values()]
          .sort((a, b) => a.cohort.year - b.cohort.year || (a.cohort.half === b.cohort.half ? 0 : a.cohort.half === 'VT' ? -1 : 1))
          .map(
            (c): CohortRow => ({
              cohort: cohortLabel(c.cohort),
              starters: c.starters.value(),
              leavers: c.leavers.value(),
              employed: c.employed.value(),
              studies: c.studies.value(),
              workTraining: c.workTraining.value(),
            }),
          ),
      };
      return { ...result, consistency: checkConsistency(result) };
    },
  };
}

function zero(): GenderSplit {
  return { women: 0, men: 0, nonBinary: 0, total: 0 };
}

interface TargetFigures {
  readonly targetRate: number | null;
  readonly base: number;
  readonly achieved: GenderSplit;
  readonly planned: number;
  readonly elapsedDays: number;
  readonly projectDays: number;
}

/** One target's result from its figures, with every rate and comparison done exactly. */
export function targetResult(
  def: TargetDefinition,
  fig: TargetFigures,
  extra: { unanswered?: GenderSplit; reference?: ProjectProfile['reference'] } = {},
): TargetResult {
  const { targetRate, base, achieved } = fig;
  const numerator = def.onTrack === 'gender-band' ? achieved.women : achieved.total;
  const rate = roundedRate(numerator, base);
  const targetCount = def.hasTargetCount && targetRate !== null ? targetCountOf(targetRate, fig.planned) : null;
  let onTrack: boolean | null = null;
  if (base > 0 && targetRate !== null) {
    const q = BigInt(ratioTenThousandths(numerator, base));
    const { num, den } = exactDecimal(targetRate);
    switch (def.onTrack) {
      case 'elapsed':
        // achieved ≥ targetCount × elapsedDays / projectDays, multiplied out
        onTrack = targetCount === null ? null : achieved.total * fig.projectDays >= targetCount * fig.elapsedDays;
        break;
      case 'gender-band': {
        // the reported rate (4 decimals) within targetRate ± 5 points: compared in units of 1/(10000·den)
        const band = BigInt(GENDER_BAND_POINTS * 100) * den;
        onTrack = q * den >= num * 10000n - band && q * den <= num * 10000n + band;
        break;
      }
      case 'rate':
        // the reported rate (4 decimals) against the target rate, exactly
        onTrack = q * den >= num * 10000n;
        break;
      case 'none':
        onTrack = null;
    }
  }
  return {
    id: def.id,
    name: def.name.en,
    targetRate,
    targetCount,
    base,
    achieved,
    ...(def.unanswered ? { unanswered: extra.unanswered ?? zero() } : {}),
    rate,
    onTrack,
    ...(def.id === 'T-TRANS' ? { reference: extra.reference ?? null } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// consistency

const GENDER_KEYS = ['women', 'men', 'nonBinary', 'total'] as const;

/** Runs the aggregate consistency tests of `indicators.md` on a result, in the spec's order. */
export function checkConsistency(result: Pick<IndicatorsResult, 'indicators' | 'context' | 'targets'>): ConsistencyResult[] {
  const byCode = new Map<string, PeriodAndCumulative>();
  for (const v of result.indicators) byCode.set(v.code, v);
  for (const v of result.context) byCode.set(v.code, v);
  const get = (code: string, scope: 'period' | 'cumulative', g: (typeof GENDER_KEYS)[number]) => {
    const v = byCode.get(code);
    return v ? v[scope][g] : 0;
  };
  const cells = (scopes: readonly ('period' | 'cumulative')[], pred: (val: (code: string) => number) => boolean) =>
    scopes.every((s) => GENDER_KEYS.every((g) => pred((code) => get(code, s, g))));
  const both = ['period', 'cumulative'] as const;
  const lte = (a: IndicatorCode, b: string) => cells(both, (v) => v(a) <= v(b));

  const splits: GenderSplit[] = [];
  const pairs: PeriodAndCumulative[] = [];
  for (const v of result.indicators) {
    pairs.push(v);
    if (v.declined) pairs.push(v.declined);
    if (v.unknown) pairs.push(v.unknown);
  }
  for (const v of result.context) pairs.push(v);
  for (const p of pairs) splits.push(p.period, p.cumulative);
  for (const t of result.targets) {
    splits.push(t.achieved);
    if (t.unanswered) splits.push(t.unanswered);
  }

  const judge: Record<ConsistencyTest, () => boolean> = {
    'EECO01 = EECO02 + EECO04 + EECO05': () => cells(both, (v) => v('EECO01') === v('EECO02') + v('EECO04') + v('EECO05')),
    'EECO03 <= EECO02': () => lte('EECO03', 'EECO02'),
    'EECO06 + EECO07 + EECO08 <= EECO01': () => cells(both, (v) => v('EECO06') + v('EECO07') + v('EECO08') <= v('EECO01')),
    'EECO09 + EECO10 + EECO11 = EECO01': () => cells(both, (v) => v('EECO09') + v('EECO10') + v('EECO11') === v('EECO01')),
    'EECO12 <= EECO01': () => lte('EECO12', 'EECO01'),
    'EECO13 <= EECO01': () => lte('EECO13', 'EECO01'),
    'EECO14 <= EECO01': () => lte('EECO14', 'EECO01'),
    'EECO15 <= EECO01': () => lte('EECO15', 'EECO01'),
    'EECO16 <= EECO01': () => lte('EECO16', 'EECO01'),
    'EECO17 <= EECO01': () => lte('EECO17', 'EECO01'),
    'EECR01 <= LEAVERS': () => lte('EECR01', 'LEAVERS'),
    'EECR02 <= LEAVERS': () => lte('EECR02', 'LEAVERS'),
    'EECR03 <= LEAVERS': () => lte('EECR03', 'LEAVERS'),
    'EECR04 <= LEAVERS': () => lte('EECR04', 'LEAVERS'),
    'EECR05 <= FOLLOWUP_DUE': () => lte('EECR05', 'FOLLOWUP_DUE'),
    'EECR06 <= FOLLOWUP_DUE': () => lte('EECR06', 'FOLLOWUP_DUE'),
    // a six-month result of someone who entered before the period: judged on cumulative values only
    'EECR06 <= EECO05': () => cells(['cumulative'], (v) => v('EECR06') <= v('EECO05')),
    'women + men + nonBinary = total': () => splits.every((s) => s.women + s.men + s.nonBinary === s.total),
    'cumulative >= period': () => pairs.every((p) => GENDER_KEYS.every((g) => p.cumulative[g] >= p.period[g])),
  };
  return CONSISTENCY_TESTS.map((test) => ({ test, holds: judge[test]() }));
}
