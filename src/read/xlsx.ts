// exceljs and its zip libraries take most of a CSV run's start-up time: loaded only when an .xlsx is read
import type * as ExcelJS from 'exceljs';
import { finding } from '../findings/finding.js';
import { MAX_RECORD_CHARS } from './csv-tokenizer.js';
import type { ByteSource } from './source.js';
import { failedTable, RecordSink, recordTooLong, type TableContract, type TableResult, type TableRow } from './table.js';
import { cellText, chosenSheet, noSheetReason } from './xlsx-common.js';

/** True when the bytes start like a zip archive, as every .xlsx does. */
export function looksLikeXlsx(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/** True for the old binary Excel format (.xls), which the tool cannot read. */
export function looksLikeXls(head: Uint8Array): boolean {
  return head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
}

/** exceljs, loaded when an .xlsx is read; a CommonJS module: at run time its API is the default export. */
async function loadExcel(): Promise<typeof ExcelJS> {
  return ((await import('exceljs')) as unknown as { default: typeof ExcelJS }).default;
}

/**
 * Reads the first visible sheet (or the one named) of an .xlsx file as the same records a CSV
 * gives, with the Excel row number as the line, so findings point at the row a person sees.
 * A merged cell gives its value to every cell of its range, as Excel shows it. In Node the sheet
 * is streamed (xlsx-node.ts: memory holds the shared strings and a row, never the rows); the web
 * page, which has no zlib, reads the workbook whole with exceljs's browser build.
 */
export async function readXlsxTable(
  source: ByteSource,
  contract: TableContract,
  options: { sheet?: string | undefined },
  onRow: (row: TableRow) => void,
): Promise<TableResult> {
  const { readXlsxStreamed } = await import('./xlsx-node.js');
  const streamed = await readXlsxStreamed(source, contract, options, onRow);
  return streamed ?? readLoadedWorkbook(await loadExcel(), source, contract, options, onRow);
}

/**
 * The whole-workbook reading, for exceljs's browser build (the web page, whose files are in memory
 * anyway): the first visible sheet (or the one named), row by row, with the same records.
 */
export async function readLoadedWorkbook(

  Excel: typeof ExcelJS,
  source: ByteSource,
  contract: TableContract,
  options: { sheet?: string | undefined },
  onRow: (row: TableRow) => void,
): Promise<TableResult> {
  const file = source.name;
  const chunks: Uint8Array[] = [];
  for await (const chunk of source.open()) chunks.push(chunk);
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  } catch {
    return failedTable(finding('FILE_UNREADABLE', { file }, { reason: 'not a readable .xlsx workbook' }), null, null, [], 'xlsx');
  }
  const sheets = workbook.worksheets;
  const sheet = chosenSheet(sheets, options.sheet);
  if (!sheet) {
    const reason = noSheetReason(sheets.map((s) => s.name), options.sheet);
    return failedTable(finding('FILE_UNREADABLE', { file }, { reason }), null, null, [], 'xlsx');
  }
  const sink = new RecordSink(file, contract, onRow);
  const width = sheet.columnCount;
  let tooLong: number | undefined;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (tooLong !== undefined) return;
    const fields = new Array<string>(width);
    let chars = 0;
    for (let c = 1; c <= width; c++) chars += (fields[c - 1] = cellText(row.getCell(c).value)).length;
    // the same record size limit as for CSV (csv-tokenizer.ts)
    if (chars > MAX_RECORD_CHARS) {
      tooLong = rowNumber;
      return;
    }
    sink.accept({ line: rowNumber, fields });
  });
  if (tooLong !== undefined) return failedTable(recordTooLong(file, tooLong), null, null, [], 'xlsx');
  return sink.result(null, null, [], 'no-header', 'xlsx');
}
