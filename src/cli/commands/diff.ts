import { Command, Option } from 'commander';
import * as z from 'zod';
import { formatFixed } from '../../core/format.js';
import { isPeriodError, resolvePeriod, type ReportingPeriod } from '../../core/period.js';
import { redactedJsonDocument } from '../../core/redact.js';
import { diffExports, lastReportedMonth, type ExportDiff } from '../../diff/diff-exports.js';
import { diffIndicatorCells, type CellChange } from '../../diff/indicator-cells.js';
import { diffEntryCollector } from '../../diff/read-export.js';
import type { Lang } from '../../findings/catalogue.js';
import { renderFinding } from '../../findings/render.js';
import { CommonOptionsSchema, loadProfile, parseOptions, terminalLang } from '../options.js';
import { indicatorsOfFile } from '../participant-input.js';
import { periodUsageError } from '../period-option.js';
import { renderValidationText, validationExitCode } from '../render-findings.js';
import { addCommonOptions, type CommandContext } from '../shared.js';
import { unusableFileLines } from '../unusable-files.js';

export const DIFF_FORMATS = ['text', 'json'] as const;

const DiffOptionsSchema = CommonOptionsSchema.extend({
  format: z.enum(DIFF_FORMATS).default('text'),
  period: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});

const T = {
  en: {
    title: (a: string, b: string) => `Changes from ${a} to ${b}`,
    added: 'Participants added',
    removed: 'Participants removed',
    changed: 'Participants changed',
    none: '  none',
    line: 'line',
    pnr: 'personnummer changed (not shown)',
    unmatched: (o: number, n: number) => `Rows without a usable participant ID (not compared): ${o} old, ${n} new`,
    resend: 'SCB participant reports to re-send',
    noResend: '  none: no reported month is affected',
    months: (from: string, to: string, n: number) => `  ${n} month(s), ${from} to ${to} (a corrected month means every later month is re-sent)`,
    because: 'because of',
    reasons: {
      'added-starter': 'new starter',
      'added-leaver': 'new leaver',
      'removed-starter': 'removed starter',
      'removed-leaver': 'removed leaver',
      'entry-date': 'entry date changed',
      'exit-date': 'exit date changed',
      personnummer: 'personnummer changed',
    },
    cells: (label: string) => `Indicator cells that change (${label})`,
    noCells: '  none',
  },
  sv: {
    title: (a: string, b: string) => `Ändringar från ${a} till ${b}`,
    added: 'Tillkomna deltagare',
    removed: 'Borttagna deltagare',
    changed: 'Ändrade deltagare',
    none: '  inga',
    line: 'rad',
    pnr: 'personnummer ändrat (visas inte)',
    unmatched: (o: number, n: number) => `Rader utan användbart deltagar-id (jämförs inte): ${o} gamla, ${n} nya`,
    resend: 'Deltagarrapporter till SCB som ska skickas om',
    noResend: '  inga: ingen redan rapporterad månad berörs',
    months: (from: string, to: string, n: number) => `  ${n} månad(er), ${from} till ${to} (rättas en månad skickas alla senare månader om)`,
    because: 'på grund av',
    reasons: {
      'added-starter': 'ny startande',
      'added-leaver': 'ny avslutad',
      'removed-starter': 'borttagen startande',
      'removed-leaver': 'borttagen avslutad',
      'entry-date': 'ändrat startdatum',
      'exit-date': 'ändrat slutdatum',
      personnummer: 'ändrat personnummer',
    },
    cells: (label: string) => `Indikatorceller som ändras (${label})`,
    noCells: '  inga',
  },
} as const;

/** The text of a diff, for a person. */
export function renderDiffText(oldFile: string, newFile: string, d: ExportDiff, cells: CellChange[], period: ReportingPeriod, lang: Lang): string {
  const t = T[lang];
  const lines = [t.title(oldFile, newFile), ''];
  lines.push(`${t.added} (${d.added.length})`);
  if (d.added.length === 0) lines.push(t.none);
  for (const a of d.added) lines.push(`  ${a.participantId} (${t.line} ${a.line})`);
  lines.push('', `${t.removed} (${d.removed.length})`);
  if (d.removed.length === 0) lines.push(t.none);
  for (const r of d.removed) lines.push(`  ${r.participantId} (${t.line} ${r.line})`);
  lines.push('', `${t.changed} (${d.changed.length})`);
  if (d.changed.length === 0) lines.push(t.none);
  for (const c of d.changed) {
    lines.push(`  ${c.participantId} (${t.line} ${c.oldLine} → ${c.newLine})`);
    for (const f of c.changes) {
      lines.push(f.field === 'personnummer' ? `    ${t.pnr}` : `    ${f.field}: ${f.old ?? '–'} → ${f.new ?? '–'}`);
    }
  }
  if (d.unmatched.old + d.unmatched.new > 0) lines.push('', t.unmatched(d.unmatched.old, d.unmatched.new));
  lines.push('', t.resend);
  if (!d.resend) lines.push(t.noResend);
  else {
    lines.push(t.months(d.resend.from, d.resend.to, d.resend.months.length));
    const byMonth = new Map<string, string[]>();
    for (const r of d.monthReasons) {
      const list = byMonth.get(r.month) ?? [];
      list.push(`${r.participantId} ${t.reasons[r.reason]}`);
      byMonth.set(r.month, list);
    }
    for (const [month, why] of byMonth) lines.push(`    ${month}: ${why.join('; ')}`);
  }
  lines.push('', t.cells(`${period.label}, ${period.start} – ${period.end}`));
  if (cells.length === 0) lines.push(t.noCells);
  for (const c of cells) {
    const delta = c.delta === null ? '' : ` (${c.delta > 0 ? '+' : ''}${formatFixed(c.delta, 4, { decimalMark: '.', minus: '-', trimZeros: true })})`;
    lines.push(`  ${c.row.padEnd(16)} ${`${c.scope}${c.gender ? `.${c.gender}` : ''}`.padEnd(22)} ${c.old ?? '–'} → ${c.new ?? '–'}${delta}`);
  }
  return `${lines.join('\n')}\n`;
}

export function diffCommand(ctx: CommandContext): Command {
  const cmd = new Command('diff')
    .summary('what changed between two exports, which SCB months to re-send, which indicator cells change')
    .description(
      'Compare two exports of the same project by participant ID: participants added, removed and changed field by field;\n' +
        'the calendar months whose participant reports to SCB must be re-sent (SCB receives personnummer, start and end dates\n' +
        'per month, and a corrected month means every later month is re-sent); and the indicator cells of the period that change.\n' +
        'Personnummer are compared but never shown. Exit code: 0 done, 1 the new export has rows with errors, 2 bad arguments or unusable file.',
    )
    .argument('<old>', 'the export as it was (e.g. the one behind the last report)')
    .argument('<new>', 'the export as it is now')
    .option('--period <period>', 'period whose indicator cells are compared (default: project)')
    .option('--from <date>', 'first day of a period (with --to)')
    .option('--to <date>', 'last day of a period (with --from)')
    .addOption(new Option('--format <format>', 'output format').choices(DIFF_FORMATS).default('text'));
  addCommonOptions(cmd);
  cmd.addHelpText(
    'after',
    '\nExamples:\n' +
      '  esf-report diff export-2025-09.csv export-2025-12.csv\n' +
      '  esf-report diff old.csv new.csv --period 2025-Q3 --lang sv\n' +
      '  esf-report diff old.csv new.csv --format json > changes.json\n',
  );
  cmd.action(async (oldFile: string, newFile: string, raw: Record<string, unknown>) => {
    const opts = parseOptions(DiffOptionsSchema, raw);
    const today = ctx.today();
    const profile = await loadProfile(opts.project);
    const period = resolvePeriod(
      profile.period,
      { period: opts.period, from: opts.from, to: opts.to, asOf: opts.asOf, defaultPeriod: 'project' },
      today,
    );
    if (isPeriodError(period)) throw periodUsageError(period);
    const lang = terminalLang(opts.lang);
    const readOptions = { period, asOf: period.asOf, today, lang, encoding: opts.encoding, delimiter: opts.delimiter, sheet: opts.sheet };
    // each export is read once: its indicators, and its participants as diff entries
    const readExport = async (file: string) => {
      const collector = diffEntryCollector(today);
      const outcome = await indicatorsOfFile(file, profile, readOptions, undefined, collector.onRecord);
      return { outcome, entries: collector.entries };
    };
    const a = await readExport(oldFile);
    const b = await readExport(newFile);
    if (!a.outcome.usable || !b.outcome.usable) {
      const bad = [a.outcome.summary, b.outcome.summary].filter((s) => s.unusable);
      if (opts.format === 'json') {
        ctx.output.err(unusableFileLines(bad, lang));
        ctx.output.json(redactedJsonDocument({ schema: 'esf-report/diff@1', findings: bad.flatMap((s) => s.findings.map((f) => renderFinding(f, lang))) }));
      } else ctx.output.out(renderValidationText(bad, lang, ctx.output.color));
      ctx.setExitCode(validationExitCode(bad, opts.strict));
      return;
    }
    const diff = diffExports(a.entries, b.entries, lastReportedMonth(today));
    const cells = diffIndicatorCells(a.outcome.result, b.outcome.result);
    const [oldSummary, newSummary] = [a.outcome.summary, b.outcome.summary];
    if (opts.format === 'json') {
      const doc = {
        schema: 'esf-report/diff@1',
        old: { file: oldFile, rows: oldSummary.rows, excludedRows: oldSummary.excludedRows },
        new: { file: newFile, rows: newSummary.rows, excludedRows: newSummary.excludedRows },
        period: { label: period.label, start: period.start, end: period.end, asOf: period.asOf },
        ...diff,
        indicatorCells: cells,
      };
      ctx.output.json(redactedJsonDocument(doc));
    } else {
      ctx.output.out(renderDiffText(oldFile, newFile, diff, cells, period, lang));
    }
    // the exit code of every command, on the new export: the old one is history, its errors are not this run's
    ctx.setExitCode(validationExitCode([newSummary], opts.strict));
  });
  return cmd;
}
