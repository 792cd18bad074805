// exceljs and its zip libraries take most of a CSV run's start-up time: loaded only when an .xlsx is read
import type * as ExcelJS from 'exceljs';
import type * as NodeStream from 'node:stream';
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
/** What the streaming reader's `parse()` yields: a worksheet, a shared string (with `sharedStrings: 'emit'`), or other parts. */
type StreamedItem =
  | { readonly eventType: 'worksheet'; readonly value: StreamedSheet }
  | { readonly eventType?: undefined; readonly index: number; readonly text: ExcelJS.CellValue }
  | { readonly eventType: string; readonly value: unknown };

interface StreamedWorkbook {
  parse(): AsyncIterable<StreamedItem>;
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

/** A copy of a string in memory of its own (a slice of a large string keeps the whole of it). */
function flatCopy(text: string): string {
  return text.length === 0 ? '' : Buffer.from(text, 'utf8').toString('utf8');
}

/** The sheet to read: the one named (case and surrounding space aside), else the first visible one, else the first. */
function chosenSheet(sheets: readonly { readonly name: string; readonly state?: string }[], wanted: string | undefined): string | undefined {
  if (wanted !== undefined) return sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase())?.name;
  return (sheets.find((s) => (s.state ?? 'visible') === 'visible') ?? sheets[0])?.name;
}

type ReaderClass = new (input: unknown, options: object) => StreamedWorkbook;

/** exceljs, loaded when an .xlsx is read; a CommonJS module: at run time its API is the default export. */
async function loadExcel(): Promise<typeof ExcelJS> {
  return ((await import('exceljs')) as unknown as { default: typeof ExcelJS }).default;
}

/**
 * Node's streams, for exceljs's streaming reader. The name is not a literal so that the web page's
 * bundler leaves it out: the page runs exceljs's browser build, which has no streaming reader.
 */
const NODE_STREAM = ['node', 'stream'].join(':');

/** exceljs's streaming workbook reader over the source's bytes. */
async function streamWorkbook(source: ByteSource, Reader: ReaderClass): Promise<StreamedWorkbook> {
  const { Readable } = (await import(NODE_STREAM)) as typeof NodeStream;
  // styles are kept for the number formats that tell a date from a number; the shared strings are
  // emitted and kept here as plain text (exceljs's cache keeps each string's rich-text form too)
  return new Reader(Readable.from(source.open()), { worksheets: 'emit', sharedStrings: 'emit', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
}

/** The chosen sheet of a streamed workbook, or why there is none; every other sheet is skipped unread. */
async function* chosenSheetOf(
  workbook: StreamedWorkbook,
  wanted: string | undefined,
  missing: (names: string[]) => void,
  sharedStrings?: string[],
): AsyncGenerator<StreamedSheet> {
  let found = false;
  for await (const item of workbook.parse()) {
    if (item.eventType === undefined) {
      // a copy of the text, so that the string does not keep the parser's chunk it was cut from alive
      if (sharedStrings) sharedStrings[item.index] = flatCopy(cellText(item.text));
      continue;
    }
    if (item.eventType !== 'worksheet' || found) continue;
    const sheet = item.value as StreamedSheet;
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
  options: { sheet?: string | undefined; stream?: boolean | undefined },
  onRow: (row: TableRow) => void,
): Promise<TableResult> {
  const file = source.name;
  const Excel = await loadExcel();
  const Reader = (Excel as unknown as { stream?: { xlsx?: { WorkbookReader?: ReaderClass } } }).stream?.xlsx?.WorkbookReader;
  // the web page's exceljs (the browser build) reads a whole workbook only
  // Streaming is off unless asked for: under parallel load exceljs's WorkbookReader lost one of its
  // own temporary files (an unhandled ENOENT after the rows were read), so the whole-workbook reader
  // stays the default until that is understood (see the note of this change).
  if (!Reader || options.stream !== true) return readLoadedWorkbook(Excel, source, contract, options, onRow);
  const unreadable = (reason: string) => failedTable(finding('FILE_UNREADABLE', { file }, { reason }), null, null, [], 'xlsx');
  let names: string[] | undefined;
  const missing = (all: string[]) => (names = all);
  let shape: SheetShape | undefined;
  try {
    for await (const sheet of chosenSheetOf(await streamWorkbook(source, Reader), options.sheet, missing)) shape = await sheetShape(sheet.iterator);
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
  const sharedStrings: string[] = [];
  const text = (value: ExcelJS.CellValue): string =>
    value !== null && typeof value === 'object' && 'sharedString' in value ? (sharedStrings[(value as { sharedString: number }).sharedString] ?? '') : cellText(value);
  try {
    for await (const sheet of chosenSheetOf(await streamWorkbook(source, Reader), options.sheet, () => {}, sharedStrings)) {
      for await (const row of sheet) {
        if (tooLong !== undefined || sink.unusable) continue;
        const rowNumber = row.number;
        const fields = new Array<string>(width);
        let chars = 0;
        // the row's values by column (1-based, sparse): no cell object is made for an empty column
        const values = row.values;
        for (let c = 1; c <= width; c++) chars += (fields[c - 1] = text(values[c])).length;
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

/**
 * The whole-workbook reading, for exceljs's browser build (the web page, whose files are in memory
 * anyway): the first visible sheet (or the one named), row by row, with the same records.
 */
async function readLoadedWorkbook(
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
  const name = chosenSheet(sheets, options.sheet);
  const sheet = sheets.find((s) => s.name === name);
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
    sink.accept({ line: rowNumber, fields });
  });
  if (tooLong !== undefined) return failedTable(recordTooLong(file, tooLong), null, null, [], 'xlsx');
  return sink.result(null, null, [], 'no-header', 'xlsx');
}
