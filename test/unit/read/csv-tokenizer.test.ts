import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer, type RawRecord } from '../../../src/read/csv-tokenizer.js';

function tokenize(text: string, delimiter = ',', chunk = 0) {
  const records: RawRecord[] = [];
  const t = new CsvTokenizer(delimiter, (r) => records.push(r));
  if (chunk > 0) for (let i = 0; i < text.length; i += chunk) t.push(text.slice(i, i + chunk));
  else t.push(text);
  const unclosed = t.end();
  return { records, unclosed };
}

describe('CsvTokenizer', () => {
  it('splits plain lines and keeps physical line numbers, CRLF or LF', () => {
    const { records } = tokenize('a,b\r\n1,2\r\n\r\n3,4');
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['']],
      [4, ['3', '4']],
    ]);
  });

  it('keeps the start line of a record whose quoted field spans lines', () => {
    const { records } = tokenize('a,b\n"x\ny",2\n3,"he said ""hi"""\n');
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [2, ['x\ny', '2']],
      [4, ['3', 'he said "hi"']],
    ]);
  });

  it('reports an unclosed quote at the line where it opened', () => {
    const { records, unclosed } = tokenize('a,b\n1,2\n3,"oops\n4,5\n6,7\n');
    expect(records.map((r) => r.line)).toEqual([1, 2]);
    expect(unclosed).toEqual({ line: 3 });
  });

  it('flags text after a closing quote and carries on', () => {
    const { records } = tokenize('a,b\n"ab"c,2\n3,4\n');
    expect(records[1]).toEqual({ line: 2, fields: ['abc', '2'], badQuoteField: 0 });
    expect(records[2]).toEqual({ line: 3, fields: ['3', '4'] });
  });

  it('gives the same records whatever the chunk size', () => {
    const text = 'a;b\n"x\r\ny";"q""q"\n1;2\r\n';
    const whole = tokenize(text, ';').records;
    for (const size of [1, 2, 3, 5, 7]) expect(tokenize(text, ';', size).records).toEqual(whole);
  });

  it('agrees with csv-parse on random well-formed CSV', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'å', ' ', ',', '"', '\n', ';', 'x', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const text = rows.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';
        const expected = parse(text, { relax_column_count: true }) as string[][];
        expect(tokenize(text).records.map((r) => r.fields)).toEqual(expected);
      }),
    );
  });
});
