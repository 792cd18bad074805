import { Chalk } from 'chalk';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/main.js';
import type { CommandContext } from '../../src/cli/shared.js';
import { GENERATED_NOTE } from './markdown.js';

/** The help of a command exactly as `esf-report help <command>` prints it, at a fixed width. */
function helpOf(cmd: Command): string {
  let text = '';
  cmd.configureHelp({ helpWidth: 100 });
  cmd.configureOutput({ writeOut: (s) => (text += s), writeErr: (s) => (text += s), outputError: () => {} });
  cmd.outputHelp();
  return text.trimEnd();
}

/** `docs/cli.md`: the command reference, from the commands' own help (so it says what the installed version does). */
export async function cliPage(): Promise<string> {
  const unused = () => {
    throw new Error('the CLI reference only reads the help');
  };
  const ctx: CommandContext = {
    output: { out: unused, err: unused, json: unused, color: new Chalk({ level: 0 }), stderrIsTty: false },
    today: unused,
    setExitCode: unused,
    validateLedger: unused,
  };
  const program = await buildProgram(ctx, { writeOut: unused, writeErr: unused, outputError: unused });
  const L: string[] = ['# Command reference (kommandon)', '', GENERATED_NOTE, ''];
  L.push(
    'Every command prints this help with `esf-report help <command>` or `esf-report <command> --help`.',
    'Exit codes are the same for every command: **0** done, **1** the data has errors (or warnings with',
    '`--strict`), **2** a usage or input problem (bad arguments, a file that cannot be used, an output',
    'that exists without `--force`), **3** a bug in esf-report (run again with `--debug` and report it).',
    '',
    'With `--format json` a usage problem is one JSON document on stdout, and the same sentence on',
    'stderr, so that a script reading stdout always gets data:',
    '',
    '```json',
    '{',
    '  "schema": "esf-report/error@1",',
    '  "error": { "code": "USAGE", "option": "--period", "value": "2025-Q5", "message": "--period \\"2025-Q5\\" is not a period: …" }',
    '}',
    '```',
    '',
    'With `--format github` it is an `::error title=USAGE::…` line. A file that cannot be read is not a',
    'usage problem but a [FILE_UNREADABLE](findings.md#file_unreadable) finding in the command\'s own',
    'document. `ESF_REPORT_TODAY=YYYY-MM-DD` stands in for today\'s date (tests, reproducible runs).',
    '',
    '## esf-report',
    '',
    '```text',
    helpOf(program),
    '```',
    '',
  );
  for (const cmd of program.commands) {
    L.push(`## ${cmd.name()}`, '', '```text', helpOf(cmd), '```', '');
  }
  return L.join('\n');
}
