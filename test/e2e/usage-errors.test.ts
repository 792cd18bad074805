import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runBin } from '../helpers/run-bin.js';

const FIXTURE = 'fixtures/participants.csv';
const LEDGER = 'fixtures/ledger/ledger.csv';

interface ErrorDoc {
  schema: string;
  error: { code: string; option: string | null; value: string | null; message: string };
}

let dir: string;
let existing: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'esf-report-usage-'));
  existing = join(dir, 'exists.xlsx');
  await writeFile(existing, 'already here');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The usage mistakes of the issue, for every command that prints JSON: [command line, option, value, sentence]. */
const cases: [string[], string | null, string | null, RegExp][] = [
  // unknown option
  [['validate', FIXTURE, '--strct'], '--strct', null, /unknown option '--strct' \(did you mean --strict\?\)/],
  [['indicators', FIXTURE, '--perod', '2026-Q3'], '--perod', null, /did you mean --period\?/],
  [['finance', LEDGER, '--budgte', 'x.csv'], '--budgte', null, /did you mean --budget\?/],
  [['diff', FIXTURE, FIXTURE, '--perod', '2026-Q3'], '--perod', null, /did you mean --period\?/],
  // bad period
  [['indicators', FIXTURE, '--period', '2025-Q5'], '--period', '2025-Q5', /is not a period/],
  [['finance', LEDGER, '--period', '2025-13'], '--period', '2025-13', /there is no month 13/],
  [['diff', FIXTURE, FIXTURE, '--period', '2030'], '--period', '2030', /outside the reporting range/],
  // bad date
  [['validate', FIXTURE, '--as-of', '2026-02-30'], '--as-of', '2026-02-30', /not a date YYYY-MM-DD/],
  [['indicators', FIXTURE, '--period', '2026-Q3', '--as-of', '2026-12-24'], '--as-of', '2026-12-24', /after today/],
  [['finance', LEDGER, '--from', '2025-01-01', '--to', '2025-02-31'], '--to', '2025-02-31', /not a date/],
  [['diff', FIXTURE, FIXTURE, '--from', '1st of May', '--to', '2025-06-01'], '--from', '1st of May', /not a date/],
  // missing file (a profile: an input file that cannot be read is a finding, tested below)
  [['validate', FIXTURE, '--project', 'no-such-profile.json'], '--project', 'no-such-profile.json', /cannot read no-such-profile\.json/],
  [['indicators', FIXTURE, '--project', 'no-such-profile.json'], '--project', 'no-such-profile.json', /cannot read/],
  // a bad choice, a missing argument
  [['validate', FIXTURE, '--lang', 'de'], '--lang', 'de', /--lang "de" is not one of en, sv/],
  [['indicators', '--period', '2026-Q3'], null, null, /missing required argument 'file'/],
  [['valdate', FIXTURE], null, 'valdate', /unknown command 'valdate' \(did you mean validate\?\)/],
  // the other commands
  [['month', FIXTURE, '--month', '2026-13'], '--month', '2026-13', /is not a month YYYY-MM/],
  [['time', '--perod', '2026-Q3'], '--perod', null, /did you mean --period\?/],
  [['template', '--lang', 'de'], '--lang', 'de', /--lang "de" is not one of en, sv/],
  [['schema', 'participants'], null, 'participants', /is not one of participant, indicators \(did you mean participant\?\)/],
  [['report', FIXTURE, '--period', '2026-Q3', '--suppress-below', 'x'], '--suppress-below', 'x', /suppress-below/],
];

describe('a usage mistake with --format json is one esf-report/error@1 document, and the sentence on stderr', () => {
  it.each(cases)('%j', async (args, option, value, sentence) => {
    const r = await runBin([...args, '--format', 'json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as ErrorDoc;
    expect(doc).toEqual({ schema: 'esf-report/error@1', error: { code: 'USAGE', option, value, message: expect.stringMatching(sentence) } });
    expect(r.stderr).toBe(`esf-report: ${doc.error.message}\n`);
  });

  it('output exists: report and template', async () => {
    for (const args of [['template', '-o', existing], ['report', FIXTURE, '--period', '2026-Q3', '-o', existing]]) {
      const r = await runBin([...args, '--format', 'json']);
      expect(r.code, args.join(' ')).toBe(2);
      expect(JSON.parse(r.stdout)).toEqual({
        schema: 'esf-report/error@1',
        error: { code: 'USAGE', option: '--out', value: existing, message: `${existing} exists; use --force to replace it` },
      });
      expect(r.stderr).toBe(`esf-report: ${existing} exists; use --force to replace it\n`);
    }
    expect(await readdir(dir)).toEqual(['exists.xlsx']);
  });

  it('report --format json says what it wrote; an unusable input is a document too', async () => {
    const out = join(dir, 'r.xlsx');
    const r = await runBin(['report', FIXTURE, '--period', '2026-Q3', '--as-of', '2026-11-20', '-o', out, '--format', 'json', '--quiet']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ schema: 'esf-report/report@1', written: out, period: { label: '2026-Q3' }, records: { rows: 110, excluded: 0 } });
    const bad = await runBin(['report', 'no-such.csv', '--period', '2026-Q3', '-o', join(dir, 'none.xlsx'), '--format', 'json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ schema: 'esf-report/report@1', written: null, findings: [{ code: 'FILE_UNREADABLE' }] });
    expect(await readdir(dir)).not.toContain('none.xlsx');
  });
});

describe('the same mistakes without --format json', () => {
  it('text: nothing on stdout, the sentence on stderr, exit 2', async () => {
    const r = await runBin(['indicators', FIXTURE, '--period', '2025-Q5']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/^esf-report: --period "2025-Q5" is not a period/);
  });
  it('github: an ::error title=USAGE annotation on stdout', async () => {
    const r = await runBin(['validate', FIXTURE, '--as-of', '2026-02-30', '--format', 'github']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('::error title=USAGE::--as-of "2026-02-30" is not a date YYYY-MM-DD\n');
    expect(r.stderr).toBe('esf-report: --as-of "2026-02-30" is not a date YYYY-MM-DD\n');
  });
});

describe('a missing input file in json mode: the command\'s own document with FILE_UNREADABLE, and the sentence on stderr', () => {
  it.each([
    [['validate', 'no-such.csv'], 'esf-report/validation@1'],
    [['indicators', 'no-such.csv', '--period', '2026-Q3'], 'esf-report/indicators@1'],
    [['finance', 'no-such.csv'], 'esf-report/finance@2'],
    [['diff', 'no-such.csv', FIXTURE], 'esf-report/diff@1'],
  ])('%j', async (args, schema) => {
    const r = await runBin([...args, '--format', 'json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { schema: string; findings: { code: string; file: string }[] };
    expect(doc.schema).toBe(schema);
    expect(doc.findings).toContainEqual(expect.objectContaining({ code: 'FILE_UNREADABLE', file: 'no-such.csv' }));
    expect(r.stderr).toContain('esf-report: no-such.csv: the file cannot be read (no such file)\n');
  });
});

describe('conventions', () => {
  it('indicators and report without --period: the latest quarter ended by the as-of date, said in one notice', async () => {
    const r = await runBin(['indicators', FIXTURE, '--as-of', '2026-11-20', '--format', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { period: { label: string } }).period.label).toBe('2026-Q3');
    expect(r.stderr).toBe('no --period given: 2026-Q3 (2026-07-01 – 2026-09-30), the latest quarter ended by 2026-11-20\n');
    const sv = await runBin(['report', FIXTURE, '--lang', 'sv', '-o', join(dir, 'q.xlsx'), '--quiet']);
    expect(sv.code).toBe(0);
    expect(sv.stderr).toBe('');
    const noisy = await runBin(['report', FIXTURE, '--lang', 'sv', '-o', join(dir, 'q.xlsx'), '--force']);
    expect(noisy.stderr.split('\n')[0]).toBe('ingen --period angiven: 2026-Q3 (2026-07-01 – 2026-09-30), det senaste kvartalet som slutat senast 2026-11-25');
  });

  it('-o is --out for report and template', async () => {
    const out = join(dir, 'mall.csv');
    const r = await runBin(['template', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${out}\n`);
  });

  it('--version is the package version; help <command> is that command\'s help', async () => {
    const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await runBin(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
    const help = await runBin(['help', 'report']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: esf-report report \[options\] <file>/);
    expect(help.stdout).toContain('-o, --out <file>');
  });
});
