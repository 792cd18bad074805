import { Command, CommanderError } from 'commander';
import { EXIT, UsageError } from './errors.js';
import { processOutput, type Output } from './io.js';
import { packageVersion } from './options.js';
import { financeSheetProvider } from './report-finance.js';
import { resolveToday } from './today.js';
import { diffCommand } from './commands/diff.js';
import { financeCommand } from './commands/finance.js';
import { validateLedgerFile } from './commands/finance-validate.js';
import { indicatorsCommand } from './commands/indicators.js';
import { monthCommand } from './commands/month.js';
import { reportCommand } from './commands/report.js';
import { schemaCommand } from './commands/schema.js';
import { templateCommand } from './commands/template.js';
import { timeCommand } from './commands/time.js';
import { validateCommand } from './commands/validate.js';
import type { CommandContext } from './shared.js';

/** The commands, in the order `--help` lists them. */
const COMMANDS: readonly ((ctx: CommandContext) => Command)[] = [
  validateCommand,
  indicatorsCommand,
  (ctx) => reportCommand(ctx, financeSheetProvider),
  financeCommand,
  timeCommand,
  templateCommand,
  diffCommand,
  monthCommand,
  schemaCommand,
];

/** Runs the CLI and returns the exit code; never throws. */
export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const output = processOutput(argv.includes('--no-color'));
  let exitCode = 0;
  const ctx: CommandContext = {
    output,
    today: () => resolveToday(),
    setExitCode: (code) => {
      exitCode = code;
    },
    validateLedger: validateLedgerFile,
  };
  const program = new Command('esf-report')
    .description('ESF+ participant indicators, validation and funder-ready Excel reports')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => output.out(s),
      writeErr: (s) => output.err(s),
    });
  for (const make of COMMANDS) {
    const cmd = make(ctx);
    cmd.exitOverride().configureOutput({ writeOut: (s) => output.out(s), writeErr: (s) => output.err(s) });
    cmd.showHelpAfterError('(run with --help for usage)');
    program.addCommand(cmd);
  }
  try {
    await program.parseAsync(argv as string[]);
    return exitCode;
  } catch (err) {
    return exitCodeForError(err, debug, output);
  }
}

/**
 * The exit code for what went wrong, after telling the user: a usage mistake is one line (exit 2);
 * anything else is a bug in the tool (exit 3), with its stack only under --debug.
 */
export function exitCodeForError(err: unknown, debug: boolean, output: Pick<Output, 'err'>): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
    return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (err instanceof UsageError) {
    output.err(`esf-report: ${err.message}\n`);
    return EXIT.usage;
  }
  output.err(`esf-report: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  if (debug) output.err(`${err instanceof Error ? (err.stack ?? '') : ''}\n`);
  else output.err('This is a bug in esf-report, not in your data. Run again with --debug and report the output.\n');
  return EXIT.internal;
}
