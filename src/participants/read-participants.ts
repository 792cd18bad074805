import type { FindingCode } from '../findings/codes.js';
import type { Finding } from '../findings/finding.js';
import { FindingTally, KEPT_PER_CODE, type FindingCounts } from '../findings/tally.js';
import type { ByteSource } from '../read/source.js';
import { readAnyTable } from '../read/read-any.js';
import type { ReadOptions, TableFileSummary, TableRow } from '../read/table.js';
import { PARTICIPANT_COLUMNS, PARTICIPANT_REQUIRED_HEADERS } from './columns.js';
import type { ParticipantRecord } from './record.js';
import { ParticipantValidator, type ValidationContext } from './validate-row.js';

/** What reading one participant file produced, beside the records handed to the callback. */
export interface ParticipantFileSummary extends TableFileSummary {
  readonly kind: 'participants';
  /** How the file was read: delimited text, or an Excel workbook (lines are then Excel row numbers). */
  readonly format?: 'csv' | 'xlsx';
}

/**
 * Reads and validates a participant export in one streaming pass, handing each validated record
 * (complete or not) to `onRecord`. Memory holds the findings and the IDs seen, never the rows.
 */
export async function readParticipants(
  source: ByteSource,
  ctx: Omit<ValidationContext, 'file'>,
  options: ReadOptions & { sheet?: string | undefined },
  onRecord: (record: ParticipantRecord, row: TableRow, findings: readonly Finding[]) => void = () => {},
  findingsOut: FindingsOptions = {},
): Promise<ParticipantFileSummary> {
  const validator = new ParticipantValidator({ ...ctx, file: source.name });
  const keep = findingsOut.keepPerCode ?? KEPT_PER_CODE;
  const rowTally = new FindingTally(keep, findingsOut.onFinding);
  let excludedRows = 0;
  const table = await readAnyTable(
    source,
    { columns: PARTICIPANT_COLUMNS, required: PARTICIPANT_REQUIRED_HEADERS },
    options,
    (row) => {
      const { record, findings } = validator.validate(row);
      if (findings.length > 0) for (const f of findings) rowTally.add(f);
      if (!record.complete) excludedRows++;
      onRecord(record, row, findings);
    },
  );
  // File-level and header findings are known only once the table is read: they are listed first
  // (an unclosed quote last), and heard by `onFinding` after the rows'.
  const headTally = new FindingTally(keep, findingsOut.onFinding);
  const head = table.findings.filter((f) => f.code !== 'QUOTE_NOT_CLOSED');
  const tail = table.findings.filter((f) => f.code === 'QUOTE_NOT_CLOSED');
  for (const f of head) headTally.add(f);
  const headKept = headTally.kept.slice();
  if (!table.unusable) for (const f of tail) headTally.add(f);
  const findings = table.unusable ? headKept : [...headKept, ...rowTally.kept, ...headTally.kept.slice(headKept.length)];
  const findingCounts = table.unusable ? headTally.counts() : mergeCounts(headTally.counts(), rowTally.counts());
  const errors = headTally.errors + (table.unusable ? 0 : rowTally.errors);
  const warnings = headTally.warnings + (table.unusable ? 0 : rowTally.warnings);
  return {
    file: source.name,
    kind: 'participants',
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    rows: table.unusable ? 0 : table.rows,
    errors,
    warnings,
    excludedRows: table.unusable ? 0 : excludedRows,
    findings,
    findingCounts,
    notices: table.notices,
    unusable: table.unusable,
  };
}

/** How findings leave the reader: at most `keepPerCode` of each code in the summary (default 1,000), and each one to `onFinding` as found. */
export interface FindingsOptions {
  readonly keepPerCode?: number | undefined;
  readonly onFinding?: ((f: Finding) => void) | undefined;
}

function mergeCounts(a: FindingCounts, b: FindingCounts): FindingCounts {
  const out: Partial<Record<FindingCode, number>> = { ...a };
  for (const [code, n] of Object.entries(b) as [FindingCode, number][]) out[code] = (out[code] ?? 0) + n;
  return out;
}
