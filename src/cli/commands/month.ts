import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import * as z from 'zod';
import type { IsoDate } from '../../core/dates.js';
import type { Lang } from '../../findings/catalogue.js';
import type { Finding } from '../../findings/finding.js';
import { renderFinding } from '../../findings/render.js';
import { lastDay, monthOf, monthRange, opensOn, parseMonth, type Month } from '../../month/calendar.js';
import { fingerprintMonth, type PnrKeyOf } from '../../month/fingerprint.js';
import { parseMapping, type Mapping } from '../../month/mapping.js';
import { buildMonthList, indexByMonth, type ListedRecord, type MonthIndex } from '../../month/month-list.js';
import { buildScbSheet, identityFindings, scbIdentity } from '../../month/scb-sheet.js';
import { emptySentFile, markSent, monthStatuses, parseSentFile, serializeSentFile, type SentFile } from '../../month/sent-file.js';
import { writeMonthWorkbook, type MonthWorkbookTexts } from '../../month/workbook.js';
import { COL } from '../../participants/columns.js';
import { parsePersonnummer, type Personnummer } from '../../participants/personnummer.js';
import { readParticipants, type ParticipantFileSummary } from '../../participants/read-participants.js';
import type { ParticipantRecord } from '../../participants/record.js';
import type { ProjectProfile } from '../../project/profile.js';
import { UsageError } from '../errors.js';
import { fileSource, unreadableReason } from '../io.js';
import { checkAsOf, CommonOptionsSchema, loadProfile, PACKAGE_ROOT, parseOptions, terminalLang, type CommonOptions } from '../options.js';
import { unreadableParticipantFile } from '../participant-input.js';
import { noticeText, renderValidationText } from '../render-findings.js';
import { renderMonthJson, renderMonthText, renderStatusJson, renderStatusText } from '../render-month.js';
import { addCommonOptions, type CommandContext } from '../shared.js';
import { exists, writeFileSafely } from '../write-file.js';

export const MONTH_FORMATS = ['text', 'json'] as const;

const monthOption = (name: string) =>
  z
    .string()
    .transform((s, ctx) => {
      const m = parseMonth(s);
      if (!m) ctx.addIssue({ code: 'custom', message: `${name} "${s}" is not a month YYYY-MM` });
      return m ?? '';
    })
    .optional();

const MonthOptionsSchema = CommonOptionsSchema.extend({
  format: z.enum(MONTH_FORMATS).default('text'),
  month: monthOption('--month'),
  status: z.boolean().default(false),
  markSent: monthOption('--mark-sent'),
  sent: z.string().optional(),
  out: z.string().optional(),
  force: z.boolean().default(false),
  mapping: z.string().optional(),
  withPersonnummer: z.boolean().default(false),
});
type MonthOptions = z.infer<typeof MonthOptionsSchema>;

/** The export as the month lists need it: records, and each row's personnummer kept apart (never printed). */
interface ExportRead {
  readonly summary: ParticipantFileSummary;
  readonly records: ParticipantRecord[];
  readonly pnrByLine: Map<number, Personnummer>;
}

async function readExport(file: string, profile: ProjectProfile, today: IsoDate, asOf: IsoDate, opts: CommonOptions): Promise<ExportRead> {
  const records: ParticipantRecord[] = [];
  const pnrByLine = new Map<number, Personnummer>();
  const reason = await unreadableReason(file);
  if (reason) return { summary: unreadableParticipantFile(file, reason), records, pnrByLine };
  const summary = await readParticipants(
    fileSource(file),
    { today, asOf, projectStart: profile.period.start, projectEnd: profile.period.end },
    opts,
    (record, row) => {
      records.push(record);
      const text = row.values[COL.personnummer]!;
      if (text !== '') {
        const pnr = parsePersonnummer(text, today);
        if (typeof pnr === 'object') pnrByLine.set(record.line, pnr);
      }
    },
  );
  return { summary, records, pnrByLine };
}

async function readJson(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`${what}: cannot read ${file} (${code === 'ENOENT' ? 'no such file' : (code ?? 'unknown error')})`, { option: what, value: file });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError(`${what}: ${file} is not valid JSON (${(err as Error).message})`);
  }
}

/** The mapping: --mapping FILE, else the profile's scbMonthMapping, else the shipped one; checked when loaded. */
async function loadMapping(opts: MonthOptions, profile: ProjectProfile): Promise<Mapping> {
  const file = opts.mapping
    ? opts.mapping
    : profile.scbMonthMapping && opts.project
      ? resolve(dirname(opts.project), profile.scbMonthMapping)
      : `${PACKAGE_ROOT}templates/scb-month-mapping.json`;
  const what = opts.mapping ? '--mapping' : 'SCB month mapping';
  const parsed = parseMapping(await readJson(file, what));
  if ('problems' in parsed) throw new UsageError(`${what}: ${file} is not a valid SCB month mapping: ${parsed.problems.join('; ')}`);
  return parsed.mapping;
}

/** The sent file: --sent FILE, else beside the export, named by project so a renamed export finds it. */
export function defaultSentFile(exportFile: string, projectId: string): string {
  return join(dirname(exportFile), `esf-report-${projectId}-scb-sent.json`);
}

async function loadSentFile(file: string, projectId: string): Promise<SentFile> {
  if (!(await exists(file))) return emptySentFile(projectId);
  const parsed = parseSentFile(await readJson(file, '--sent'));
  if ('problems' in parsed) throw new UsageError(`--sent: ${file} is not a sent file of esf-report: ${parsed.problems.join('; ')}`);
  if (parsed.sent.project !== projectId) {
    throw new UsageError(`--sent: ${file} records project ${parsed.sent.project}, not ${projectId}; pass the right --sent or --project`);
  }
  return parsed.sent;
}

const WORKBOOK_TEXTS = {
  sv: (month: string, withPnr: boolean, projectId: string): MonthWorkbookTexts => ({
    firstLine: withPnr
      ? `INNEHÅLLER PERSONUPPGIFTER (personnummer). Deltagarlista till SCB för ${month}, projekt ${projectId}. Hanteras som personuppgifter; radera filen när den är inläst hos SCB. Rubrikerna står på rad 2.`
      : `Deltagarlista till SCB för ${month}, projekt ${projectId}: endast deltagar-id, inga personnummer (lägg till --with-personnummer för filen till SCB). Rubrikerna står på rad 2.`,
    title: `Deltagarlista till SCB ${month}`,
    subject: withPnr ? 'Innehåller personuppgifter: personnummer' : 'Deltagar-id, inga personnummer',
    keywords: withPnr ? 'ESF+; SCB; personuppgifter; personnummer' : 'ESF+; SCB; deltagar-id',
    description: withPnr
      ? 'Innehåller personuppgifter (personnummer) för SCB:s deltagarregistrering. Sprid inte; radera efter inläsning.'
      : 'Inga personnummer: deltagarna anges med projektets deltagar-id.',
  }),
  en: (month: string, withPnr: boolean, projectId: string): MonthWorkbookTexts => ({
    firstLine: withPnr
      ? `CONTAINS PERSONAL DATA (personnummer). SCB participant list for ${month}, project ${projectId}. Handle as personal data; delete the file once SCB has read it in. Headers are on row 2.`
      : `SCB participant list for ${month}, project ${projectId}: participant IDs only, no personnummer (add --with-personnummer for the file to SCB). Headers are on row 2.`,
    title: `SCB participant list ${month}`,
    subject: withPnr ? 'Contains personal data: personnummer' : 'Participant IDs, no personnummer',
    keywords: withPnr ? 'ESF+; SCB; personal data; personnummer' : 'ESF+; SCB; participant IDs',
    description: withPnr
      ? 'Contains personal data (personnummer) for SCB participant reporting. Do not share; delete after it is read in.'
      : 'No personnummer: participants are named by the project participant ID.',
  }),
} as const;

const M = {
  en: {
    wrote: (out: string, withPnr: boolean) => `wrote ${out}${withPnr ? ' (contains personnummer: handle as personal data)' : ' (participant IDs only, no personnummer)'}`,
    recorded: (month: string, on: string, file: string) => `recorded ${month} as sent to SCB on ${on} in ${file}`,
    unsent: (months: string[]) => `notice: earlier months not recorded as sent: ${months.join(', ')}; SCB reads the months in order`,
    excludedAtMark: (n: number, month: string) => `warning: ${n} row(s) with errors may belong to ${month} and are not in what was recorded; fix them and send the month again`,
    noSentFile: (file: string) => `notice: no sent file yet at ${file}; every month counts as not sent`,
  },
  sv: {
    wrote: (out: string, withPnr: boolean) => `skrev ${out}${withPnr ? ' (innehåller personnummer: hanteras som personuppgifter)' : ' (endast deltagar-id, inga personnummer)'}`,
    recorded: (month: string, on: string, file: string) => `noterade ${month} som skickad till SCB ${on} i ${file}`,
    unsent: (months: string[]) => `notis: tidigare månader inte noterade som skickade: ${months.join(', ')}; SCB läser in månaderna i ordning`,
    excludedAtMark: (n: number, month: string) => `varning: ${n} rad(er) med fel kan höra till ${month} och ingår inte i det som noterades; rätta dem och skicka månaden igen`,
    noSentFile: (file: string) => `notis: ingen fil över skickat ännu i ${file}; alla månader räknas som inte skickade`,
  },
} as const;

/** A month the tool can list: inside the project, and begun by the reference date. */
function checkMonth(month: Month, profile: ProjectProfile, asOf: IsoDate, option: string): void {
  const first = monthOf(profile.period.start);
  const last = monthOf(profile.period.end);
  if (month < first || month > last) {
    throw new UsageError(`${option} ${month} is outside the project (${first} – ${last})`, { option, value: month });
  }
  if (`${month}-01` > asOf) throw new UsageError(`${option} ${month} has not begun by ${asOf}`, { option, value: month });
}

function exitCodeOf(summary: ParticipantFileSummary, extraWarnings: number, strict: boolean): 0 | 1 {
  return summary.errors > 0 || (strict && summary.warnings + extraWarnings > 0) ? 1 : 0;
}

export function monthCommand(ctx: CommandContext): Command {
  const cmd = new Command('month')
    .summary("the month's participant list for SCB, what is due and what must be re-sent")
    .description(
      'SCB collects ESF+ participants monthly: the starters of the month with their situation at entry, ' +
        'the leavers with their end date. A month opens on the first day of the next month and is due four ' +
        'weeks after it ends; when a sent month is corrected, every later month is read in again.\n\n' +
        "Use one of --month (the month's list), --status (what is due and what must be re-sent) or " +
        '--mark-sent (record a month as sent). Personnummer appear only in the --out workbook, and only ' +
        'with --with-personnummer; never on the terminal.\n\n' +
        'Exit code: 0 done, 1 the export has rows with errors (or warnings with --strict), 2 bad arguments or unusable file.',
    )
    .argument('<file>', 'participant export (CSV in any encoding Excel writes, or .xlsx)')
    .option('--month <month>', "the month whose list to make, YYYY-MM")
    .option('--status', 'list every month with what is due and what must be re-sent')
    .option('--mark-sent <month>', 'record that the month YYYY-MM was sent to SCB today (or on --as-of DATE)')
    .option('--sent <file>', 'the sent file (default: esf-report-<project>-scb-sent.json beside the export)')
    .option('-o, --out <file>', 'with --month: write the list as an .xlsx laid out by the SCB mapping')
    .option('--force', 'replace an existing --out')
    .option('--mapping <file>', 'SCB column mapping JSON (default: the project profile\'s, else templates/scb-month-mapping.json)')
    .option('--with-personnummer', 'with --out: put personnummer (or SCB\'s protected-identity code) in the SCB columns')
    .addOption(new Option('--format <format>', 'terminal output format').choices(MONTH_FORMATS).default('text'))
    .option('--strict', 'treat warnings as errors (exit 1)');
  addCommonOptions(cmd);
  cmd.addHelpText(
    'after',
    '\nExamples:\n' +
      '  esf-report month export.csv --status\n' +
      '  esf-report month export.csv --month 2025-03\n' +
      '  esf-report month export.csv --month 2025-03 --out scb-2025-03.xlsx --with-personnummer\n' +
      '  esf-report month export.csv --mark-sent 2025-03\n' +
      '  esf-report month export.csv --month 2025-03 --format json > scb-2025-03.json\n' +
      '\nThe routine step by step: docs/monthly-routine.md. ESF_REPORT_TODAY=YYYY-MM-DD pins today.\n',
  );
  cmd.action(async (file: string, raw: Record<string, unknown>) => {
    const opts = parseOptions(MonthOptionsSchema, raw);
    const modes = [opts.month !== undefined, opts.status, opts.markSent !== undefined].filter(Boolean).length;
    if (modes !== 1) throw new UsageError('month takes exactly one of --month YYYY-MM, --status, --mark-sent YYYY-MM');
    if (opts.out !== undefined && opts.month === undefined) throw new UsageError('--out goes with --month', { option: '--out', value: opts.out });
    if (opts.out !== undefined && !opts.out.toLowerCase().endsWith('.xlsx')) throw new UsageError(`--out ${opts.out}: the month list is written as .xlsx`, { option: '--out', value: opts.out });
    if (opts.withPersonnummer && opts.out === undefined) {
      throw new UsageError('--with-personnummer only applies to the workbook: add --out FILE.xlsx (the terminal never shows personnummer)');
    }
    if (opts.sent !== undefined && opts.month !== undefined) throw new UsageError('--sent goes with --status or --mark-sent');
    const today = ctx.today();
    checkAsOf(opts.asOf, today);
    const asOf = opts.asOf ?? today;
    const profile = await loadProfile(opts.project);
    const lang = terminalLang(opts.lang);
    const out = ctx.output;
    for (const m of [opts.month, opts.markSent]) if (m !== undefined) checkMonth(m, profile, asOf, opts.month ? '--month' : '--mark-sent');
    if (opts.markSent !== undefined && asOf < opensOn(opts.markSent)) {
      throw new UsageError(`--mark-sent ${opts.markSent}: SCB opens the month on ${opensOn(opts.markSent)}; it cannot have been sent by ${asOf}`);
    }
    const mapping = opts.month !== undefined || opts.mapping !== undefined ? await loadMapping(opts, profile) : null;

    const data = await readExport(file, profile, today, asOf, opts);
    if (!opts.quiet) for (const n of data.summary.notices) out.err(`${noticeText(n, lang)}\n`);
    if (data.summary.unusable) {
      if (opts.format === 'json') {
        const doc = { schema: opts.status ? 'esf-report/month-status@1' : 'esf-report/month@1', file, findings: data.summary.findings.map((f) => renderFinding(f, lang)) };
        out.out(`${JSON.stringify(doc, null, 2)}\n`);
      } else out.out(renderValidationText([data.summary], lang, out.color));
      ctx.setExitCode(2);
      return;
    }
    const index = indexByMonth(data.records, data.summary.findings, asOf);
    const pnrOf = (r: ListedRecord) => data.pnrByLine.get(r.line) ?? null;
    const pnrKeyOf: PnrKeyOf = (r) => pnrOf(r)?.key ?? null;
    const project = { id: profile.id, name: profile.name };

    if (opts.month !== undefined) {
      await monthList(ctx, { file, opts, index, pnrOf, mapping: mapping!, asOf, today, project, summary: data.summary, lang });
      return;
    }
    const sentFile = opts.sent ?? defaultSentFile(file, profile.id);
    const sent = await loadSentFile(sentFile, profile.id);
    const m = M[lang];
    if (opts.status) {
      if (!(await exists(sentFile)) && !opts.quiet) out.err(`${m.noSentFile(sentFile)}\n`);
      const months = monthStatuses({
        projectStart: profile.period.start,
        projectEnd: profile.period.end,
        asOf,
        sent,
        current: (month) => fingerprintMonth(buildMonthList(index, month), pnrKeyOf),
      });
      const view = { file, project, asOf, sentFile, months, excludedRows: data.summary.excludedRows };
      out.out(opts.format === 'json' ? renderStatusJson(view) : renderStatusText(view, lang, out.color));
      ctx.setExitCode(exitCodeOf(data.summary, 0, opts.strict));
      return;
    }
    const month = opts.markSent!;
    const list = buildMonthList(index, month);
    const content = fingerprintMonth(list, pnrKeyOf);
    const updated = markSent(sent, month, content, asOf);
    await writeFileSafely(sentFile, new TextEncoder().encode(serializeSentFile(updated)), true);
    const recorded = new Set(updated.months.map((s) => s.month));
    const unsent = monthRange(monthOf(profile.period.start), month).filter((x) => !recorded.has(x));
    if (opts.format === 'json') {
      out.out(`${JSON.stringify({ schema: 'esf-report/month-sent@1', project: profile.id, month, sent_on: asOf, sent_file: sentFile, fingerprint: content.fingerprint, earlier_unsent: unsent, excluded_rows: list.excluded.length }, null, 2)}\n`);
    } else {
      out.out(`${m.recorded(month, asOf, sentFile)}\n`);
    }
    if (!opts.quiet && unsent.length > 0) out.err(`${m.unsent(unsent)}\n`);
    if (list.excluded.length > 0) out.err(`${m.excludedAtMark(list.excluded.length, month)}\n`);
    ctx.setExitCode(exitCodeOf(data.summary, 0, opts.strict));
  });
  return cmd;
}

async function monthList(
  ctx: CommandContext,
  a: {
    file: string;
    opts: MonthOptions;
    index: MonthIndex;
    pnrOf: (r: ListedRecord) => Personnummer | null;
    mapping: Mapping;
    asOf: IsoDate;
    today: IsoDate;
    project: { id: string; name: string };
    summary: ParticipantFileSummary;
    lang: Lang;
  },
): Promise<void> {
  const { opts, lang } = a;
  const out = ctx.output;
  const month = opts.month!;
  const list = buildMonthList(a.index, month);
  const mapping = a.mapping;
  const scbFindings: Finding[] = identityFindings(list, a.pnrOf, mapping, a.file);
  const view = { file: a.file, project: a.project, asOf: a.asOf, summary: a.summary, list, scbFindings };
  if (opts.out !== undefined) {
    const personnummerOf = opts.withPersonnummer
      ? (r: ListedRecord) => {
          const id = scbIdentity(r, a.pnrOf(r), mapping);
          return 'value' in id ? id.value : null;
        }
      : undefined;
    const sheet = buildScbSheet(list, mapping, a.project.id, personnummerOf);
    const wbLang: Lang = opts.lang ?? 'sv';
    const bytes = await writeMonthWorkbook(sheet, WORKBOOK_TEXTS[wbLang](month, opts.withPersonnummer, a.project.id), a.today);
    await writeFileSafely(opts.out, bytes, opts.force);
    if (!opts.quiet || opts.withPersonnummer) out.err(`${M[lang].wrote(opts.out, opts.withPersonnummer)}\n`);
  }
  out.out(opts.format === 'json' ? renderMonthJson(view, lang) : renderMonthText(view, lang, out.color));
  if (lastDay(month) > a.asOf && !opts.quiet) {
    out.err(
      lang === 'sv'
        ? `notis: ${month} är inte slut per ${a.asOf}; listan är preliminär (SCB öppnar månaden ${opensOn(month)})\n`
        : `notice: ${month} has not ended by ${a.asOf}; the list is preliminary (SCB opens the month on ${opensOn(month)})\n`,
    );
  }
  ctx.setExitCode(exitCodeOf(a.summary, scbFindings.length, opts.strict));
}
