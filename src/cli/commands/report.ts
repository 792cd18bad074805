import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { Command, Option } from 'commander';
import * as z from 'zod';
import type { Lang } from '../../findings/catalogue.js';
import type { ReportingPeriod } from '../../core/period.js';
import { indicatorsOfFile } from '../participant-input.js';
import type { IndicatorsResult } from '../../indicators/result.js';
import type { ProjectProfile } from '../../project/profile.js';
import type { EncodingName } from '../../read/encoding.js';
import type { Delimiter } from '../../read/table.js';
import { buildWorkbookModel, type ReportExtensions, type WorkbookMeta } from '../../report/build-model.js';
import { parseWorkbookLabels, type WorkbookLabels } from '../../report/labels.js';
import { drawReportCharts } from '../../report/charts/report-charts.js';
import { renderChartPng } from '../../report/charts/render-png.js';
import { renderHtmlReport } from '../../report/html/html-report.js';
import type { ChartKey, SharedCopySummary, WorkbookModel } from '../../report/model.js';
import { writeWorkbook } from '../../report/write-workbook.js';
import { RecoverableCellsError } from '../../report/suppress/protect.js';
import { displayName } from '../display-name.js';
import { EXIT, UsageError } from '../errors.js';
import { checkAttendanceOptions } from '../finance-attendance.js';
import { participantTimeSheetRows } from '../report-attendance.js';
import { inputPath, readStdinIfNamed } from '../stdin.js';
import { exists, writeFileSafely } from '../write-file.js';
import type { Output } from '../io.js';
import { CommonOptionsSchema, loadProfile, PACKAGE_ROOT, packageVersion, parseOptions, terminalLang } from '../options.js';
import { resolveReportPeriod } from '../period-option.js';
import { noticeText, renderValidationText, validationExitCode, type FileSummaryView } from '../render-findings.js';
import { preliminaryNotice } from '../render-indicators.js';
import { renderFinding } from '../../findings/render.js';
import { countsOf, totalOf } from '../../findings/tally.js';
import { unusableFileLines } from '../unusable-files.js';
import { addCommonOptions, type CommandContext } from '../shared.js';

export const REPORT_FORMATS = ['text', 'json'] as const;

const ReportOptionsSchema = CommonOptionsSchema.extend({
  format: z.enum(REPORT_FORMATS).default('text'),
  period: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  out: z
    .string()
    .refine((s) => /\.(xlsx|html?)$/i.test(s.trim()), { message: '--out must name an .xlsx file (the workbook) or an .html file (the printable page)' })
    .optional(),
  force: z.boolean().default(false),
  suppressBelow: z
    .string()
    .regex(/^\s*\d+\s*$/, { message: '--suppress-below takes a whole number of at least 2' })
    .transform((s) => Number(s))
    .refine((n) => n >= 2, { message: '--suppress-below takes a whole number of at least 2 (counts 1 … N−1 are hidden)' })
    .optional(),
  ledger: z.string().optional(),
  budget: z.string().optional(),
  attendance: z.string().optional(),
  rate: z.string().optional(),
});
type ReportOptions = z.infer<typeof ReportOptionsSchema>;

/** What the finance module is given to plan the Financing sheet for `--ledger` / `--budget`. */
export interface FinanceSheetRequest {
  readonly ledger: string;
  readonly budget: string | undefined;
  readonly profile: ProjectProfile;
  readonly period: ReportingPeriod;
  readonly today: string;
  readonly lang: Lang;
  readonly encoding: EncodingName | undefined;
  readonly delimiter: Delimiter | undefined;
  /** `--strict`: ledger warnings count as errors (exit 1, nothing written), as participant warnings do. */
  readonly strict: boolean;
  /** Where the finance module tells the user about the ledger: why it is unusable (exit 2), its notices and findings in brief. */
  readonly terminal: { readonly output: Output; readonly lang: Lang; readonly quiet: boolean };
}

/**
 * Extension point: plans the Financing sheet from a ledger (the finance module supplies it).
 * Its exit code joins the report's (the highest wins); 2 stops before anything is written.
 */
export type FinanceSheetProvider = (
  request: FinanceSheetRequest,
) => Promise<{
  readonly financeSheet: NonNullable<ReportExtensions['financeSheet']>;
  readonly findingCuts?: ReportExtensions['financeFindingCuts'];
  readonly exitCode: 0 | 1 | 2;
}>;

/** The bundled fonts the charts' pictures are drawn with (DejaVu Sans, licence beside them). */
const CHART_FONTS = [`${PACKAGE_ROOT}assets/fonts/DejaVuSans.ttf`, `${PACKAGE_ROOT}assets/fonts/DejaVuSans-Bold.ttf`];

/** `--out` names the HTML page rather than the workbook. */
/** An input's name in the workbook and the page: its base name (standard input by its label). */
function inputName(path: string): string {
  return path === '-' ? displayName(path) : basename(path);
}

function isHtml(path: string): boolean {
  return /\.html?$/i.test(path);
}

/** The default output: `esf-report-<project id>-<period label>.xlsx` in the current directory, characters unsafe in file names replaced. */
export function defaultReportFileName(projectId: string, periodLabel: string): string {
  return `esf-report-${projectId}-${periodLabel}.xlsx`.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** The options that shape the workbook's contents, as the About sheet lists them (output path and terminal options left out, so the contents stay reproducible). */
export function optionsUsed(opts: ReportOptions, lang: Lang): string[] {
  const list: string[] = [];
  if (opts.period !== undefined) list.push(`--period ${opts.period.trim()}`);
  if (opts.from !== undefined) list.push(`--from ${opts.from.trim()}`);
  if (opts.to !== undefined) list.push(`--to ${opts.to.trim()}`);
  if (opts.asOf !== undefined) list.push(`--as-of ${opts.asOf}`);
  list.push(`--lang ${lang}`);
  if (opts.project !== undefined) list.push(`--project ${basename(opts.project)}`);
  if (opts.encoding !== undefined) list.push(`--encoding ${opts.encoding}`);
  if (opts.delimiter !== undefined) list.push(`--delimiter ${opts.delimiter === '\t' ? 'tab' : opts.delimiter}`);
  if (opts.sheet !== undefined) list.push(`--sheet ${opts.sheet}`);
  if (opts.suppressBelow !== undefined) list.push(`--suppress-below ${opts.suppressBelow}`);
  if (opts.ledger !== undefined) list.push(`--ledger ${basename(opts.ledger)}`);
  if (opts.budget !== undefined) list.push(`--budget ${basename(opts.budget)}`);
  if (opts.attendance !== undefined) list.push(`--attendance ${basename(opts.attendance)}`);
  if (opts.rate !== undefined) list.push(`--rate ${opts.rate}`);
  if (opts.strict) list.push('--strict');
  return list;
}

/** The workbook's generation time: midnight UTC of ESF_REPORT_TODAY when it is set (reproducible runs), else now. */
export function generationTime(today: string, env: NodeJS.ProcessEnv, now: () => Date): string {
  return env.ESF_REPORT_TODAY?.trim() ? `${today}T00:00:00.000Z` : now().toISOString();
}

/** Loads `templates/workbook-<lang>.json`; a missing or malformed label is a bug in the package, not the user's mistake. */
export async function loadWorkbookLabels(lang: Lang): Promise<WorkbookLabels> {
  const file = `${PACKAGE_ROOT}templates/workbook-${lang}.json`;
  const parsed = parseWorkbookLabels(JSON.parse(await readFile(file, 'utf8')) as unknown);
  if ('problems' in parsed) throw new Error(`${file} is not a complete workbook template: ${parsed.problems.join('; ')}`);
  return parsed.labels;
}

/**
 * `report --format json`: one document on stdout saying what was written (null when nothing was),
 * for which period, from how many rows, with the participant file's findings (at most 1,000 of a
 * code, as validate lists them) and their full counts.
 */
export function renderReportJson(written: string | null, summary: FileSummaryView, result: IndicatorsResult | null, lang: Lang): string {
  const counts = countsOf(summary);
  const doc = {
    schema: 'esf-report/report@1',
    written,
    period: result ? { label: result.period.label, start: result.period.start, end: result.period.end, asOf: result.period.asOf, preliminary: result.period.preliminary } : null,
    records: result ? result.records : null,
    findings: summary.findings.map((f) => renderFinding(f, lang)),
    // the full count per code, and whether `findings` holds only the first 1,000 of some code
    counts,
    truncated: totalOf(counts) > summary.findings.length,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** SHA-256 of a file's bytes, read as a stream. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const T = {
  en: {
    written: (r: IndicatorsResult, path: string) =>
      `${r.project.id} ${r.period.label}: ${r.records.rows} rows, ${r.records.counted} counted, ${r.records.excluded} excluded; wrote ${path}`,
    excluded: (n: number) =>
      `${n} row${n === 1 ? '' : 's'} with errors ${n === 1 ? 'is' : 'are'} left out of every figure and listed on the Data quality sheet (esf-report validate FILE shows how to fix them).`,
    strictLedger: '--strict: not written: the ledger or the budget has findings (listed above); run esf-report finance LEDGER to see them.',
    strict: (s: FileSummaryView) =>
      `--strict: not written: ${s.errors} error${s.errors === 1 ? '' : 's'} (${s.excludedRows} row${s.excludedRows === 1 ? '' : 's'} excluded), ${s.warnings} warning${s.warnings === 1 ? '' : 's'}; run esf-report validate FILE to see them.`,
    budgetWithoutLedger: '--budget needs --ledger',
    attendanceWithoutLedger: "--attendance needs --ledger: participants' time is a line on the Financing sheet",
    sameFile: (out: string) => `--out ${out} is the input file; the input is never changed`,
    exists: (out: string) => `${out} exists; use --force to replace it`,
    shared: (s: SharedCopySummary) =>
      `shared copy (--suppress-below ${s.threshold}): ${s.primary + s.secondary} figures hidden: ${s.primary} counts from 1 to ${s.threshold - 1} (primary), ${s.secondary} more so that none can be worked out (secondary); not for the funder`,
    unprotectable: (n: number, out: string) =>
      `not written: ${out}: the shared copy would still let a reader work out ${n} hidden figure${n === 1 ? '' : 's'} from the totals, and no further figure can be hidden to prevent it. Try another --suppress-below, or share the figures another way. (This is a limit of esf-report's protection: please report it.)`,
  },
  sv: {
    written: (r: IndicatorsResult, path: string) =>
      `${r.project.id} ${r.period.label}: ${r.records.rows} rader, ${r.records.counted} räknas, ${r.records.excluded} utesluts; skrev ${path}`,
    excluded: (n: number) =>
      `${n} ${n === 1 ? 'rad' : 'rader'} med fel räknas inte i någon siffra och listas på bladet Datakvalitet (esf-report validate FIL visar hur de rättas).`,
    strictLedger: '--strict: skrevs inte: liggaren eller budgeten har avvikelser (se ovan); kör esf-report finance LIGGARE för att se dem.',
    strict: (s: FileSummaryView) =>
      `--strict: skrevs inte: ${s.errors} fel (${s.excludedRows} ${s.excludedRows === 1 ? 'rad' : 'rader'} utesluts), ${s.warnings} ${s.warnings === 1 ? 'varning' : 'varningar'}; kör esf-report validate FIL för att se dem.`,
    budgetWithoutLedger: '--budget kräver --ledger',
    attendanceWithoutLedger: '--attendance kräver --ledger: deltagarnas tid är en rad på bladet Finansiering',
    sameFile: (out: string) => `--out ${out} är indatafilen; indata ändras aldrig`,
    exists: (out: string) => `${out} finns redan; använd --force för att ersätta den`,
    shared: (s: SharedCopySummary) =>
      `delad kopia (--suppress-below ${s.threshold}): ${s.primary + s.secondary} siffror dolda: ${s.primary} antal från 1 till ${s.threshold - 1} (primärt), ${s.secondary} till så att inga kan räknas fram (sekundärt); inte för finansiären`,
    unprotectable: (n: number, out: string) =>
      `skrevs inte: ${out}: den delade kopian skulle fortfarande låta en läsare räkna fram ${n} ${n === 1 ? 'dold siffra' : 'dolda siffror'} ur summorna, och ingen fler siffra kan döljas för att hindra det. Pröva ett annat --suppress-below, eller dela siffrorna på annat sätt. (Det är en gräns i esf-reports skydd: rapportera det gärna.)`,
  },
} as const;

/** `esf-report report FILE --period P`: the funder-ready workbook. `finance` plans the Financing sheet for `--ledger` (given by `main`, so that report/ needs no finance). */
export function reportCommand(ctx: CommandContext, finance: FinanceSheetProvider): Command {
  const cmd = new Command('report')
    .summary('write the funder-ready Excel workbook')
    .description(
      'Write the funder-ready Excel workbook for a period: summary, ESF+ indicators, project targets, monthly and ' +
        'cohort figures, data quality and an About sheet, in Swedish (default) or English (--lang en). Rows with errors ' +
        'count nowhere and are listed on the Data quality sheet; charts of the targets, the participants month by month ' +
        'and the results stand under their tables and on a Diagram sheet. With --out FILE.html the same report is one ' +
        'self-contained web page to read, print to PDF or publish. Never overwrites a file without --force.\n\n' +
        'Exit code: 0 written; 1 written, but rows were excluded (with --strict: nothing written); 2 bad arguments, ' +
        'unusable file or existing output; 3 internal error.',
    )
    .argument('<file>', 'participant export (CSV; any encoding Excel writes)')
    .option('--period <period>', 'quarter 2025-Q2, half-year 2025-H1/2025-H2, month 2025-05, year 2025, or "project" (default: the latest quarter ended by the as-of date)')
    .option('--from <date>', 'first day of a period YYYY-MM-DD (with --to, instead of --period)')
    .option('--to <date>', 'last day of a period YYYY-MM-DD (with --from)')
    .option('-o, --out <file>', 'the workbook (.xlsx) or the printable page (.html) to write (default: esf-report-<project id>-<period>.xlsx here)')
    .option('--force', 'replace an existing output file')
    .addOption(new Option('--format <format>', 'what goes to stdout: text (the file written) or json (esf-report/report@1)').choices(REPORT_FORMATS).default('text'))
    .option('--strict', 'write nothing (exit 1) when rows are excluded or there are warnings')
    .option('--suppress-below <n>', 'a shared copy: hide counts from 1 to n−1 and every figure that would give them back (not for the funder)')
    .option('--ledger <file>', 'co-financing ledger for the Financing sheet')
    .option('--budget <file>', 'budget for the Financing sheet (with --ledger)')
    .option('--attendance <file>', "attendance file: participants' time as an in-kind co-financing line on the Financing sheet (with --ledger)")
    .option('--rate <SEK>', "hourly rate for participants' time (default: the project profile)");
  addCommonOptions(cmd);
  cmd.addHelpText(
    'after',
    '\nExamples:\n' +
      '  esf-report report fixtures/participants.csv --period 2025-Q2\n' +
      '  esf-report report export.csv --period 2025-H1 --out hissen-2025-H1.xlsx --force\n' +
      '  esf-report report export.csv --period project --lang en\n' +
      '  esf-report report export.csv --period 2025-Q4 --out hissen-2025-Q4.html   # one page to print or publish\n' +
      '  esf-report report export.csv --period 2025 --suppress-below 5 --out hissen-2025-extern.xlsx\n' +
      '  esf-report report export.csv --period 2025-Q4 --strict      # no workbook if any row has errors\n',
  );
  cmd.action(async (file: string, raw: Record<string, unknown>) => {
    const opts = parseOptions(ReportOptionsSchema, raw);
    const today = ctx.today();
    const profile = await loadProfile(opts.project);
    const lang: Lang = opts.lang ?? 'sv';
    const termLang = terminalLang(opts.lang);
    const t = T[termLang];
    const out = ctx.output;
    const { period, notice } = resolveReportPeriod(profile.period, { period: opts.period, from: opts.from, to: opts.to, asOf: opts.asOf }, today, termLang);
    if (notice !== null && !opts.quiet) out.err(`${notice}\n`);

    if (opts.budget !== undefined && opts.ledger === undefined) throw new UsageError(t.budgetWithoutLedger, { option: '--budget', value: opts.budget });
    if (opts.attendance !== undefined && opts.ledger === undefined) throw new UsageError(t.attendanceWithoutLedger, { option: '--attendance', value: opts.attendance });
    checkAttendanceOptions(opts.attendance, file, opts.rate, false);

    await readStdinIfNamed([file, opts.ledger, opts.budget, opts.attendance]);
    const outPath = opts.out?.trim() ?? defaultReportFileName(profile.id, period.label);
    if (resolve(outPath) === resolve(file)) throw new UsageError(t.sameFile(outPath), { option: '--out', value: outPath });
    if (!opts.force && (await exists(outPath))) throw new UsageError(t.exists(outPath), { option: '--out', value: outPath });
    const labels = await loadWorkbookLabels(lang);

    const outcome = await indicatorsOfFile(
      file,
      profile,
      { period, asOf: period.asOf, today, lang, encoding: opts.encoding, delimiter: opts.delimiter, sheet: opts.sheet },
      { output: out, quiet: opts.quiet },
    );
    if (!opts.quiet) for (const n of outcome.summary.notices) out.err(`${noticeText(n, termLang)}\n`);
    if (!outcome.usable) {
      if (opts.format === 'json') {
        out.err(unusableFileLines([outcome.summary], termLang));
        out.out(renderReportJson(null, outcome.summary, null, termLang));
      } else out.err(renderValidationText([outcome.summary], termLang, out.color));
      ctx.setExitCode(2);
      return;
    }
    const { result, summary } = outcome;

    let exitCode = validationExitCode([summary], opts.strict);
    const extensions: { financeSheet?: NonNullable<ReportExtensions['financeSheet']>; financeFindingCuts?: ReportExtensions['financeFindingCuts'] } = {};
    if (opts.ledger !== undefined) {
      const f = await finance({
        ledger: opts.ledger,
        budget: opts.budget,
        profile,
        period,
        today,
        lang,
        encoding: opts.encoding,
        delimiter: opts.delimiter,
        strict: opts.strict,
        terminal: { output: out, lang: termLang, quiet: opts.quiet },
      });
      if (f.exitCode === 2) {
        if (opts.format === 'json') out.out(renderReportJson(null, summary, result, termLang));
        ctx.setExitCode(2);
        return;
      }
      exitCode = Math.max(exitCode, f.exitCode) as 0 | 1 | 2;
      extensions.financeSheet = f.financeSheet;
      extensions.financeFindingCuts = f.findingCuts;
      if (opts.attendance !== undefined) {
        const time = await participantTimeSheetRows(
          {
            ...{ rate: opts.rate, strict: opts.strict, encoding: opts.encoding, delimiter: opts.delimiter, participantsSheet: opts.sheet },
            ...{ attendance: opts.attendance, participants: file, ledger: opts.ledger, profile, period, today },
          },
          f.financeSheet,
          { output: out, lang: termLang, workbookLang: lang, quiet: opts.quiet },
        );
        if (time.exitCode === 2) {
          ctx.setExitCode(2);
          return;
        }
        exitCode = Math.max(exitCode, time.exitCode) as 0 | 1 | 2;
        extensions.financeSheet = time.financeSheet;
        extensions.financeFindingCuts = [...(f.findingCuts ?? []), ...time.findingCuts];
      }
    }
    if (opts.strict && exitCode === 1) {
      const participantsClean = summary.errors === 0 && summary.warnings === 0;
      out.err(`${participantsClean ? t.strictLedger : t.strict(summary)}\n`);
      if (opts.format === 'json') out.out(renderReportJson(null, summary, result, termLang));
      ctx.setExitCode(1);
      return;
    }

    const meta: WorkbookMeta = {
      toolVersion: packageVersion(),
      input: { name: inputName(file), sha256: await sha256File(inputPath(file)) },
      ledger: opts.ledger === undefined ? null : { name: inputName(opts.ledger), sha256: await sha256File(inputPath(opts.ledger)) },
      budget: opts.budget === undefined ? null : { name: inputName(opts.budget), sha256: await sha256File(inputPath(opts.budget)) },
      options: optionsUsed(opts, lang),
      profileFile: opts.project === undefined ? null : basename(opts.project),
      generatedAt: generationTime(today, process.env, () => new Date()),
      suppressBelow: opts.suppressBelow ?? null,
    };
    let model: WorkbookModel;
    try {
      model = buildWorkbookModel(result, profile, labels, meta, extensions);
    } catch (err) {
      if (!(err instanceof RecoverableCellsError)) throw err;
      // The audit refused the shared copy: nothing is written (exit 3, as the tool failed to protect the figures).
      out.err(`${t.unprotectable(err.keys.length, outPath)}\n`);
      ctx.setExitCode(EXIT.internal);
      return;
    }
    if (isHtml(outPath)) {
      const html = await renderHtmlReport(model, result, profile, labels, meta);
      await writeFileSafely(outPath, Buffer.from(html, 'utf8'), opts.force);
    } else {
      const drawn = await drawReportCharts(model, result, profile, labels, meta);
      const pictures = new Map<ChartKey, Uint8Array>();
      for (const d of drawn.charts) pictures.set(d.chart.key, await renderChartPng(d.svg, CHART_FONTS));
      await writeFileSafely(outPath, await writeWorkbook(drawn.model, pictures), opts.force);
    }

    if (!opts.quiet) {
      if (result.period.preliminary) out.err(`${preliminaryNotice(result, today, termLang)}\n`);
      if (result.records.excluded > 0) out.err(`${t.excluded(result.records.excluded)}\n`);
      if (model.sharedCopy) out.err(`${t.shared(model.sharedCopy)}\n`);
      out.err(`${t.written(result, outPath)}\n`);
    }
    out.out(opts.format === 'json' ? renderReportJson(outPath, summary, result, termLang) : `${outPath}\n`);
    ctx.setExitCode(exitCode);
  });
  return cmd;
}
