import type { ChalkInstance } from 'chalk';
import { formatQuarters, formatQuartersSv } from '../attendance/hours.js';
import type { LedgerFinancing, ParticipantTimeLine } from '../attendance/co-financing.js';
import { checkLedgerForParticipantTime } from '../attendance/ledger-overlap.js';
import { computeTime, timeByQuarter, type RateSource, type TimeReport } from '../attendance/time-report.js';
import type { ReportingPeriod } from '../core/period.js';
import { formatOre } from '../core/format.js';
import { textTable } from './text-table.js';
import type { Lang } from '../findings/catalogue.js';
import type { Finding } from '../findings/finding.js';
import { findingHint, findingMessage, renderFinding } from '../findings/render.js';
import { cutCodes, KEPT_PER_CODE, type CutCode, type FindingCounts } from '../findings/tally.js';
import type { ProjectProfile } from '../project/profile.js';
import type { EncodingName } from '../read/encoding.js';
import type { FindingsOptions } from '../read/read-validated.js';
import type { Delimiter } from '../read/table.js';
import { attendanceFileViews, attendanceNotices, parseRateOption, rateSource, readAttendanceRun, type AttendanceRun } from './attendance-input.js';
import { UsageError } from './errors.js';
import { displayName } from './display-name.js';
import { openInput } from './input-file.js';
import type { Output } from './io.js';
import { renderValidationText, validationExitCode, type FileSummaryView } from './render-findings.js';

export interface ParticipantTimeOutcome {
  readonly run: AttendanceRun;
  /** Null when the attendance or participant file cannot be used (exit 2). */
  readonly line: ParticipantTimeLine | null;
  readonly exitCode: 0 | 1 | 2;
}

export interface ParticipantTimeRequest {
  readonly attendance: string;
  readonly participants: string;
  readonly ledger: string;
  readonly rate: string | undefined;
  readonly profile: ProjectProfile;
  readonly period: ReportingPeriod;
  readonly today: string;
  readonly strict: boolean;
  readonly encoding: EncodingName | undefined;
  readonly delimiter: Delimiter | undefined;
  /** The sheet of an .xlsx attendance file. */
  readonly sheet?: string | undefined;
  /** The sheet of an .xlsx participant file. */
  readonly participantsSheet?: string | undefined;
  /** How the attendance file's findings are kept and streamed (default: the first 1,000 of each code). */
  readonly findingsOut?: FindingsOptions | undefined;
  /** `--all-findings`: keep every double-counting finding (else the first 1,000 of a code). */
  readonly allFindings?: boolean | undefined;
}

/** `--attendance` needs the participant file, and `--participants`/`--rate` mean nothing without `--attendance`. */
export function checkAttendanceOptions(attendance: string | undefined, participants: string | undefined, rate: string | undefined, participantsOption: boolean): void {
  if (attendance === undefined) {
    if (participantsOption && participants !== undefined) throw new UsageError('--participants is for --attendance: give the attendance file too');
    if (rate !== undefined) throw new UsageError('--rate is for --attendance: give the attendance file too');
    return;
  }
  if (participants === undefined) throw new UsageError('--attendance needs --participants FILE: the participant file says who took part and when');
  // checked before any file is read: a JSON document may already be on its way out by then
  parseRateOption(rate);
}

/**
 * Reads the attendance (checked against the participant file), values it per quarter and from
 * the project start, and checks that the ledger does not carry participants' time as well.
 */
export async function participantTimeForFinance(req: ParticipantTimeRequest): Promise<ParticipantTimeOutcome> {
  const rate = rateSource(req.profile, parseRateOption(req.rate));
  const run = await readAttendanceRun(req.attendance, req.participants, req.profile, req.period, req.today, rate, {
    encoding: req.encoding,
    delimiter: req.delimiter,
    sheet: req.sheet,
    participantsSheet: req.participantsSheet,
    findingsOut: req.findingsOut,
  });
  const views = attendanceFileViews(run);
  if (run.time === null || run.attendance === null) return { run, line: null, exitCode: 2 };
  const periodTime = run.time;
  const start = req.profile.period.start;
  const cumulative: TimeReport = computeTime(run.attendance.days, { ...periodTime.window, start }, rate);
  const ledger = await openInput(req.ledger);
  const doubleCounting = ledger.source
    ? await checkLedgerForParticipantTime(
        ledger.source,
        cumulative,
        { encoding: req.encoding, delimiter: req.delimiter },
        req.allFindings ? Number.POSITIVE_INFINITY : KEPT_PER_CODE,
      )
    : { findings: [], findingCounts: {} };
  const ledgerFindings = doubleCounting.findings;
  const line: ParticipantTimeLine = {
    attendanceFile: displayName(req.attendance),
    participantsFile: displayName(req.participants),
    rate,
    quarters: timeByQuarter(periodTime),
    cumulative: { start, end: periodTime.window.windowEnd, quarters: cumulative.total.quarters, valueOre: cumulative.total.valueOre },
    ledgerFindings,
    ledgerFindingCounts: doubleCounting.findingCounts,
  };
  let exitCode = validationExitCode(views, req.strict);
  if (ledgerFindings.some((f) => f.severity === 'error' || req.strict)) exitCode = Math.max(exitCode, 1) as 0 | 1 | 2;
  return { run, line, exitCode };
}

const T = {
  en: {
    title: (file: string) => `Participants' time: in-kind co-financing from ${file}`,
    rate: (r: RateSource) =>
      r.kind === 'option'
        ? `hourly rate ${formatOre(r.ore)} SEK (--rate)`
        : r.kind === 'profile'
          ? `hourly rate from the project profile: ${r.rates.map((x) => `${formatOre(x.ore)} SEK from ${x.from}`).join('; ')}`
          : 'no hourly rate: hours only, no value',
    headers: ['quarter', 'hours', 'value (SEK)'],
    cumulative: 'cumulative',
    coFinancing: (ledger: string, time: string, total: string) =>
      `Co-financing, cumulative: ledger (financing other than EU) ${ledger} + participants' time ${time} = ${total} SEK`,
    doubleCount: "Double counting: the ledger also carries participants' time",
    noDoubleCount: "The ledger carries no booking of participants' time (no double counting found).",
    line: 'line',
    fix: 'Fix',
    more: (c: CutCode) => `… and ${c.total - c.listed} more ${c.code} (${c.listed} of ${c.total} listed; --all-findings lists every one)`,
  },
  sv: {
    title: (file: string) => `Deltagarnas tid: medfinansiering i annat än pengar från ${file}`,
    rate: (r: RateSource) =>
      r.kind === 'option'
        ? `timpris ${formatOre(r.ore)} kr (--rate)`
        : r.kind === 'profile'
          ? `timpris enligt projektprofilen: ${r.rates.map((x) => `${formatOre(x.ore)} kr från ${x.from}`).join('; ')}`
          : 'inget timpris: bara timmar, inget värde',
    headers: ['kvartal', 'timmar', 'värde (kr)'],
    cumulative: 'ackumulerat',
    coFinancing: (ledger: string, time: string, total: string) =>
      `Medfinansiering, ackumulerat: liggaren (finansiering utom EU) ${ledger} + deltagarnas tid ${time} = ${total} kr`,
    doubleCount: 'Dubbelräkning: liggaren bär också deltagarnas tid',
    noDoubleCount: 'Liggaren har ingen bokning av deltagarnas tid (ingen dubbelräkning hittad).',
    line: 'rad',
    fix: 'Åtgärd',
    more: (c: CutCode) => `… och ${c.total - c.listed} ${c.code} till (${c.listed} av ${c.total} listas; --all-findings listar alla)`,
  },
} as const;

/** The participants' time section of `finance` text output, after the ledger's figures. */
export function renderParticipantTimeText(outcome: ParticipantTimeOutcome, ledger: LedgerFinancing | null, lang: Lang, c: ChalkInstance, all = false): string {
  const views: FileSummaryView[] = attendanceFileViews(outcome.run);
  const files = renderValidationText(views, lang, c, all);
  const line = outcome.line;
  if (!line) return files;
  const t = T[lang];
  const value = (ore: number | null) => (ore === null ? '–' : formatOre(ore));
  const quarters = line.quarters.map((q) => [q.label, formatQuartersSv(q.quarters), value(q.valueOre)]);
  const cumulative = [t.cumulative, formatQuartersSv(line.cumulative.quarters), value(line.cumulative.valueOre)];
  const table = textTable({
    columns: t.headers.map((_, i) => ({ align: i === 0 ? 'left' : 'right' })),
    header: [t.headers],
    rows: [...quarters.map((cells) => ({ cells })), 'rule', { cells: cumulative }],
    indent: '  ',
    ruleUnderHeader: true,
    paint: { header: (s) => c.bold(s), rule: (s) => c.dim(s) },
  });
  const out = [c.bold(t.title(line.attendanceFile)), `  ${t.rate(line.rate)}`, ...table];
  if (ledger !== null && line.cumulative.valueOre !== null) {
    const co = ledger.total - ledger.eu;
    out.push('', t.coFinancing(formatOre(co), formatOre(line.cumulative.valueOre), formatOre(co + line.cumulative.valueOre)));
  }
  out.push('');
  if (line.ledgerFindings.length === 0) out.push(c.green(t.noDoubleCount));
  else {
    out.push(c.red(t.doubleCount));
    for (const f of line.ledgerFindings) out.push(`  ${f.severity === 'error' ? c.red(f.code) : c.yellow(f.code)} ${f.file ?? ''} ${t.line} ${f.line ?? '–'}: ${findingMessage(f, lang)}`);
    for (const cut of cutCodes(doubleCountingView(line))) out.push(c.dim(`  ${t.more(cut)}`));
    out.push(`  ${c.cyan(`${t.fix}:`)} ${findingHint('PARTICIPANT_TIME_IN_LEDGER', lang)}`);
  }
  return `${out.join('\n')}\n\n${files}`;
}

/**
 * The `participantTime` member of `finance --format json` (amounts in öre, hours as decimal strings);
 * its `findings` are the double-counting findings (the attendance file's own are the document's, under `files`).
 */
export function participantTimeJson(outcome: ParticipantTimeOutcome, ledger: LedgerFinancing | null, lang: Lang): unknown {
  const line = outcome.line;
  const views = attendanceFileViews(outcome.run);
  const co = ledger === null ? null : ledger.total - ledger.eu;
  return {
    attendance: views[0]?.file ?? null,
    rate: line === null ? null : line.rate.kind === 'option' ? { source: 'option', ore: line.rate.ore } : line.rate.kind === 'profile' ? { source: 'profile', rates: line.rate.rates } : { source: 'none' },
    quarters: (line?.quarters ?? []).map((q) => ({ label: q.label, hours: formatQuarters(q.quarters), value_ore: q.valueOre })),
    cumulative: line === null ? null : { start: line.cumulative.start, end: line.cumulative.end, hours: formatQuarters(line.cumulative.quarters), value_ore: line.cumulative.valueOre },
    coFinancing:
      line === null || co === null
        ? null
        : { ledger_ore: co, participant_time_ore: line.cumulative.valueOre, total_ore: line.cumulative.valueOre === null ? null : co + line.cumulative.valueOre },
    findings: (line?.ledgerFindings ?? []).map((f) => renderFinding(f, lang)),
    counts: line === null ? {} : line.ledgerFindingCounts,
    truncated: line !== null && cutCodes(doubleCountingView(line)).length > 0,
  };
}

/**
 * The double-counting findings as a findings summary of the ledger (its kept findings and full
 * counts): what the notice of codes cut at 1,000 and the Financing sheet's note read.
 */
export function doubleCountingView(line: ParticipantTimeLine): { readonly file: string; readonly findings: readonly Finding[]; readonly findingCounts: FindingCounts } {
  return { file: line.ledgerFindings[0]?.file ?? '', findings: line.ledgerFindings, findingCounts: line.ledgerFindingCounts };
}

/** Notices of the attendance run for stderr (not with --quiet). */
export function tellParticipantTimeNotices(outcome: ParticipantTimeOutcome, output: Output, lang: Lang, quiet: boolean): void {
  if (quiet) return;
  for (const n of attendanceNotices(outcome.run, lang)) output.err(`${n}\n`);
}
