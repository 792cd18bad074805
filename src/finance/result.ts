import type { IsoDate } from '../core/dates.js';
import type { FindingCode, Severity } from '../findings/codes.js';
import type { Lang } from '../findings/catalogue.js';
import { renderFinding, type RenderedFinding } from '../findings/render.js';
import type { CostKey, FinancingKey } from './categories.js';
import type { Finding } from '../findings/finding.js';

/**
 * The figures of a checked ledger with its findings rendered (`finance.md`). Every amount is an
 * integer in öre. The workbook's Financing sheet reads this type whole; `finance --format json`
 * (`esf-report/finance@2`) writes its figure members (`financeJsonMembers`) after the findings,
 * files and notices that validate's JSON writer streams, so that its findings are bounded and
 * counted like every input's. Stable and versioned: fields may be added, none renamed.
 */
export const FINANCE_SCHEMA = 'esf-report/finance@2';

/** Eligible cost by category (öre). */
export type CostFigures = { [K in CostKey]: number } & { total: number };

/** Financing by category (öre); co-financing is everything but `eu`. */
export type FinancingFigures = { [K in FinancingKey]: number } & { total: number };

/** The figures of a quarter or of the cumulative range. */
export interface Figures {
  readonly costs: CostFigures;
  readonly financing: FinancingFigures;
  /** EU financing ÷ eligible cost, half up to 4 decimals; null when the cost is 0. */
  readonly euShare: number | null;
  /** EU rate × eligible cost, rounded half away from zero to whole öre. */
  readonly expectedEu: number;
  /** Booked EU − expected EU: positive means over-claimed. */
  readonly euDifference: number;
  /** Flat rate × staff costs, rounded half away from zero (0 when the project has no flat rate). */
  readonly expectedFlatRate: number;
  /** Booked flat rate − expected flat rate. */
  readonly flatRateDifference: number;
  /** Eligible cost − financing: positive means not yet financed. */
  readonly unfunded: number;
}

export interface QuarterFigures extends Figures {
  /** Calendar quarter, e.g. `2025-Q2`. */
  readonly label: string;
  /** The quarter's days inside [period start, window end] that the figures cover. */
  readonly start: IsoDate;
  readonly end: IsoDate;
  /** True when the whole project quarter lies inside [period start, window end]: only then is it checked. */
  readonly checked: boolean;
}

export interface CumulativeFigures extends Figures {
  /** Project start. */
  readonly start: IsoDate;
  /** Window end. */
  readonly end: IsoDate;
  /** The cumulative checks cover project start to this day (end of the last whole project quarter); null before the first ends. */
  readonly checkedThrough: IsoDate | null;
}

export interface BudgetLine {
  /** Planned total for the whole project (öre). */
  readonly planned: number;
  /** Cumulative cost up to the window end (öre). */
  readonly used: number;
  /** used ÷ planned, half up to 4 decimals; null when planned is 0. */
  readonly utilisation: number | null;
}

export type BudgetFigures = { readonly [K in CostKey]: BudgetLine };

/** The checks of `finance.md` on the figures of a range, each named by the code of the finding it gives when it fails. */
export const FIGURE_CHECK_CODES = ['EU_SHARE_ABOVE_RATE', 'FLAT_RATE_MISMATCH', 'IN_KIND_MISMATCH', 'UNFUNDED'] as const satisfies readonly FindingCode[];
export type FigureCheckCode = (typeof FIGURE_CHECK_CODES)[number];

/** How the checks of one checked range came out: the checks that fail (none when all hold), in check order. */
export interface RangeChecks {
  readonly failed: readonly { readonly code: FigureCheckCode; readonly severity: Severity }[];
}

/** A range's figures with the outcome of its checks: null when the range is not checked (a partial quarter, or no whole quarter yet). */
export type Checked<T extends Figures> = T & { readonly checks: RangeChecks | null };

export interface RecordCounts {
  /** Data rows in the ledger (blank lines are not rows). */
  readonly rows: number;
  /** Rows without errors, booked up to the window end. */
  readonly counted: number;
  /** Rows with at least one error: left out of every figure. */
  readonly excluded: number;
  /** Rows without errors booked after the window end: not counted yet. */
  readonly notYetCounted: number;
}

export interface FinanceResult {
  readonly schema: typeof FINANCE_SCHEMA;
  readonly unit: 'öre';
  readonly project: { readonly id: string; readonly name: string };
  readonly period: {
    readonly label: string;
    readonly start: IsoDate;
    readonly end: IsoDate;
    readonly asOf: IsoDate;
    /** True when the period ends after today. */
    readonly preliminary: boolean;
  };
  readonly rates: { readonly eu: number; readonly flatRate: number | null };
  readonly records: RecordCounts;
  readonly quarters: QuarterFigures[];
  readonly cumulative: CumulativeFigures;
  /** Null without `--budget`. Keys are the cost keys of `costs`. */
  readonly budget: BudgetFigures | null;
  /** Ledger rows left out because of errors, in line order. */
  readonly excluded: { readonly line: number; readonly codes: FindingCode[] }[];
  readonly findings: RenderedFinding[];
}

/** The document when the ledger (or the budget) cannot be used at all (exit 2): the findings say why. */
export interface FinanceUnusableResult {
  readonly schema: typeof FINANCE_SCHEMA;
  readonly project: { readonly id: string; readonly name: string };
  readonly findings: RenderedFinding[];
}

/**
 * What the document is made of: a checked ledger (`LedgerCheck` of check-ledger.ts fits). Named here
 * by shape, so that the result types depend on nothing that computes them.
 */
interface CheckedLedger {
  readonly profile: { readonly id: string; readonly name: string; readonly rates: FinanceResult['rates'] };
  readonly ledger: { readonly findings: readonly Finding[]; readonly excluded: FinanceResult['excluded'] };
  readonly budget: { readonly findings: readonly Finding[] } | null;
  readonly figures: {
    readonly period: FinanceResult['period'];
    readonly records: FinanceResult['records'];
    readonly quarters: readonly Checked<QuarterFigures>[];
    readonly cumulative: Checked<CumulativeFigures>;
    readonly budget: FinanceResult['budget'];
  } | null;
}

/** The figures of a range as the JSON document has them: the checks' outcomes are its `findings`. */
function withoutChecks<T extends Figures>(range: Checked<T>): Omit<Checked<T>, 'checks'> {
  const { checks: _checks, ...figures } = range;
  return figures;
}

/** The JSON document of a checked ledger, messages in `lang`; the unusable form when a file cannot be used. */
export function financeResult(check: CheckedLedger, lang: Lang): FinanceResult | FinanceUnusableResult {
  const project = { id: check.profile.id, name: check.profile.name };
  const findings = [...check.ledger.findings, ...(check.budget?.findings ?? [])].map((f) => renderFinding(f, lang));
  const fig = check.figures;
  if (!fig) return { schema: FINANCE_SCHEMA, project, findings };
  return {
    schema: FINANCE_SCHEMA,
    unit: 'öre',
    project,
    period: { label: fig.period.label, start: fig.period.start, end: fig.period.end, asOf: fig.period.asOf, preliminary: fig.period.preliminary },
    rates: { eu: check.profile.rates.eu, flatRate: check.profile.rates.flatRate },
    records: fig.records,
    quarters: fig.quarters.map(withoutChecks),
    cumulative: withoutChecks(fig.cumulative),
    budget: fig.budget,
    excluded: check.ledger.excluded,
    findings,
  };
}
