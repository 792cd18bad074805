import { daysInMonth, plusDays, ymdToIso, type IsoDate } from '../core/dates.js';

/** A calendar month as SCB's monthly participant report names it: `YYYY-MM`. */
export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Reads `YYYY-MM`; undefined for anything else. */
export function parseMonth(text: string): Month | undefined {
  return MONTH.test(text.trim()) ? text.trim() : undefined;
}

/** The month a date falls in. */
export function monthOf(date: IsoDate): Month {
  return date.slice(0, 7);
}

export function firstDay(month: Month): IsoDate {
  return `${month}-01`;
}

export function lastDay(month: Month): IsoDate {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return ymdToIso(y, m, daysInMonth(y, m));
}

export function nextMonth(month: Month): Month {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** SCB opens a month's report on the first day of the next month (SCB, "Tidsplan"). */
export function opensOn(month: Month): IsoDate {
  return firstDay(nextMonth(month));
}

/** Days after the month's end within which SCB wants the report: "inom fyra veckor efter avslutad månad". */
export const DUE_DAYS_AFTER_MONTH = 28;

/** The last day to send a month's report: four weeks after the month ends. */
export function dueOn(month: Month): IsoDate {
  return plusDays(lastDay(month), DUE_DAYS_AFTER_MONTH);
}

/** Every month from `from` to `to`, both included, in order (empty when from > to). */
export function monthRange(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) out.push(m);
  return out;
}
