import type { IsoDate } from '../core/dates.js';
import type { CountedRecord } from './registry.js';
import type { GenderSplit, PeriodAndCumulative } from './result.js';

/**
 * The counting cells every view of the indicators shares, and the window they count in: a
 * participant's gender as a cell index, where an event date falls, and counters by gender.
 */

/** The cell of a participant's gender: women 0, men 1, non-binary 2; the total is cell 3. */
export type GenderCell = 0 | 1 | 2;
const TOTAL = 3;

export function genderCell(gender: CountedRecord['gender']): GenderCell {
  return gender === 'woman' ? 0 : gender === 'man' ? 1 : 2;
}

/** Where an event date falls: nowhere, cumulative only (before the period start), or in the period window too. */
export const Scope = { None: 0, CumulativeOnly: 1, Both: 2 } as const;
export type Scope = (typeof Scope)[keyof typeof Scope];

/**
 * The window a result counts in: from the project start (cumulative) or the period start (period)
 * to the window end, min(period end, asOf).
 */
export class CountingWindow {
  constructor(
    readonly projectStart: IsoDate,
    readonly periodStart: IsoDate,
    readonly end: IsoDate,
  ) {}

  scopeOf(d: IsoDate | null): Scope {
    if (d === null || d > this.end || d < this.projectStart) return Scope.None;
    return d >= this.periodStart ? Scope.Both : Scope.CumulativeOnly;
  }
}

const PERIOD = 0;
const CUMULATIVE = 1;

/**
 * Period/cumulative × women/men/nonBinary/total counters for a row of figures, in one flat array
 * (eight cells a figure). The total is counted, not summed, so the consistency test means something.
 */
export class ScopedCountRow {
  private readonly cells: Float64Array;

  constructor(figures: number) {
    this.cells = new Float64Array(figures * 8);
  }

  add(figure: number, scope: Scope, g: GenderCell): void {
    if (scope === Scope.None) return;
    const c = this.cells;
    const at = figure * 8;
    c[at + CUMULATIVE * 4 + g]!++;
    c[at + CUMULATIVE * 4 + TOTAL]!++;
    if (scope === Scope.Both) {
      c[at + PERIOD * 4 + g]!++;
      c[at + PERIOD * 4 + TOTAL]!++;
    }
  }

  both(figure: number): PeriodAndCumulative {
    return { period: this.split(figure * 8 + PERIOD * 4), cumulative: this.split(figure * 8 + CUMULATIVE * 4) };
  }

  private split(at: number): GenderSplit {
    const c = this.cells;
    return { women: c[at]!, men: c[at + 1]!, nonBinary: c[at + 2]!, total: c[at + 3]! };
  }
}

/** A women/men/nonBinary/total counter for one scope (targets, months, cohorts); the total is counted too. */
export class GenderCounts {
  private readonly cells = new Float64Array(4);

  add(g: GenderCell): void {
    this.cells[g]!++;
    this.cells[TOTAL]!++;
  }

  get total(): number {
    return this.cells[TOTAL]!;
  }

  value(): GenderSplit {
    const c = this.cells;
    return { women: c[0]!, men: c[1]!, nonBinary: c[2]!, total: c[3]! };
  }
}

/** A split of nobody. */
export function noOne(): GenderSplit {
  return { women: 0, men: 0, nonBinary: 0, total: 0 };
}
