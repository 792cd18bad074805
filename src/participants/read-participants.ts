import { type Finding, countBySeverity } from '../findings/finding.js';
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
  onRecord: (record: ParticipantRecord, row: TableRow) => void = () => {},
): Promise<ParticipantFileSummary> {
  const validator = new ParticipantValidator({ ...ctx, file: source.name });
  const rowFindings: Finding[] = [];
  let excludedRows = 0;
  const table = await readAnyTable(
    source,
    { columns: PARTICIPANT_COLUMNS, required: PARTICIPANT_REQUIRED_HEADERS },
    options,
    (row) => {
      const { record, findings } = validator.validate(row);
      if (findings.length > 0) for (const f of findings) rowFindings.push(f);
      if (!record.complete) excludedRows++;
      onRecord(record, row);
    },
  );
  const findings = table.unusable
    ? table.findings
    : [...table.findings.filter((f) => f.line === null || f.code !== 'QUOTE_NOT_CLOSED'), ...rowFindings, ...table.findings.filter((f) => f.code === 'QUOTE_NOT_CLOSED')];
  const { errors, warnings } = countBySeverity(findings);
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
    notices: table.notices,
    unusable: table.unusable,
  };
}
