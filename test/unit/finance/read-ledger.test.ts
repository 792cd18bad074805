import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readLedger, type LedgerContext, type LedgerRecord } from '../../../src/finance/read-ledger.js';
import { bufferSource } from '../../../src/read/source.js';
import { HEADER, ledger, row } from './helpers.js';

const CTX: LedgerContext = { today: '2026-11-25', projectStart: '2024-08-01', projectEnd: '2027-07-31', hasFlatRate: true };

async function read(lines: string[], ctx: LedgerContext = CTX) {
  const records: LedgerRecord[] = [];
  const summary = await readLedger(ledger(lines), ctx, {}, (r) => records.push(r));
  const codes = summary.findings.map((f) => `${f.line}:${f.code}:${f.column ?? ''}:${f.severity}`);
  return { summary, records, codes };
}

describe('readLedger: values', () => {
  it('reads a clean row into öre with its canonical type and category', async () => {
    const { records, codes, summary } = await read([HEADER, row('2024-09-25', 'kostnad', 'personal', '63 738,70', 'V1')]);
    expect(codes).toEqual([]);
    expect(records).toEqual([{ line: 2, ok: true, date: '2024-09-25', type: 'cost', category: 'staff', amount: 6373870 }]);
    expect(summary).toMatchObject({ kind: 'ledger', rows: 1, errors: 0, warnings: 0, excludedRows: 0, unusable: false, encoding: 'utf-8', delimiter: ';' });
  });

  it('accepts English headers and values, any case, `-`/space/`_` alike', async () => {
    const { records, codes } = await read([
      'Date,Type,Category,Amount',
      '2024-09-30,Cost,Flat-Rate,"40 000,00"',
      '2024-09-30,FINANCING,public in kind,1234.5',
      '20240930,financing,Private_Cash,-500',
      '2024-09-30 00:00,kostnad,Deltagarersättning,10',
    ]);
    expect(codes).toEqual([]);
    expect(records.map((r) => [r.date, r.type, r.category, r.amount])).toEqual([
      ['2024-09-30', 'cost', 'flat_rate', 4000000],
      ['2024-09-30', 'financing', 'public_in_kind', 123450],
      ['2024-09-30', 'financing', 'private_cash', -50000],
      ['2024-09-30', 'cost', 'participant_allowance', 1000],
    ]);
  });

  it('names every problem on its physical line and column, and leaves the row out', async () => {
    const { records, codes, summary } = await read([
      HEADER,
      row('2024-09-25', 'kostnad', 'personal', '1.234'), // 2
      row('2024-09-25', 'kostnad', 'personal', '12 34'), // 3
      row('2024-09-25', 'utgift', 'personal', '100'), // 4
      row('2024-09-25', 'kostnad', 'resor', '100'), // 5
      row('2024-09-25', 'kostnad', 'esf', '100'), // 6
      row('2024-07-31', 'kostnad', 'personal', '100'), // 7
      row('2026-11-26', 'kostnad', 'personal', '100'), // 8
      row('2024-02-30', 'kostnad', 'personal', '100'), // 9
      '', // 10: blank, not a row
      row('', '', '', ''), // 11: Excel's cleared row ;;;;;; is blank too
      ';kostnad;personal;', // 12
      row('2024-09-25', 'kostnad', 'övriga_direkta', '100'), // 13
      row('2027-08-01', 'kostnad', 'personal', '100'), // 14: after today first
    ]);
    expect(codes).toEqual([
      '2:AMOUNT_INVALID:amount:error',
      '3:AMOUNT_INVALID:amount:error',
      '4:CATEGORY_INVALID:type:error',
      '5:CATEGORY_INVALID:category:error',
      '6:CATEGORY_TYPE_MISMATCH:category:error',
      '7:BOOKING_OUTSIDE_PROJECT:date:error',
      '8:DATE_AFTER_TODAY:date:error',
      '9:DATE_INVALID:date:error',
      '12:VALUE_MISSING:date:error',
      '12:VALUE_MISSING:amount:error',
      '13:OTHER_DIRECT_WITH_FLAT_RATE:category:error',
      '14:DATE_AFTER_TODAY:date:error',
    ]);
    expect(summary.findings[0]!.args).toMatchObject({ found: '1.234', reason: 'ambiguous' });
    expect(summary.findings[1]!.args.reason).toBeUndefined();
    expect(records.every((r) => !r.ok)).toBe(true);
    expect(summary).toMatchObject({ rows: 11, errors: 12, excludedRows: 11 });
    expect(summary.excluded[8]).toEqual({ line: 12, codes: ['VALUE_MISSING'] });
  });

  it('allows other_direct in a project without a flat rate', async () => {
    const { records, codes } = await read([HEADER, row('2024-09-25', 'kostnad', 'övriga_direkta', '100')], { ...CTX, hasFlatRate: false });
    expect(codes).toEqual([]);
    expect(records[0]).toMatchObject({ ok: true, category: 'other_direct' });
  });

  it('accepts the project start and end days', async () => {
    const { codes } = await read([HEADER, row('2024-08-01', 'kostnad', 'personal', '1'), row('2025-01-31', 'kostnad', 'personal', '1')], {
      ...CTX,
      projectEnd: '2025-01-31',
    });
    expect(codes).toEqual([]);
  });
});

describe('readLedger: REFERENCE_DUPLICATE', () => {
  it('warns on the same voucher, date and amount (compared in öre); the row still counts', async () => {
    const { records, codes, summary } = await read([
      HEADER,
      row('2024-09-10', 'kostnad', 'deltagarersättning', '1 000,00', 'V-1'),
      row('2024-09-10', 'kostnad', 'deltagarersättning', '1000', 'V-1'), // duplicate of line 2
      row('2024-09-11', 'kostnad', 'deltagarersättning', '1000', 'V-1'), // other day
      row('2024-09-10', 'kostnad', 'deltagarersättning', '1000,01', 'V-1'), // other amount
      row('2024-09-10', 'kostnad', 'deltagarersättning', '1000', 'V-2'), // other voucher
      row('2024-09-10', 'kostnad', 'deltagarersättning', '1000', ''), // no voucher: never a duplicate
      row('2024-09-10', 'kostnad', 'deltagarersättning', '1000', ''),
      row('2024-09-10', 'finansiering', 'statlig', '1000.00', 'V-1'), // same voucher, date, amount: a duplicate as the contract says
    ]);
    expect(codes).toEqual(['3:REFERENCE_DUPLICATE:reference:warning', '9:REFERENCE_DUPLICATE:reference:warning']);
    expect(summary.findings[0]!.args).toMatchObject({ found: 'V-1', firstLine: 2 });
    expect(records.every((r) => r.ok)).toBe(true);
    expect(summary).toMatchObject({ errors: 0, warnings: 2, excludedRows: 0 });
  });
});

describe('readLedger: the file', () => {
  it('reads Swedish Excel CSV (Windows-1252, CRLF) with å, ä, ö intact', async () => {
    const text = `${HEADER}\r\n2024-09-30;kostnad;bidrag_i_annat_än_pengar;46\u00A0183,20;Helsingborgs stad;V1;Partnertid – ”Aktiv matchning”\r\n2024-09-30;finansiering;offentlig_i_annat_än_pengar;46\u00A0183,20;;V2;\r\n`;
    const records: LedgerRecord[] = [];
    const summary = await readLedger(bufferSource('sv.csv', iconv.encode(text, 'win1252'), 5), CTX, {}, (r) => records.push(r));
    expect(summary.encoding).toBe('windows-1252');
    expect(summary.notices).toEqual([{ kind: 'encoding-fallback', file: 'sv.csv' }]);
    expect(summary.findings).toEqual([]);
    expect(records.map((r) => [r.category, r.amount])).toEqual([
      ['in_kind', 4618320],
      ['public_in_kind', 4618320],
    ]);
  });

  it('is unusable without a required column (COLUMN_MISSING, no rows)', async () => {
    const { summary, records } = await read(['datum;typ;kategori;part', '2024-09-30;kostnad;personal;x']);
    expect(summary.unusable).toBe(true);
    expect(summary.rows).toBe(0);
    expect(records).toEqual([]);
    expect(summary.findings.map((f) => [f.code, f.column, f.line])).toEqual([['COLUMN_MISSING', 'amount', null]]);
  });

  it('warns on unknown columns and reports structural problems on their line', async () => {
    const { codes } = await read([`${HEADER};kommentar`, `${row('2024-09-30', 'kostnad', 'personal', '1')};ok`, `${row('2024-09-30', 'kostnad', 'personal', '1')};x;extra`]);
    expect(codes).toEqual(['1:COLUMN_UNKNOWN::warning', '3:FIELD_COUNT::error']);
  });

  it('is empty without bytes', async () => {
    const summary = await readLedger(bufferSource('e.csv', new Uint8Array()), CTX, {});
    expect(summary.unusable).toBe(true);
    expect(summary.findings[0]!.code).toBe('FILE_EMPTY');
  });
});

describe('readLedger: an Excel workbook', () => {
  it('reads .xlsx with real dates and numbers (Excel row numbers as lines)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Huvudbok');
    ws.addRow(['datum', 'typ', 'kategori', 'belopp', 'part', 'verifikation', 'beskrivning']);
    ws.addRow([new Date(Date.UTC(2024, 8, 25)), 'kostnad', 'personal', 63738.7, 'Stiftelsen Tillväxt Helsingborg', 'V1', 'Lön']);
    ws.addRow([new Date(Date.UTC(2024, 8, 30)), 'finansiering', 'esf', 25495, '', 'V2', '']);
    ws.addRow([new Date(Date.UTC(2024, 8, 30)), 'kostnad', 'schablon', '1 234,5', '', 'V3', '']);
    ws.addRow([new Date(Date.UTC(2024, 8, 30)), 'kostnad', 'schablon', 12.345, '', 'V4', '']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const records: LedgerRecord[] = [];
    const summary = await readLedger(bufferSource('huvudbok.xlsx', bytes), CTX, {}, (r) => records.push(r));
    expect(summary.findings.map((f) => `${f.line}:${f.code}`)).toEqual(['5:AMOUNT_INVALID']);
    expect(records.slice(0, 3).map((r) => [r.line, r.date, r.category, r.amount])).toEqual([
      [2, '2024-09-25', 'staff', 6373870],
      [3, '2024-09-30', 'eu', 2549500],
      [4, '2024-09-30', 'flat_rate', 123450],
    ]);
  });
});
