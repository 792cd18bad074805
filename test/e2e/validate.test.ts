import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PERSONNUMMER_SHAPE, ROOT, runBin } from '../helpers/run-bin.js';

interface Expected {
  file: string;
  exit: number;
  strictExit?: number;
  findings: { severity?: string; code: string; line: number | null; column: string | null }[];
}

const expected = JSON.parse(readFileSync(`${ROOT}fixtures/bad/expected.json`, 'utf8')) as Expected[];

describe('validate on the bundled sample', () => {
  it('accepts fixtures/participants.csv (exit 0, warnings only)', async () => {
    const r = await runBin(['validate', 'fixtures/participants.csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/110 rows, 110 counted, 0 excluded; 0 errors/);
  });

  it('gives the same counts for the Swedish Excel (Windows-1252, ;) copy, with å ä ö intact', async () => {
    const en = JSON.parse((await runBin(['validate', '--format', 'json', 'fixtures/participants.csv'])).stdout);
    const r = await runBin(['validate', '--format', 'json', 'fixtures/participants-sv-excel.csv']);
    expect(r.code).toBe(0);
    const sv = JSON.parse(r.stdout);
    expect(sv.files[0]).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    const counts = (d: { files: Record<string, unknown>[] }) => {
      const { rows, errors, warnings, excludedRows } = d.files[0] as Record<string, number>;
      return { rows, errors, warnings, excludedRows };
    };
    expect(counts(sv)).toEqual(counts(en));
    expect(sv.findings.map((f: { code: string; line: number }) => [f.code, f.line])).toEqual(
      en.findings.map((f: { code: string; line: number }) => [f.code, f.line]),
    );
    expect(r.stderr).toContain('Windows-1252');
    const svText = await runBin(['validate', '--lang', 'sv', 'fixtures/participants-sv-excel.csv']);
    expect(svText.stdout).toContain('status_6_mån');
    expect(svText.stdout).not.toContain('\uFFFD');
  });
});

describe('every bad-input fixture', () => {
  for (const c of expected) {
    it(`${c.file}: exit ${c.exit} with the right codes, lines and columns`, async () => {
      const r = await runBin(['validate', '--format', 'json', `fixtures/bad/${c.file}`]);
      expect(r.code).toBe(c.exit);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      const doc = JSON.parse(r.stdout);
      expect(doc.schema).toBe('esf-report/validation@1');
      const got = doc.findings.map((f: Expected['findings'][number]) => `${f.code}@${f.line}:${f.column}`).sort();
      const want = c.findings.map((f) => `${f.code}@${f.line}:${f.column}`).sort();
      expect(got).toEqual(want);
      for (const f of doc.findings) {
        expect(Object.keys(f).sort()).toEqual(['code', 'column', 'file', 'line', 'message', 'severity']);
        expect(f.message).not.toMatch(PERSONNUMMER_SHAPE);
      }
      if (c.strictExit !== undefined) {
        expect((await runBin(['validate', '--strict', `fixtures/bad/${c.file}`])).code).toBe(c.strictExit);
      }
      const text = await runBin(['validate', `fixtures/bad/${c.file}`]);
      expect(text.code).toBe(c.exit);
      expect(text.stdout + text.stderr).not.toMatch(PERSONNUMMER_SHAPE);
      expect(text.stderr).not.toMatch(/\n\s+at /);
    });
  }
});

describe('output formats and exit codes', () => {
  it('--format github points each finding at its file and line, then the summary', async () => {
    const r = await runBin(['validate', '--format', 'github', 'fixtures/bad/date-invalid.csv']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^::error file=fixtures\/bad\/date-invalid\.csv,line=3,title=DATE_INVALID::entry_date: /);
    expect(lines.at(-1)).toMatch(/^fixtures\/bad\/date-invalid\.csv: \d+ rows/);
  });

  it('--format csv writes a UTF-8 BOM CSV, ; in Swedish', async () => {
    const r = await runBin(['validate', '--format', 'csv', '--lang', 'sv', 'fixtures/bad/date-invalid.csv']);
    expect(r.stdout.startsWith('\uFEFFallvarlighet;kod;fil;rad;kolumn;meddelande')).toBe(true);
    expect(r.stdout).toContain('error;DATE_INVALID;fixtures/bad/date-invalid.csv;3;entry_date;');
  });

  it('several files in one run: the exit code is the highest, an unusable file does not stop the others', async () => {
    const r = await runBin(['validate', '--format', 'json', 'fixtures/bad/empty.csv', 'fixtures/participants.csv', 'no-such.csv']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.files.map((f: { file: string; rows: number }) => [f.file, f.rows])).toEqual([
      ['fixtures/bad/empty.csv', 0],
      ['fixtures/participants.csv', 110],
      ['no-such.csv', 0],
    ]);
    expect(doc.findings.filter((f: { line: null }) => f.line === null).map((f: { code: string }) => f.code)).toEqual([
      'FILE_EMPTY',
      'FILE_UNREADABLE',
    ]);
  });

  it('--strict turns warnings into exit 1', async () => {
    expect((await runBin(['validate', '--strict', 'fixtures/participants.csv'])).code).toBe(1);
  });

  it('usage errors exit 2 without a stack', async () => {
    for (const args of [['validate'], ['validate', '--format', 'xml', 'x.csv'], ['validate', '--as-of', '2030-01-01', 'fixtures/participants.csv'], ['validate', '--encoding', 'ebcdic', 'x.csv'], ['nonsense']]) {
      const r = await runBin(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('--as-of moves the reference date: follow-ups not yet due earlier', async () => {
    const r = await runBin(['validate', '--format', 'json', '--as-of', '2025-06-01', 'fixtures/participants.csv']);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.filter((f: { code: string }) => f.code === 'STATUS_6M_MISSING')).toHaveLength(0);
  });

  it('--version and --help', async () => {
    expect((await runBin(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await runBin(['validate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
  });
});
