import { isValidYmd, maxDate, minDate, parseIsoDate, plusMonths, ymdToIso, type IsoDate } from '../core/dates.js';

/**
 * Periods and project quarters for the finance figures. The `--period` forms are those of
 * `indicators.md` ("Period and reference date"); this small parser should be unified with
 * `src/indicators/period.ts` once that exists.
 */

/** A reporting period after clipping: the normalised label and its first and last day. */
export interface FinancePeriod {
  readonly label: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** A calendar quarter clipped to the project period (2024-Q3 of a project starting 1 Aug runs 1 Aug – 30 Sep). */
export interface ProjectQuarter {
  readonly label: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
}

function lastDayOfMonth(year: number, month: number): number {
  let d = 31;
  while (!isValidYmd(year, month, d)) d--;
  return d;
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
    const end = ymdToIso(year, q * 3 + 3, lastDayOfMonth(year, q * 3 + 3));
    quarters.push({ label: `${year}-Q${q + 1}`, start: maxDate(start, projectStart), end: minDate(end, projectEnd) });
    if (++q === 4) {
      q = 0;
      year++;
    }
  }
  return quarters;
}

/** What the user asked for: `--period P`, or `--from D --to D`. */
export interface PeriodRequest {
  readonly period?: string | undefined;
  readonly from?: IsoDate | undefined;
  readonly to?: IsoDate | undefined;
}

/** The period, or why the request is a usage error (the CLI turns the problem into exit 2). */
export type PeriodResolution = { readonly period: FinancePeriod; readonly preliminary: boolean } | { readonly problem: string };

/**
 * Resolves `--period` / `--from --to` against the project: `project` (default), `YYYY-Qn`,
 * `YYYY-Hn`, `YYYY-MM`, `YYYY`, or FROM..TO. The period is clipped to the reporting range
 * (project start to six months after the project end); one wholly outside it, or starting after
 * today, is a problem.
 */
export function resolvePeriod(
  request: PeriodRequest,
  project: { readonly start: IsoDate; readonly end: IsoDate },
  today: IsoDate,
): PeriodResolution {
  const { period, from, to } = request;
  if (period !== undefined && (from !== undefined || to !== undefined)) {
    return { problem: 'give either --period or --from/--to, not both' };
  }
  if ((from === undefined) !== (to === undefined)) {
    return { problem: from === undefined ? '--to needs --from' : '--from needs --to' };
  }
  let raw: FinancePeriod;
  if (from !== undefined && to !== undefined) {
    if (from > to) return { problem: `--from ${from} is after --to ${to}` };
    raw = { label: `${from}..${to}`, start: from, end: to };
  } else {
    const parsed = parsePeriodArgument(period ?? 'project', project);
    if (typeof parsed === 'string') return { problem: parsed };
    raw = parsed;
  }
  const rangeEnd = plusMonths(project.end, 6);
  if (raw.end < project.start || raw.start > rangeEnd) {
    return {
      problem: `the period ${raw.label} (${raw.start} – ${raw.end}) lies outside the reporting range ${project.start} – ${rangeEnd}`,
    };
  }
  const clipped: FinancePeriod = { label: raw.label, start: maxDate(raw.start, project.start), end: minDate(raw.end, rangeEnd) };
  if (clipped.start > today) {
    return { problem: `the period ${clipped.label} starts on ${clipped.start}, after today (${today})` };
  }
  return { period: clipped, preliminary: clipped.end > today };
}

/** Parses one `--period` argument into its unclipped dates, or says what forms are accepted. */
export function parsePeriodArgument(text: string, project: { readonly start: IsoDate; readonly end: IsoDate }): FinancePeriod | string {
  const value = text.trim();
  const expected = `--period "${text}" is not a period; expected project, YYYY-Qn (2025-Q2), YYYY-Hn (2025-H1), YYYY-MM (2025-05) or YYYY (2025), or --from DATE --to DATE`;
  if (value.toLowerCase() === 'project') return { label: 'project', start: project.start, end: project.end };
  let m = /^(\d{4})-?[Qq]([1-4])$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return { label: `${y}-Q${q}`, start: ymdToIso(y, q * 3 - 2, 1), end: ymdToIso(y, q * 3, lastDayOfMonth(y, q * 3)) };
  }
  m = /^(\d{4})-?[Hh]([12])$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const h = Number(m[2]);
    return { label: `${y}-H${h}`, start: ymdToIso(y, h === 1 ? 1 : 7, 1), end: ymdToIso(y, h === 1 ? 6 : 12, h === 1 ? 30 : 31) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return expected;
    return { label: `${m[1]}-${m[2]}`, start: ymdToIso(y, mo, 1), end: ymdToIso(y, mo, lastDayOfMonth(y, mo)) };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    return { label: m[1]!, start: ymdToIso(y, 1, 1), end: ymdToIso(y, 12, 31) };
  }
  return expected;
}

/** The reference date: `--as-of`, else the period end or today if that is earlier; a problem when out of bounds. */
export function resolveAsOf(period: FinancePeriod, asOf: IsoDate | undefined, today: IsoDate): IsoDate | { readonly problem: string } {
  if (asOf === undefined) return minDate(period.end, today);
  if (parseIsoDate(asOf) === undefined) return { problem: `--as-of "${asOf}" is not a date YYYY-MM-DD` };
  if (asOf > today) return { problem: `--as-of ${asOf} is after today (${today}); the figures cannot describe a day that has not come` };
  if (asOf < period.start) return { problem: `--as-of ${asOf} is before the period start ${period.start}` };
  return asOf;
}
