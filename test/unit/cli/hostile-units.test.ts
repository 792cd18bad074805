import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayName } from '../../../src/cli/display-name.js';
import { fileSource, readErrorReason } from '../../../src/cli/io.js';
import { stdoutFailure } from '../../../src/cli/process-handlers.js';
import { csvField, ghData, ghProp } from '../../../src/cli/render-findings.js';
import { removeTemporaryFiles, temporaryFiles, trackTemporary, untrackTemporary } from '../../../src/cli/temp-files.js';
import { clipEcho, MAX_ECHO_CHARS } from '../../../src/findings/render.js';
import { CsvTokenizer, MAX_RECORD_CHARS, type RawRecord } from '../../../src/read/csv-tokenizer.js';
import { SourceUnreadable } from '../../../src/read/source.js';

describe('CSV injection (OWASP)', () => {
  it.each(['=HYPERLINK(1)', '+1', '-2', '@SUM(A1)', '\tx', '\rx'])('neutralises a text starting like a formula: %j', (v) => {
    const f = csvField(v, ',');
    expect(f.startsWith('"\'')).toBe(true);
  });
  it('leaves ordinary texts and numbers alone', () => {
    expect(csvField('DATE_INVALID', ',')).toBe('DATE_INVALID');
    expect(csvField(-3, ',')).toBe('-3');
    expect(csvField('a,b', ',')).toBe('"a,b"');
  });
});

describe('GitHub workflow-command escaping', () => {
  it('escapes data and properties as the runner requires', () => {
    expect(ghData('50%\r\n::x')).toBe('50%25%0D%0A::x');
    expect(ghProp('::error title=X::a,b')).toBe('%3A%3Aerror title=X%3A%3Aa%2Cb');
  });
  it('shows control characters of a file name instead of printing them', () => {
    expect(displayName('a\n::add-mask::b\u001b[31m.csv')).toBe('a\\n::add-mask::b\\x1b[31m.csv');
  });
});

describe('quiet failures', () => {
  it('a closed pipe is silent and exit 0; a full disk is one sentence and exit 2', () => {
    expect(stdoutFailure(Object.assign(new Error('x'), { code: 'EPIPE' }))).toEqual({ exitCode: 0, message: null });
    expect(stdoutFailure(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toEqual({
      exitCode: 2,
      message: 'esf-report: cannot write the output to standard output: the disk is full\n',
    });
  });
  it('maps read errors to words', () => {
    expect(readErrorReason(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('permission denied');
    expect(readErrorReason(Object.assign(new Error('x'), { code: 'EIO' }))).toBe('input/output error');
  });
  it('a read that fails is SourceUnreadable, not a crash', async () => {
    const read = async () => {
      for await (const _ of fileSource('/proc/self/mem').open()) void _;
    };
    await expect(read()).rejects.toBeInstanceOf(SourceUnreadable);
  });
  it('removes the temporary files still listed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'esf-tmp-'));
    const a = join(dir, 'a.tmp');
    const b = join(dir, 'b.tmp');
    writeFileSync(a, 'x');
    writeFileSync(b, 'x');
    trackTemporary(a);
    trackTemporary(b);
    untrackTemporary(b);
    removeTemporaryFiles();
    expect([existsSync(a), existsSync(b)]).toEqual([false, true]);
    expect(temporaryFiles()).toEqual([]);
  });
});

describe('size limits', () => {
  it('the tokenizer stops at a record past the limit and names its line', () => {
    const records: RawRecord[] = [];
    const t = new CsvTokenizer(',', (r) => records.push(r));
    t.push('a,b\n1,2\n');
    for (let i = 0; i < 10; i++) t.push('x'.repeat(MAX_RECORD_CHARS / 4));
    t.push('\n3,4\n');
    t.end();
    expect(t.tooLong).toEqual({ line: 3 });
    expect(records.map((r) => r.line)).toEqual([1, 2]);
  });
  it('a quoted field spanning lines past the limit is stopped at the record’s first line', () => {
    const t = new CsvTokenizer(',', () => {});
    t.push('a,b\n1,"');
    for (let i = 0; i < 5; i++) t.push(`${'y'.repeat(MAX_RECORD_CHARS / 4)}\n`);
    expect(t.tooLong).toEqual({ line: 2 });
  });
  it('echoed values are cut', () => {
    expect(clipEcho('z'.repeat(10_000))).toHaveLength(MAX_ECHO_CHARS + 1);
    expect(clipEcho('short')).toBe('short');
  });
});
