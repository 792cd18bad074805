import { basename, resolve } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { Command, Option } from 'commander';
import * as z from 'zod';
import { formatQuarters, formatQuartersSv } from '../../attendance/hours.js';
import type { RateSource, TimeReport } from '../../attendance/time-report.js';
import { buildTimeWorkbookModel } from '../../attendance/workbook.js';
import { isPeriodError, resolvePeriod } from '../../core/period.js';
import { formatOre } from '../../core/format.js';
import { textTable } from '../text-table.js';
import type { Lang } from '../../findings/catalogue.js';
import type { Finding } from '../../findings/finding.js';
import type { ProjectProfile } from '../../project/profile.js';
import { writeWorkbook } from '../../report/write-workbook.js';
import {
  attendanceFileViews,
  attendanceNotices,
  parseRateOption,
  rateSource,
  readAttendanceRun,
  type AttendanceRun,
} from '../attendance-input.js';
import { UsageError } from '../errors.js';
import { checkAsOf, CommonOptionsSchema, dateOption, loadProfile, parseOptions, terminalLang } from '../options.js';
import { loadTimeReportLabels } from '../report-attendance.js';
import { displayName } from '../display-name.js';
import { findingsOptions, jsonFindingsWriter, noticeText, renderValidationText, truncationNotice, validationExitCode } from '../render-findings.js';
import { readStdinIfNamed } from '../stdin.js';
import { addCommonOptions, type CommandContext } from '../shared.js';
import { exists, writeFileSafely } from '../write-file.js';
import { generationTime } from './report.js';

export const TIME_FORMATS = ['text', 'json'] as const;

const TimeOptionsSchema = CommonOptionsSchema.extend({
  participants: z.string({ message: '--participants FILE is required: the participant file says who took part and when' }),
  month: z
    .string()
    .regex(/^\s*\d{4}-(0[1-9]|1[0-2])\s*$/, { message: '--month takes a month YYYY-MM, e.g. 2026-09' })
    .optional(),
  period: z.string().optional(),
  from: dateOption('--from'),
  to: dateOption('--to'),
  rate: z.string().optional(),
  out: z
    .string()
    .refine((s) => /\.xlsx$/i.test(s.trim()), { message: '--out must name an .xlsx file' })
    .optional(),
  force: z.boolean().default(false),
  format: z.enum(TIME_FORMATS, { message: '--format takes text or json' }).default('text'),
  allFindings: z.boolean().default(false),
});

/** The schema of `time --format json`: @2 added `files[].counts`, `files[].truncated`, `notices` and `truncated`. */
export const TIME_SCHEMA = 'esf-report/time@2';

/** `esf-report time ATTENDANCE --participants FILE`: hours and value of participants' time per participant and month. */
export function timeCommand(ctx: CommandContext): Command {
  const cmd = new Command('time')
    .summary("participants' time: hours and value per participant and month, time reports to sign")
    .description(
      "Read the attendance file (one row per participant and day: participant_id, date, hours[, activity]; or deltagar_id, datum, timmar, aktivitet), " +
        'check it against the participant file, and show the hours per participant and month and their value as in-kind co-financing ' +
        '(hours × the hourly rate, in öre, rounded half up per participant and month). The rate comes from the project profile ' +
        '(participantTime.hourlyRates, each from a date) or --rate. With --out, writes a workbook: a summary sheet and one printable ' +
        'A4 time report (närvarorapport) per participant and month, with lines to sign.\n\n' +
        'Exit code: 0 clean (warnings allowed), 1 rows with errors (or warnings with --strict), 2 unusable file or bad arguments, 3 internal error.',
    )
    .argument('<attendance>', 'attendance file, CSV or .xlsx: participant_id, date, hours[, activity]')
    .option('--participants <file>', 'the participant export (who took part, entry and exit dates); required')
    .option('--month <YYYY-MM>', 'one calendar month')
    .option('--period <period>', 'project (default), YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY')
    .option('--from <date>', 'period start YYYY-MM-DD (with --to)')
    .option('--to <date>', 'period end YYYY-MM-DD (with --from)')
    .option('--rate <SEK>', 'hourly rate in SEK (e.g. 150 or 162,50); overrides the project profile')
    .option('-o, --out <file.xlsx>', 'write the time report workbook')
    .option('--force', 'replace an existing --out file')
    .addOption(new Option('--format <format>', 'output format').choices(TIME_FORMATS).default('text'))
    .option('--strict', 'treat warnings as errors (exit 1; no workbook is written)')
    .option(
      '--all-findings',
      'list every finding: text shows every one under its code (default: five of each code); json streams every one as found (default: the first 1,000 of each code, with the full counts)',
    );
  addCommonOptions(cmd);
  cmd.addHelpText(
    'after',
    '\nExamples:\n' +
      '  esf-report time fixtures/attendance/attendance.csv --participants fixtures/participants.csv --month 2026-09 --rate 150\n' +
      '  esf-report time narvaro.xlsx --participants deltagare.xlsx --period 2026-Q3 --out narvarorapporter-2026-Q3.xlsx\n' +
      '  esf-report time narvaro.csv --participants deltagare.csv --format json > tid.json     # value_ore in öre\n' +
      '  esf-report time narvaro.csv --participants deltagare.csv --format json --all-findings  # every finding, not the first 1,000 of each code\n',
  );
  cmd.action(async (attendanceFile: string, raw: Record<string, unknown>) => {
    const opts = parseOptions(TimeOptionsSchema, raw);
    const today = ctx.today();
    checkAsOf(opts.asOf, today);
    if (opts.month !== undefined && (opts.period !== undefined || opts.from !== undefined || opts.to !== undefined)) {
      throw new UsageError('give either --month or --period (or --from/--to), not both', { option: '--month' });
    }
    const rateOre = parseRateOption(opts.rate);
    const profile = await loadProfile(opts.project);
    const period = resolvePeriod(
      profile.period,
      { period: opts.month ?? opts.period, from: opts.from, to: opts.to, asOf: opts.asOf, defaultPeriod: 'project' },
      today,
    );
    if (isPeriodError(period)) throw new UsageError(period.error, { option: period.option, value: period.value });
    const lang = terminalLang(opts.lang);
    const out = ctx.output;
    const outPath = opts.out?.trim();
    if (outPath !== undefined) {
      if (resolve(outPath) === resolve(attendanceFile) || resolve(outPath) === resolve(opts.participants)) {
        throw new UsageError(`--out ${outPath} is an input file; the input is never changed`, { option: '--out', value: outPath });
      }
      if (!opts.force && (await exists(outPath))) throw new UsageError(`${outPath} exists; use --force to replace it`, { option: '--out', value: outPath });
    }

    // standard input can stand for one of the two files only
    await readStdinIfNamed([attendanceFile, opts.participants]);
    // json is written as it goes: the findings first (each as found with --all-findings), the figures last
    const writer = opts.format === 'json' ? jsonFindingsWriter(TIME_SCHEMA, lang, out, opts.allFindings) : undefined;
    const stream = writer && opts.allFindings ? (f: Finding) => writer.finding(f, f.file ?? displayName(attendanceFile)) : undefined;
    writer?.begin();
    const run = await readAttendanceRun(attendanceFile, opts.participants, profile, period, today, rateSource(profile, rateOre), {
      encoding: opts.encoding,
      delimiter: opts.delimiter,
      sheet: opts.sheet,
      // text groups findings by code, so with --all-findings it keeps every one
      findingsOut: findingsOptions(stream, opts.format === 'text' && opts.allFindings),
    });
    const files = attendanceFileViews(run);
    if (!opts.quiet) {
      for (const s of [run.participants, ...(run.attendance ? [run.attendance] : [])]) for (const n of s.notices) out.err(`${noticeText(n, lang)}\n`);
      for (const line of attendanceNotices(run, lang)) out.err(`${line}\n`);
    }
    const exitCode = run.time === null ? 2 : validationExitCode(files, opts.strict);
    if (writer) {
      // what was kept and not streamed: every finding by default; with --all-findings, those of a file that could not be read
      for (const s of files) for (const f of s.findings) writer.finding(f, s.file);
      writer.end(files, timeJsonMembers(run, profile));
      const cut = opts.allFindings || opts.quiet ? null : truncationNotice(files, lang);
      if (cut) out.err(`${cut}\n`);
    } else out.out(renderTimeText(run, profile, lang, out.color, opts.allFindings));

    if (outPath !== undefined && run.time !== null) {
      if (opts.strict && exitCode === 1) {
        out.err(lang === 'sv' ? `--strict: ${outPath} skrevs inte: närvarofilen har avvikelser.\n` : `--strict: ${outPath} not written: the attendance file has findings.\n`);
      } else {
        const labels = await loadTimeReportLabels(opts.lang ?? 'sv');
        const model = buildTimeWorkbookModel(run.time, profile, labels, {
          attendanceFile: basename(attendanceFile),
          generatedAt: generationTime(today, process.env, () => new Date()),
        });
        await writeFileSafely(outPath, await writeWorkbook(model), opts.force);
        if (!opts.quiet) out.err(lang === 'sv' ? `skrev ${outPath}\n` : `wrote ${outPath}\n`);
      }
    }
    ctx.setExitCode(exitCode);
  });
  return cmd;
}

/** The rate as the JSON document states it. */
function rateJson(rate: RateSource): unknown {
  if (rate.kind === 'option') return { source: 'option', hourly_rates: [{ from: null, ore: rate.ore }] };
  if (rate.kind === 'profile') return { source: 'profile', note: rate.source, hourly_rates: rate.rates.map((r) => ({ from: r.from, ore: r.ore })) };
  return { source: 'none', note: rate.source, hourly_rates: [] };
}

/**
 * The members of `time --format json` (`esf-report/time@2`) after its findings and files
 * (`jsonFindingsWriter`): hours as decimal strings, values in öre (null without a rate).
 */
export function timeJsonMembers(run: AttendanceRun, profile: ProjectProfile): Record<string, unknown> {
  const time: TimeReport | null = run.time;
  return {
    unit: 'öre',
    project: { id: profile.id },
    period: time ? { label: time.window.label, start: time.window.start, end: time.window.end, asOf: time.window.asOf } : null,
    rate: time ? rateJson(time.rate) : null,
    participants: (time?.months ?? []).map((m) => ({
      participant_id: m.participantId,
      month: m.month,
      days: m.days.length,
      hours: formatQuarters(m.quarters),
      value_ore: m.valueOre,
    })),
    total: { hours: formatQuarters(time?.total.quarters ?? 0), value_ore: time?.total.valueOre ?? null },
  };
}

const LABELS = {
  en: {
    title: "Participants' time",
    period: (t: TimeReport) => `Period ${t.window.label} (${t.window.start} – ${t.window.end}), as of ${t.window.asOf}`,
    rate: (r: RateSource) =>
      r.kind === 'option'
        ? `Hourly rate: ${formatOre(r.ore)} SEK (--rate)`
        : r.kind === 'profile'
          ? `Hourly rate from the project profile: ${r.rates.map((x) => `${formatOre(x.ore)} SEK from ${x.from}`).join('; ')}`
          : 'Hourly rate: none (value left empty)',
    headers: ['participant', 'month', 'days', 'hours', 'value (SEK)'],
    total: 'total',
    none: 'No participant time in the period.',
  },
  sv: {
    title: 'Deltagarnas tid',
    period: (t: TimeReport) => `Period ${t.window.label} (${t.window.start} – ${t.window.end}), per ${t.window.asOf}`,
    rate: (r: RateSource) =>
      r.kind === 'option'
        ? `Timpris: ${formatOre(r.ore)} kr (--rate)`
        : r.kind === 'profile'
          ? `Timpris enligt projektprofilen: ${r.rates.map((x) => `${formatOre(x.ore)} kr från ${x.from}`).join('; ')}`
          : 'Timpris: inget (värdet lämnas tomt)',
    headers: ['deltagare', 'månad', 'dagar', 'timmar', 'värde (kr)'],
    total: 'summa',
    none: 'Ingen deltagartid i perioden.',
  },
} as const;

/** The time table for a person: one line per participant and month, the total last. */
export function renderTimeText(run: AttendanceRun, profile: ProjectProfile, lang: Lang, c: ChalkInstance, all = false): string {
  const findings = renderValidationText(attendanceFileViews(run), lang, c, all);
  const time = run.time;
  if (!time) return findings;
  const t = LABELS[lang];
  const lines = [c.bold(`${t.title} · ${profile.id} ${profile.name}`), t.period(time), t.rate(time.rate), ''];
  if (time.months.length === 0) lines.push(t.none);
  else {
    const value = (ore: number | null) => (ore === null ? '–' : formatOre(ore));
    const rows = time.months.map((m) => [m.participantId, m.month, String(m.days.length), formatQuartersSv(m.quarters), value(m.valueOre)]);
    const days = time.months.reduce((n, m) => n + m.days.length, 0);
    const total = [t.total, '', String(days), formatQuartersSv(time.total.quarters), value(time.total.valueOre)];
    lines.push(
      ...textTable({
        columns: t.headers.map((_, i) => ({ align: i < 2 ? 'left' : 'right' })),
        header: [t.headers],
        rows: [...rows.map((cells) => ({ cells })), 'rule', { cells: total, paint: (s) => c.bold(s) }],
        indent: '  ',
        ruleUnderHeader: true,
        paint: { header: (s) => c.bold(s), rule: (s) => c.dim(s) },
      }),
    );
  }
  return `${lines.join('\n')}\n\n${findings}`;
}
