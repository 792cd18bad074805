import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../src/read/table.js';
import { BASE_ROW, csv, readText } from '../../helpers/participants.js';

describe('encoding detection', () => {
  const text = csv([{ ...BASE_ROW, gender: 'kvinna', exit_status: '' }]).replace('kvinna', 'kvinna') + '';
  const swedish = 'deltagar_id;kön;födelsedatum;startdatum;arbetsmarknadsstatus;arbetslös_månader;utbildningsnivå\nP-1;kvinna;1990-05-01;2025-02-03;arbetslös;14;3\n';

  it('reads UTF-8 without BOM', async () => {
    const { summary } = await readText(text);
    expect(summary.encoding).toBe('utf-8');
    expect(summary.rows).toBe(1);
  });

  it('reads UTF-8 with BOM and matches the first header despite it', async () => {
    const { summary } = await readText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(swedish)]));
    expect(summary.encoding).toBe('utf-8-bom');
    expect(summary.errors).toBe(0);
  });

  it('reads UTF-16 LE and BE with BOM', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(swedish.replace(/;/g, '\t'), 'utf16le')]);
    const r1 = await readText(le, { chunkSize: 7 });
    expect([r1.summary.encoding, r1.summary.delimiter, r1.summary.errors, r1.summary.rows]).toEqual(['utf-16le', '\t', 0, 1]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(swedish, 'utf16be')]);
    const r2 = await readText(be);
    expect([r2.summary.encoding, r2.summary.errors, r2.summary.rows]).toEqual(['utf-16be', 0, 1]);
  });

  it('falls back to Windows-1252 with a notice, keeping å ä ö and € – ’', async () => {
    const withNote = swedish.replace('utbildningsnivå', 'utbildningsnivå;kommentar').replace(';3\n', ';3;€ – ’ “ok” åäö\n');
    const { summary } = await readText(withNote, { bytesAs: 'win1252' });
    expect(summary.encoding).toBe('windows-1252');
    expect(summary.notices).toEqual([{ kind: 'encoding-fallback', file: 'test.csv' }]);
    expect(summary.errors).toBe(0);
    expect(summary.findings.map((f) => [f.code, f.args.header])).toEqual([['COLUMN_UNKNOWN', 'kommentar']]);
  });

  it('honours --encoding over detection', async () => {
    const bytes = iconv.encode(swedish, 'win1252');
    const { summary } = await readText(bytes, { encoding: 'utf-8' });
    expect(summary.unusable).toBe(true);
    expect(summary.findings[0]!.code).toBe('ENCODING_INVALID');
  });

  it('treats NUL bytes as not a text file', async () => {
    const { summary } = await readText(Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x00, 0x00, 0x41]));
    expect(summary.unusable).toBe(true);
    expect(summary.findings.map((f) => f.code)).toEqual(['ENCODING_INVALID']);
  });

  it('calls an empty file, a BOM-only file and a blank file empty', async () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('\n\n;;;\n')]) {
      const { summary } = await readText(bytes);
      expect(summary.findings.map((f) => [f.code, f.line])).toEqual([['FILE_EMPTY', null]]);
      expect(summary.unusable).toBe(true);
    }
  });
});

describe('delimiter and header', () => {
  it('detects , ; and tab from the header line, ignoring quoted text', () => {
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('a;b;"c,d,e"')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
  });

  it('matches headers in any case, with -, space and _ alike, in any order', async () => {
    const text = 'ISCED; Deltagar-ID ;KÖN;Födelsedatum;StartDatum;ARBETSMARKNADSSTATUS;Arbetslös-månader\n3;P-1;k;1990-05-01;2025-02-03;arbetslös;14\n';
    const { summary } = await readText(text);
    expect(summary.findings.map((f) => f.code)).toEqual([]);
    expect(summary.rows).toBe(1);
  });

  it('makes a file with a missing required column unusable', async () => {
    const { summary } = await readText('participant_id,entry_date,employment_status,isced,birth_date\nP-1,2025-02-03,inactive,3,1990-01-01\n');
    expect(summary.unusable).toBe(true);
    expect(summary.findings.map((f) => [f.code, f.column, f.line])).toEqual([['COLUMN_MISSING', 'gender', null]]);
  });

  it('needs birth_date or personnummer', async () => {
    const { summary } = await readText('participant_id,gender,entry_date,employment_status,isced\nP-1,m,2025-02-03,inactive,3\n');
    expect(summary.findings.map((f) => f.code)).toEqual(['COLUMN_MISSING']);
  });

  it('makes two headers for one column unusable (gender beside kön)', async () => {
    const { summary } = await readText(csv([BASE_ROW]).replace('gender', 'kön,gender').replace('woman', 'woman,woman'));
    expect(summary.findings.map((f) => [f.code, f.column])).toEqual([['COLUMN_DUPLICATE', 'gender']]);
    expect(summary.unusable).toBe(true);
  });

  it('ignores blank lines and cleared rows but keeps physical numbering', async () => {
    const text = csv([BASE_ROW]) + '\n,,,,,,\n  ,\t, \n' + csv([{ ...BASE_ROW, participant_id: 'P-2', gender: 'q' }]).split('\n')[1] + '\n';
    const { summary, codes } = await readText(text);
    expect(summary.rows).toBe(2);
    expect(codes).toEqual(['VALUE_INVALID@6:gender']);
  });

  it('reports extra non-empty fields but ignores extra empty ones', async () => {
    const lines = csv([BASE_ROW]).trimEnd().split('\n');
    const text = `${lines[0]}\n${lines[1]},,\n${lines[1]!.replace('P-0001', 'P-2')},x\n`;
    const { codes, summary } = await readText(text);
    expect(codes).toEqual(['FIELD_COUNT@3:-']);
    expect(summary.excludedRows).toBe(1);
  });

  it('counts the rows before an unclosed quote and reports the quote where it opened', async () => {
    const lines = csv([BASE_ROW]).trimEnd().split('\n');
    const text = `${lines[0]}\n${lines[1]}\n${lines[1]!.replace('P-0001', '"P-2')}\n${lines[1]!.replace('P-0001', 'P-3')}\n`;
    const { codes, summary } = await readText(text);
    expect(codes).toEqual(['QUOTE_NOT_CLOSED@3:-']);
    expect(summary.rows).toBe(1);
    expect(summary.unusable).toBe(false);
  });
});
