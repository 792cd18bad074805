/**
 * The .xlsx reader for Node: the workbook's zip read by offset (zip.ts), its worksheet streamed
 * twice through a small SpreadsheetML scanner (xml-scan.ts), never loaded whole. The first pass
 * learns what a row-by-row reader cannot know when a row comes: the merged ranges (listed after the
 * rows) and the sheet's width; the second gives the records. Memory holds the shared strings (as a
 * few long strings, xlsx-parts.ts) and a row, whatever the number of rows. The records are those
 * of exceljs's whole-workbook reader (xlsx.ts), which the web page still uses: the same width
 * (exceljs's `columnCount`), merged cells filling their range, the same texts (`cellText`).
 *
 * Where it differs from exceljs, on purpose (each is what Excel shows): a formula's cached result
 * 0 or FALSE is `0` or `false` (exceljs drops falsy results: LibreOffice writes every boolean as a
 * formula); a `t="d"` cell is its ISO date (exceljs reads the year as a number); a formula's string
 * result is decoded once (exceljs decodes `&amp;lt;` twice); a row or cell without its `r` follows
 * the one before (exceljs refuses the workbook); a hyperlinked cell is its value; phonetic guides
 * are left out of inline strings too; rows are given in the sheet's order (Excel writes them
 * ascending; exceljs sorts).
 */
import type * as ExcelJS from 'exceljs';
import { MAX_RECORD_CHARS, type RawRecord } from './csv-tokenizer.js';
import { bufferReader, SourceUnreadable, type ByteSource, type RandomReader } from './source.js';
import { cellText, chosenSheet, noSheetReason, type RecordOutcome } from './xlsx-common.js';
import { readSharedStrings, readWorkbookInfo, type StringTable, type WorkbookInfo } from './xlsx-parts.js';
import { XmlProblem, XmlScanner, afterName, attribute, decodeExcelEscapes, decodeXml, type XmlHandler } from './xml-scan.js';
import { loadZlib, ZipArchive, ZipProblem, type ZipEntry } from './zip.js';

/** Excel's last row and column (XFD): a cell beyond them is not from a spreadsheet, and would make rows of any width. */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;
/** Merged cells, all ranges together, beyond which a sheet is refused (each is a cell every row of its range fills). */
const MAX_MERGED_CELLS = 1 << 24;

/** A merged range: its top-left (master) cell and its extent, 1-based. */
interface MergedRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * Column letters (`AB`, of `AB12`, `$AB$12`) as a 1-based number, read from `text[from, to)`; 0 when
 * the reference has none; past XFD it stops just above MAX_COLUMN.
 */
function columnOf(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else if (c !== 36 /* $ */) break;
    if (n > MAX_COLUMN) break;
  }
  return n;
}

function rowOf(ref: string): number {
  const m = /(\d+)$/.exec(ref);
  return m ? Number(m[1]) : 0;
}

/**
 * The cells of a worksheet's XML, one by one, row by row. `keepText` false (the first pass) notes
 * only whether a cell has a value; true (the second) keeps its raw text too.
 */
abstract class SheetXml implements XmlHandler {
  wantsText = false;
  protected rowNumber = 0;
  private column = 0;
  private type: string | undefined;
  private style = 0;
  /** What the text being read belongs to: 1 `<v>`, 2 `<f>`, 3 `<t>` of an inline string, 4 `<t>` of a rich-text run. */
  private where = 0;
  private inInline = false;
  private inRun = false;
  private phonetic = 0;
  private formula = false;
  private raw: string | undefined;
  private inline: string | undefined;
  private piece = '';
  /** Raw characters of the row kept so far: past the record limit (entities and all), the row is too long. */
  protected rowRaw = 0;
  protected overLong = false;

  constructor(private readonly keepText: boolean) {}

  protected abstract startRow(): void;
  protected abstract endRow(): void;
  protected abstract cell(column: number, type: string | undefined, style: number, value: string | undefined, inline: string | undefined, formula: boolean): void;
  protected abstract merge(ref: string): void;

  open(name: string, text: string, from: number, to: number, selfClosing: boolean): void {
    switch (name) {
      case 'c': {
        this.cellAttributes(text, from, to);
        this.formula = false;
        this.raw = undefined;
        this.inline = undefined;
        break;
      }
      case 'v':
        if (selfClosing) return;
        this.where = 1;
        this.piece = '';
        this.wantsText = true;
        break;
      case 'f':
        // a shared formula's later cells have no text, only `t="shared"`
        if (attribute(text, 't', from, to) !== undefined) this.formula = true;
        if (selfClosing) return;
        this.where = 2;
        this.wantsText = true;
        break;
      case 'is':
        this.inInline = !selfClosing;
        break;
      case 'r':
        if (this.inInline && !selfClosing) {
          this.inRun = true;
          this.inline ??= '';
        }
        break;
      case 'rPh':
        if (!selfClosing) this.phonetic++;
        break;
      case 't':
        if (!this.inInline || this.phonetic > 0 || selfClosing) return;
        this.where = this.inRun ? 4 : 3;
        this.piece = '';
        this.wantsText = true;
        break;
      case 'row': {
        const r = attribute(text, 'r', from, to);
        const number = r === undefined ? this.rowNumber + 1 : parseInt(r, 10);
        if (!(number >= 1)) throw new XmlProblem(`a row numbered "${r}"`);
        if (number > MAX_ROW) throw new XmlProblem("a row beyond Excel's last (1,048,576)");
        this.rowNumber = number;
        this.column = 0;
        this.rowRaw = 0;
        this.overLong = false;
        this.startRow();
        break;
      }
      case 'mergeCell': {
        const ref = attribute(text, 'ref', from, to);
        if (ref !== undefined) this.merge(ref);
        break;
      }
      default:
    }
  }

  /**
   * The `r`, `t` and `s` of a `<c>` tag in one pass over it (the tag of every cell: the hot path);
   * a cell without `r` is the one after the previous.
   */
  private cellAttributes(text: string, from: number, to: number): void {
    let column = 0;
    let type: string | undefined;
    let style = 0;
    // past the element's name (`c`, or `x:c` with a prefix)
    let i = afterName(text, from, to);
    while (i < to) {
      const c = text.charCodeAt(i);
      if (c === 62 || c === 47) break;
      if (c === 32 || c === 9 || c === 10 || c === 13) {
        i++;
        continue;
      }
      // the attribute's name, and its local part (after a prefix)
      const start = i;
      let local = i;
      while (i < to) {
        const d = text.charCodeAt(i);
        if (d === 61 || d === 32 || d === 9 || d === 10 || d === 13 || d === 62 || d === 47) break;
        if (d === 58) local = i + 1;
        i++;
      }
      // `xmlns:r` declares a namespace: it is not the attribute `r`
      const declaration = local - 1 - start === 5 && text.startsWith('xmlns', start);
      const which = i - local === 1 && !declaration ? text.charCodeAt(local) : 0;
      while (i < to && text.charCodeAt(i) !== 34 && text.charCodeAt(i) !== 39 && text.charCodeAt(i) !== 62) i++;
      const quote = text.charCodeAt(i);
      if (quote !== 34 && quote !== 39) break;
      const end = text.indexOf(quote === 34 ? '"' : "'", i + 1);
      if (end < 0 || end >= to) break;
      if (which === 114 /* r */) {
        column = columnOf(text, i + 1, end);
        if (column < 1) throw new XmlProblem(`a cell reference that is not a column and a row ("${text.slice(i + 1, Math.min(end, i + 21))}")`);
      } else if (which === 116 /* t */) type = text.slice(i + 1, end);
      else if (which === 115 /* s */) style = parseInt(text.slice(i + 1, end), 10) || 0;
      i = end + 1;
    }
    if (column === 0) column = this.column + 1;
    if (column > MAX_COLUMN) throw new XmlProblem("a cell beyond Excel's last column (XFD)");
    this.column = column;
    this.type = type;
    this.style = style;
  }

  close(name: string): void {
    switch (name) {
      case 'v':
        if (this.where === 1) {
          if (this.piece.length > 0) this.raw = (this.raw ?? '') + this.piece;
          this.piece = '';
        }
        this.where = 0;
        this.wantsText = false;
        break;
      case 'f':
        this.where = 0;
        this.wantsText = false;
        break;
      case 't':
        if (this.where === 3 || this.where === 4) {
          if (this.piece.length > 0 || this.where === 4) {
            // exceljs: Excel's `_x000D_` escapes are decoded in rich-text runs only
            const text = this.keepText ? decodeXml(this.piece) : this.piece;
            this.inline = (this.inline ?? '') + (this.where === 4 && this.keepText ? decodeExcelEscapes(text) : text);
          }
          this.piece = '';
        }
        this.where = 0;
        this.wantsText = false;
        break;
      case 'is':
        this.inInline = false;
        break;
      case 'r':
        this.inRun = false;
        break;
      case 'rPh':
        this.phonetic = Math.max(0, this.phonetic - 1);
        break;
      case 'c':
        this.cell(this.column, this.type, this.style, this.raw, this.inline, this.formula);
        this.raw = undefined;
        this.inline = undefined;
        this.inInline = false;
        this.inRun = false;
        this.phonetic = 0;
        break;
      case 'row':
        this.endRow();
        break;
      default:
    }
  }

  text(text: string, from: number, to: number): void {
    if (this.where === 2) {
      if (to > from) this.formula = true;
      return;
    }
    if (!this.keepText) {
      if (to > from) this.piece = 'x';
      return;
    }
    if (this.overLong) return;
    this.rowRaw += to - from;
    // entities are at most a few times their text: far past the limit, the row is too long whatever they decode to
    if (this.rowRaw > MAX_RECORD_CHARS * 8) {
      this.overLong = true;
      this.piece = '';
      return;
    }
    this.piece += text.slice(from, to);
  }
}

/** What the first pass learns of the chosen sheet. */
interface SheetShape {
  readonly merges: readonly MergedRange[];
  readonly width: number;
  readonly sharedStrings: boolean;
}

/** The first pass: the merged ranges and exceljs's `columnCount` (the longest row that has a value, its styled empty cells and merged cells counted). */
class ShapePass extends SheetXml {
  readonly merges: MergedRange[] = [];
  /** The widest row with a value of its own. */
  private widest = 0;
  /** Rows with a value of their own (a bit each). */
  readonly valued = new Uint8Array((MAX_ROW >> 3) + 1);
  /** For rows without a value, their styled cells' width (when wider than any row seen so far): it counts if a merge covers the row. */
  readonly styledOnly = new Uint16Array(MAX_ROW + 1);
  private rowHasValue = false;
  private rowCells = 0;
  usesSharedStrings = false;

  constructor() {
    super(false);
  }

  protected startRow(): void {
    this.rowHasValue = false;
    this.rowCells = 0;
  }

  protected cell(column: number, type: string | undefined, style: number, value: string | undefined, inline: string | undefined, formula: boolean): void {
    const hasValue = value !== undefined || inline !== undefined;
    // exceljs keeps a cell that has a value, a formula or a style other than the default
    if (formula || hasValue || style !== 0) this.rowCells = Math.max(this.rowCells, column);
    if (formula || hasValue) this.rowHasValue = true;
    if (type === 's' && hasValue && !formula) this.usesSharedStrings = true;
  }

  protected endRow(): void {
    const r = this.rowNumber;
    if (this.rowHasValue) {
      this.valued[r >> 3]! |= 1 << (r & 7);
      this.widest = Math.max(this.widest, this.rowCells);
    } else if (this.rowCells > this.widest) this.styledOnly[r] = Math.max(this.styledOnly[r]!, this.rowCells);
  }

  protected merge(ref: string): void {
    const [a = '', b = a] = ref.split(':');
    const c1 = columnOf(a);
    const c2 = columnOf(b);
    const r1 = rowOf(a);
    const r2 = rowOf(b);
    if (!(c1 >= 1 && c2 >= 1 && r1 >= 1 && r2 >= 1) || Math.max(c1, c2) > MAX_COLUMN || Math.max(r1, r2) > MAX_ROW) {
      throw new XmlProblem(`a merged range that is not one ("${ref}")`);
    }
    this.merges.push({ top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) });
  }

  /** The sheet's width as exceljs's `columnCount` gives it, once the merges are known. */
  shape(): SheetShape {
    let width = this.widest;
    let cells = 0;
    // the rows where a range has a cell other than its master: such a row has a value (the master's)
    const covered = new Uint8Array((MAX_ROW >> 3) + 1);
    const isCovered = (r: number) => (covered[r >> 3]! & (1 << (r & 7))) !== 0;
    for (const m of this.merges) {
      cells += (m.bottom - m.top + 1) * (m.right - m.left + 1);
      if (cells > MAX_MERGED_CELLS) throw new XmlProblem('more merged cells than any participant export has');
      const single = m.top === m.bottom && m.left === m.right;
      // every cell of a range is made, so a row with one is as wide as the range
      if (!single) width = Math.max(width, m.right);
      for (let r = m.right === m.left ? m.top + 1 : m.top; r <= m.bottom; r++) {
        covered[r >> 3]! |= 1 << (r & 7);
        width = Math.max(width, this.styledOnly[r]!);
      }
    }
    for (const m of this.merges) {
      const valued = (this.valued[m.top >> 3]! & (1 << (m.top & 7))) !== 0 || isCovered(m.top);
      if (valued) width = Math.max(width, m.left);
    }
    return { merges: this.merges, width, sharedStrings: this.usesSharedStrings };
  }
}

/** Merged ranges that share a cell: exceljs refuses the whole workbook, and so do we. */
function checkOverlaps(merges: readonly MergedRange[]): void {
  const sorted = [...merges].sort((a, b) => a.top - b.top || a.left - b.left);
  const open: MergedRange[] = [];
  for (const m of sorted) {
    for (let i = open.length - 1; i >= 0; i--) if (open[i]!.bottom < m.top) open.splice(i, 1);
    if (open.some((o) => o.left <= m.right && m.left <= o.right)) throw new XmlProblem('merged ranges that overlap');
    open.push(m);
  }
}

/** The text of a cell, as `cellText` gives exceljs's value of it. */
function valueText(
  type: string | undefined,
  style: number,
  raw: string | undefined,
  inline: string | undefined,
  formula: boolean,
  info: WorkbookInfo,
  strings: StringTable | undefined,
): string {
  if (raw === undefined && inline === undefined) return '';
  const text = raw === undefined ? inline! : inline === undefined ? decodeXml(raw) : decodeXml(raw) + inline;
  const isDate = style > 0 && info.dateStyles[style] === 1;
  let value: ExcelJS.CellValue;
  switch (formula ? (type === 'str' || type === 'b' || type === 'e' ? type : 'n') : type) {
    case 's': {
      const index = parseInt(text, 10);
      const shared = strings?.get(index);
      if (shared === undefined) throw new XmlProblem(`a cell refers to shared string ${text.slice(0, 20)}, which the workbook does not have`);
      return shared;
    }
    case 'str':
    case 'inlineStr':
      return text;
    case 'b':
      return parseInt(text, 10) !== 0 ? 'true' : 'false';
    case 'e':
      return text;
    case 'd': {
      // an ISO 8601 date (exceljs never writes one; it would read the year as a number)
      const m = /^(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d:\d\d))?/.exec(text.trim());
      if (!m) return text;
      return m[2] === undefined || m[2] === '00:00:00' ? m[1]! : `${m[1]} ${m[2]}`;
    }
    default: {
      const n = parseFloat(text);
      // exceljs's excelToDate: the serial day as a UTC instant, to the millisecond
      value = isDate ? new Date(Math.round((n - 25569 + (info.date1904 ? 1462 : 0)) * 24 * 3600 * 1000)) : n;
      return cellText(value);
    }
  }
}

const NO_MERGES: readonly MergedRange[] = [];

/** The merged ranges that cover a row, rows asked in ascending order: only the ranges still open are held. */
class MergeCursor {
  private readonly sorted: readonly MergedRange[];
  private next = 0;
  private open: MergedRange[] = [];

  constructor(merges: readonly MergedRange[]) {
    this.sorted = [...merges].sort((a, b) => a.top - b.top);
  }

  /** The first row after `after` that a range covers (Infinity: none). */
  nextRow(after: number): number {
    let best = Infinity;
    for (const m of this.open) if (m.bottom > after) best = Math.min(best, Math.max(after + 1, m.top));
    const following = this.sorted[this.next];
    if (following) best = Math.min(best, Math.max(after + 1, following.top));
    return best;
  }

  /** The ranges that cover `row`. */
  at(row: number): readonly MergedRange[] {
    while (this.next < this.sorted.length && this.sorted[this.next]!.top <= row) this.open.push(this.sorted[this.next++]!);
    if (this.open.length === 0) return NO_MERGES;
    if (this.open.some((m) => m.bottom < row)) this.open = this.open.filter((m) => m.bottom >= row);
    return this.open.filter((m) => m.top <= row);
  }
}

/** The second pass: each row's record, merged cells filled, handed on (`onRecord` false: nothing more is wanted). */
class RowPass extends SheetXml {
  private fields: string[] = [];
  private chars = 0;
  /** The merged ranges, met row by row. */
  private readonly merges: MergeCursor;
  /** The last row given (from the sheet or made by a merged range). */
  private lastRow = 0;
  private readonly mergedValue = new Map<MergedRange, string>();
  tooLong: number | undefined;
  /** Set when nothing more is wanted (a row too long, or the header unusable). */
  done = false;

  constructor(
    private readonly width: number,
    merges: readonly MergedRange[],
    private readonly info: WorkbookInfo,
    private readonly strings: StringTable | undefined,
    private readonly onRecord: (rec: RawRecord) => boolean,
  ) {
    super(true);
    this.merges = new MergeCursor(merges);
  }

  protected startRow(): void {
    // rows that only merged ranges make (no `<row>` of their own) come first, in order
    for (let r = this.merges.nextRow(this.lastRow); r < this.rowNumber && !this.done; r = this.merges.nextRow(this.lastRow)) this.emptyRow(r);
    this.fields = new Array<string>(this.width).fill('');
    this.chars = 0;
  }

  private emptyRow(rowNumber: number): void {
    this.fields = new Array<string>(this.width).fill('');
    this.chars = 0;
    this.finishRow(rowNumber);
  }

  protected cell(column: number, type: string | undefined, style: number, raw: string | undefined, inline: string | undefined, formula: boolean): void {
    if (this.done || this.overLong || column > this.width) return;
    const text = valueText(type, style, raw, inline, formula, this.info, this.strings);
    this.chars += text.length - this.fields[column - 1]!.length;
    this.fields[column - 1] = text;
  }

  protected endRow(): void {
    if (this.done) return;
    if (this.overLong) {
      this.tooLong = this.rowNumber;
      this.done = true;
      return;
    }
    this.finishRow(this.rowNumber);
  }

  private finishRow(rowNumber: number): void {
    const { fields } = this;
    this.lastRow = Math.max(this.lastRow, rowNumber);
    const merged = this.merges.at(rowNumber);
    if (merged.length > 0) {
      for (const m of merged) {
        if (m.top === rowNumber) this.mergedValue.set(m, fields[m.left - 1] ?? '');
        const value = this.mergedValue.get(m) ?? '';
        for (let c = m.left; c <= Math.min(m.right, this.width); c++) {
          if (c === m.left && m.top === rowNumber) continue;
          this.chars += value.length - fields[c - 1]!.length;
          fields[c - 1] = value;
        }
      }
    }
    // the same record size limit as for CSV (csv-tokenizer.ts)
    if (this.chars > MAX_RECORD_CHARS) {
      this.tooLong = rowNumber;
      this.done = true;
      return;
    }
    if (this.chars > 0 && !this.onRecord({ line: rowNumber, fields })) this.done = true;
  }

  protected merge(): void {
    // known from the first pass
  }

  /** After the last `<row>`: the rows merged ranges reach below it. */
  finish(): void {
    for (let r = this.merges.nextRow(this.lastRow); r !== Infinity && !this.done; r = this.merges.nextRow(this.lastRow)) this.emptyRow(r);
  }
}

/** Streams a worksheet part through a handler; stops early when `stop()` says so. */
async function scanPart(zip: ZipArchive, entry: ZipEntry, handler: XmlHandler, stop: () => boolean = () => false): Promise<void> {
  const scanner = new XmlScanner(handler);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of zip.stream(entry)) {
    scanner.write(decoder.decode(chunk, { stream: true }));
    if (stop()) return;
  }
  scanner.write(decoder.decode());
  scanner.end();
}

/**
 * The first pass's scan: the bytes as Latin-1, one character a byte. It keeps no text, and every
 * byte of a multi-byte UTF-8 character is above 0x7F, so the markup is the same; the strings stay
 * one byte a character however much non-English text the sheet holds, and no decoding is done.
 */
async function scanMarkup(zip: ZipArchive, entry: ZipEntry, handler: XmlHandler): Promise<void> {
  const scanner = new XmlScanner(handler);
  for await (const chunk of zip.stream(entry)) scanner.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1'));
  scanner.end();
}

/** Random access to the source's bytes: its own, or (a plain stream) the bytes read into memory. */
async function randomAccess(source: ByteSource): Promise<RandomReader> {
  if (source.openRandom) return source.openRandom();
  const chunks: Uint8Array[] = [];
  for await (const chunk of source.open()) chunks.push(chunk);
  return bufferReader(Buffer.concat(chunks));
}

/**
 * The records of the first visible sheet (or the one named) of an .xlsx file, with the Excel row
 * number as the line, each handed to `onRecord` (false: stop). Undefined where Node's zlib is
 * missing (the web page, which reads the workbook whole with exceljs).
 */
export async function streamXlsxRecords(
  source: ByteSource,
  options: { sheet?: string | undefined },
  onRecord: (rec: RawRecord) => boolean,
): Promise<RecordOutcome | undefined> {
  const zlib = await loadZlib();
  if (!zlib) return undefined;
  const bytes = await randomAccess(source);
  try {
    const zip = await ZipArchive.open(bytes, zlib);
    const info = await readWorkbookInfo(zip);
    const sheet = chosenSheet(info.sheets, options.sheet);
    if (!sheet) return { unreadable: noSheetReason(info.sheets.map((s) => s.name), options.sheet) };
    const first = new ShapePass();
    await scanMarkup(zip, sheet.entry, first);
    const shape = first.shape();
    checkOverlaps(shape.merges);
    const strings = shape.sharedStrings ? await readSharedStrings(zip, info.sharedStrings) : undefined;
    const rows = new RowPass(shape.width, shape.merges, info, strings, onRecord);
    await scanPart(zip, sheet.entry, rows, () => rows.done);
    if (!rows.done) rows.finish();
    return rows.tooLong === undefined ? {} : { tooLong: rows.tooLong };
  } catch (err) {
    if (err instanceof ZipProblem || err instanceof XmlProblem) return { unreadable: `not a readable .xlsx workbook: ${err.reason}` };
    if (err instanceof RangeError) return { unreadable: 'not a readable .xlsx workbook: a part too large to hold' };
    if (err instanceof SourceUnreadable) throw err;
    // whatever else a hostile workbook makes go wrong is still the file's problem, not a crash
    return { unreadable: 'not a readable .xlsx workbook' };
  } finally {
    await bytes.close();
  }
}
