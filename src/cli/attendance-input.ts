import type { IsoDate } from '../core/dates.js';
import type { ReportingPeriod } from '../core/period.js';
import { readAttendance, type AttendanceFileSummary, type Participation } from '../attendance/read-attendance.js';
import { computeTime, profileRates, type RateSource, type TimeReport } from '../attendance/time-report.js';
import { parseAmount } from '../finance/money.js';
import type { Lang } from '../findings/catalogue.js';
import { readParticipants } from '../participants/read-participants.js';
import type { ProjectProfile } from '../project/profile.js';
import type { EncodingName } from '../read/encoding.js';
import type { FindingsOptions } from '../read/read-validated.js';
import type { Delimiter } from '../read/table.js';
import { UsageError } from './errors.js';
import { displayName } from './display-name.js';
import { openInput } from './input-file.js';
import { unreadableParticipants } from './participant-input.js';
import type { FileSummaryView } from './render-findings.js';

/** Reading options of the attendance run: encoding and delimiter for both files, a sheet for each workbook. */
export interface AttendanceReadOptions {
  readonly encoding?: EncodingName | undefined;
  readonly delimiter?: Delimiter | undefined;
  /** The sheet of an .xlsx attendance file. */
  readonly sheet?: string | undefined;
  /** The sheet of an .xlsx participant file (`report --sheet` names the participant export's). */
  readonly participantsSheet?: string | undefined;
  /** How the attendance file's findings are kept and streamed (default: the first 1,000 of each code). */
  readonly findingsOut?: FindingsOptions | undefined;
}

/** What reading the participant and attendance files gave: both summaries and, when both are usable, the time report. */
export interface AttendanceRun {
  readonly participants: FileSummaryView;
  /** Null when the participant file is unusable: the attendance cannot be checked without it. */
  readonly attendance: AttendanceFileSummary | null;
  /** Null when either file is unusable (exit 2). */
  readonly time: TimeReport | null;
}

/** `--rate SEK` in öre: a positive amount in SEK with at most two decimals (`150`, `162,50`). */
export function parseRateOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ore = parseAmount(value);
  if (typeof ore !== 'number' || ore <= 0) {
    throw new UsageError(`--rate "${value}" is not an hourly rate in SEK above 0 with at most two decimals (e.g. 150 or 162,50)`);
  }
  return ore;
}

/** The hourly rate: `--rate` wins; else the profile's dated rates; else none (the value stays empty). */
export function rateSource(profile: ProjectProfile, optionOre: number | undefined): RateSource {
  if (optionOre !== undefined) return { kind: 'option', ore: optionOre };
  const pt = profile.participantTime;
  if (pt && pt.hourlyRates.length > 0) return { kind: 'profile', rates: profileRates(pt.hourlyRates), source: pt.source };
  return { kind: 'none', source: pt?.source ?? null };
}

/** The files of a run as the findings renderers see them: the attendance file, or the participant file when that one is unusable. */
export function attendanceFileViews(run: AttendanceRun): FileSummaryView[] {
  return run.attendance === null ? [run.participants] : [run.attendance];
}

/**
 * Reads the participant file (who took part, and when) and the attendance file, and computes the
 * time per participant and month over the period's window.
 */
export async function readAttendanceRun(
  attendanceFile: string,
  participantsFile: string,
  profile: ProjectProfile,
  period: ReportingPeriod,
  today: IsoDate,
  rate: RateSource,
  options: AttendanceReadOptions,
): Promise<AttendanceRun> {
  const participation = new Map<string, Participation>();
  let participants: FileSummaryView;
  const participantsInput = await openInput(participantsFile);
  if (!participantsInput.source) participants = unreadableParticipants(participantsInput.unreadable);
  else {
    participants = await readParticipants(
      participantsInput.source,
      { today, asOf: period.asOf, projectStart: profile.period.start, projectEnd: profile.period.end },
      { encoding: options.encoding, delimiter: options.delimiter, sheet: options.participantsSheet },
      (record) => {
        if (record.participantId !== null && record.entryDate !== null && !participation.has(record.participantId)) {
          participation.set(record.participantId, { entryDate: record.entryDate, exitDate: record.exitDate });
        }
      },
    );
  }
  if (participants.unusable) return { participants, attendance: null, time: null };
  const attendanceInput = await openInput(attendanceFile);
  if (!attendanceInput.source) return { participants, attendance: { ...attendanceInput.unreadable, kind: 'attendance', days: [] }, time: null };
  const attendance = await readAttendance(
    attendanceInput.source,
    { today, projectEnd: profile.period.end, participants: participation, participantsFile: displayName(participantsFile) },
    { encoding: options.encoding, delimiter: options.delimiter, sheet: options.sheet },
    options.findingsOut,
  );
  if (attendance.unusable) return { participants, attendance, time: null };
  const window = { label: period.label, start: period.start, end: period.end, asOf: period.asOf, windowEnd: period.windowEnd };
  return { participants, attendance, time: computeTime(attendance.days, window, rate) };
}

const T = {
  en: {
    participantProblems: (s: FileSummaryView) =>
      `notice: the participant file ${s.file} has ${s.errors} error${s.errors === 1 ? '' : 's'}; participants are still known by their ID and dates (esf-report validate ${s.file} shows them).`,
    noRate: (source: string | null) =>
      `notice: no hourly rate for participants' time${source ? ` (${source})` : ''}; hours are counted, the value is left empty. Give --rate SEK or add participantTime.hourlyRates to the project profile.`,
    rateGap: (n: number, from: string) =>
      `notice: ${n} participant-month${n === 1 ? '' : 's'} ha${n === 1 ? 's' : 've'} days before the first hourly rate (from ${from}); ${n === 1 ? 'its' : 'their'} value and the total are left empty.`,
    outside: (n: number, start: string, end: string) =>
      `notice: ${n} valid day${n === 1 ? '' : 's'} outside ${start} – ${end} ${n === 1 ? 'is' : 'are'} not counted in this period.`,
  },
  sv: {
    participantProblems: (s: FileSummaryView) =>
      `notis: deltagarfilen ${s.file} har ${s.errors} fel; deltagarna känns ändå igen på id och datum (esf-report validate ${s.file} visar dem).`,
    noRate: (source: string | null) =>
      `notis: inget timpris för deltagarnas tid${source ? ` (${source})` : ''}; timmarna räknas, värdet lämnas tomt. Ange --rate KR eller participantTime.hourlyRates i projektprofilen.`,
    rateGap: (n: number, from: string) =>
      `notis: ${n} deltagarmånad${n === 1 ? '' : 'er'} har dagar före det första timpriset (från ${from}); värdet och summan lämnas tomma.`,
    outside: (n: number, start: string, end: string) =>
      `notis: ${n} giltig${n === 1 ? '' : 'a'} dag${n === 1 ? '' : 'ar'} utanför ${start} – ${end} räknas inte i denna period.`,
  },
} as const;

/** The notices of an attendance run, one line each, for stderr. */
export function attendanceNotices(run: AttendanceRun, lang: Lang): string[] {
  const t = T[lang];
  const lines: string[] = [];
  if (run.participants.errors > 0 && !run.participants.unusable) lines.push(t.participantProblems(run.participants));
  const time = run.time;
  if (time) {
    if (time.rate.kind === 'none') lines.push(t.noRate(time.rate.source));
    else if (time.monthsWithoutRate > 0 && time.rate.kind === 'profile') lines.push(t.rateGap(time.monthsWithoutRate, time.rate.rates[0]?.from ?? ''));
    if (time.daysOutside > 0) lines.push(t.outside(time.daysOutside, time.window.start, time.window.windowEnd));
  }
  return lines;
}
