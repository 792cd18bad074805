// exceljs and its zip libraries take most of a CSV run's start-up time: loaded only when an .xlsx is read
import type * as ExcelJS from 'exceljs';
import { finding } from '../findings/finding.js';
import { ymdToIso } from '../core/dates.js';
import { MAX_RECORD_CHARS, type RawRecord } from './csv-tokenizer.js';
import { SourceUnreadable, type ByteSource } from './source.js';
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

/** The parts of exceljs's streaming reader this module uses (its typings leave most of them out). */
interface StreamedRow {
  readonly number: number;
  readonly values: readonly ExcelJS.CellValue[];
}
interface StreamedSheet extends AsyncIterable<StreamedRow> {
  /** The number in the part's name (`xl/worksheets/sheet3.xml`). */
  readonly id: string | number;
  readonly name?: string;
  readonly iterator: AsyncIterable<Uint8Array | string>;
}
interface StreamedWorkbook extends AsyncIterable<StreamedSheet> {
  readonly model?: { readonly sheets?: readonly { readonly name: string; readonly state?: string; readonly rId?: string }[] };
  readonly workbookRels?: readonly { readonly Id: string; readonly Target: string }[];
}

/**
 * A streamed sheet's name, from the workbook's relationships. exceljs finds it only when the
 * target is written relative (`worksheets/sheet1.xml`), and else calls the sheet `Sheet1`; openpyxl
 * and others write the target absolute (`/xl/worksheets/sheet1.xml`).
 */
function nameOf(workbook: StreamedWorkbook, sheet: StreamedSheet): string | undefined {
  const part = `worksheets/sheet${sheet.id}.xml`;
  const rel = workbook.workbookRels?.find((r) => r.Target.replace(/^\/?(?:xl\/)?/, '') === part);
  const named = rel && workbook.model?.sheets?.find((s) => s.rId === rel.Id)?.name;
  return named ?? sheet.name;
}

/** A merged range: its top-left (master) cell and its extent, 1-based. */
interface MergedRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** What the first pass learns of the chosen sheet: its merged ranges and its widest row. */
interface SheetShape {
  readonly merges: readonly MergedRange[];
  readonly columnCount: number;
}

/** Column letters (`AB`) as a 1-based number. */
function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/**
 * Reads the raw XML of a worksheet once, without parsing it into cells: the merged ranges (listed
 * after the rows, so a one-pass reader cannot know them when a row comes) and the widest row that
 * holds a value, so that every row has the same number of fields as when the whole sheet was loaded.
 */
async function sheetShape(xml: AsyncIterable<Uint8Array | string>): Promise<SheetShape> {
  const merges: MergedRange[] = [];
  let columnCount = 0;
  let rest = '';
  const decoder = new TextDecoder();
  const scan = (text: string, final: boolean): string => {
    // whole rows (or a self-closed one) and mergeCell elements; what is cut by the chunk's end waits
    const re = /<row\b[^>]*?(?:\/>|>([\s\S]*?)<\/row>)|<mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g;
    let m: RegExpExecArray | null;
    let consumed = 0;
    while ((m = re.exec(text)) !== null) {
      if (m[2] !== undefined) {
        merges.push({ left: columnNumber(m[2]), top: Number(m[3]), right: columnNumber(m[4]!), bottom: Number(m[5]) });
      } else if (m[1] !== undefined && /<(?:v|is)\b/.test(m[1])) {
        const cells = /<c\b[^>]*?\br="([A-Z]+)\d+"/g;
        let c: RegExpExecArray | null;
        let last = 0;
        while ((c = cells.exec(m[1])) !== null) last = columnNumber(c[1]!);
        columnCount = Math.max(columnCount, last);
      }
      consumed = re.lastIndex;
    }
    if (final) return '';
    // keep from the last unfinished element on (or the last few characters: a tag name may be cut)
    const open = Math.max(text.lastIndexOf('<row'), text.lastIndexOf('<mergeCell'));
    return text.slice(open >= consumed ? open : Math.max(consumed, text.length - 16));
  };
  for await (const chunk of xml) {
    rest = scan(rest + (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })), false);
    // a single row longer than the record size limit is refused in the second pass; do not hold it here
    if (rest.length > MAX_RECORD_CHARS * 8) rest = '';
  }
  scan(rest + decoder.decode(), true);
  return { merges, columnCount };
}

/** The sheet to read: the one named (case and surrounding space aside), else the first visible one, else the first. */
function chosenSheet(sheets: readonly { readonly name: string; readonly state?: string }[], wanted: string | undefined): string | undefined {
  if (wanted !== undefined) return sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase())?.name;
  return (sheets.find((s) => (s.state ?? 'visible') === 'visible') ?? sheets[0])?.name;
}

/** exceljs's streaming workbook reader over the source's bytes. */
async function streamWorkbook(source: ByteSource): Promise<StreamedWorkbook> {
  // a CommonJS module: at run time its API is the default export
  const Excel = ((await import('exceljs')) as unknown as { default: typeof ExcelJS }).default;
  const { Readable } = await import('node:stream');
  const Reader = Excel.stream.xlsx.WorkbookReader as unknown as new (input: unknown, options: object) => StreamedWorkbook;
  // styles are kept for the number formats that tell a date from a number; shared strings for the text
  return new Reader(Readable.from(source.open()), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
}

/** The chosen sheet of a streamed workbook, or why there is none; every other sheet is skipped unread. */
async function* chosenSheetOf(
  workbook: StreamedWorkbook,
  wanted: string | undefined,
  missing: (names: string[]) => void,
): AsyncGenerator<StreamedSheet> {
  let found = false;
  for await (const sheet of workbook) {
    if (found) continue;
    const names = workbook.model?.sheets ?? [];
    const name = nameOf(workbook, sheet);
    if (name !== undefined && name === chosenSheet(names, wanted)) {
      found = true;
      yield sheet;
    }
  }
  if (!found) missing((workbook.model?.sheets ?? []).map((s) => s.name));
}

/**
 * Reads the first visible sheet (or the one named) of an .xlsx file as the same records a CSV
 * gives, with the Excel row number as the line, so findings point at the row a person sees.
 * Streams: a first pass over the sheet's XML finds its merged ranges and width, a second reads it
 * row by row (exceljs's WorkbookReader), so memory holds the shared strings, never the rows.
 * A merged cell gives its value to every cell of its range, as Excel shows it.
 */
export async function readXlsxTable(
  source: ByteSource,
  contract: TableContract,
  options: { sheet?: string | undefined },
  onRow: (row: TableRow) => void,
): Promise<TableResult> {
  const file = source.name;
  const unreadable = (reason: string) => failedTable(finding('FILE_UNREADABLE', { file }, { reason }), null, null, [], 'xlsx');
  let names: string[] | undefined;
  const missing = (all: string[]) => (names = all);
  let shape: SheetShape | undefined;
  try {
    for await (const sheet of chosenSheetOf(await streamWorkbook(source), options.sheet, missing)) shape = await sheetShape(sheet.iterator);
  } catch (err) {
    if (err instanceof SourceUnreadable) throw err;
    return unreadable('not a readable .xlsx workbook');
  }
  if (!shape) {
    const all = names ?? [];
    if (options.sheet) return unreadable(`no sheet named "${options.sheet}"; the sheets are: ${all.join(', ')}`);
    return unreadable('the workbook has no sheets');
  }
  const sink = new RecordSink(file, contract, onRow);
  const width = shape.columnCount;
  // the value of each merged range, from its top-left cell, for the rows below and the cells beside it
  const mergedValue = new Map<MergedRange, string>();
  const mergesByRow = new Map<number, MergedRange[]>();
  for (const m of shape.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const list = mergesByRow.get(r);
      if (list) list.push(m);
      else mergesByRow.set(r, [m]);
    }
  }
  let tooLong: number | undefined;
  try {
    for await (const sheet of chosenSheetOf(await streamWorkbook(source), options.sheet, () => {})) {
      for await (const row of sheet) {
        if (tooLong !== undefined || sink.unusable) continue;
        const rowNumber = row.number;
        const fields = new Array<string>(width);
        let chars = 0;
        // the row's values by column (1-based, sparse): no cell object is made for an empty column
        const values = row.values;
        for (let c = 1; c <= width; c++) chars += (fields[c - 1] = cellText(values[c])).length;
        const merged = mergesByRow.get(rowNumber);
        if (merged) {
          for (const m of merged) {
            if (m.top === rowNumber) mergedValue.set(m, fields[m.left - 1] ?? '');
            const value = mergedValue.get(m) ?? '';
            for (let c = m.left; c <= Math.min(m.right, width); c++) {
              if (c === m.left && m.top === rowNumber) continue;
              chars += value.length - fields[c - 1]!.length;
              fields[c - 1] = value;
            }
          }
        }
        // the same record size limit as for CSV (csv-tokenizer.ts)
        if (chars > MAX_RECORD_CHARS) {
          tooLong = rowNumber;
          continue;
        }
        if (chars === 0) continue;
        const rec: RawRecord = { line: rowNumber, fields };
        sink.accept(rec);
      }
    }
  } catch (err) {
    if (err instanceof SourceUnreadable) throw err;
    return unreadable('not a readable .xlsx workbook');
  }
  if (tooLong !== undefined) return failedTable(recordTooLong(file, tooLong), null, null, [], 'xlsx');
  return sink.result(null, null, [], 'no-header', 'xlsx');
}
