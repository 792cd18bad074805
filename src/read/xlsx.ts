// exceljs and its zip libraries take most of a CSV run's start-up time: loaded only when an .xlsx is read
import type * as ExcelJS from 'exceljs';
import { finding } from '../findings/finding.js';
import { MAX_RECORD_CHARS, type RawRecord } from './csv-tokenizer.js';
import type { ByteSource } from './source.js';
import { failedTable, RecordSink, recordTooLong, type TableContract, type TableResult, type TableRow } from './table.js';
import { cellText, chosenSheet, noSheetReason, type RecordOutcome } from './xlsx-common.js';

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
  const file = source.name;
  const sink = new RecordSink(file, contract, onRow);
  const onRecord = (rec: RawRecord): boolean => {
    sink.accept(rec);
    return !sink.unusable;
  };
  const { streamXlsxRecords } = await import('./xlsx-node.js');
  const outcome = (await streamXlsxRecords(source, options, onRecord)) ?? (await loadedWorkbookRecords(await loadExcel(), source, options, onRecord));
  if (outcome.unreadable !== undefined) return failedTable(finding('FILE_UNREADABLE', { file }, { reason: outcome.unreadable }), null, null, [], 'xlsx');
  if (outcome.tooLong !== undefined) return failedTable(recordTooLong(file, outcome.tooLong), null, null, [], 'xlsx');
  return sink.result(null, null, [], 'no-header', 'xlsx');
}

/**
 * The whole-workbook reading, for exceljs's browser build (the web page, whose files are in memory
 * anyway): the records of the first visible sheet (or the one named), row by row, each handed to
 * `onRecord` (false: stop). The Node reader (xlsx-node.ts) gives the same records, streamed.
 */
export async function loadedWorkbookRecords(
  Excel: typeof ExcelJS,
  source: ByteSource,
  options: { sheet?: string | undefined },
  onRecord: (rec: RawRecord) => boolean,
): Promise<RecordOutcome> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source.open()) chunks.push(chunk);
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  } catch {
    return { unreadable: 'not a readable .xlsx workbook' };
  }
  const sheets = workbook.worksheets;
  const sheet = chosenSheet(sheets, options.sheet);
  if (!sheet) return { unreadable: noSheetReason(sheets.map((s) => s.name), options.sheet) };
  const width = sheet.columnCount;
  let tooLong: number | undefined;
  let stopped = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (tooLong !== undefined || stopped) return;
    const fields = new Array<string>(width);
    let chars = 0;
    for (let c = 1; c <= width; c++) chars += (fields[c - 1] = cellText(row.getCell(c).value)).length;
    // the same record size limit as for CSV (csv-tokenizer.ts)
    if (chars > MAX_RECORD_CHARS) {
      tooLong = rowNumber;
      return;
    }
    if (chars > 0 && !onRecord({ line: rowNumber, fields })) stopped = true;
  });
  return tooLong === undefined ? {} : { tooLong };
}
