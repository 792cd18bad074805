import type { FindingCode } from '../findings/codes.js';
import { finding, type Finding } from '../findings/finding.js';
import { FindingTally, KEPT_PER_CODE, type FindingCounts } from '../findings/tally.js';
import { readAnyTable } from './read-any.js';
import type { ByteSource } from './source.js';
import type { ReadOptions, TableContract, TableFileSummary, TableRow } from './table.js';

/** How findings leave a reader: at most `keepPerCode` of each code in the summary (default 1,000), and each one to `onFinding` as found. */
export interface FindingsOptions {
  readonly keepPerCode?: number | undefined;
  readonly onFinding?: ((f: Finding) => void) | undefined;
}

/** What one row gave: the contract's record, its findings (the row's structural problems first), and whether it is left out of every figure. */
export interface RowOutcome<R> {
  readonly record: R;
  readonly findings: readonly Finding[];
  readonly excluded: boolean;
}

/**
 * An input contract as the reader needs it: its columns, and the rules for one row. `validate`
 * is called once per data row in file order, so it may remember what it has seen (duplicates).
 */
export interface InputContract<K extends string, R> {
  /** What the file is (`participants`, `ledger`, …), carried in its summary. */
  readonly kind: K;
  readonly table: TableContract;
  validate(row: TableRow): RowOutcome<R>;
}

/** What reading and validating one input file produced: counts, at most `keepPerCode` findings of each code, and the full counts. */
export interface ValidatedFile extends TableFileSummary {
  readonly format: 'csv' | 'xlsx';
  readonly findingCounts: FindingCounts;
}

export type ReadValidatedOptions = ReadOptions & { readonly sheet?: string | undefined };

/**
 * Reads an input file (CSV or .xlsx) and validates it row by row in one streaming pass: each
 * row's outcome goes to `onRow`; findings are counted per code and at most `keepPerCode` of each
 * are kept (memory stays bounded whatever the file), every one heard by `onFinding` as it is found.
 * The findings of the summary are in the order the user reads them: file-level and header
 * findings, then the rows', then an unclosed quote; when the file is unusable, only the file's own.
 * A byte source that cannot be read gives one FILE_UNREADABLE finding, never an exception.
 */
export async function readValidated<K extends string, R>(
  source: ByteSource,
  contract: InputContract<K, R>,
  options: ReadValidatedOptions,
  onRow: (outcome: RowOutcome<R>, row: TableRow) => void = () => {},
  findingsOut: FindingsOptions = {},
): Promise<ValidatedFile & { readonly kind: K }> {
  const keep = findingsOut.keepPerCode ?? KEPT_PER_CODE;
  const rowTally = new FindingTally(keep, findingsOut.onFinding);
  let excludedRows = 0;
  const table = await readAnyTable(source, contract.table, options, (row) => {
    const outcome = contract.validate(row);
    const { findings } = outcome;
    for (let i = 0; i < findings.length; i++) rowTally.add(findings[i]!);
    if (outcome.excluded) excludedRows++;
    onRow(outcome, row);
  });
  // File-level and header findings are known only once the table is read: they are listed first
  // (an unclosed quote last), and heard by `onFinding` after the rows'.
  const headTally = new FindingTally(keep, findingsOut.onFinding);
  for (const f of table.findings) if (f.code !== 'QUOTE_NOT_CLOSED') headTally.add(f);
  const headKept = headTally.kept.slice();
  if (!table.unusable) for (const f of table.findings) if (f.code === 'QUOTE_NOT_CLOSED') headTally.add(f);
  const usable = !table.unusable;
  return {
    file: source.name,
    kind: contract.kind,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    rows: usable ? table.rows : 0,
    errors: headTally.errors + (usable ? rowTally.errors : 0),
    warnings: headTally.warnings + (usable ? rowTally.warnings : 0),
    excludedRows: usable ? excludedRows : 0,
    findings: usable ? [...headKept, ...rowTally.kept, ...headTally.kept.slice(headKept.length)] : headKept,
    findingCounts: usable ? mergeCounts(headTally.counts(), rowTally.counts()) : headTally.counts(),
    notices: table.notices,
    unusable: table.unusable,
  };
}

/**
 * Adds findings found after the reading (checks on the figures, budget utilisation) to a summary:
 * counted, kept up to `keepPerCode` of a code beside those already kept, and heard by `onFinding`.
 */
export function withMoreFindings<S extends ValidatedFile>(summary: S, extra: readonly Finding[], findingsOut: FindingsOptions = {}): S {
  if (extra.length === 0) return summary;
  const keep = findingsOut.keepPerCode ?? KEPT_PER_CODE;
  const counts: Partial<Record<FindingCode, number>> = { ...summary.findingCounts };
  const kept = new Map<FindingCode, number>();
  for (const f of summary.findings) kept.set(f.code, (kept.get(f.code) ?? 0) + 1);
  const findings = summary.findings.slice();
  let { errors, warnings } = summary;
  for (const f of extra) {
    counts[f.code] = (counts[f.code] ?? 0) + 1;
    if (f.severity === 'error') errors++;
    else warnings++;
    const n = (kept.get(f.code) ?? 0) + 1;
    kept.set(f.code, n);
    if (n <= keep) findings.push(f);
    findingsOut.onFinding?.(f);
  }
  return { ...summary, findings, findingCounts: counts, errors, warnings };
}

/** The summary of a file that cannot even be opened: one FILE_UNREADABLE finding (exit 2). */
export function unreadableFile(file: string, reason: string): ValidatedFile {
  const f = finding('FILE_UNREADABLE', { file }, { reason });
  return {
    file,
    format: 'csv',
    encoding: null,
    delimiter: null,
    rows: 0,
    errors: 1,
    warnings: 0,
    excludedRows: 0,
    findings: [f],
    findingCounts: { FILE_UNREADABLE: 1 },
    notices: [],
    unusable: true,
  };
}

function mergeCounts(a: FindingCounts, b: FindingCounts): FindingCounts {
  const out: Partial<Record<FindingCode, number>> = { ...a };
  for (const [code, n] of Object.entries(b) as [FindingCode, number][]) out[code] = (out[code] ?? 0) + n;
  return out;
}
