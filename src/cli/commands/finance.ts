import type { ChalkInstance } from 'chalk';
import { redactedJsonDocument, type RedactedText } from '../../core/redact.js';
import { Command, Option } from 'commander';
import * as z from 'zod';
import type { Lang } from '../../findings/catalogue.js';
import type { BudgetFileSummary } from '../../finance/budget.js';
import { checkLedger, type LedgerCheck, type LedgerCheckInput, type LedgerFigures } from '../../finance/check-ledger.js';
import { exactDecimal, share4 } from '../../core/decimal.js';
import { formatOre, formatRate } from '../../finance/money.js';
import { isPeriodError, resolvePeriod } from '../../core/period.js';
import type { LedgerFileSummary } from '../../finance/read-ledger.js';
import { financeResult, type CostFigures, type Figures, type FinancingFigures } from '../../finance/result.js';
import type { EncodingName } from '../../read/encoding.js';
import type { Delimiter } from '../../read/table.js';
import {
  checkAttendanceOptions,
  participantTimeForFinance,
  participantTimeJson,
  renderParticipantTimeText,
  tellParticipantTimeNotices,
  type ParticipantTimeOutcome,
} from '../finance-attendance.js';
import { fileSource, unreadableReason } from '../io.js';
import { checkAsOf, CommonOptionsSchema, dateOption, loadProfile, parseOptions, terminalLang } from '../options.js';
import { periodUsageError } from '../period-option.js';
import { noticeText, renderValidationText, validationExitCode, type FileSummaryView } from '../render-findings.js';
import { unusableFileLines } from '../unusable-files.js';
import { addCommonOptions, type CommandContext } from '../shared.js';
import { unreadableLedgerSummary } from './finance-validate.js';

export const FINANCE_FORMATS = ['text', 'json'] as const;
type FinanceFormat = (typeof FINANCE_FORMATS)[number];

const FinanceOptionsSchema = CommonOptionsSchema.extend({
  format: z.enum(FINANCE_FORMATS, { message: '--format takes text or json' }).default('text'),
  period: z.string().optional(),
  from: dateOption('--from'),
  to: dateOption('--to'),
  budget: z.string().optional(),
  attendance: z.string().optional(),
  participants: z.string().optional(),
  rate: z.string().optional(),
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
    .option('--strict', 'treat warnings as errors (exit 1)');
  addCommonOptions(cmd);
  cmd.addHelpText(
    'after',
    '\nExamples:\n' +
      '  esf-report finance fixtures/ledger/ledger.csv\n' +
      '  esf-report finance fixtures/ledger/ledger.csv --budget fixtures/ledger/budget.csv --lang sv\n' +
      '  esf-report finance ledger.csv --period 2025-Q2                # one quarter; cumulative figures up to its end\n' +
      '  esf-report finance ledger.csv --from 2025-01-01 --to 2025-06-30 --as-of 2025-06-30\n' +
      '  esf-report finance ledger.csv --format json > finance.json     # amounts in öre\n' +
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

    const check = await checkLedgerFiles(
      ledgerFile,
      opts.budget,
      { profile, period: { label: period.label, start: period.start, end: period.end }, asOf: period.asOf, today },
      { encoding: opts.encoding, delimiter: opts.delimiter, sheet: opts.sheet },
    );

    const time =
      opts.attendance === undefined || opts.participants === undefined
        ? null
        : await participantTimeForFinance({
            ...{ rate: opts.rate, strict: opts.strict, encoding: opts.encoding, delimiter: opts.delimiter },
            ...{ attendance: opts.attendance, participants: opts.participants, ledger: ledgerFile, profile, period, today },
          });
    if (time) tellParticipantTimeNotices(time, out, lang, opts.quiet);

    const summaries = ledgerFileViews(check);
    if (!opts.quiet) {
      for (const s of summaries) for (const n of s.notices) out.err(`${noticeText(n, lang)}\n`);
      const p = check.figures?.period;
      if (p?.preliminary) out.err(`${LABELS[lang].preliminaryNotice(p.label, p.end, today, p.asOf)}\n`);
    }
    // json leaves through out.json: its strings are redacted, its öre amounts stay whole
    if (opts.format === 'json') {
      out.err(unusableFileLines(summaries, lang));
      out.json(financeJson(check, lang, time));
    } else out.out(render(opts.format, check, summaries, lang, out.color, time));
    const code = check.figures === null ? 2 : validationExitCode(summaries, opts.strict);
    ctx.setExitCode(Math.max(code, time?.exitCode ?? 0) as 0 | 1 | 2);
  });
  return cmd;
}

/**
 * Reads and checks the ledger and the optional budget from files, as `finance` and `report
 * --ledger` both do: a file that cannot be opened is a FILE_UNREADABLE finding and leaves the check
 * without figures (exit 2).
 */
export async function checkLedgerFiles(
  ledgerFile: string,
  budgetFile: string | undefined,
  input: LedgerCheckInput,
  options: { encoding?: EncodingName | undefined; delimiter?: Delimiter | undefined; sheet?: string | undefined },
): Promise<LedgerCheck> {
  const ledgerProblem = await unreadableReason(ledgerFile);
  const budgetProblem = budgetFile === undefined ? undefined : await unreadableReason(budgetFile);
  if (ledgerProblem !== undefined) {
    const budget = budgetFile !== undefined && budgetProblem !== undefined ? unreadableBudget(budgetFile, budgetProblem) : null;
    return { profile: input.profile, ledger: unreadableLedger(ledgerFile, ledgerProblem), budget, figures: null };
  }
  const check = await checkLedger(
    fileSource(ledgerFile),
    budgetFile === undefined || budgetProblem !== undefined ? null : fileSource(budgetFile),
    input,
    { encoding: options.encoding, delimiter: options.delimiter, sheet: options.sheet },
  );
  // a budget that cannot be opened makes the run unusable, but the ledger's own findings are still shown
  if (budgetFile !== undefined && budgetProblem !== undefined) {
    return { ...check, budget: unreadableBudget(budgetFile, budgetProblem), figures: null };
  }
  return check;
}

/** A ledger that cannot be opened: FILE_UNREADABLE, exit 2. */
function unreadableLedger(file: string, reason: string): LedgerFileSummary {
  const s = unreadableLedgerSummary(file, reason);
  return { ...s, kind: 'ledger', encoding: null, delimiter: null, findings: [...s.findings], notices: [], excluded: [] };
}

function unreadableBudget(file: string, reason: string): BudgetFileSummary {
  const s = unreadableLedgerSummary(file, reason);
  return { ...s, kind: 'budget', encoding: null, delimiter: null, findings: [...s.findings], notices: [] };
}

/** `finance --format json`: the finance document (with participants' time when given), strings redacted. */
function financeJson(check: LedgerCheck, lang: Lang, time: ParticipantTimeOutcome | null): RedactedText {
  const doc = financeResult(check, lang);
  const ledgerCoFinancing = check.figures ? check.figures.cumulative.financing : null;
  return redactedJsonDocument(time ? { ...doc, participantTime: participantTimeJson(time, ledgerCoFinancing, lang) } : doc);
}

/** The ledger and budget files as the findings renderers see them. */
export function ledgerFileViews(check: LedgerCheck): FileSummaryView[] {
  const views: FileSummaryView[] = [check.ledger];
  if (check.budget) views.push({ ...check.budget, kind: 'ledger' });
  return views;
}

function render(
  format: FinanceFormat,
  check: LedgerCheck,
  summaries: FileSummaryView[],
  lang: Lang,
  c: ChalkInstance,
  time: ParticipantTimeOutcome | null,
): string {
  const ledgerCoFinancing = check.figures ? check.figures.cumulative.financing : null;
  if (format === 'json') return financeJson(check, lang, time);
  const findings = renderValidationText(summaries, lang, c);
  const timeText = time ? `\n${renderParticipantTimeText(time, ledgerCoFinancing, lang, c)}` : '';
  if (!check.figures) return `${findings}${timeText}`;
  return `${renderFiguresText(check, check.figures, lang, c)}\n${findings}${timeText}`;
}

// ---------------------------------------------------------------------------------------------
// Text output for finance people: tables per quarter, the cumulative row, the budget.

type Header = readonly [string, string];

interface Labels {
  title: (file: string) => string;
  project: (id: string, name: string) => string;
  period: (label: string, start: string, end: string, asOf: string) => string;
  preliminary: string;
  preliminaryNotice: (label: string, end: string, today: string, asOf: string) => string;
  rates: (eu: string, flat: string | null) => string;
  records: (counted: number, windowEnd: string, excluded: number, later: number) => string;
  unit: string;
  costs: string;
  financing: string;
  checks: string;
  budget: string;
  quarter: string;
  cumulative: string;
  costHeaders: readonly Header[];
  financingHeaders: readonly Header[];
  checkHeaders: readonly Header[];
  budgetHeaders: readonly Header[];
  partial: (windowEnd: string) => string;
  cumulativeNote: (start: string, end: string, through: string | null) => string;
  ok: string;
  notChecked: string;
  errors: (n: number) => string;
  warnings: (n: number) => string;
  categories: readonly string[];
  total: string;
}

const LABELS: Readonly<Record<Lang, Labels>> = {
  en: {
    title: (file) => `Co-financing ledger ${file}`,
    project: (id, name) => `Project ${id} ${name}`,
    period: (label, start, end, asOf) => `Period ${label.includes('..') ? `${start} – ${end}` : `${label} (${start} – ${end})`}, as of ${asOf}`,
    preliminary: 'preliminary: the period ends after today',
    preliminaryNotice: (label, end, today, asOf) =>
      `notice: the period ${label} ends on ${end}, after today (${today}); the figures are preliminary (as of ${asOf}).`,
    rates: (eu, flat) =>
      `Rates from the project profile: EU ${eu} of eligible cost; ${flat === null ? 'no flat rate (other direct costs allowed)' : `flat rate ${flat} of staff costs`}`,
    records: (counted, windowEnd, excluded, later) =>
      `${counted} bookings counted up to ${windowEnd}; ${excluded} row${excluded === 1 ? '' : 's'} with errors left out; ${later} booking${later === 1 ? '' : 's'} after ${windowEnd} not counted yet`,
    unit: 'Amounts in SEK.',
    costs: 'Eligible cost',
    financing: 'Financing',
    checks: 'EU share, flat rate and funding',
    budget: 'Budget (planned totals for the whole project)',
    quarter: 'quarter',
    cumulative: 'cumulative',
    costHeaders: [['staff', ''], ['flat rate', ''], ['participant', 'allowances'], ['in kind', ''], ['other', 'direct'], ['total', '']],
    financingHeaders: [['EU', ''], ['state', ''], ['public', 'cash'], ['public', 'in kind'], ['private', 'cash'], ['private', 'in kind'], ['total', '']],
    checkHeaders: [['EU share', ''], ['expected', 'EU'], ['EU', 'difference'], ['expected', 'flat rate'], ['flat rate', 'difference'], ['unfunded', ''], ['checks', '']],
    budgetHeaders: [['category', ''], ['planned', ''], ['used', ''], ['utilisation', ''], ['remaining', '']],
    partial: (windowEnd) => `* partial quarter (window ends ${windowEnd}): figures only, no checks`,
    cumulativeNote: (start, end, through) =>
      `cumulative: figures ${start} – ${end}; ${through === null ? 'no whole quarter yet, so no cumulative checks' : `checks on whole quarters ${start} – ${through}`}`,
    ok: 'ok',
    notChecked: 'not checked',
    errors: (n) => `${n} error${n === 1 ? '' : 's'}`,
    warnings: (n) => `${n} warning${n === 1 ? '' : 's'}`,
    categories: ['staff', 'flat rate', 'participant allowances', 'in kind', 'other direct'],
    total: 'total',
  },
  sv: {
    title: (file) => `Medfinansieringsliggare ${file}`,
    project: (id, name) => `Projekt ${id} ${name}`,
    period: (label, start, end, asOf) => `Period ${label.includes('..') ? `${start} – ${end}` : `${label} (${start} – ${end})`}, per ${asOf}`,
    preliminary: 'preliminärt: perioden slutar efter dagens datum',
    preliminaryNotice: (label, end, today, asOf) =>
      `notis: perioden ${label} slutar ${end}, efter dagens datum (${today}); siffrorna är preliminära (per ${asOf}).`,
    rates: (eu, flat) =>
      `Satser enligt projektprofilen: EU ${eu} av stödberättigande kostnader; ${flat === null ? 'ingen schablon (övriga direkta kostnader tillåtna)' : `schablon ${flat} av personalkostnaderna`}`,
    records: (counted, windowEnd, excluded, later) =>
      `${counted} bokningar räknade till och med ${windowEnd}; ${excluded} ${excluded === 1 ? 'rad' : 'rader'} med fel utelämnade; ${later} ${later === 1 ? 'bokning' : 'bokningar'} efter ${windowEnd} räknas inte än`,
    unit: 'Belopp i kronor.',
    costs: 'Stödberättigande kostnader',
    financing: 'Finansiering',
    checks: 'EU-andel, schablon och finansiering',
    budget: 'Budget (planerat för hela projektet)',
    quarter: 'kvartal',
    cumulative: 'ackumulerat',
    costHeaders: [['personal', ''], ['schablon', ''], ['deltagar-', 'ersättning'], ['i annat än', 'pengar'], ['övriga', 'direkta'], ['summa', '']],
    financingHeaders: [['ESF', ''], ['statlig', ''], ['offentlig', 'kontant'], ['offentlig i', 'annat än pengar'], ['privat', 'kontant'], ['privat i', 'annat än pengar'], ['summa', '']],
    checkHeaders: [['EU-andel', ''], ['förväntad', 'EU'], ['EU', 'differens'], ['förväntad', 'schablon'], ['schablon', 'differens'], ['ofinansierat', ''], ['kontroll', '']],
    budgetHeaders: [['kategori', ''], ['budget', ''], ['förbrukat', ''], ['förbrukat', 'andel'], ['kvar', '']],
    partial: (windowEnd) => `* ofullständigt kvartal (t.o.m. ${windowEnd}): bara belopp, inga kontroller`,
    cumulativeNote: (start, end, through) =>
      `ackumulerat: belopp ${start} – ${end}; ${through === null ? 'inget helt kvartal än, så inga ackumulerade kontroller' : `kontroller på hela kvartal ${start} – ${through}`}`,
    ok: 'ok',
    notChecked: 'ej kontrollerat',
    errors: (n) => `${n} fel`,
    warnings: (n) => `${n} ${n === 1 ? 'varning' : 'varningar'}`,
    categories: ['personal', 'schablon', 'deltagarersättning', 'i annat än pengar', 'övriga direkta'],
    total: 'summa',
  },
};

const COST_ORDER = ['staff', 'flatRate', 'participantAllowance', 'inKind', 'otherDirect', 'total'] as const satisfies readonly (keyof CostFigures)[];
const FINANCING_ORDER = ['eu', 'state', 'publicCash', 'publicInKind', 'privateCash', 'privateInKind', 'total'] as const satisfies readonly (keyof FinancingFigures)[];

/** A share such as 0.4 as `40,00 %` (Swedish decimal comma, like every amount). */
function formatShare(share: number | null): string {
  if (share === null) return '–';
  const tenThousandths = Math.round(share * 10000);
  const sign = tenThousandths < 0 ? '-' : '';
  const abs = Math.abs(tenThousandths);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')} %`;
}

/** A table cell: its text, and optionally how to colour it once padded. */
type Cell = string | { readonly text: string; readonly paint: (s: string) => string };

/** Lays out a table: a two-line header, left-aligned first column, right-aligned numbers, a rule before the rows in `ruleBefore`. */
function table(
  firstHeader: string,
  headers: readonly Header[],
  rows: readonly (readonly Cell[])[],
  ruleBefore: ReadonlySet<number>,
  c: ChalkInstance,
  leftAligned: ReadonlySet<number> = new Set([0]),
): string[] {
  const all: Header[] = [[firstHeader, ''], ...headers];
  const text = (cell: Cell | undefined) => (cell === undefined ? '' : typeof cell === 'string' ? cell : cell.text);
  const widths = all.map((h, i) => Math.max(h[0].length, h[1].length, ...rows.map((r) => text(r[i]).length)));
  const pad = (s: string, i: number) => (leftAligned.has(i) ? s.padEnd(widths[i]!) : s.padStart(widths[i]!));
  const line = (cells: readonly Cell[]) =>
    `  ${cells.map((cell, i) => (typeof cell === 'string' ? pad(cell, i) : cell.paint(pad(cell.text, i)))).join('  ')}`.replace(/\s+$/, '');
  const out = [c.bold(line(all.map((h) => h[0])))];
  if (all.some((h) => h[1] !== '')) out.push(c.bold(line(all.map((h) => h[1]))));
  const rule = c.dim(`  ${widths.map((w) => '─'.repeat(w)).join('  ')}`);
  out.push(rule);
  rows.forEach((r, i) => {
    if (ruleBefore.has(i)) out.push(rule);
    out.push(line(r));
  });
  return out;
}

function renderFiguresText(check: LedgerCheck, fig: LedgerFigures, lang: Lang, c: ChalkInstance): string {
  const t = LABELS[lang];
  const profile = check.profile;
  const euRate = formatRate(exactDecimal(profile.rates.eu));
  const flatRate = profile.rates.flatRate === null ? null : formatRate(exactDecimal(profile.rates.flatRate));
  const lines: string[] = [];
  lines.push(c.bold(t.title(check.ledger.file)));
  lines.push(t.project(profile.id, profile.name));
  const p = fig.period;
  lines.push(`${t.period(p.label, p.start, p.end, p.asOf)}${p.preliminary ? ` (${t.preliminary})` : ''}`);
  lines.push(t.rates(euRate, flatRate));
  lines.push(t.records(fig.records.counted, fig.windowEnd, fig.records.excluded, fig.records.notYetCounted));
  lines.push(t.unit);

  const labelOf = (q: { label: string; checked: boolean }) => (q.checked ? q.label : `${q.label}*`);
  const cumulativeRule = new Set([fig.quarters.length]);
  const withCumulative = <T>(quarterRow: (f: Figures, label: string, i: number) => T, cumulativeRow: T): T[] => [
    ...fig.quarters.map((q, i) => quarterRow(q, labelOf(q), i)),
    cumulativeRow,
  ];

  lines.push('', c.bold(t.costs));
  const costRow = (f: Figures, label: string) => [label, ...COST_ORDER.map((k) => formatOre(f.costs[k]))];
  lines.push(...table(t.quarter, t.costHeaders, withCumulative(costRow, costRow(fig.cumulative, t.cumulative)), cumulativeRule, c));

  lines.push('', c.bold(t.financing));
  const financingRow = (f: Figures, label: string) => [label, ...FINANCING_ORDER.map((k) => formatOre(f.financing[k]))];
  lines.push(...table(t.quarter, t.financingHeaders, withCumulative(financingRow, financingRow(fig.cumulative, t.cumulative)), cumulativeRule, c));

  lines.push('', c.bold(t.checks));
  const scopeStatus = (scope: string, checked: boolean): Cell => {
    if (!checked) return { text: t.notChecked, paint: (x) => c.dim(x) };
    const found = check.ledger.findings.filter((f) => f.line === null && f.args.scope === scope);
    const errors = found.filter((f) => f.severity === 'error').length;
    const warnings = found.length - errors;
    if (errors > 0) return { text: warnings > 0 ? `${t.errors(errors)}, ${t.warnings(warnings)}` : t.errors(errors), paint: (x) => c.red(x) };
    if (warnings > 0) return { text: t.warnings(warnings), paint: (x) => c.yellow(x) };
    return { text: t.ok, paint: (x) => c.green(x) };
  };
  const checkRow = (f: Figures, label: string, status: Cell): Cell[] => [
    label,
    formatShare(f.euShare),
    formatOre(f.expectedEu),
    formatOre(f.euDifference),
    formatOre(f.expectedFlatRate),
    formatOre(f.flatRateDifference),
    formatOre(f.unfunded),
    status,
  ];
  const checkRows = withCumulative<Cell[]>(
    (f, label, i) => checkRow(f, label, scopeStatus(fig.quarters[i]!.label, fig.quarters[i]!.checked)),
    checkRow(fig.cumulative, t.cumulative, scopeStatus('cumulative', fig.cumulative.checkedThrough !== null)),
  );
  lines.push(...table(t.quarter, t.checkHeaders, checkRows, cumulativeRule, c, new Set([0, t.checkHeaders.length])));
  if (fig.quarters.some((q) => !q.checked)) lines.push(c.dim(`  ${t.partial(fig.windowEnd)}`));
  lines.push(c.dim(`  ${t.cumulativeNote(fig.cumulative.start, fig.cumulative.end, fig.cumulative.checkedThrough)}`));

  if (fig.budget) {
    lines.push('', c.bold(t.budget));
    const keys = ['staff', 'flatRate', 'participantAllowance', 'inKind', 'otherDirect'] as const;
    let planned = 0;
    let used = 0;
    const rows = keys.map((k, i) => {
      const b = fig.budget![k];
      planned += b.planned;
      used += b.used;
      return [t.categories[i]!, formatOre(b.planned), formatOre(b.used), formatShare(b.utilisation), formatOre(b.planned - b.used)];
    });
    rows.push([t.total, formatOre(planned), formatOre(used), formatShare(share4(used, planned)), formatOre(planned - used)]);
    lines.push(...table(t.budgetHeaders[0]![0], t.budgetHeaders.slice(1), rows, new Set([keys.length]), c));
  }
  return `${lines.join('\n')}\n`;
}
