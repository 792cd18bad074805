import { addDays, addMonths, differenceInCalendarDays, differenceInMonths, differenceInYears } from 'date-fns';

/**
 * Calendar dates are ISO strings `YYYY-MM-DD` throughout the core: they compare with `<`, print as
 * they are and never shift with the machine's time zone. date-fns gets local-midnight `Date`s
 * built from the parts, never `new Date("YYYY-MM-DD")` (that is UTC midnight).
 */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when y-m-d is a day of the proleptic Gregorian calendar. */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
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

/** Whole years from `from` to `to` (age on a day; a 29 February birthday ages on 1 March in common years). */
export function yearsBetween(from: IsoDate, to: IsoDate): number {
  return differenceInYears(toLocalDate(to), toLocalDate(from));
}

/** Whole months from `from` to `to` (date-fns `differenceInMonths`). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  return differenceInMonths(toLocalDate(to), toLocalDate(from));
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toLocalDate(to), toLocalDate(from));
}

/** `date` plus whole calendar months (31 Aug + 6 = 28/29 Feb). */
export function plusMonths(date: IsoDate, months: number): IsoDate {
  return fromLocalDate(addMonths(toLocalDate(date), months));
}

export function plusDays(date: IsoDate, days: number): IsoDate {
  return fromLocalDate(addDays(toLocalDate(date), days));
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
