/**
 * The parts of an .xlsx workbook around its worksheets, read from its zip: which sheets there are
 * (name, visibility, part), whether its dates count from 1904, which cell styles show dates, and
 * its shared strings, kept compactly. Node only (zip.ts inflates with zlib).
 */
import { MAX_RECORD_CHARS } from './csv-tokenizer.js';
import { XmlScanner, attribute, decodeExcelEscapes, decodeXml, type XmlHandler } from './xml-scan.js';
import { ZipProblem, type ZipArchive, type ZipEntry } from './zip.js';

/** Caps on the unpacked size of the small parts (a zip bomb stops at the cap, not at the memory's end). */
const MAX_SMALL_PART = 64 << 20;
const MAX_SHARED_STRINGS = 512 << 20;

export interface SheetInfo {
  readonly name: string;
  readonly state?: string;
  /** The worksheet's part in the zip. */
  readonly entry: ZipEntry;
}

export interface WorkbookInfo {
  readonly sheets: readonly SheetInfo[];
  readonly date1904: boolean;
  /** For each cell style (`s`), whether its number format shows a date. */
  readonly dateStyles: Uint8Array;
  /** The shared strings part, if any. */
  readonly sharedStrings: ZipEntry | undefined;
}

/** Feeds a whole text to a handler. */
function scanText(text: string, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler);
  scanner.write(text);
  scanner.end();
}

/** A handler that hears only tags, for the small parts. */
function tags(open: (name: string, tag: string) => void): XmlHandler {
  return { open: (name, text, from, to) => open(name, text.slice(from, to)), close: () => {}, text: () => {}, wantsText: false };
}

/** An attribute's decoded value. */
function attr(tag: string, name: string): string | undefined {
  const raw = attribute(tag, name);
  return raw === undefined ? undefined : decodeXml(raw);
}

/** The path of a relationship's target: absolute (`/xl/worksheets/sheet1.xml`) or relative to the part's folder. */
function resolveTarget(folder: string, target: string): string {
  const t = target.trim().replace(/\\/g, '/');
  const parts = (t.startsWith('/') ? t.slice(1) : folder + t).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

/** The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`), by id, targets resolved. */
async function relationships(zip: ZipArchive, part: string): Promise<Map<string, Relationship>> {
  const slash = part.lastIndexOf('/');
  const folder = part.slice(0, slash + 1);
  const entry = zip.entry(`${folder}_rels/${part.slice(slash + 1)}.rels`);
  const rels = new Map<string, Relationship>();
  if (!entry) return rels;
  scanText(
    await zip.text(entry, MAX_SMALL_PART),
    tags((name, tag) => {
      if (name !== 'Relationship' || attr(tag, 'TargetMode') === 'External') return;
      const id = attr(tag, 'Id');
      const target = attr(tag, 'Target');
      if (id !== undefined && target !== undefined) rels.set(id, { type: attr(tag, 'Type') ?? '', target: resolveTarget(folder, target) });
    }),
  );
  return rels;
}

/** Excel's built-in number formats that show a date or a time (as exceljs reads them). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Whether a number format shows a date or time: a date letter outside quotes and brackets (exceljs's rule). */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** For each cell style, whether it shows a date: its number format, custom or built in. */
async function dateStyles(zip: ZipArchive, entry: ZipEntry | undefined): Promise<Uint8Array> {
  if (!entry) return new Uint8Array(0);
  const custom = new Map<number, string>();
  const styles: number[] = [];
  let inCellXfs = false;
  scanText(await zip.text(entry, MAX_SMALL_PART), {
    wantsText: false,
    text: () => {},
    open(name, text, from, to, selfClosing) {
      const tag = text.slice(from, to);
      if (name === 'numFmt') {
        const id = parseInt(attr(tag, 'numFmtId') ?? '', 10);
        const code = attr(tag, 'formatCode');
        if (!Number.isNaN(id) && code !== undefined) custom.set(id, code);
      } else if (name === 'cellXfs') inCellXfs = !selfClosing;
      else if (name === 'xf' && inCellXfs) styles.push(parseInt(attr(tag, 'numFmtId') ?? '0', 10));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  const out = new Uint8Array(styles.length);
  styles.forEach((id, i) => {
    // exceljs: a style's format is its custom one, else the built-in one; id 0 (General) is none
    if (!id) return;
    const code = custom.get(id);
    out[i] = (code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id)) ? 1 : 0;
  });
  return out;
}

/** The workbook's sheets (in the workbook's order, chart sheets and parts missing from the zip left out), date system and styles. */
export async function readWorkbookInfo(zip: ZipArchive): Promise<WorkbookInfo> {
  // the workbook part, as the package's relationships name it (Excel: xl/workbook.xml)
  const root = await relationships(zip, '');
  let workbookPart = 'xl/workbook.xml';
  for (const rel of root.values()) if (rel.type.endsWith('/officeDocument') && zip.entry(rel.target)) workbookPart = rel.target;
  const workbookEntry = zip.entry(workbookPart);
  if (!workbookEntry) throw new ZipProblem('the zip holds no Excel workbook (no xl/workbook.xml)');
  const rels = await relationships(zip, workbookPart);
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  scanText(
    await zip.text(workbookEntry, MAX_SMALL_PART),
    tags((name, tag) => {
      if (name === 'workbookPr') {
        const d = attr(tag, 'date1904');
        date1904 = d === '1' || d === 'true';
      } else if (name === 'sheet') {
        const rel = rels.get(attr(tag, 'id') ?? '');
        const entry = rel && (rel.type === '' || rel.type.endsWith('/worksheet')) ? zip.entry(rel.target) : undefined;
        const sheetName = attr(tag, 'name');
        const state = attr(tag, 'state');
        if (entry && sheetName !== undefined) sheets.push(state === undefined ? { name: sheetName, entry } : { name: sheetName, state, entry });
      }
    }),
  );
  const byType = (type: string, fallback: string): ZipEntry | undefined => {
    for (const rel of rels.values()) if (rel.type.endsWith(type)) return zip.entry(rel.target);
    return zip.entry(fallback);
  };
  return {
    sheets,
    date1904,
    dateStyles: await dateStyles(zip, byType('/styles', 'xl/styles.xml')),
    sharedStrings: byType('/sharedStrings', 'xl/sharedStrings.xml'),
  };
}

/** Strings kept as a few long strings and their offsets: a million short strings as objects cost more than their text. */
export class StringTable {
  private readonly segments: string[] = [];
  private parts: string[] = [];
  private partsLength = 0;
  private starts = new Uint32Array(1024);
  private segmentOf = new Uint16Array(1024);
  private count = 0;
  /**
   * A segment is joined at about this many characters: until then its strings are objects of their
   * own (a million short strings cost far more than their text), and no one string is huge.
   */
  private static readonly SEGMENT = 1 << 20;

  get size(): number {
    return this.count;
  }

  add(text: string): void {
    if (this.count === this.starts.length) {
      const starts = new Uint32Array(this.count * 2);
      starts.set(this.starts);
      this.starts = starts;
      const segmentOf = new Uint16Array(this.count * 2);
      segmentOf.set(this.segmentOf);
      this.segmentOf = segmentOf;
    }
    if (this.partsLength > 0 && this.partsLength + text.length > StringTable.SEGMENT) this.closeSegment();
    if (this.segments.length >= 0xffff) throw new ZipProblem('more shared strings than an .xlsx can hold');
    this.starts[this.count] = this.partsLength;
    this.segmentOf[this.count] = this.segments.length;
    this.count++;
    this.parts.push(text);
    this.partsLength += text.length;
  }

  private closeSegment(): void {
    this.segments.push(this.parts.join(''));
    this.parts = [];
    this.partsLength = 0;
  }

  /** Done adding: the last segment is joined. */
  finish(): void {
    if (this.parts.length > 0) this.closeSegment();
  }

  get(i: number): string | undefined {
    if (!(i >= 0 && i < this.count)) return undefined;
    const segment = this.segmentOf[i]!;
    const text = this.segments[segment]!;
    const end = i + 1 < this.count && this.segmentOf[i + 1] === segment ? this.starts[i + 1]! : text.length;
    return text.slice(this.starts[i]!, end);
  }
}

/**
 * The shared strings: each `<si>`'s text (rich-text runs joined, Excel's `_xHHHH_` escapes decoded,
 * phonetic guides `<rPh>` left out), streamed from the zip into a compact table.
 */
export async function readSharedStrings(zip: ZipArchive, entry: ZipEntry | undefined): Promise<StringTable> {
  const table = new StringTable();
  if (!entry) return table;
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let piece = '';
  let text = '';
  const handler: XmlHandler = {
    wantsText: false,
    open(name, _text, _from, _to, selfClosing) {
      if (name === 'si') {
        // an empty `<si/>` is a string too (index order matters): its close follows, as for any tag
        inSi = true;
        text = '';
        return;
      }
      if (selfClosing) return;
      if (name === 'rPh') phonetic++;
      else if (name === 't' && inSi && phonetic === 0) {
        inT = true;
        piece = '';
        handler.wantsText = true;
      }
    },
    close(name) {
      if (name === 't' && inT) {
        inT = false;
        handler.wantsText = false;
        text += decodeExcelEscapes(decodeXml(piece));
        // a text longer than a record can be makes any row it is in too long: no more of it is kept
        if (text.length > MAX_RECORD_CHARS) text = text.slice(0, MAX_RECORD_CHARS + 1);
        piece = '';
      } else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 'si' && inSi) {
        inSi = false;
        table.add(text);
        text = '';
      }
    },
    text(raw, from, to) {
      // entities shrink a text at most fivefold: past this, the text is too long for a record anyway
      if (piece.length < MAX_RECORD_CHARS * 8) piece += raw.slice(from, Math.min(to, from + MAX_RECORD_CHARS * 8 - piece.length));
    },
  };
  const scanner = new XmlScanner(handler);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of zip.stream(entry, MAX_SHARED_STRINGS)) scanner.write(decoder.decode(chunk, { stream: true }));
  scanner.write(decoder.decode());
  scanner.end();
  table.finish();
  return table;
}
