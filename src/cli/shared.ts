import { Option, type Command } from 'commander';
import { LANGS } from '../findings/catalogue.js';
import type { ProjectProfile } from '../project/profile.js';
import type { EncodingName } from '../read/encoding.js';
import type { FindingsOptions } from '../read/read-validated.js';
import type { Delimiter } from '../read/table.js';
import type { Output } from './io.js';
import type { FileSummaryView } from './render-findings.js';

/** What every command gets from `main`: output, the clock (read once), and a way to set the exit code. */
export interface CommandContext {
  readonly output: Output;
  today(): string;
  /** 3 only where the tool refuses its own result (a shared copy it cannot protect). */
  setExitCode(code: 0 | 1 | 2 | 3): void;
  /** Checks a ledger for `validate --ledger`; supplied by the finance module. */
  validateLedger(
    file: string,
    profile: ProjectProfile,
    today: string,
    asOf: string,
    options: { encoding?: EncodingName | undefined; delimiter?: Delimiter | undefined },
    findingsOut?: FindingsOptions,
  ): Promise<FileSummaryView>;
}

/** Adds the options every command shares (`cli.md`, "Common options"). */
export function addCommonOptions(cmd: Command): Command {
  return cmd
    .option('--project <file>', 'project profile JSON (default: the built-in 23-073-S10 HISSen profile)')
    .option('--as-of <date>', 'reference date YYYY-MM-DD: the day the figures describe')
    .addOption(new Option('--lang <lang>', 'language of messages (terminal default en; workbook default sv)').choices(LANGS))
    .option('--encoding <name>', 'input encoding: utf-8, utf-8-bom, utf-16le, utf-16be, windows-1252 (default: detected)')
    .option('--delimiter <char>', 'input delimiter: , ; or tab (default: detected from the header)')
    .option('--sheet <name>', 'sheet of an .xlsx input (default: the first visible sheet)')
    .option('--quiet', 'no notices or progress on stderr')
    .option('--no-color', 'no colour in the terminal (also NO_COLOR)')
    .option('--debug', 'print the stack of an internal error');
}
