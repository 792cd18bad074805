import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ParticipantRecord } from '../../../src/participants/record.js';
import { readText } from '../../helpers/participants.js';

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const HEADER = ['deltagar_id', 'kön', 'födelsedatum', 'startdatum', 'arbetsmarknadsstatus', 'arbetslös_månader', 'utbildningsnivå'];

describe('Excel input', () => {
  it('reads real dates and numbers from the first visible sheet, with Excel row numbers as lines', async () => {
    const bytes = await workbook((wb) => {
      const lists = wb.addWorksheet('Listor');
      lists.state = 'hidden';
      lists.addRow(['kvinna', 'man']);
      const ws = wb.addWorksheet('Deltagare');
      wb.views = [{ activeTab: 1 } as ExcelJS.WorkbookView];
      ws.addRow(HEADER);
      ws.addRow(['P-1', 'kvinna', new Date(Date.UTC(1990, 4, 1)), new Date(Date.UTC(2025, 1, 3)), 'arbetslös', 14, 3]);
      ws.addRow([]);
      ws.addRow(['P-2', 'man', new Date(Date.UTC(1985, 0, 9)), new Date(Date.UTC(2025, 1, 30 - 28)), 'arbetslös', 7, 9]);
      ws.addRow(['P-3', 'man', '1985-01-09', new Date(Date.UTC(2025, 1, 3, 10, 30)), 'inaktiv', null, 2]);
    });
    const { summary, records, codes } = await readText(bytes, { file: 'deltagare.xlsx' });
    expect(summary.format).toBe('xlsx');
    expect(summary.rows).toBe(3);
    expect(records[0]).toMatchObject({ line: 2, participantId: 'P-1', birthDate: '1990-05-01', entryDate: '2025-02-03', unemploymentMonths: 14, isced: 3 });
    expect(codes).toEqual(['VALUE_INVALID@4:isced', 'DATE_INVALID@5:entry_date']);
  });

  it('reads a named sheet and says so when it is missing', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('Notes').addRow(['nothing here']);
      const ws = wb.addWorksheet('Export');
      ws.addRow(HEADER);
      ws.addRow(['P-1', 'kvinna', '1990-05-01', '2025-02-03', 'arbetslös', '14', '3']);
    });
    const { readParticipants } = await import('../../../src/participants/read-participants.js');
    const { bufferSource } = await import('../../../src/read/source.js');
    const ctx = { today: '2026-11-25', asOf: '2026-11-25', projectStart: '2024-08-01', projectEnd: '2027-07-31' };
    const ok = await readParticipants(bufferSource('x.xlsx', bytes), ctx, { sheet: 'export' });
    expect([ok.rows, ok.errors]).toEqual([1, 0]);
    const missing = await readParticipants(bufferSource('x.xlsx', bytes), ctx, { sheet: 'Deltagare' });
    expect(missing.unusable).toBe(true);
    expect(missing.findings[0]).toMatchObject({ code: 'FILE_UNREADABLE' });
    expect(String(missing.findings[0]!.args.reason)).toContain('Notes, Export');
  });

  it('calls a broken zip and an old .xls file unreadable', async () => {
    for (const bytes of [Buffer.from('PK\u0003\u0004garbage'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])]) {
      const { summary } = await readText(bytes);
      expect(summary.findings.map((f) => f.code)).toEqual(['FILE_UNREADABLE']);
      expect(summary.unusable).toBe(true);
    }
  });
});

describe('Excel input, streamed', () => {
  it('gives a merged cell\'s value to every cell of its range, header and rows, as Excel shows it', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Deltagare');
      ws.addRow([...HEADER, 'kommentar']);
      ws.addRow(['P-1', 'kvinna', '1990-05-01', '2025-02-03', 'arbetslös', 14, 3, 'x']);
      ws.addRow(['P-2', null, '1991-05-01', '2025-02-04', null, 7, 2, 'y']);
      ws.mergeCells('B2:B3'); // gender of P-1 and P-2: kvinna
      ws.mergeCells('E2:E3');
      ws.mergeCells('H1:I1'); // a header merged over an empty column
    });
    const { summary, records, codes } = await readText(bytes, { file: 'merged.xlsx' });
    expect(summary.rows).toBe(2);
    expect(records.map((r) => [r.line, r.participantId, r.gender, r.employmentStatus])).toEqual([
      [2, 'P-1', 'woman', 'unemployed'],
      [3, 'P-2', 'woman', 'unemployed'],
    ]);
    // the merged header repeats into column I: an unknown header at H, and the same again at I
    expect(codes).toEqual(['COLUMN_UNKNOWN@1:-', 'COLUMN_UNKNOWN@1:-']);
    expect(summary.findings.filter((f) => f.code === 'COLUMN_UNKNOWN').map((f) => f.args.position)).toEqual([8, 9]);
  });

  it('reads a sheet of many rows row by row, with the same records as the CSV of it', async () => {
    const rows = 3000;
    const bytes = await workbook((wb) => {
      wb.addWorksheet('Anteckningar').addRow(['inget här']);
      const ws = wb.addWorksheet('Deltagare');
      ws.addRow(HEADER);
      for (let i = 1; i <= rows; i++) ws.addRow([`P-${i}`, i % 2 ? 'kvinna' : 'man', new Date(Date.UTC(1990, 0, 1 + (i % 300))), '2025-02-03', 'arbetslös', i % 40, i % 9]);
    });
    const { readParticipants } = await import('../../../src/participants/read-participants.js');
    const { bufferSource } = await import('../../../src/read/source.js');
    const records: ParticipantRecord[] = [];
    const ctx = { today: '2026-11-25', asOf: '2026-11-25', projectStart: '2024-08-01', projectEnd: '2027-07-31' };
    const summary = await readParticipants(bufferSource('many.xlsx', bytes, 4096), ctx, { sheet: ' deltagare ' }, (r) => records.push(r));
    expect(summary.rows).toBe(rows);
    expect(records).toHaveLength(rows);
    expect(records[rows - 1]).toMatchObject({ line: rows + 1, participantId: `P-${rows}`, gender: 'man', isced: rows % 9 });
    expect(records[0]).toMatchObject({ birthDate: '1990-01-02' });
  });
});
