import { Command, Option } from 'commander';
import * as z from 'zod';
import { isPeriodError, resolvePeriod } from '../../core/period.js';
import { attendanceFileViews } from '../attendance-input.js';
import { checkAttendanceOptions, doubleCountingView, participantTimeForFinance, tellParticipantTimeNotices } from '../finance-attendance.js';
import { FINANCE_LABELS } from '../finance-texts.js';
import { checkLedgerFiles, ledgerFileViews } from '../ledger-input.js';
import { checkAsOf, CommonOptionsSchema, dateOption, loadProfile, parseOptions, terminalLang } from '../options.js';
import { periodUsageError } from '../period-option.js';
import { FINANCE_SCHEMA } from '../../finance/result.js';
import type { Finding } from '../../findings/finding.js';
import { cutCodes } from '../../findings/tally.js';
import { displayName } from '../display-name.js';
import { financeJsonMembers, renderFinanceText } from '../render-finance.js';
import { findingsOptions, jsonFindingsWriter, noticeText, truncationNotice, validationExitCode } from '../render-findings.js';
import { addCommonOptions, type CommandContext } from '../shared.js';
import { readStdinIfNamed } from '../stdin.js';
import { unusableFileLines } from '../unusable-files.js';

export const FINANCE_FORMATS = ['text', 'json'] as const;

const FinanceOptionsSchema = CommonOptionsSchema.extend({
  format: z.enum(FINANCE_FORMATS, { message: '--format takes text or json' }).default('text'),
  period: z.string().optional(),
  from: dateOption('--from'),
  to: dateOption('--to'),
  budget: z.string().optional(),
  attendance: z.string().optional(),
  participants: z.string().optional(),
  rate: z.string().optional(),
  allFindings: z.boolean().default(false),
});

/** `esf-report finance LEDGER`: co-financing figures per quarter and cumulatively, and the checks of `finance.md`. */
export function financeCommand(ctx: CommandContext): Command {
  const cmd = new Command('finance')
    .summary('co-financing figures and checks of the ledger')
    .description(
      'Read the co-financing ledger (costs and financing, one row per booking) and show per quarter and cumulatively: ' +
        'eligible cost and financing by category, the EU share against the decided rate, the expected and booked flat rate, ' +
        'the unfunded amount and, with --budget, budget utilisation. Rates come from the project profile. ' +
        'Checks run on whole project quarters only. Amounts are exact to the öre (JSON: integers in öre).\n\n' +
        'Exit code: 0 clean (warnings allowed), 1 data errors (or warnings with --strict), 2 unusable file or bad arguments, 3 internal error.',
    )
    .argument('<ledger>', 'the ledger, CSV or .xlsx: date, type, category, amount[, party, reference, description] (or datum, typ, kategori, belopp, …)')
    .option('--period <period>', 'project (default), YYYY-Qn, YYYY-Hn, YYYY-MM or YYYY')
    .option('--from <date>', 'period start YYYY-MM-DD (with --to)')
    .option('--to <date>', 'period end YYYY-MM-DD (with --from)')
    .option('--budget <file>', 'budget file (category;amount): planned totals per cost category for the whole project')
    .option('--attendance <file>', "attendance file: participants' time as its own in-kind co-financing line (with --participants)")
    .option('--participants <file>', 'the participant export, for --attendance')
    .option('--rate <SEK>', "hourly rate for participants' time (default: the project profile)")
    .addOption(new Option('--format <format>', 'output format').choices(FINANCE_FORMATS).default('text'))
    .option('--strict', 'treat warnings as errors (exit 1)')
    .option(
      '--all-findings',
      'list every finding: text shows every one under its code (default: five of each code); json streams every one as found (default: the first 1,000 of each code, with the full counts)',
    );
  addCommonOptions(cmd);
  cmd.addHelpText(
    'after',
    '\nExamples:\n' +
      '  esf-report finance fixtures/ledger/ledger.csv\n' +
      '  esf-report finance fixtures/ledger/ledger.csv --budget fixtures/ledger/budget.csv --lang sv\n' +
      '  esf-report finance ledger.csv --period 2025-Q2                # one quarter; cumulative figures up to its end\n' +
      '  esf-report finance ledger.csv --from 2025-01-01 --to 2025-06-30 --as-of 2025-06-30\n' +
      '  esf-report finance ledger.csv --format json > finance.json     # amounts in öre\n' +
      '  esf-report finance ledger.csv --format json --all-findings     # every finding, not the first 1,000 of each code\n' +
      '  esf-report finance ledger.csv --attendance narvaro.csv --participants deltagare.csv --rate 150\n',
  );
  cmd.action(async (ledgerFile: string, raw: Record<string, unknown>) => {
    const opts = parseOptions(FinanceOptionsSchema, raw);
    checkAttendanceOptions(opts.attendance, opts.participants, opts.rate, true);
    const today = ctx.today();
    checkAsOf(opts.asOf, today);
    const profile = await loadProfile(opts.project);
    // the ledger's default period is the whole project (finance.md)
    const period = resolvePeriod(
      profile.period,
      { period: opts.period, from: opts.from, to: opts.to, asOf: opts.asOf, defaultPeriod: 'project' },
      today,
    );
    if (isPeriodError(period)) throw periodUsageError(period);
    const lang = terminalLang(opts.lang);
    const out = ctx.output;

    // standard input can stand for one of the files only
    await readStdinIfNamed([ledgerFile, opts.budget, opts.attendance, opts.participants]);
    // json is written as it goes: the findings first (each as found with --all-findings), the figures last
    const writer = opts.format === 'json' ? jsonFindingsWriter(FINANCE_SCHEMA, lang, out, opts.allFindings) : undefined;
    const stream = writer && opts.allFindings ? (f: Finding) => writer.finding(f, f.file ?? displayName(ledgerFile)) : undefined;
    // text groups findings by code, so with --all-findings it keeps every one
    const findingsOut = findingsOptions(stream, opts.format === 'text' && opts.allFindings);
    writer?.begin();
    const check = await checkLedgerFiles(
      ledgerFile,
      opts.budget,
      { profile, period: { label: period.label, start: period.start, end: period.end }, asOf: period.asOf, today },
      { encoding: opts.encoding, delimiter: opts.delimiter, sheet: opts.sheet },
      findingsOut,
    );

    const time =
      opts.attendance === undefined || opts.participants === undefined
        ? null
        : await participantTimeForFinance({
            ...{ rate: opts.rate, strict: opts.strict, encoding: opts.encoding, delimiter: opts.delimiter, findingsOut, allFindings: opts.allFindings },
            ...{ attendance: opts.attendance, participants: opts.participants, ledger: ledgerFile, profile, period, today },
          });
    if (time) tellParticipantTimeNotices(time, out, lang, opts.quiet);

    const summaries = ledgerFileViews(check);
    const files = time ? [...summaries, ...attendanceFileViews(time.run)] : summaries;
    // the double-counting findings are the ledger's too, cut at 1,000 of a code like its own
    const doubleCounting = time?.line ? [doubleCountingView(time.line)] : [];
    if (!opts.quiet) {
      for (const s of summaries) for (const n of s.notices) out.err(`${noticeText(n, lang)}\n`);
      const p = check.figures?.period;
      if (p?.preliminary) out.err(`${FINANCE_LABELS[lang].preliminaryNotice(p.label, p.end, today, p.asOf)}\n`);
    }
    if (writer) {
      out.err(unusableFileLines(summaries, lang));
      // what was kept and not streamed: every finding by default; with --all-findings, those of a file that could not be read
      for (const s of files) for (const f of s.findings) writer.finding(f, s.file);
      // json leaves through out.json: its strings are redacted, its öre amounts stay whole
      writer.end(files, financeJsonMembers(check, lang, time), doubleCounting.some((d) => cutCodes(d).length > 0));
    } else out.out(renderFinanceText(check, summaries, lang, out.color, time, opts.allFindings));
    // as validate says it: which codes json cut at 1,000 (text shows five of each code and the count)
    const cut = writer && !opts.allFindings && !opts.quiet ? truncationNotice([...files, ...doubleCounting], lang) : null;
    if (cut) out.err(`${cut}\n`);
    const code = check.figures === null ? 2 : validationExitCode(summaries, opts.strict);
    ctx.setExitCode(Math.max(code, time?.exitCode ?? 0) as 0 | 1 | 2);
  });
  return cmd;
}
