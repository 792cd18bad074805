/**
 * The streaming .xlsx reader (xlsx-node.ts, what the CLI runs) against exceljs's whole-workbook
 * reader (what the web page runs, and what the CLI ran before): the same records, row for row and
 * field for field, on workbooks written by exceljs with everything a participant export may hold,
 * and on fixtures written by openpyxl and LibreOffice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../../../src/read/csv-tokenizer.js';
import { bufferSource, type ByteSource } from '../../../src/read/source.js';
import { loadedWorkbookRecords } from '../../../src/read/xlsx.js';
import { streamXlsxRecords } from '../../../src/read/xlsx-node.js';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/xlsx');

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

interface Read {
  readonly records: RawRecord[];
  readonly outcome: unknown;
}

async function both(bytes: Uint8Array, sheet?: string): Promise<{ streamed: Read; loaded: Read }> {
  const read = async (f: (s: ByteSource, on: (r: RawRecord) => boolean) => Promise<unknown>): Promise<Read> => {
    const records: RawRecord[] = [];
    const outcome = await f(bufferSource('x.xlsx', bytes, 1000), (r) => {
      records.push({ line: r.line, fields: [...r.fields] });
      return true;
    });
    return { records, outcome };
  };
  const streamed = await read((s, on) => streamXlsxRecords(s, { sheet }, on));
  const loaded = await read((s, on) => loadedWorkbookRecords(ExcelJS, s, { sheet }, on));
  return { streamed, loaded };
}

/**
 * Expects the same records of both readers, but for `fixed` cells (`line:column` → text): where
 * exceljs drops a formula's cached result that is 0 or FALSE (it keeps only truthy results), the
 * streaming reader gives the value Excel shows.
 */
async function expectSame(bytes: Uint8Array, sheet?: string, fixed: Record<string, string> = {}): Promise<RawRecord[]> {
  const { streamed, loaded } = await both(bytes, sheet);
  expect(streamed.outcome).toEqual(loaded.outcome);
  for (const [at, text] of Object.entries(fixed)) {
    const [line, column] = at.split(':').map(Number);
    const rec = loaded.records.find((r) => r.line === line)!;
    expect(rec.fields[column! - 1]).toBe('');
    rec.fields[column! - 1] = text;
  }
  expect(streamed.records).toEqual(loaded.records);
  return streamed.records;
}

const utc = (y: number, m: number, d: number, h = 0, min = 0, s = 0) => new Date(Date.UTC(y, m - 1, d, h, min, s));

/** Workbooks as exceljs writes them, each with something a reader can get wrong. */
const CASES: { name: string; build: (wb: ExcelJS.Workbook) => void; sheet?: string }[] = [
  {
    name: 'dates, times, numbers, booleans and text',
    build: (wb) => {
      const ws = wb.addWorksheet('Deltagare');
      ws.addRow(['id', 'född', 'start', 'tid', 'antal', 'belopp', 'ja', 'text']);
      ws.addRow(['P-1', utc(1990, 5, 1), utc(2025, 2, 3, 10, 30), utc(2025, 2, 3, 23, 59, 59), 14, 106555.34, true, 'kvinna']);
      ws.addRow(['P-2', utc(1899, 12, 31), utc(1900, 3, 1), utc(2099, 12, 31), -0.5, 1e21, false, 'Åsa Öberg']);
      ws.addRow(['P-3', '1985-01-09', 0.1 + 0.2, 1 / 3, 123456789012345, 2 ** 53, null, 'a & b < c > d "e" \'f\'']);
      ws.getColumn(6).numFmt = '#,##0.00 "kr"';
      ws.getCell('D4').numFmt = 'yyyy-mm-dd hh:mm';
      ws.getCell('E4').numFmt = '[Red]0.00';
      ws.getCell('F4').numFmt = '"day" 0';
    },
  },
  {
    name: 'formulas with cached results, shared formulas, errors',
    build: (wb) => {
      const ws = wb.addWorksheet('F');
      ws.addRow(['a', 'b', 'sum', 'text', 'bool', 'err', 'date']);
      for (let i = 1; i <= 5; i++) ws.addRow([i, i * 1.1, { formula: `A${i + 1}+B${i + 1}`, result: i + i * 1.1 }]);
      ws.getCell('D2').value = { formula: 'CONCAT("x","y")', result: 'xy' };
      ws.getCell('E2').value = { formula: 'TRUE()', result: true };
      ws.getCell('F2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      ws.getCell('G2').value = { formula: 'DATE(2025,2,3)', result: utc(2025, 2, 3) };
      ws.getCell('D3').value = { formula: 'NOW()' };
      ws.getCell('A8').value = { error: '#N/A' };
      ws.getCell('C9').value = { sharedFormula: 'C2', result: 7 } as unknown as ExcelJS.CellValue;
    },
  },
  {
    name: 'rich text, hyperlink-free long and odd texts',
    build: (wb) => {
      const ws = wb.addWorksheet('R');
      ws.addRow(['id', 'namn', 'not']);
      ws.addRow(['P-1', { richText: [{ text: 'Anna ', font: { bold: true } }, { text: 'Berg' }] }, 'x'.repeat(5000)]);
      ws.addRow(['P-2', '  spaced  ', 'line\nbreak\ttab']);
      ws.addRow(['P-3', 'emoji 😀 and 中文', '_x000D_ literal']);
      ws.addRow(['P-4', '', ' ']);
    },
  },
  {
    name: 'merged ranges: header, vertical, block, past the last row, over empty cells',
    build: (wb) => {
      const ws = wb.addWorksheet('M');
      ws.addRow(['id', 'kön', 'status', 'kommentar']);
      ws.addRow(['P-1', 'kvinna', 'arbetslös', 'x']);
      ws.addRow(['P-2', null, null, 'y']);
      ws.addRow(['P-3', 'man', 'inaktiv']);
      ws.mergeCells('B2:B3');
      ws.mergeCells('C2:C3');
      ws.mergeCells('D1:F1');
      ws.mergeCells('C4:D6');
      ws.mergeCells('H10:I10');
    },
  },
  {
    name: 'a hidden first sheet and a visible second',
    build: (wb) => {
      const hidden = wb.addWorksheet('Listor');
      hidden.state = 'hidden';
      hidden.addRow(['kvinna', 'man']);
      const ws = wb.addWorksheet('Deltagare');
      ws.addRow(['id']);
      ws.addRow(['P-1']);
    },
  },
  {
    name: 'a sheet named, case and space aside',
    sheet: ' EXPORT ',
    build: (wb) => {
      wb.addWorksheet('Notes').addRow(['nothing']);
      const ws = wb.addWorksheet('Export');
      ws.addRow(['id']);
      ws.addRow(['P-9']);
    },
  },
  {
    name: 'a sheet named that is missing',
    sheet: 'Deltagare',
    build: (wb) => {
      wb.addWorksheet('Notes').addRow(['nothing']);
      wb.addWorksheet('Export').addRow(['id']);
    },
  },
  {
    name: 'empty rows and columns, styled empty cells widening the sheet',
    build: (wb) => {
      const ws = wb.addWorksheet('E');
      ws.getCell('B3').value = 'id';
      ws.getCell('D3').value = 'namn';
      ws.getCell('B7').value = 'P-1';
      ws.getCell('E7').value = 'far';
      ws.getCell('J7').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
      ws.getCell('M20').border = { top: { style: 'thin' } };
      ws.getCell('B9').value = '';
      ws.getCell('C12').value = 0;
    },
  },
  {
    name: 'an empty workbook sheet',
    build: (wb) => {
      wb.addWorksheet('Tom');
    },
  },
  {
    name: 'a cell too long for a record',
    build: (wb) => {
      const ws = wb.addWorksheet('L');
      ws.addRow(['id', 'text']);
      ws.addRow(['P-1', 'ok']);
      ws.addRow(['P-2', 'y'.repeat(32000)]);
      for (let c = 3; c <= 40; c++) ws.getCell(3, c).value = 'z'.repeat(30000);
      ws.addRow(['P-4', 'after']);
    },
  },
];

describe('the streaming reader gives the records exceljs gives', () => {
  it.each(CASES)('$name', async ({ build, sheet }) => {
    await expectSame(await workbook(build), sheet);
  });

  it('but a formula whose cached result is 0 or FALSE, which exceljs reads as empty, is the value Excel shows', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Z');
      ws.addRow(['a', 'zero', 'false', 'text']);
      ws.addRow([1, { formula: 'A2-1', result: 0 }, { formula: 'A2>2', result: false }, { formula: 'T("")', result: '' }]);
    });
    const records = await expectSame(bytes, undefined, { '2:2': '0', '2:3': 'false' });
    expect(records[1]!.fields).toEqual(['1', '0', 'false', '']);
  });

  it('with 1904 dates', async () => {
    const bytes = await workbook((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('D');
      ws.addRow(['id', 'född']);
      ws.addRow(['P-1', utc(1990, 5, 1)]);
      ws.addRow(['P-2', utc(2025, 2, 3, 12)]);
    });
    const records = await expectSame(bytes);
    expect(records[1]!.fields).toEqual(['P-1', '1990-05-01']);
  });

  it('on a thousand random rows of mixed values', async () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Random');
      for (let r = 1; r <= 1000; r++) {
        for (let c = 1; c <= 12; c++) {
          const k = Math.floor(rand() * 9);
          const cell = ws.getCell(r, c);
          if (k === 0) continue;
          if (k === 1) cell.value = Math.floor(rand() * 1e6);
          else if (k === 2) cell.value = rand() * 1000 - 500;
          else if (k === 3) cell.value = utc(1950 + Math.floor(rand() * 80), 1 + Math.floor(rand() * 12), 1 + Math.floor(rand() * 28));
          else if (k === 4) cell.value = rand() < 0.5;
          else if (k === 5) cell.value = `text ${Math.floor(rand() * 50)}`;
          else if (k === 6) cell.value = { richText: [{ text: 'r' }, { text: String(Math.floor(rand() * 9)) }] };
          else if (k === 7) cell.value = { formula: `A${r}*2`, result: 1 + Math.floor(rand() * 100) };
          else cell.value = '';
        }
      }
      ws.mergeCells('N5:O9');
      ws.getCell('N5').value = 'merged';
    });
    const records = await expectSame(bytes);
    expect(records.length).toBeGreaterThan(900);
  });
});

describe('random small sheets: values, styled empty cells and merged ranges anywhere', () => {
  it('give the same records and width', async () => {
    const at = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 7 }));
    const value = fc.oneof(fc.constant(null), fc.constant(''), fc.string({ maxLength: 4 }), fc.integer({ min: -5, max: 99 }), fc.boolean());
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(at, value), { maxLength: 25 }),
        fc.array(at, { maxLength: 6 }),
        fc.array(fc.tuple(at, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { maxLength: 4 }),
        async (cells, styled, merges) => {
          const bytes = await workbook((wb) => {
            const ws = wb.addWorksheet('S');
            for (const [[r, c], v] of cells) ws.getCell(r, c).value = v;
            for (const [r, c] of styled) ws.getCell(r, c).numFmt = '0.00';
            for (const [[r, c], h, w] of merges) {
              try {
                ws.mergeCells(r, c, r + h, c + w);
              } catch {
                // overlapping: exceljs refuses to write it
              }
            }
          });
          await expectSame(bytes);
        },
      ),
      { numRuns: Number(process.env.XLSX_FUZZ_RUNS ?? 150) },
    );
  });
});

describe('workbooks of other writers, as exceljs reads them', () => {
  // written by scripts in fixtures/xlsx/README.md: openpyxl (inline strings, absolute part paths,
  // 1904 dates in one), LibreOffice (its own styles and shared strings)
  it.each<{ file: string; fixed: Record<string, string> }>([
    { file: 'openpyxl.xlsx', fixed: {} },
    { file: 'openpyxl-1904.xlsx', fixed: {} },
    // LibreOffice writes a boolean as a formula (FALSE()) with its result
    { file: 'libreoffice.xlsx', fixed: { '7:8': 'false' } },
  ])('$file', async ({ file, fixed }) => {
    const records = await expectSame(new Uint8Array(readFileSync(join(FIXTURES, file))), undefined, fixed);
    expect(records.length).toBeGreaterThan(2);
  });
});
