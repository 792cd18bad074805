import { calendarMonthsBetween, type IsoDate } from '../core/dates.js';
import { GenderCounts, noOne, type GenderCell } from './counting.js';
import type { MonthRow } from './result.js';

/**
 * The monthly view (the rhythm of SCB's participant reports): starters and leavers of each
 * calendar month from the project start to the window end. One slot per month, by its distance
 * from the project's first month.
 */
export class MonthlyCounts {
  private readonly months: ({ starters: GenderCounts; leavers: GenderCounts } | undefined)[] = [];

  constructor(private readonly projectStart: IsoDate) {}

  /** A starter whose entry falls in the window. */
  addStarter(entryDate: IsoDate, g: GenderCell): void {
    this.month(entryDate).starters.add(g);
  }

  /** A leaver whose exit falls in the window. */
  addLeaver(exitDate: IsoDate, g: GenderCell): void {
    this.month(exitDate).leavers.add(g);
  }

  /** Every month from the project start to the window end, empty ones too. */
  rows(windowEnd: IsoDate): MonthRow[] {
    return monthsFrom(this.projectStart, windowEnd).map((month, i): MonthRow => {
      const row = this.months[i];
      return { month, starters: row ? row.starters.value() : noOne(), leavers: row ? row.leavers.value() : noOne() };
    });
  }

  private month(d: IsoDate) {
    const i = calendarMonthsBetween(this.projectStart, d);
    let row = this.months[i];
    if (!row) this.months[i] = row = { starters: new GenderCounts(), leavers: new GenderCounts() };
    return row;
  }
}

/** `YYYY-MM` of each month from the month of `start` to the month of `end`. */
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
