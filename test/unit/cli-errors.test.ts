import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/errors.js';
import { exitCodeForError } from '../../src/cli/main.js';

function run(err: unknown, debug = false) {
  const lines: string[] = [];
  const out: string[] = [];
  const code = exitCodeForError(err, debug, { out: (s) => out.push(s), err: (s) => lines.push(s) });
  expect(out).toEqual([]);
  return { code, text: lines.join('') };
}

describe('exit codes for what went wrong', () => {
  it('a usage mistake: exit 2, one line, no stack', () => {
    const r = run(new UsageError('--period "x" is not a period'));
    expect(r).toEqual({ code: 2, text: 'esf-report: --period "x" is not a period\n' });
  });

  it('a bad option caught by commander: exit 2; help and version: exit 0', () => {
    expect(run(new CommanderError(1, 'commander.invalidArgument', 'bad')).code).toBe(2);
    expect(run(new CommanderError(0, 'commander.helpDisplayed', '')).code).toBe(0);
    expect(run(new CommanderError(0, 'commander.version', '0.1.0')).code).toBe(0);
  });

  it('a bug: exit 3, said to be a bug, the stack only with --debug', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'x')");
    const plain = run(bug);
    expect(plain.code).toBe(3);
    expect(plain.text).toContain('internal error');
    expect(plain.text).toContain('--debug');
    expect(plain.text).not.toMatch(/\n\s+at /);
    const debug = run(bug, true);
    expect(debug.code).toBe(3);
    expect(debug.text).toMatch(/\n\s+at /);
  });
});
