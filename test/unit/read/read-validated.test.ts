import { describe, expect, it } from 'vitest';
import { finding, type Finding } from '../../../src/findings/finding.js';
import { readValidated, unreadableFile, withMoreFindings, type InputContract } from '../../../src/read/read-validated.js';
import { bufferSource, SourceUnreadable, type ByteSource } from '../../../src/read/source.js';

/** A toy contract: `n` must be a whole number; a row with `n` = 0 is left out of the figures but is no error. */
const contract = (file: string): InputContract<'toy', { line: number; n: number | null }> => ({
  kind: 'toy',
  table: { columns: [{ name: 'n', aliases: ['tal'] }, { name: 'note', aliases: [] }], required: [['n']] },
  validate(row) {
    const findings: Finding[] = row.problems.slice();
    const text = row.values[0]!;
    const n = /^\d+$/.test(text) ? Number(text) : null;
    if (n === null) findings.push(finding('VALUE_INVALID', { file, line: row.line, column: 'n' }, { found: text, expected: 'a whole number' }));
    return { record: { line: row.line, n }, findings, excluded: n === null || n === 0 };
  },
});

const csv = (text: string, name = 't.csv') => bufferSource(name, new TextEncoder().encode(text), 7);

describe('readValidated', () => {
  it('hands every row to the callback and counts rows, errors and excluded rows', async () => {
    const seen: (number | null)[] = [];
    const s = await readValidated(csv('n;note\n1;a\nx;b\n\n0;c\n'), contract('t.csv'), {}, (o) => seen.push(o.record.n));
    expect(seen).toEqual([1, null, 0]);
    expect(s).toMatchObject({ file: 't.csv', kind: 'toy', format: 'csv', rows: 3, errors: 1, warnings: 0, excludedRows: 2, unusable: false, delimiter: ';' });
    expect(s.findings.map((f) => `${f.line}:${f.code}`)).toEqual(['3:VALUE_INVALID']);
    expect(s.findingCounts).toEqual({ VALUE_INVALID: 1 });
  });

  it('lists the header findings first, then the rows, then an unclosed quote', async () => {
    const s = await readValidated(csv('n,extra\nx,1\n"2,3\n'), contract('t.csv'), {});
    expect(s.findings.map((f) => `${f.line ?? '-'}:${f.code}`)).toEqual(['1:COLUMN_UNKNOWN', '2:VALUE_INVALID', '3:QUOTE_NOT_CLOSED']);
    expect([s.errors, s.warnings]).toEqual([2, 1]);
  });

  it('keeps at most keepPerCode findings of a code, with the full counts, and lets onFinding hear every one', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `bad${i},x,y`).join('\n');
    const heard: Finding[] = [];
    const s = await readValidated(csv(`n,note\n${rows}\n`), contract('t.csv'), {}, undefined, { keepPerCode: 10, onFinding: (f) => heard.push(f) });
    expect(s.findings.filter((f) => f.code === 'VALUE_INVALID').map((f) => f.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(s.findings.filter((f) => f.code === 'FIELD_COUNT')).toHaveLength(10);
    expect(s.findingCounts).toEqual({ VALUE_INVALID: 25, FIELD_COUNT: 25 });
    expect([s.errors, s.excludedRows]).toEqual([50, 25]);
    expect(heard).toHaveLength(50);
  });

  it('keeps 1,000 of a code by default', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `x${i}`).join('\n');
    const s = await readValidated(csv(`n\n${rows}\n`), contract('t.csv'), {});
    expect(s.findings).toHaveLength(1000);
    expect(s.findingCounts).toEqual({ VALUE_INVALID: 1500 });
    expect(s.errors).toBe(1500);
  });

  it('an unusable file gives only its own findings and no rows', async () => {
    const s = await readValidated(csv('note\nx\n'), contract('t.csv'), {});
    expect(s).toMatchObject({ unusable: true, rows: 0, excludedRows: 0, errors: 1 });
    expect(s.findings.map((f) => f.code)).toEqual(['COLUMN_MISSING']);
  });

  it('a source that cannot be read is FILE_UNREADABLE, never an exception', async () => {
    const broken: ByteSource = {
      name: 'gone.csv',
      // eslint-disable-next-line require-yield
      async *open() {
        throw new SourceUnreadable('input/output error');
      },
    };
    const s = await readValidated(broken, contract('gone.csv'), {});
    expect(s).toMatchObject({ unusable: true, errors: 1 });
    expect(s.findings).toEqual([finding('FILE_UNREADABLE', { file: 'gone.csv' }, { reason: 'input/output error' })]);
    // the same summary as a file the CLI cannot open at all
    expect(unreadableFile('gone.csv', 'input/output error')).toMatchObject({ findings: s.findings, errors: 1, unusable: true, rows: 0 });
  });
});

describe('withMoreFindings', () => {
  it('counts findings found after the reading and keeps them up to the limit of their code', async () => {
    const s = await readValidated(csv('n\nx\ny\n'), contract('t.csv'), {}, undefined, { keepPerCode: 3 });
    const later = [1, 2].map((i) => finding('VALUE_INVALID', { file: 't.csv', line: 10 + i, column: 'n' }, { found: 'z', expected: '' }));
    const warn = finding('COLUMN_UNKNOWN', { file: 't.csv', line: 1 }, { header: 'q', position: 2 });
    const heard: Finding[] = [];
    const more = withMoreFindings(s, [...later, warn], { keepPerCode: 3, onFinding: (f) => heard.push(f) });
    expect(more.findings.map((f) => `${f.line}:${f.code}`)).toEqual(['2:VALUE_INVALID', '3:VALUE_INVALID', '11:VALUE_INVALID', '1:COLUMN_UNKNOWN']);
    expect(more.findingCounts).toEqual({ VALUE_INVALID: 4, COLUMN_UNKNOWN: 1 });
    expect([more.errors, more.warnings]).toEqual([4, 1]);
    expect(heard).toHaveLength(3);
    expect(withMoreFindings(s, [])).toBe(s);
  });
});
