import { Command, CommanderError } from 'commander';
import { EXIT, UsageError } from './errors.js';
import { processOutput, type Output } from './io.js';
import { installProcessHandlers } from './process-handlers.js';
import { removeTemporaryFiles } from './temp-files.js';
import { packageVersion } from './options.js';
import { resolveToday } from './today.js';
import type { FinanceSheetProvider } from './commands/report.js';
import type { CommandContext } from './shared.js';
import { renderUsageError, requestedErrorFormat, usageOfCommanderError, type ErrorFormat, type UsageProblem } from './usage-error.js';

type MakeCommand = (ctx: CommandContext) => Command;

/** The Financing sheet of `report --ledger`, its module loaded only when a ledger is given. */
const financeSheetProvider: FinanceSheetProvider = async (request) => (await import('./report-finance.js')).financeSheetProvider(request);

/**
 * The commands, in the order `--help` lists them. Each module is loaded only when its command runs
 * (or for help and suggestions), so that `validate` on a CSV does not pay for the workbook writer.
 */
const COMMANDS: readonly { readonly name: string; readonly load: () => Promise<MakeCommand> }[] = [
  { name: 'validate', load: async () => (await import('./commands/validate.js')).validateCommand },
  { name: 'indicators', load: async () => (await import('./commands/indicators.js')).indicatorsCommand },
  { name: 'report', load: async () => {
    const { reportCommand } = await import('./commands/report.js');
    return (ctx) => reportCommand(ctx, financeSheetProvider);
  } },
  { name: 'finance', load: async () => (await import('./commands/finance.js')).financeCommand },
  { name: 'time', load: async () => (await import('./commands/time.js')).timeCommand },
  { name: 'template', load: async () => (await import('./commands/template.js')).templateCommand },
  { name: 'diff', load: async () => (await import('./commands/diff.js')).diffCommand },
  { name: 'month', load: async () => (await import('./commands/month.js')).monthCommand },
  { name: 'schema', load: async () => (await import('./commands/schema.js')).schemaCommand },
];

/** The commands a run needs: the one it names, or all of them (help, --version, a mistyped name to suggest from). */
export function commandsToLoad(argv: readonly string[]): readonly string[] {
  const first = argv.slice(2).find((a) => !a.startsWith('-'));
  const named = COMMANDS.find((c) => c.name === first);
  return named ? [named.name] : COMMANDS.map((c) => c.name);
}

/** Where commander writes its help and its errors. */
export interface OutputConfig {
  writeOut(s: string): void;
  writeErr(s: string): void;
  outputError(s: string, write: (s: string) => void): void;
}

/** The commander program with the named commands (all of them for help and for the CLI reference in docs/). */
export async function buildProgram(ctx: CommandContext, outputConfig: OutputConfig, names: readonly string[] = COMMANDS.map((c) => c.name)): Promise<Command> {
  const program = new Command('esf-report')
    .description('ESF+ participant indicators, validation and funder-ready Excel reports')
    .version(packageVersion(), '-V, --version')
    .helpCommand('help [command]', 'show the help of a command (esf-report help report)')
    .exitOverride()
    .configureOutput(outputConfig);
  for (const c of COMMANDS) {
    if (!names.includes(c.name)) continue;
    const cmd = (await c.load())(ctx);
    cmd.exitOverride().configureOutput(outputConfig);
    program.addCommand(cmd);
  }
  return program;
}

/** Runs the CLI and returns the exit code; never throws. */
export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const format = requestedErrorFormat(argv);
  installProcessHandlers();
  const output = processOutput(argv.includes('--no-color'));
  let exitCode = 0;
  try {
    const ctx: CommandContext = {
      output,
      today: () => resolveToday(),
      setExitCode: (code) => {
        exitCode = code;
      },
      validateLedger: async (...args) => (await import('./commands/finance-validate.js')).validateLedgerFile(...args),
    };
    // commander's own error lines are silenced: every usage mistake is told once, by exitCodeForError
    const outputConfig = { writeOut: (s: string) => output.out(s), writeErr: (s: string) => output.err(s), outputError: () => {} };
    const program = await buildProgram(ctx, outputConfig, commandsToLoad(argv));
    await program.parseAsync(argv as string[]);
    return exitCode;
  } catch (err) {
    return exitCodeForError(err, debug, output, format);
  } finally {
    removeTemporaryFiles();
  }
}

/**
 * The exit code for what went wrong, after telling the user: a usage mistake is one sentence on
 * stderr (exit 2), and with --format json or github also one document on stdout, so that a script
 * reading stdout always gets data; anything else is a bug in the tool (exit 3), with its stack only
 * under --debug.
 */
export function exitCodeForError(err: unknown, debug: boolean, output: Pick<Output, 'out' | 'err'>, format: ErrorFormat = 'text'): number {
  let problem: UsageProblem | undefined;
  let helpHint = false;
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
    if (err.exitCode === 0) return EXIT.ok;
    problem = usageOfCommanderError(err);
    helpHint = true;
  } else if (err instanceof UsageError) {
    problem = { message: err.message, option: err.option, value: err.value };
  }
  if (problem) {
    const told = renderUsageError(problem, format, helpHint);
    if (told.stdout) output.out(told.stdout);
    output.err(told.stderr);
    return EXIT.usage;
  }
  output.err(`esf-report: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  if (debug) output.err(`${err instanceof Error ? (err.stack ?? '') : ''}\n`);
  else output.err('This is a bug in esf-report, not in your data. Run again with --debug and report the output.\n');
  return EXIT.internal;
}
