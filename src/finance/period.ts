import { daysInMonth, maxDate, minDate, ymdToIso, type IsoDate } from '../core/dates.js';
import type { PeriodRange } from '../core/period.js';

/**
 * Project quarters for the finance figures. The period itself is parsed and clipped by
 * `src/core/period.ts`, the same rules as for the indicators (`indicators.md`).
 */

/** A reporting period after clipping: the normalised label and its first and last day. */
export type FinancePeriod = PeriodRange;

/** A calendar quarter clipped to the project period (2024-Q3 of a project starting 1 Aug runs 1 Aug – 30 Sep). */
export interface ProjectQuarter {
  readonly label: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** The calendar quarter a date falls in, e.g. `2025-Q2`. */
export function quarterLabel(date: IsoDate): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The project's quarters in order, each calendar quarter clipped to [projectStart, projectEnd]. */
export function projectQuarters(projectStart: IsoDate, projectEnd: IsoDate): ProjectQuarter[] {
  const quarters: ProjectQuarter[] = [];
  let year = Number(projectStart.slice(0, 4));
  let q = Math.floor((Number(projectStart.slice(5, 7)) - 1) / 3);
  for (;;) {
    const start = ymdToIso(year, q * 3 + 1, 1);
    if (start > projectEnd) break;
    const end = ymdToIso(year, q * 3 + 3, daysInMonth(year, q * 3 + 3));
    quarters.push({ label: `${year}-Q${q + 1}`, start: maxDate(start, projectStart), end: minDate(end, projectEnd) });
    if (++q === 4) {
      q = 0;
      year++;
    }
  }
  return quarters;
}
