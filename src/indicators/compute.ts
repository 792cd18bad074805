import type { IsoDate } from '../core/dates.js';
import type { PeriodRange } from '../core/period.js';
import type { Lang } from '../findings/catalogue.js';
import type { Finding } from '../findings/finding.js';
import { renderFinding } from '../findings/render.js';
import { countsOf, totalOf, type FindingCounts } from '../findings/tally.js';
import type { ParticipantRecord } from '../participants/record.js';
import type { ProjectProfile } from '../project/profile.js';
import { CohortCounts } from './cohorts.js';
import { CommonIndicatorCounts, type EventScopes } from './common-indicators.js';
import { checkConsistency } from './consistency.js';
import { CountingWindow, genderCell, Scope } from './counting.js';
import { ExcludedRows } from './excluded.js';
import { MonthlyCounts } from './monthly.js';
import { factsUpTo, isCountable } from './registry.js';
import type { IndicatorsResult } from './result.js';
import { TargetCounts } from './targets.js';

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

/**
 * One pass over the records: each record goes once to every view (the common indicators and
 * context rows, the targets, the monthly and cohort views) as the records go by. Memory holds the
 * counters, the excluded rows' lines and IDs, and one entry per month and cohort, never the records.
 * The rules are the registry's; this module only routes a record to the counters.
 */
export function createIndicatorAccumulator(profile: ProjectProfile, options: AccumulatorOptions): IndicatorAccumulator {
  const { period, asOf, today } = options;
  const lang = options.lang ?? 'en';
  const window = new CountingWindow(profile.period.start, period.start, period.end < asOf ? period.end : asOf);
  const windowEnd = window.end;
  const common = new CommonIndicatorCounts();
  const targets = new TargetCounts(windowEnd);
  const monthly = new MonthlyCounts(profile.period.start);
  const cohorts = new CohortCounts(windowEnd);
  const excluded = new ExcludedRows();
  let notYetEntered = 0;
  // where the record's entry, exit and six-month point fall: one array, refilled for each record
  const scopes: EventScopes = [Scope.None, Scope.None, Scope.None];

  return {
    add(record, findings) {
      if (!isCountable(record)) {
        excluded.add(record, findings);
        return;
      }
      if (record.entryDate > windowEnd) {
        // not yet a participant on the window end: in no figure (participants.md)
        notYetEntered++;
        return;
      }
      const g = genderCell(record.gender);
      const facts = factsUpTo(record, windowEnd);
      const entry = (scopes[0] = window.scopeOf(record.entryDate));
      const exit = (scopes[1] = facts.left ? window.scopeOf(record.exitDate) : Scope.None);
      scopes[2] = window.scopeOf(facts.sixMonthPoint);
      common.add(record, facts, scopes, g);
      targets.add(record, facts, g, entry !== Scope.None, exit !== Scope.None);
      if (entry !== Scope.None) monthly.addStarter(record.entryDate, g);
      if (exit !== Scope.None) monthly.addLeaver(record.exitDate!, g);
      cohorts.add(record, facts, g);
    },

    finish(summary) {
      const excludedRows = excluded.list(summary.findings);
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
        indicators: common.indicatorValues(),
        context: common.contextValues(),
        targets: targets.results(profile),
        consistency: [],
        excluded: excludedRows,
        findings: summary.findings.map((f) => ({ ...renderFinding(f, lang), participantId: f.participantId ?? null })),
        // only when the list was cut at 1,000 of a code, so the usual document keeps the spec's shape
        ...(summary.findingCounts && totalOf(summary.findingCounts) > summary.findings.length ? { findingCounts: countsOf(summary) } : {}),
        monthly: monthly.rows(windowEnd),
        cohorts: cohorts.rows(),
      };
      return { ...result, consistency: checkConsistency(result) };
    },
  };
}
