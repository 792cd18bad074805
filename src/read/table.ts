import { finding, type Finding } from '../findings/finding.js';
import type { FindingCounts } from '../findings/tally.js';
import { CsvTokenizer, MAX_RECORD_CHARS, type RawRecord } from './csv-tokenizer.js';
import { createDecoder, DecodeError, detectBom, scanUtf8, type EncodingName } from './encoding.js';
import { matchHeader, type ColumnSpec, type HeaderMatch } from './header.js';
import type { ByteSource } from './source.js';

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface ReadOptions {
  /** Overrides encoding detection. */
  readonly encoding?: EncodingName | undefined;
  /** Overrides delimiter detection. */
  readonly delimiter?: Delimiter | undefined;
}

/** Something worth telling the user that is not a problem with the data. */
export interface Notice {
  readonly kind: 'encoding-fallback';
  readonly file: string;
}

/** One data row: the trimmed values of the contract columns, '' where absent or empty. */
export interface TableRow {
  readonly line: number;
  readonly values: string[];
  /** Structural problems of the record (FIELD_COUNT, QUOTE_INVALID), already as findings. */
  readonly problems: readonly Finding[];
}

export interface TableContract {
  readonly columns: readonly ColumnSpec[];
  /** Groups of columns of which at least one must be in the header (e.g. birth_date or personnummer). */
  readonly required: readonly (readonly string[])[];
}

export interface TableResult {
  readonly encoding: EncodingName | null;
  readonly delimiter: Delimiter | null;
  /** Data rows handed to `onRow` (blank lines are not rows). */
  readonly rows: number;
  /** File-level findings, header warnings and the unclosed quote, in the order found. */
  readonly findings: Finding[];
  readonly notices: Notice[];
  /** True when a file-level error makes the file unusable (exit 2). */
  readonly unusable: boolean;
  /** For each contract column, whether the header had it. */
  readonly present: ReadonlySet<string>;
  /** How the file was read: delimited text or an Excel workbook. */
  readonly format: 'csv' | 'xlsx';
}

/** What reading one input file produced, whatever its contract: counts, findings, notices. */
export interface TableFileSummary {
  readonly file: string;
  readonly encoding: EncodingName | null;
  readonly delimiter: Delimiter | null;
  /** Data rows (blank lines are not rows). */
  readonly rows: number;
  readonly errors: number;
  readonly warnings: number;
  /** Rows with at least one error, left out of every figure. */
  readonly excludedRows: number;
  /** The findings of the file (file-level, header, rows) in line order; at most 1,000 of a code when `findingCounts` is given. */
  readonly findings: Finding[];
  /** The full count per code, when `findings` may have been cut short (see `findings/tally.ts`). */
  readonly findingCounts?: FindingCounts | undefined;
  readonly notices: Notice[];
  /** A file-level error: nothing can be computed from this file (exit 2). */
  readonly unusable: boolean;
}

/** The result for a file that cannot be used at all. */
export function failedTable(
  f: Finding,
  encoding: EncodingName | null,
  delimiter: Delimiter | null,
  notices: Notice[] = [],
  format: 'csv' | 'xlsx' = 'csv',
): TableResult {
  return { encoding, delimiter, rows: 0, findings: [f], notices, unusable: true, present: new Set(), format };
}

/**
 * `s.trim()`, without the call when both ends are printable ASCII (the usual field): trim's
 * whitespace is only ASCII space and controls or characters above U+007E.
 */
function trimmed(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  const a = s.charCodeAt(0);
  const z = s.charCodeAt(n - 1);
  return a > 32 && a < 127 && z > 32 && z < 127 ? s : s.trim();
}

/** The problems of a well-formed row, shared: no array is made for each of a million clean rows. */
const NO_PROBLEMS: Finding[] = [];

/**
 * Turns raw records (from CSV or a worksheet) into rows of the contract: skips blank records,
 * takes the first non-blank one as the header, maps fields to columns, flags structural problems.
 */
export class RecordSink {
  readonly findings: Finding[] = [];
  private header: HeaderMatch | undefined;
  private rowCount = 0;
  private failed = false;
  /** Whether the header names the contract's columns in its order, from the first (worked out once). */
  private inOrder: boolean | undefined;

  constructor(
    private readonly file: string,
    private readonly contract: TableContract,
    private readonly onRow: (row: TableRow) => void,
  ) {}

  get unusable(): boolean {
    return this.failed;
  }

  accept(rec: RawRecord): void {
    if (this.failed) return;
    const fields = rec.fields;
    let blank = true;
    for (let i = 0; i < fields.length; i++) {
      if (fields[i]!.trim() !== '') {
        blank = false;
        break;
      }
    }
    if (blank) return;
    const { file } = this;
    const columns = this.contract.columns;
    if (!this.header) {
      this.header = matchHeader(fields, columns, file, rec.line, this.contract.required);
      this.findings.push(...this.header.findings);
      if (this.header.findings.some((f) => f.severity === 'error')) this.failed = true;
      return;
    }
    this.rowCount++;
    let problems = NO_PROBLEMS;
    const { fieldOf, width } = this.header;
    if (fields.length > width) {
      let extra = 0;
      for (let i = width; i < fields.length; i++) if (fields[i]!.trim() !== '') extra++;
      if (extra > 0) {
        problems = [];
        problems.push(finding('FIELD_COUNT', { file, line: rec.line }, { found: fields.length, expected: width, extra }));
      }
    }
    let values: string[];
    this.inOrder ??= fieldOf.every((f, c) => f === c);
    if (this.inOrder) {
      // the file's columns are the contract's, in its order (the usual export): the record's own
      // array becomes the row, trimmed in place, with no second array made for each row
      values = fields;
      const n = Math.min(fields.length, columns.length);
      for (let c = 0; c < n; c++) values[c] = trimmed(values[c]!);
      if (fields.length > columns.length) values.length = columns.length;
      else for (let c = n; c < columns.length; c++) values[c] = '';
    } else {
      values = new Array<string>(columns.length);
      for (let c = 0; c < columns.length; c++) {
        const f = fieldOf[c]!;
        values[c] = f === -1 ? '' : trimmed(fields[f] ?? '');
      }
    }
    if (rec.badQuoteField !== undefined) {
      const c = fieldOf.indexOf(rec.badQuoteField);
      if (problems === NO_PROBLEMS) problems = [];
      problems.push(
        finding('QUOTE_INVALID', { file, line: rec.line, column: c === -1 ? null : columns[c]!.name }, {
          position: rec.badQuoteField + 1,
        }),
      );
    }
    this.onRow({ line: rec.line, values, problems });
  }

  /** The table result once every record is in; no header at all makes the file empty. */
  result(
    encoding: EncodingName | null,
    delimiter: Delimiter | null,
    notices: Notice[],
    emptyReason: 'bom-only' | 'no-header',
    format: 'csv' | 'xlsx' = 'csv',
  ): TableResult {
    if (!this.header && !this.failed) {
      return failedTable(finding('FILE_EMPTY', { file: this.file }, { reason: emptyReason }), encoding, delimiter, notices, format);
    }
    const present = new Set<string>();
    const header = this.header;
    if (header) this.contract.columns.forEach((c, i) => header.fieldOf[i] !== -1 && present.add(c.name));
    return {
      encoding,
      delimiter,
      rows: this.failed ? 0 : this.rowCount,
      findings: this.findings,
      notices,
      unusable: this.failed,
      present,
      format,
    };
  }
}

/** The file is refused at a record longer than the record size limit (exit 2). */
export function recordTooLong(file: string, line: number): Finding {
  return finding('RECORD_TOO_LONG', { file, line }, { limit: MAX_RECORD_CHARS.toLocaleString('en') });
}

/** Picks the delimiter that occurs most often outside quotes in the header line (`;` wins ties over `,`). */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (const ch of headerLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, counts.get(ch as Delimiter)! + 1);
  }
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const d of [';', '\t', ','] as const) {
    const c = counts.get(d)!;
    if (c > bestCount) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}

/** The first complete line with more than whitespace, or undefined when none has ended yet. */
function firstNonBlankLine(text: string): string | undefined {
  let pos = 0;
  for (;;) {
    const nl = text.indexOf('\n', pos);
    if (nl === -1) return undefined;
    const line = text.slice(pos, nl);
    if (line.trim() !== '') return line;
    pos = nl + 1;
  }
}

/**
 * Reads a delimited text file as a stream: decodes it (BOM, else valid UTF-8, else Windows-1252),
 * detects the delimiter, matches the header against the contract and hands each data row to
 * `onRow` with its physical line number. Problems become findings; nothing is thrown for bad input.
 */
export async function readTable(
  source: ByteSource,
  contract: TableContract,
  options: ReadOptions,
  onRow: (row: TableRow) => void,
): Promise<TableResult> {
  const file = source.name;
  const notices: Notice[] = [];
  const fail = (f: Finding, encoding: EncodingName | null = null, delimiter: Delimiter | null = null): TableResult =>
    failedTable(f, encoding, delimiter, notices);

  // 1. look at the first bytes: empty? BOM?
  let head: Uint8Array | undefined;
  for await (const chunk of source.open()) {
    if (chunk.length > 0) {
      head = chunk;
      break;
    }
  }
  if (!head) return fail(finding('FILE_EMPTY', { file }, { reason: 'no-bytes' }));
  const bom = detectBom(head);
  let encoding: EncodingName;
  let skip = 0;
  if (options.encoding) {
    encoding = options.encoding;
    if (bom && (bom.encoding === encoding || (bom.encoding === 'utf-8-bom' && encoding === 'utf-8'))) skip = bom.length;
  } else if (bom) {
    encoding = bom.encoding;
    skip = bom.length;
  } else {
    const scan = await scanUtf8(source.open());
    if (scan === 'binary') {
      return fail(finding('ENCODING_INVALID', { file }, { encoding: 'utf-8', reason: 'binary' }));
    }
    encoding = scan === 'valid' ? 'utf-8' : 'windows-1252';
    if (encoding === 'windows-1252') notices.push({ kind: 'encoding-fallback', file });
  }

  // 2. decode and tokenize, streaming
  const decoder = createDecoder(encoding);
  let delimiter: Delimiter | undefined = options.delimiter;
  let tokenizer: CsvTokenizer | undefined;
  let headerText = '';
  const sink = new RecordSink(file, contract, onRow);
  const onRecord = (rec: RawRecord): void => sink.accept(rec);

  const feed = (text: string): void => {
    if (text.length === 0) return;
    if (!tokenizer) {
      headerText += text;
      const headerLine = firstNonBlankLine(headerText);
      if (headerLine === undefined && headerText.length < 64 * 1024) return;
      delimiter ??= detectDelimiter(headerLine ?? headerText);
      tokenizer = new CsvTokenizer(delimiter, onRecord);
      const first = headerText;
      headerText = '';
      tokenizer.push(first);
      return;
    }
    tokenizer.push(text);
  };

  try {
    let first = true;
    for await (const chunk of source.open()) {
      const bytes = first && skip > 0 ? chunk.subarray(skip) : chunk;
      first = first && chunk.length === 0;
      feed(decoder.write(bytes));
      if (sink.unusable || tokenizer?.tooLong) break;
    }
    if (!sink.unusable && !tokenizer?.tooLong) feed(decoder.end());
  } catch (err) {
    if (err instanceof DecodeError) {
      const line = (tokenizer?.lines ?? 0) + 1;
      return fail(
        finding('ENCODING_INVALID', { file }, { encoding, reason: 'bytes', detail: err.detail, near: line }),
        encoding,
        delimiter ?? null,
      );
    }
    throw err;
  }
  const tooLong = tokenizer?.tooLong;
  if (tooLong) return fail(recordTooLong(file, tooLong.line), encoding, delimiter ?? null);
  if (!sink.unusable) {
    if (!tokenizer && headerText.length > 0) {
      delimiter ??= detectDelimiter(headerText.trimStart().split('\n')[0] ?? '');
      tokenizer = new CsvTokenizer(delimiter, onRecord);
      tokenizer.push(headerText);
    }
    const unclosed = tokenizer?.end();
    if (unclosed && !sink.unusable) sink.findings.push(finding('QUOTE_NOT_CLOSED', { file, line: unclosed.line }));
  }
  return sink.result(encoding, delimiter ?? null, notices, skip > 0 ? 'bom-only' : 'no-header');
}
