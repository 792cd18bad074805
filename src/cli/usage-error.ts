import type { CommanderError } from 'commander';
import { closest } from './suggest.js';

/** A usage mistake as data (`cli.md`, "Output"): what is wrong, in one sentence, and where. */
export interface UsageProblem {
  readonly message: string;
  /** The option as typed (`--period`), or null when the mistake is not about one option. */
  readonly option: string | null;
  readonly value: string | null;
}

/** How a usage mistake is told: text for a person; json and github also as data on stdout. */
export const ERROR_FORMATS = ['text', 'json', 'github'] as const;
export type ErrorFormat = (typeof ERROR_FORMATS)[number];

/**
 * The format a run asked for, read from the raw arguments before they are parsed, since a usage
 * mistake may stop the parse before `--format` is read: `--format json`, `--format=json`.
 * Anything else (text, csv, none, a bad value) tells the mistake as text.
 */
export function requestedErrorFormat(argv: readonly string[]): ErrorFormat {
  let format: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--format') format = argv[i + 1];
    else if (a.startsWith('--format=')) format = a.slice('--format='.length);
  }
  return format === 'json' || format === 'github' ? format : 'text';
}

/** The JSON document of a usage mistake: `esf-report/error@1`, one document, with a trailing newline. */
export function renderUsageJson(problem: UsageProblem): string {
  const doc = { schema: 'esf-report/error@1', error: { code: 'USAGE', option: problem.option, value: problem.value, message: problem.message } };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** A usage mistake as a GitHub Actions workflow command, so that the run's summary shows it. */
export function renderUsageGithub(problem: UsageProblem): string {
  const data = problem.message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return `::error title=USAGE::${data}\n`;
}

/** What a usage mistake prints: data on stdout in json and github modes (nothing in text mode), the sentence on stderr always. */
export function renderUsageError(problem: UsageProblem, format: ErrorFormat, helpHint: boolean): { stdout: string; stderr: string } {
  const stderr = `esf-report: ${problem.message}\n${helpHint && format === 'text' ? '(run with --help for usage)\n' : ''}`;
  if (format === 'json') return { stdout: renderUsageJson(problem), stderr };
  if (format === 'github') return { stdout: renderUsageGithub(problem), stderr };
  return { stdout: '', stderr };
}

const quoted = (s: string) => /'([^']*)'/.exec(s)?.[1] ?? null;

/**
 * A commander parse error as a usage problem: the option and value picked out of commander's
 * message, its "(Did you mean …?)" kept in the sentence, and a suggestion added for a mistyped
 * choice ("--format jsn": did you mean json?).
 */
export function usageOfCommanderError(err: CommanderError): UsageProblem {
  const [first = '', ...rest] = err.message.replace(/^error: /, '').split('\n');
  const hint = rest.join(' ').trim().replace(/^\(Did you mean/, '(did you mean');
  const sentence = (s: string, extra = hint) => (extra ? `${s} ${extra}` : s);
  switch (err.code) {
    case 'commander.unknownOption':
      return { message: sentence(first), option: quoted(first), value: null };
    case 'commander.unknownCommand':
      return { message: sentence(first), option: null, value: quoted(first) };
    case 'commander.optionMissingArgument':
      return { message: sentence(first), option: flagOf(quoted(first)), value: null };
    case 'commander.invalidArgument': {
      // option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json, github, csv.
      const option = /^option '([^']*)'/.exec(first);
      const value = option ? /argument '([^']*)' is invalid/.exec(first)?.[1] : /value '([^']*)' is invalid/.exec(first)?.[1];
      const choices = /Allowed choices are (.*)\.$/.exec(first)?.[1]?.split(', ') ?? [];
      if (value === undefined || choices.length === 0) return { message: sentence(first), option: option ? flagOf(option[1]!) : null, value: value ?? null };
      const near = closest(value, choices);
      const flag = option ? flagOf(option[1]!) : null;
      const what = flag ?? quoted(/for argument '[^']*'/.exec(first)?.[0] ?? '') ?? 'the argument';
      const said = `${what} "${value}" is not one of ${choices.join(', ')}`;
      return { message: near !== undefined && near !== value ? `${said} (did you mean ${near}?)` : said, option: flag, value };
    }
    default:
      return { message: sentence(first), option: null, value: null };
  }
}

/** `--format <format>` → `--format`; `-o, --out <file>` → `--out`. */
function flagOf(spec: string | null): string | null {
  if (spec === null) return null;
  const long = /--[\w-]+/.exec(spec);
  return long ? long[0] : (/-\w/.exec(spec)?.[0] ?? spec);
}
