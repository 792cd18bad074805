// the deep import loads one function, not date-fns' 300 modules (start-up time)
import { differenceInMonths } from 'date-fns/differenceInMonths';

/**
 * Calendar dates are ISO strings `YYYY-MM-DD` throughout the core: they compare with `<`, print as
 * they are and never shift with the machine's time zone. date-fns gets local-midnight `Date`s
 * built from the parts, never `new Date("YYYY-MM-DD")` (that is UTC midnight).
 */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when y-m-d is a day of the proleptic Gregorian calendar. */
export function isValidYmd(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function ymdToIso(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Parses a strict `YYYY-MM-DD` that names a real day; undefined otherwise. */
export function parseIsoDate(value: string): IsoDate | undefined {
  const m = ISO.exec(value);
  if (!m) return undefined;
  return isValidYmd(Number(m[1]), Number(m[2]), Number(m[3])) ? value : undefined;
}

export function toLocalDate(iso: IsoDate): Date {
  return new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

export function fromLocalDate(date: Date): IsoDate {
  return ymdToIso(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/**
 * Whole years from `from` to `to` (for `to` ≥ `from`): the age on a day. Same result as date-fns
 * `differenceInYears` (tested): a 29 February birthday ages on 1 March in common years.
 */
export function yearsBetween(from: IsoDate, to: IsoDate): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

/**
 * Whole months from `from` to `to` (date-fns `differenceInMonths`). The full month count differs
 * from the calendar-month count by at most one, so date-fns is asked only when that matters.
 */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  return differenceInMonths(toLocalDate(to), toLocalDate(from));
}

/** Calendar months from `from` to `to` (month numbers only; days ignored). */
export function calendarMonthsBetween(from: IsoDate, to: IsoDate): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
}

/** Days from `from` to `to` as whole calendar days (no time zone involved). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Days since 1970-01-01 of a calendar date. */
export function dayNumber(iso: IsoDate): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

/** The calendar date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  const d = new Date(day * 86_400_000);
  return ymdToIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** `date` plus whole calendar months, the day clamped to the month's end (31 Aug + 6 = 28/29 Feb), as date-fns `addMonths`. */
export function plusMonths(date: IsoDate, months: number): IsoDate {
  const y = Number(date.slice(0, 4));
  const m0 = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m0 / 12);
  const month = (((m0 % 12) + 12) % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return ymdToIso(year, month, day);
}

export function plusDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
