import { maxDate, minDate, type IsoDate } from '../core/dates.js';
import { share4, type ExactDecimal } from '../core/decimal.js';
import { CATEGORY_KEYS, COST_CATEGORIES, FINANCING_CATEGORIES, type LedgerCategory } from './categories.js';
import { applyRate, toSafeNumber } from './money.js';
import { quarterLabel, type FinancePeriod, type ProjectQuarter } from './period.js';
import type { Booking } from './read-ledger.js';
import type { CostFigures, CumulativeFigures, Figures, FinancingFigures, QuarterFigures } from './result.js';

/** The decided rates as exact fractions; a project without a flat rate expects no flat-rate bookings (rate 0). */
export interface ExactRates {
  readonly eu: ExactDecimal;
  readonly flatRate: ExactDecimal | null;
}

const CATEGORIES: readonly LedgerCategory[] = [...COST_CATEGORIES, ...FINANCING_CATEGORIES];
const INDEX: ReadonlyMap<LedgerCategory, number> = new Map(CATEGORIES.map((c, i) => [c, i]));

/** Exact sums in öre per category (BigInt, so no sum can lose a single öre). */
export class CategorySums {
  readonly values: bigint[] = CATEGORIES.map(() => 0n);

  add(category: LedgerCategory, ore: number): void {
    const i = INDEX.get(category)!;
    this.values[i] = this.values[i]! + BigInt(ore);
  }

  addAll(other: CategorySums): this {
    for (let i = 0; i < this.values.length; i++) this.values[i] = this.values[i]! + other.values[i]!;
    return this;
  }

  get(category: LedgerCategory): number {
    return toSafeNumber(this.values[INDEX.get(category)!]!);
  }
}

/** The figures of `finance.md` from the sums of one range. */
export function figuresOf(sums: CategorySums, rates: ExactRates): Figures {
  const costs = {} as Record<string, number>;
  let costTotal = 0n;
  for (const c of COST_CATEGORIES) {
    costs[CATEGORY_KEYS[c]] = sums.get(c);
    costTotal += BigInt(sums.get(c));
  }
  costs.total = toSafeNumber(costTotal);
  const financing = {} as Record<string, number>;
  let financingTotal = 0n;
  for (const c of FINANCING_CATEGORIES) {
    financing[CATEGORY_KEYS[c]] = sums.get(c);
    financingTotal += BigInt(sums.get(c));
  }
  financing.total = toSafeNumber(financingTotal);
  const cost = costs.total;
  const eu = financing.eu!;
  const expectedEu = applyRate(rates.eu, cost);
  const expectedFlatRate = rates.flatRate === null ? 0 : applyRate(rates.flatRate, costs.staff!);
  return {
    costs: costs as CostFigures,
    financing: financing as FinancingFigures,
    euShare: share4(eu, cost),
    expectedEu,
    euDifference: eu - expectedEu,
    expectedFlatRate,
    flatRateDifference: costs.flatRate! - expectedFlatRate,
    unfunded: toSafeNumber(costTotal - financingTotal),
  };
}

/** What the aggregation produced: figures per quarter, cumulative, and the sums the checks judge. */
export interface AggregatedFigures {
  readonly quarters: QuarterFigures[];
  readonly cumulative: CumulativeFigures;
  /** Sums from the project start to `cumulative.checkedThrough` (whole project quarters only). */
  readonly checkedCumulative: Figures | null;
  /** Cumulative cost per category up to the window end (for the budget). */
  readonly cumulativeSums: CategorySums;
  readonly counted: number;
  readonly notYetCounted: number;
}

/**
 * Streams bookings into per-quarter sums. Each project quarter keeps two sums: bookings before
 * the period start (they count cumulatively only) and bookings from it on. Bookings after the
 * window end are not counted yet. Memory is two small arrays per quarter, whatever the ledger's size.
 */
export class FigureAggregator {
  private readonly byLabel: ReadonlyMap<string, number>;
  private readonly before: CategorySums[];
  private readonly inPeriod: CategorySums[];
  private counted = 0;
  private notYetCounted = 0;

  constructor(
    private readonly quarters: readonly ProjectQuarter[],
    private readonly projectStart: IsoDate,
    private readonly period: FinancePeriod,
    private readonly windowEnd: IsoDate,
  ) {
    this.byLabel = new Map(quarters.map((q, i) => [q.label, i]));
    this.before = quarters.map(() => new CategorySums());
    this.inPeriod = quarters.map(() => new CategorySums());
  }

  add(booking: Booking): void {
    if (booking.date > this.windowEnd) {
      this.notYetCounted++;
      return;
    }
    const i = this.byLabel.get(quarterLabel(booking.date));
    // a valid booking lies inside the project period, so it always has a quarter
    if (i === undefined) throw new Error(`booking on ${booking.date} outside every project quarter`);
    this.counted++;
    (booking.date < this.period.start ? this.before : this.inPeriod)[i]!.add(booking.category, booking.amount);
  }

  result(rates: ExactRates): AggregatedFigures {
    const { period, windowEnd } = this;
    const quarters: QuarterFigures[] = [];
    const cumulativeSums = new CategorySums();
    const checkedSums = new CategorySums();
    let checkedThrough: IsoDate | null = null;
    this.quarters.forEach((q, i) => {
      if (q.start > windowEnd) return;
      cumulativeSums.addAll(this.before[i]!).addAll(this.inPeriod[i]!);
      if (q.end <= windowEnd) {
        checkedSums.addAll(this.before[i]!).addAll(this.inPeriod[i]!);
        checkedThrough = q.end;
      }
      if (q.end < period.start) return;
      quarters.push({
        label: q.label,
        start: maxDate(q.start, period.start),
        end: minDate(q.end, windowEnd),
        checked: q.start >= period.start && q.end <= windowEnd,
        ...figuresOf(this.inPeriod[i]!, rates),
      });
    });
    return {
      quarters,
      cumulative: { start: this.projectStart, end: windowEnd, checkedThrough, ...figuresOf(cumulativeSums, rates) },
      checkedCumulative: checkedThrough === null ? null : figuresOf(checkedSums, rates),
      cumulativeSums,
      counted: this.counted,
      notYetCounted: this.notYetCounted,
    };
  }
}
