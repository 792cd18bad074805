import { Command, Option } from 'commander';
import * as z from 'zod';
import { readParticipants } from '../../participants/read-participants.js';
import type { ProjectProfile } from '../../project/profile.js';
import type { EncodingName } from '../../read/encoding.js';
import type { Delimiter } from '../../read/table.js';
import { UsageError } from '../errors.js';
import { openInput } from '../input-file.js';
import { fileSize, progressFor } from '../io.js';
import { unreadableParticipants } from '../participant-input.js';
import { checkAsOf, CommonOptionsSchema, loadProfile, parseOptions, terminalLang } from '../options.js';
import type { Finding } from '../../findings/finding.js';
import { displayName } from '../display-name.js';
import { findingsOptions, findingsWriter, noticeText, renderValidationText, truncationNotice, validationExitCode, type FileSummaryView } from '../render-findings.js';
import { readStdinIfNamed } from '../stdin.js';
import { unusableFileLines } from '../unusable-files.js';
import { addCommonOptions, type CommandContext } from '../shared.js';

export const VALIDATE_FORMATS = ['text', 'json', 'github', 'csv'] as const;

const ValidateOptionsSchema = CommonOptionsSchema.extend({
  format: z.enum(VALIDATE_FORMATS).default('text'),
  ledger: z.array(z.string()).default([]),
  allFindings: z.boolean().default(false),
});

/** Reads and checks one participant file for `validate`. */
export async function validateParticipantFile(
  file: string,
  profile: ProjectProfile,
  today: string,
  asOf: string,
  options: { encoding?: EncodingName | undefined; delimiter?: Delimiter | undefined; sheet?: string | undefined },
  progress?: { tick: (bytes: number) => void; done: () => void },
  onFinding?: (f: Finding) => void,
  keepAll = false,
): Promise<FileSummaryView> {
  const input = await openInput(file, progress?.tick);
  if (!input.source) return unreadableParticipants(input.unreadable);
  const summary = await readParticipants(
    input.source,
    { today, asOf, projectStart: profile.period.start, projectEnd: profile.period.end },
    options,
    undefined,
    findingsOptions(onFinding, keepAll),
  );
  progress?.done();
  return summary;
}

export function validateCommand(ctx: CommandContext): Command {
  const cmd = new Command('validate')
    .summary('check participant exports (and ledgers) against the contract')
    .description(
      'Check participant exports against the ESF+ participant contract and print every problem with its file, line and column.\n' +
        'Exit code: 0 clean (warnings allowed), 1 data errors (or warnings with --strict), 2 unusable file or bad arguments, 3 internal error.',
    )
    .argument('[files...]', 'participant exports (CSV in any encoding Excel writes, or .xlsx)')
    .addOption(new Option('--format <format>', 'output format').choices(VALIDATE_FORMATS).default('text'))
    .option('--ledger <file>', 'also check a co-financing ledger (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--strict', 'treat warnings as errors (exit 1)')
    .option(
      '--all-findings',
      'list every finding: text shows every one under its code (default: five of each code); json, github and csv stream every one as found (default: the first 1,000 of each code, with the full counts)',
    );
  addCommonOptions(cmd);
  cmd.addHelpText(
    'after',
    '\nExamples:\n' +
      '  esf-report validate fixtures/participants.csv\n' +
      '  esf-report validate --lang sv export-2025-06.csv\n' +
      '  esf-report validate --format github data/*.csv      # annotations in GitHub Actions\n' +
      '  esf-report validate --format json --strict participants.csv > findings.json\n' +
      '  esf-report validate --ledger fixtures/ledger.csv participants.csv\n' +
      '  cat export.csv | esf-report validate -              # - reads standard input\n',
  );
  cmd.action(async (files: string[], raw: Record<string, unknown>) => {
    const opts = parseOptions(ValidateOptionsSchema, raw);
    if (files.length === 0 && opts.ledger.length === 0) throw new UsageError('validate needs at least one file (or --ledger FILE)');
    const today = ctx.today();
    checkAsOf(opts.asOf, today);
    const asOf = opts.asOf ?? today;
    const profile = await loadProfile(opts.project);
    const lang = terminalLang(opts.lang);
    await readStdinIfNamed([...files, ...opts.ledger]);
    const out = ctx.output;
    const summaries: FileSummaryView[] = [];
    // text groups findings by code, so with --all-findings it keeps every one (json, github and csv stream them)
    const keepAll = opts.format === 'text' && opts.allFindings;
    const writer = opts.format === 'text' ? undefined : findingsWriter(opts.format, lang, out, opts.allFindings);
    writer?.begin();
    for (const file of files) {
      const progress = progressFor(out, opts.quiet, `checking ${displayName(file)}`, await fileSize(file));
      const name = displayName(file);
      const stream = writer && opts.allFindings ? (f: Finding) => writer.finding(f, name) : undefined;
      const summary = await validateParticipantFile(file, profile, today, asOf, opts, progress, stream, keepAll);
      for (const f of writer ? summary.findings : []) writer!.finding(f, summary.file);
      summaries.push(summary);
    }
    for (const file of opts.ledger) {
      const name = displayName(file);
      const stream = writer && opts.allFindings ? (f: Finding) => writer.finding(f, name) : undefined;
      const summary = await ctx.validateLedger(file, profile, today, asOf, opts, findingsOptions(stream, keepAll));
      for (const f of writer ? summary.findings : []) writer!.finding(f, summary.file);
      summaries.push(summary);
    }
    if (!opts.quiet) for (const s of summaries) for (const n of s.notices) out.err(`${noticeText(n, lang)}\n`);
    if (opts.format === 'json' || opts.format === 'github') out.err(unusableFileLines(summaries, lang));
    if (writer) {
      writer.end(summaries);
      const cut = opts.allFindings || opts.quiet ? null : truncationNotice(summaries, lang);
      if (cut) out.err(`${cut}\n`);
    } else {
      out.out(renderValidationText(summaries, lang, out.color, opts.allFindings));
    }
    ctx.setExitCode(validationExitCode(summaries, opts.strict));
  });
  return cmd;
}
