import type { IsoDate } from '../core/dates.js';
import type { AttendanceDay } from './read-attendance.js';
import { QUARTERS_PER_HOUR } from './hours.js';

/** An hourly rate for participants' time in öre, applying from a day on (until the next one). */
export interface HourlyRate {
  readonly from: IsoDate;
  readonly ore: number;
}

/** Where the hourly rate comes from: `--rate`, the project profile's dated rates, or nowhere. */
export type RateSource =
  | { readonly kind: 'option'; readonly ore: number }
  | { readonly kind: 'profile'; readonly rates: readonly HourlyRate[]; readonly source: string }
  | { readonly kind: 'none'; readonly source: string | null };

/** The window the figures cover: days from `start` to `windowEnd` count. */
export interface TimeWindow {
  readonly label: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly asOf: IsoDate;
  readonly windowEnd: IsoDate;
}

/** One participant's time in one calendar month: the monthly time report (närvarorapport). */
export interface ParticipantMonth {
  readonly participantId: string;
  /** `YYYY-MM`. */
  readonly month: string;
  /** The days with time, by date. */
  readonly days: readonly AttendanceDay[];
  /** Whole quarter hours. */
  readonly quarters: number;
  /** Hours × rate in öre, rounded half up once for the month; null when a day has no rate. */
  readonly valueOre: number | null;
}

export interface TimeReport {
  readonly window: TimeWindow;
  readonly rate: RateSource;
  /** By participant ID, then month. */
  readonly months: readonly ParticipantMonth[];
  readonly total: { readonly quarters: number; readonly valueOre: number | null };
  /** Valid days outside the window (other months, or after the reference date): not counted here. */
  readonly daysOutside: number;
  /** The months whose value is null because some day of it lies before the first dated rate. */
  readonly monthsWithoutRate: number;
}

/** The rate in öre that applies on a day, or null (no rate, or the day is before the first one). */
export function rateOn(rate: RateSource, date: IsoDate): number | null {
  if (rate.kind === 'option') return rate.ore;
  if (rate.kind === 'none') return null;
  let found: number | null = null;
  for (const r of rate.rates) if (r.from <= date) found = r.ore;
  return found;
}

/**
 * Öre × quarter hours ÷ 4, rounded half up: exact integer arithmetic, the only rounding being this
 * one per participant and month (`numerator` is Σ quarter hours × rate in öre, never negative).
 */
export function quarterOreToOre(numerator: number): number {
  return Math.floor((numerator + QUARTERS_PER_HOUR / 2) / QUARTERS_PER_HOUR);
}

/** Hours per participant and month in the window, and their value; pure. */
export function computeTime(days: readonly AttendanceDay[], window: TimeWindow, rate: RateSource): TimeReport {
  const groups = new Map<string, AttendanceDay[]>();
  let daysOutside = 0;
  for (const d of days) {
    if (d.date < window.start || d.date > window.windowEnd) {
      daysOutside++;
      continue;
    }
    const key = `${d.participantId}\u0000${d.date.slice(0, 7)}`;
    const list = groups.get(key);
    if (list) list.push(d);
    else groups.set(key, [d]);
  }
  const months: ParticipantMonth[] = [];
  for (const [key, list] of groups) {
    const [participantId, month] = key.split('\u0000') as [string, string];
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    let quarters = 0;
    let numerator = 0;
    let priced = true;
    for (const d of list) {
      quarters += d.quarters;
      const ore = rateOn(rate, d.date);
      if (ore === null) priced = false;
      else numerator += d.quarters * ore;
    }
    months.push({ participantId, month, days: list, quarters, valueOre: priced ? quarterOreToOre(numerator) : null });
  }
  months.sort((a, b) => compareIds(a.participantId, b.participantId) || (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  let quarters = 0;
  let value: number | null = 0;
  let monthsWithoutRate = 0;
  for (const m of months) {
    quarters += m.quarters;
    if (m.valueOre === null) monthsWithoutRate++;
    else if (value !== null) value += m.valueOre;
  }
  if (monthsWithoutRate > 0) value = null;
  return { window, rate, months, total: { quarters, valueOre: value }, daysOutside, monthsWithoutRate };
}

/** Participant IDs in a person's order: P-2 before P-10. */
function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** The calendar quarter of a month `YYYY-MM`: `YYYY-Qn`. */
export function quarterOfMonth(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Hours and value per calendar quarter (sums of the rounded monthly values), in order. */
export function timeByQuarter(report: TimeReport): { label: string; quarters: number; valueOre: number | null }[] {
  const byQuarter = new Map<string, { quarters: number; valueOre: number | null }>();
  for (const m of report.months) {
    const label = quarterOfMonth(m.month);
    const q = byQuarter.get(label) ?? { quarters: 0, valueOre: 0 };
    q.quarters += m.quarters;
    q.valueOre = q.valueOre === null || m.valueOre === null ? null : q.valueOre + m.valueOre;
    byQuarter.set(label, q);
  }
  return [...byQuarter.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([label, q]) => ({ label, ...q }));
}

/** The rates of a profile's participant time, in öre, sorted by their first day. */
export function profileRates(rates: readonly { from: IsoDate; sek: number }[]): HourlyRate[] {
  return rates.map((r) => ({ from: r.from, ore: Math.round(r.sek * 100) })).sort((a, b) => (a.from < b.from ? -1 : 1));
}
