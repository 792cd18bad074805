// exceljs and its zip libraries take most of a CSV run's start-up time: loaded only when an .xlsx is read
import type * as ExcelJS from 'exceljs';
import { finding } from '../findings/finding.js';
import { ymdToIso } from '../core/dates.js';
import { MAX_RECORD_CHARS, type RawRecord } from './csv-tokenizer.js';
import type { ByteSource } from './source.js';
import { failedTable, RecordSink, recordTooLong, type TableContract, type TableResult, type TableRow } from './table.js';

/** True when the bytes start like a zip archive, as every .xlsx does. */
export function looksLikeXlsx(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/** True for the old binary Excel format (.xls), which the tool cannot read. */
export function looksLikeXls(head: Uint8Array): boolean {
  return head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
}

/**
 * The text of a cell as an export would have it: real Excel dates become `YYYY-MM-DD` (a time of
 * day is kept, so that a non-zero time is reported), numbers their shortest decimal form,
 * formulas their cached result, rich text its plain text.
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // exceljs gives dates as UTC instants of the serial day; read them back in UTC
    const date = ymdToIso(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    const h = value.getUTCHours();
    const m = value.getUTCMinutes();
    const s = value.getUTCSeconds();
    return h === 0 && m === 0 && s === 0 ? date : `${date} ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  }
  // a formula's cached result carries binary noise (106555.34000000001): keep Excel's 15 digits
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('hyperlink' in value) return String((value as { text?: unknown }).text ?? '');
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/**
 * Reads the first visible sheet (or the one named) of an .xlsx file as the same records a CSV
 * gives, with the Excel row number as the line, so findings point at the row a person sees.
 */
export async function readXlsxTable(
  source: ByteSource,
  contract: TableContract,
  options: { sheet?: string | undefined },
  onRow: (row: TableRow) => void,
): Promise<TableResult> {
  const file = source.name;
  const chunks: Uint8Array[] = [];
  for await (const chunk of source.open()) chunks.push(chunk);
  // a CommonJS module: at run time its API is the default export
  const Excel = ((await import('exceljs')) as unknown as { default: typeof ExcelJS }).default;
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  } catch {
    return failedTable(finding('FILE_UNREADABLE', { file }, { reason: 'not a readable .xlsx workbook' }), null, null, [], 'xlsx');
  }
  const sheets = workbook.worksheets;
  const sheet = options.sheet
    ? sheets.find((s) => s.name.trim().toLowerCase() === options.sheet!.trim().toLowerCase())
    : (sheets.find((s) => s.state === 'visible') ?? sheets[0]);
  if (!sheet) {
    const reason = options.sheet
      ? `no sheet named "${options.sheet}"; the sheets are: ${sheets.map((s) => s.name).join(', ')}`
      : 'the workbook has no sheets';
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
    const rec: RawRecord = { line: rowNumber, fields };
    sink.accept(rec);
  });
  if (tooLong !== undefined) return failedTable(recordTooLong(file, tooLong), null, null, [], 'xlsx');
  return sink.result(null, null, [], 'no-header', 'xlsx');
}
