// the one function, not the package index: loading all of date-fns costs 15 MB and a startup delay
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

/** "00" … "99": month and day numbers as written in a date. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/** Years whose `YYYY-MM-` prefixes are kept once made: a date is then one join, not four (the six-month point of every leaver). */
const PREFIX_FIRST_YEAR = 1900;
const PREFIX_YEARS = 300;
const MONTH_PREFIXES: string[] = Array.from({ length: PREFIX_YEARS * 12 }, () => '');

export function ymdToIso(y: number, m: number, d: number): IsoDate {
  const day = TWO_DIGITS[d] ?? String(d).padStart(2, '0');
  const slot = (y - PREFIX_FIRST_YEAR) * 12 + m - 1;
  if (m >= 1 && m <= 12 && slot >= 0 && slot < MONTH_PREFIXES.length) {
    const prefix = MONTH_PREFIXES[slot] || (MONTH_PREFIXES[slot] = `${y}-${TWO_DIGITS[m]!}-`);
    return prefix + day;
  }
  const year = y >= 1000 && y <= 9999 ? String(y) : String(y).padStart(4, '0');
  return `${year}-${TWO_DIGITS[m] ?? String(m).padStart(2, '0')}-${day}`;
}

/** The number written by the digits date[from..to) of a well-formed `IsoDate`. */
function part(date: IsoDate, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + date.charCodeAt(i) - 48;
  return n;
}

const DATE_FORMS = /^(\d{4})-?(\d{2})-?(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/**
 * Parses a date in the accepted forms: `YYYY-MM-DD`, `YYYYMMDD`, or either with a zero time
 * (`2025-03-01 00:00`, `2025-03-01T00:00:00`). 'form' means not a date form; 'day' means no such day.
 */
export function parseDate(value: string): IsoDate | 'form' | 'day' {
  // the usual form, YYYY-MM-DD, read without a regular expression and returned as it is
  if (value.length === 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
    const y = digits(value, 0, 4);
    const mo = digits(value, 5, 7);
    const d = digits(value, 8, 10);
    if (y < 0 || mo < 0 || d < 0) return 'form';
    return isValidYmd(y, mo, d) ? value : 'day';
  }
  const m = DATE_FORMS.exec(value);
  if (!m) return 'form';
  const compact = !value.includes('-');
  if (compact && value.length !== 8) return 'form';
  if (!compact && value.charAt(4) !== '-') return 'form';
  if (m[4] !== undefined && (Number(m[4]) !== 0 || Number(m[5]) !== 0 || Number(m[6] ?? 0) !== 0)) return 'form';
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!isValidYmd(y, mo, d)) return 'day';
  return ymdToIso(y, mo, d);
}

/** The number written by the ASCII digits value[from..to), or -1 when one of them is not a digit. */
function digits(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
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
  const years = part(to, 0, 4) - part(from, 0, 4);
  // month and day as one number MMDD: a birthday not yet reached this year takes one off
  return part(to, 5, 7) * 100 + part(to, 8, 10) < part(from, 5, 7) * 100 + part(from, 8, 10) ? years - 1 : years;
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
  return (part(to, 0, 4) - part(from, 0, 4)) * 12 + part(to, 5, 7) - part(from, 5, 7);
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
  const y = part(date, 0, 4);
  const m0 = part(date, 5, 7) - 1 + months;
  const year = y + Math.floor(m0 / 12);
  const month = (((m0 % 12) + 12) % 12) + 1;
  const d = part(date, 8, 10);
  const day = d <= 28 ? d : Math.min(d, daysInMonth(year, month));
  return ymdToIso(year, month, day);
}

/** Calendar months from an exit to its six-month follow-up point (`indicators.md`). */
const FOLLOW_UP_MONTHS = 6;

/**
 * The six-month follow-up point of an exit (`indicators.md`): exit_date + 6 calendar months, the
 * day clamped to the month's end (31 August → 28/29 February), as date-fns `addMonths`. The one
 * rule for the validation (`STATUS_6M_MISSING`) and the indicators (EECR05, EECR06, follow-ups due).
 */
export function sixMonthPoint(exitDate: IsoDate): IsoDate {
  return plusMonths(exitDate, FOLLOW_UP_MONTHS);
}

/**
 * A participant's age at entry: whole years from birth_date to entry_date (date-fns
 * `differenceInYears`; a 29 February birthday ages on 1 March in common years). The one rule for the
 * validation (`AGE_OUTSIDE_WORKING_AGE`) and the indicators (age groups, long-term unemployment).
 */
export function ageAtEntry(birthDate: IsoDate, entryDate: IsoDate): number {
  return yearsBetween(birthDate, entryDate);
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
