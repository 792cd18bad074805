import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/errors.js';
import { commandsToLoad, exitCodeForError } from '../../src/cli/main.js';
import { optionFlag } from '../../src/cli/options.js';
import { closest } from '../../src/cli/suggest.js';
import { renderUsageError, requestedErrorFormat, usageOfCommanderError } from '../../src/cli/usage-error.js';

function run(err: unknown, format: 'text' | 'json' | 'github') {
  const out: string[] = [];
  const errs: string[] = [];
  const code = exitCodeForError(err, false, { out: (s) => out.push(s), err: (s) => errs.push(s) }, format);
  return { code, stdout: out.join(''), stderr: errs.join('') };
}

describe('the format a usage mistake is told in', () => {
  it('is read from the raw arguments, before parsing', () => {
    expect(requestedErrorFormat(['node', 'esf-report', 'validate', '--format', 'json', 'x.csv'])).toBe('json');
    expect(requestedErrorFormat(['node', 'esf-report', 'validate', '--format=github'])).toBe('github');
    expect(requestedErrorFormat(['node', 'esf-report', 'validate', '--format', 'csv'])).toBe('text');
    expect(requestedErrorFormat(['node', 'esf-report', 'validate', '--format'])).toBe('text');
    expect(requestedErrorFormat(['node', 'esf-report', 'validate', '--', '--format', 'json'])).toBe('text');
  });
});

describe('a usage mistake in json and github modes', () => {
  const err = new UsageError('--period "2025-Q5" is not a period', { option: '--period', value: '2025-Q5' });

  it('json: one esf-report/error@1 document on stdout, the same sentence on stderr, exit 2', () => {
    const r = run(err, 'json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      schema: 'esf-report/error@1',
      error: { code: 'USAGE', option: '--period', value: '2025-Q5', message: '--period "2025-Q5" is not a period' },
    });
    expect(r.stderr).toBe('esf-report: --period "2025-Q5" is not a period\n');
  });

  it('github: an ::error workflow command, escaped', () => {
    const r = run(new UsageError('100% wrong\nreally'), 'github');
    expect(r.stdout).toBe('::error title=USAGE::100%25 wrong%0Areally\n');
    expect(r.stderr).toBe('esf-report: 100% wrong\nreally\n');
  });

  it('text: the sentence on stderr only; a commander mistake adds the help hint', () => {
    expect(run(err, 'text')).toEqual({ code: 2, stdout: '', stderr: 'esf-report: --period "2025-Q5" is not a period\n' });
    const r = run(new CommanderError(1, 'commander.unknownOption', "error: unknown option '--perod'\n(Did you mean --period?)"), 'text');
    expect(r.stderr).toBe("esf-report: unknown option '--perod' (did you mean --period?)\n(run with --help for usage)\n");
  });

  it('a bug is not a usage mistake: nothing on stdout, exit 3', () => {
    const r = run(new TypeError('x is undefined'), 'json');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
  });

  it('renders nothing on stdout in text mode', () => {
    expect(renderUsageError({ message: 'm', option: null, value: null }, 'text', false)).toEqual({ stdout: '', stderr: 'esf-report: m\n' });
  });
});

describe("commander's errors as usage problems", () => {
  const of = (code: string, message: string) => usageOfCommanderError(new CommanderError(1, code, message));

  it('unknown option and unknown command keep the suggestion', () => {
    expect(of('commander.unknownOption', "error: unknown option '--perod'\n(Did you mean --period?)")).toEqual({
      message: "unknown option '--perod' (did you mean --period?)",
      option: '--perod',
      value: null,
    });
    expect(of('commander.unknownCommand', "error: unknown command 'valdate'\n(Did you mean validate?)")).toEqual({
      message: "unknown command 'valdate' (did you mean validate?)",
      option: null,
      value: 'valdate',
    });
  });

  it('a choice not in the list names the option and suggests the nearest choice', () => {
    expect(of('commander.invalidArgument', "error: option '--format <format>' argument 'jsn' is invalid. Allowed choices are text, json, csv.")).toEqual({
      message: '--format "jsn" is not one of text, json, csv (did you mean json?)',
      option: '--format',
      value: 'jsn',
    });
    expect(of('commander.invalidArgument', "error: option '--lang <lang>' argument 'de' is invalid. Allowed choices are en, sv.")).toEqual({
      message: '--lang "de" is not one of en, sv',
      option: '--lang',
      value: 'de',
    });
    expect(of('commander.invalidArgument', "error: command-argument value 'partcipant' is invalid for argument 'what'. Allowed choices are participant, indicators.")).toMatchObject({
      message: 'what "partcipant" is not one of participant, indicators (did you mean participant?)',
      option: null,
      value: 'partcipant',
    });
  });

  it('an option without its value, and a missing argument', () => {
    expect(of('commander.optionMissingArgument', "error: option '-o, --out <file.xlsx>' argument missing")).toMatchObject({ option: '--out', value: null });
    expect(of('commander.missingArgument', "error: missing required argument 'file'")).toEqual({ message: "missing required argument 'file'", option: null, value: null });
  });
});

describe('suggestions and option names', () => {
  it('suggest a near choice, not a far one', () => {
    expect(closest('jsn', ['text', 'json', 'csv'])).toBe('json');
    expect(closest('JSON', ['text', 'json'])).toBe('json');
    expect(closest('xml', ['text', 'json', 'github', 'csv'])).toBeUndefined();
    expect(closest('indicator', ['participant', 'indicators'])).toBe('indicators');
  });
  it('commander keys are shown as flags', () => {
    expect(optionFlag('asOf')).toBe('--as-of');
    expect(optionFlag('suppressBelow')).toBe('--suppress-below');
    expect(optionFlag('period')).toBe('--period');
  });
});

describe('which commands a run loads', () => {
  it('only the command it names; all of them for help, --version or a mistyped name', () => {
    expect(commandsToLoad(['node', 'esf-report', 'validate', 'x.csv'])).toEqual(['validate']);
    const all = commandsToLoad(['node', 'esf-report', '--version']);
    expect(all).toEqual(expect.arrayContaining(['validate', 'indicators', 'report', 'finance', 'template', 'diff', 'schema']));
    expect(commandsToLoad(['node', 'esf-report', 'help', 'report'])).toEqual(all);
    expect(commandsToLoad(['node', 'esf-report', 'valdate'])).toEqual(all);
  });
});
