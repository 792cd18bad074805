import { parseIsoDate, type IsoDate } from '../core/dates.js';
import { isPeriodError, latestEndedQuarter, resolvePeriod, type PeriodArgs, type PeriodError, type ProjectPeriod, type ReportingPeriod } from '../core/period.js';
import type { Lang } from '../findings/catalogue.js';
import { UsageError } from './errors.js';

/** A period problem as a usage error (exit 2), keeping the option and value it is about. */
export function periodUsageError(e: PeriodError): UsageError {
  return new UsageError(e.error, { option: e.option, value: e.value });
}

const DEFAULT_NOTICE: Readonly<Record<Lang, (p: ReportingPeriod, by: IsoDate) => string>> = {
  en: (p, by) => `no --period given: ${p.label} (${p.start} – ${p.end}), the latest quarter ended by ${by}`,
  sv: (p, by) => `ingen --period angiven: ${p.label} (${p.start} – ${p.end}), det senaste kvartalet som slutat senast ${by}`,
};

/**
 * The period of `indicators` and `report` (`cli.md`): `--period` or `--from/--to`, or without
 * them the latest calendar quarter that has ended by the as-of date (today when not given), with
 * the one notice line that says so. A problem is a usage error.
 */
export function resolveReportPeriod(
  project: ProjectPeriod,
  args: Omit<PeriodArgs, 'defaultPeriod'>,
  today: IsoDate,
  lang: Lang,
): { period: ReportingPeriod; notice: string | null } {
  const given = (s: string | undefined) => s !== undefined && s.trim() !== '';
  let defaultPeriod: string | undefined;
  let by: IsoDate = today;
  if (!given(args.period) && !given(args.from) && !given(args.to)) {
    by = (args.asOf !== undefined ? parseIsoDate(args.asOf.trim()) : undefined) ?? today;
    const latest = latestEndedQuarter(project, by);
    if (typeof latest !== 'string') throw periodUsageError(latest);
    defaultPeriod = latest;
  }
  const period = resolvePeriod(project, { ...args, defaultPeriod }, today);
  if (isPeriodError(period)) throw periodUsageError(period);
  return { period, notice: defaultPeriod === undefined ? null : DEFAULT_NOTICE[lang](period, by) };
}
