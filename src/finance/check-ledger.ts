import { minDate, type IsoDate } from '../core/dates.js';
import { exactDecimal, share4 } from '../core/decimal.js';
import type { Finding } from '../findings/finding.js';
import type { ProjectProfile } from '../project/profile.js';
import type { ByteSource } from '../read/source.js';
import { withMoreFindings, type FindingsOptions, type ReadValidatedOptions } from '../read/read-validated.js';
import { budgetUtilisation, readBudget, withBudgetFindings, type BudgetFileSummary } from './budget.js';
import { checkFigures } from './checks.js';
import { FigureAggregator, type ExactRates } from './figures.js';
import { projectQuarters, type FinancePeriod } from './period.js';
import { isBooking, readLedger, type LedgerFileSummary } from './read-ledger.js';
import type { BudgetFigures, BudgetLine, Checked, CumulativeFigures, QuarterFigures, RangeChecks, RecordCounts } from './result.js';

export interface LedgerCheckInput {
  readonly profile: ProjectProfile;
  /** The reporting period, already clipped (see `resolvePeriod`). */
  readonly period: FinancePeriod;
  /** The reference date: bookings after min(period end, asOf) are not counted yet. */
  readonly asOf: IsoDate;
  readonly today: IsoDate;
}

/** The figures of a usable ledger, without the findings (they are in the file summaries). */
export interface LedgerFigures {
  readonly period: FinancePeriod & { readonly asOf: IsoDate; readonly preliminary: boolean };
  readonly windowEnd: IsoDate;
  readonly records: RecordCounts;
  /** Each quarter with the outcome of its checks (null for a partial quarter). */
  readonly quarters: Checked<QuarterFigures>[];
  /** With the outcome of the cumulative checks (null before the first whole quarter ends). */
  readonly cumulative: Checked<CumulativeFigures>;
  readonly budget: BudgetFigures | null;
  /** The budget's cost categories summed: planned, used and utilisation; null without a budget. */
  readonly budgetTotal: BudgetLine | null;
}

/** Everything `finance` reports: the files as read (with every finding) and the figures. */
export interface LedgerCheck {
  readonly profile: ProjectProfile;
  /** The ledger with its row findings and, after them, the checks on the figures. */
  readonly ledger: LedgerFileSummary;
  /** The budget file with its row findings and BUDGET_EXCEEDED; null without `--budget`. */
  readonly budget: BudgetFileSummary | null;
  /** Null when the ledger or the budget file is unusable (exit 2). */
  readonly figures: LedgerFigures | null;
}

/** The profile's rates as exact fractions (never constants in the code). */
export function exactRates(profile: ProjectProfile): ExactRates {
  return {
    eu: exactDecimal(profile.rates.eu),
    flatRate: profile.rates.flatRate === null ? null : exactDecimal(profile.rates.flatRate),
  };
}

/**
 * Reads and checks a co-financing ledger (CSV or .xlsx, and an optional budget) in one streaming pass: row
 * rules, figures per project quarter and cumulatively, the checks on whole quarters, budget
 * utilisation. Pure apart from reading the given sources: no clock, no file system.
 */
export async function checkLedger(
  ledgerSource: ByteSource,
  budgetSource: ByteSource | null,
  input: LedgerCheckInput,
  options: ReadValidatedOptions,
  findingsOut: FindingsOptions = {},
): Promise<LedgerCheck> {
  const { profile, period, asOf, today } = input;
  const project = profile.period;
  const rates = exactRates(profile);
  const windowEnd = minDate(period.end, asOf);
  const quarters = projectQuarters(project.start, project.end);
  const aggregator = new FigureAggregator(quarters, project.start, period, windowEnd);

  const ledger = await readLedger(
    ledgerSource,
    { today, projectStart: project.start, projectEnd: project.end, hasFlatRate: profile.rates.flatRate !== null },
    options,
    (record) => {
      if (isBooking(record)) aggregator.add(record);
    },
    findingsOut,
  );
  // `--sheet` names a sheet of the ledger; a budget workbook is read from its first visible sheet
  const budgetRead = budgetSource ? await readBudget(budgetSource, { encoding: options.encoding, delimiter: options.delimiter }, findingsOut) : null;
  if (ledger.unusable || budgetRead?.summary.unusable) {
    return { profile, ledger, budget: budgetRead?.summary ?? null, figures: null };
  }

  const aggregated = aggregator.result(rates);
  const checks: Finding[] = [];
  const checked = (found: { findings: Finding[]; outcome: RangeChecks }): RangeChecks => {
    checks.push(...found.findings);
    return found.outcome;
  };
  const quarterChecks = aggregated.quarters.map((q) =>
    q.checked ? checked(checkFigures(q, { scope: q.label, cumulative: false, atProjectEnd: false }, rates, ledger.file)) : null,
  );
  const through = aggregated.cumulative.checkedThrough;
  const cumulativeChecks =
    aggregated.checkedCumulative && through !== null
      ? checked(checkFigures(aggregated.checkedCumulative, { scope: 'cumulative', cumulative: true, atProjectEnd: through === project.end }, rates, ledger.file))
      : null;
  const ledgerWithChecks = withMoreFindings(ledger, checks, findingsOut);

  let budget: BudgetFigures | null = null;
  let budgetSummary: BudgetFileSummary | null = null;
  if (budgetRead) {
    const used = budgetUtilisation(budgetRead.planned, aggregated.cumulativeSums, budgetRead.summary.file);
    budget = used.budget;
    budgetSummary = withBudgetFindings(budgetRead.summary, used.findings, findingsOut);
  }

  return {
    profile,
    ledger: ledgerWithChecks,
    budget: budgetSummary,
    figures: {
      period: { ...period, asOf, preliminary: period.end > today },
      windowEnd,
      records: {
        rows: ledger.rows,
        counted: aggregated.counted,
        excluded: ledger.excludedRows,
        notYetCounted: aggregated.notYetCounted,
      },
      quarters: aggregated.quarters.map((q, i) => ({ ...q, checks: quarterChecks[i]! })),
      cumulative: { ...aggregated.cumulative, checks: cumulativeChecks },
      budget,
      budgetTotal: budget === null ? null : budgetTotal(budget),
    },
  };
}

/** The budget lines summed (exact integers in öre), utilisation by the rule of every share. */
function budgetTotal(budget: BudgetFigures): BudgetLine {
  let planned = 0;
  let used = 0;
  for (const line of Object.values(budget)) {
    planned += line.planned;
    used += line.used;
  }
  return { planned, used, utilisation: share4(used, planned) };
}
