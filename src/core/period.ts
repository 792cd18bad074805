import { daysInMonth, maxDate, minDate, parseIsoDate, sixMonthPoint, ymdToIso, type IsoDate } from './dates.js';

/** A period as it is reported: its normalised label and its dates, clipped to the reporting range. */
export interface PeriodRange {
  readonly label: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** A resolved period with its reference date (`indicators.md`, "Period and reference date"). */
export interface ReportingPeriod extends PeriodRange {
  /** The day the figures describe: `--as-of`, or min(period end, today). */
  readonly asOf: IsoDate;
  /** True when the period ends after today: the figures are preliminary. */
  readonly preliminary: boolean;
  /** min(period end, asOf): the last day whose events count. */
  readonly windowEnd: IsoDate;
}

/** What the user asked for, as raw strings (already trimmed or not). */
export interface PeriodArgs {
  readonly period?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly asOf?: string | undefined;
  /** The period when neither --period nor --from/--to is given (e.g. `project` for finance and diff); none: a usage error. */
  readonly defaultPeriod?: string | undefined;
}

/**
 * What is wrong with a period, as data: the CLI prints `PeriodError.error` (English, in terms of its
 * options); the web page words the same problem in its own language and terms.
 */
export type PeriodProblem =
  | { readonly kind: 'not-a-period'; readonly value: string }
  | { readonly kind: 'no-such-month'; readonly value: string; readonly month: string }
  | { readonly kind: 'no-quarter-ended'; readonly date: IsoDate; readonly projectStart: IsoDate }
  | { readonly kind: 'period-and-range' }
  | { readonly kind: 'range-half'; readonly missing: 'from' | 'to' }
  | { readonly kind: 'not-a-date'; readonly which: 'from' | 'to' | 'as-of'; readonly value: string }
  | { readonly kind: 'from-after-to'; readonly from: IsoDate; readonly to: IsoDate }
  | { readonly kind: 'no-period' }
  | { readonly kind: 'outside-range'; readonly label: string; readonly start: IsoDate; readonly end: IsoDate; readonly rangeStart: IsoDate; readonly rangeEnd: IsoDate }
  | { readonly kind: 'starts-after-today'; readonly label: string; readonly start: IsoDate; readonly today: IsoDate }
  | { readonly kind: 'as-of-after-today'; readonly asOf: IsoDate; readonly today: IsoDate }
  | { readonly kind: 'as-of-before-start'; readonly asOf: IsoDate; readonly start: IsoDate };

/** A usage problem with the period arguments; the CLI turns it into exit 2. */
export interface PeriodError {
  readonly error: string;
  readonly problem: PeriodProblem;
  /** The option the problem is about (`--period`, `--from`, `--to`, `--as-of`), when it is about one. */
  readonly option?: string | undefined;
  /** The value given for it, as typed. */
  readonly value?: string | undefined;
}

export function isPeriodError(value: ReportingPeriod | PeriodRange | PeriodError): value is PeriodError {
  return 'error' in value;
}

/** The project period as the profile gives it. */
export interface ProjectPeriod {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** The reporting range: project start to six months after the project end (the last leavers' follow-ups). */
export function reportingRange(project: ProjectPeriod): { start: IsoDate; end: IsoDate } {
  return { start: project.start, end: sixMonthPoint(project.end) };
}

/**
 * Parses a `--period` argument into its normalised label and unclipped dates: `2025-Q2`,
 * `2025-H1`/`2025-H2`, `2025-05`, `2025` or `project` (any case, surrounding spaces ignored).
 */
export function parsePeriodArgument(value: string, project: ProjectPeriod): PeriodRange | PeriodError {
  const v = value.trim();
  if (v.toLowerCase() === 'project') return { label: 'project', start: project.start, end: project.end };
  let m = /^(\d{4})-?[Qq]([1-4])$/.exec(v);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const first = (q - 1) * 3 + 1;
    return { label: `${y}-Q${q}`, start: ymdToIso(y, first, 1), end: ymdToIso(y, first + 2, daysInMonth(y, first + 2)) };
  }
  m = /^(\d{4})-?[Hh]([12])$/.exec(v);
  if (m) {
    const y = Number(m[1]);
    const h = Number(m[2]);
    return h === 1
      ? { label: `${y}-H1`, start: ymdToIso(y, 1, 1), end: ymdToIso(y, 6, 30) }
      : { label: `${y}-H2`, start: ymdToIso(y, 7, 1), end: ymdToIso(y, 12, 31) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) {
      return { error: `--period "${value}": there is no month ${m[2]}`, problem: { kind: 'no-such-month', value, month: m[2]! }, option: '--period', value };
    }
    return { label: ymdToIso(y, mo, 1).slice(0, 7), start: ymdToIso(y, mo, 1), end: ymdToIso(y, mo, daysInMonth(y, mo)) };
  }
  m = /^(\d{4})$/.exec(v);
  if (m) {
    const y = Number(m[1]);
    return { label: String(y), start: ymdToIso(y, 1, 1), end: ymdToIso(y, 12, 31) };
  }
  return {
    error: `--period "${value}" is not a period: use a quarter (2025-Q2), a half-year (2025-H1, 2025-H2), a month (2025-05), a year (2025), "project", or --from DATE --to DATE`,
    problem: { kind: 'not-a-period', value },
    option: '--period',
    value,
  };
}

/** The option a period came from, for an error about the period as a whole. */
function periodOption(args: PeriodArgs): { option?: string; value?: string } {
  if (args.period !== undefined && args.period.trim() !== '') return { option: '--period', value: args.period };
  if (args.from !== undefined && args.from.trim() !== '') return { option: '--from', value: args.from };
  return {};
}

/**
 * The latest calendar quarter that has ended by `date` (a quarter ending on `date` has ended), as a
 * `--period` label, for commands run without a period (`cli.md`). A date after the reporting range
 * gives the range's last quarter; a date before the first quarter of the project has ended is an error.
 */
export function latestEndedQuarter(project: ProjectPeriod, date: IsoDate): string | PeriodError {
  const range = reportingRange(project);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  let year = y;
  let quarter = Math.ceil(m / 3);
  if (!(m === quarter * 3 && d === daysInMonth(y, m))) {
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  if (ymdToIso(year, quarter * 3 - 2, 1) > range.end) {
    // past the reporting range: its last quarter
    const [ey, em] = range.end.split('-').map(Number) as [number, number];
    year = ey;
    quarter = Math.ceil(em / 3);
  }
  if (ymdToIso(year, quarter * 3, daysInMonth(year, quarter * 3)) < range.start) {
    return {
      error: `no quarter of the project has ended by ${date} (the project starts ${project.start}); give --period or --from DATE --to DATE`,
      problem: { kind: 'no-quarter-ended', date, projectStart: project.start },
      option: '--period',
    };
  }
  return `${year}-Q${quarter}`;
}

/**
 * Resolves the period arguments against the project and today (`indicators.md`): parses
 * `--period` or `--from/--to`, clips to the reporting range, rejects a period wholly outside it or
 * starting after today, and settles the reference date and the window end. Never reads the clock.
 */
export function resolvePeriod(project: ProjectPeriod, args: PeriodArgs, today: IsoDate): ReportingPeriod | PeriodError {
  const given = (s: string | undefined) => s !== undefined && s.trim() !== '';
  let requested: PeriodRange;
  if (given(args.period) && (given(args.from) || given(args.to))) {
    return { error: 'give either --period or --from/--to, not both', problem: { kind: 'period-and-range' }, option: '--period', value: args.period };
  }
  if (given(args.period)) {
    const parsed = parsePeriodArgument(args.period!, project);
    if (isPeriodError(parsed)) return parsed;
    requested = parsed;
  } else if (given(args.from) || given(args.to)) {
    if (!given(args.from)) return { error: '--to needs --from: give both dates of the period', problem: { kind: 'range-half', missing: 'from' }, option: '--from' };
    if (!given(args.to)) return { error: '--from needs --to: give both dates of the period', problem: { kind: 'range-half', missing: 'to' }, option: '--to' };
    const from = parseIsoDate(args.from!.trim());
    const to = parseIsoDate(args.to!.trim());
    if (!from) return { error: `--from "${args.from}" is not a date YYYY-MM-DD`, problem: { kind: 'not-a-date', which: 'from', value: args.from! }, option: '--from', value: args.from };
    if (!to) return { error: `--to "${args.to}" is not a date YYYY-MM-DD`, problem: { kind: 'not-a-date', which: 'to', value: args.to! }, option: '--to', value: args.to };
    if (from > to) return { error: `--from ${from} is after --to ${to}`, problem: { kind: 'from-after-to', from, to }, option: '--from', value: args.from };
    requested = { label: `${from}..${to}`, start: from, end: to };
  } else if (args.defaultPeriod !== undefined) {
    const parsed = parsePeriodArgument(args.defaultPeriod, project);
    if (isPeriodError(parsed)) return parsed;
    requested = parsed;
  } else {
    return {
      error: 'which period? give --period (2025-Q2, 2025-H1, 2025-05, 2025, project) or --from DATE --to DATE',
      problem: { kind: 'no-period' },
      option: '--period',
    };
  }

  const range = reportingRange(project);
  if (requested.end < range.start || requested.start > range.end) {
    return {
      error: `the period ${requested.label} (${requested.start} – ${requested.end}) lies wholly outside the reporting range ${range.start} – ${range.end} (project start to six months after its end)`,
      problem: { kind: 'outside-range', label: requested.label, start: requested.start, end: requested.end, rangeStart: range.start, rangeEnd: range.end },
      ...periodOption(args),
    };
  }
  const start = maxDate(requested.start, range.start);
  const end = minDate(requested.end, range.end);
  if (start > today) {
    return {
      error: `the period ${requested.label} starts on ${start}, after today (${today}); there are no figures for it yet`,
      problem: { kind: 'starts-after-today', label: requested.label, start, today },
      ...periodOption(args),
    };
  }

  let asOf: IsoDate;
  if (given(args.asOf)) {
    const d = parseIsoDate(args.asOf!.trim());
    if (!d) return { error: `--as-of "${args.asOf}" is not a date YYYY-MM-DD`, problem: { kind: 'not-a-date', which: 'as-of', value: args.asOf! }, option: '--as-of', value: args.asOf };
    if (d > today) {
      return {
        error: `--as-of ${d} is after today (${today}); the figures cannot describe a day that has not come`,
        problem: { kind: 'as-of-after-today', asOf: d, today },
        option: '--as-of',
        value: args.asOf,
      };
    }
    if (d < start) return { error: `--as-of ${d} is before the period starts (${start})`, problem: { kind: 'as-of-before-start', asOf: d, start }, option: '--as-of', value: args.asOf };
    asOf = d;
  } else {
    asOf = minDate(end, today);
  }
  return { label: requested.label, start, end, asOf, preliminary: end > today, windowEnd: minDate(end, asOf) };
}
