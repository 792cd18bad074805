import type { Finding } from '../findings/finding.js';
import type { ByteSource } from '../read/source.js';
import { readValidated, type FindingsOptions, type ReadValidatedOptions, type ValidatedFile } from '../read/read-validated.js';
import type { TableRow } from '../read/table.js';
import { PARTICIPANT_COLUMNS, PARTICIPANT_REQUIRED_HEADERS } from './columns.js';
import type { ParticipantRecord } from './record.js';
import { ParticipantValidator, type ValidationContext } from './validate-row.js';

export type { FindingsOptions } from '../read/read-validated.js';

/** What reading one participant file produced, beside the records handed to the callback. */
export interface ParticipantFileSummary extends ValidatedFile {
  readonly kind: 'participants';
}

const TABLE = { columns: PARTICIPANT_COLUMNS, required: PARTICIPANT_REQUIRED_HEADERS };

/**
 * Reads and validates a participant export in one streaming pass, handing each validated record
 * (complete or not) to `onRecord`. Memory holds the findings kept and the IDs seen, never the rows.
 */
export async function readParticipants(
  source: ByteSource,
  ctx: Omit<ValidationContext, 'file'>,
  options: ReadValidatedOptions,
  onRecord: (record: ParticipantRecord, row: TableRow, findings: readonly Finding[]) => void = () => {},
  findingsOut: FindingsOptions = {},
): Promise<ParticipantFileSummary> {
  const validator = new ParticipantValidator({ ...ctx, file: source.name });
  const contract = {
    kind: 'participants' as const,
    table: TABLE,
    validate(row: TableRow) {
      const { record, findings } = validator.validate(row);
      return { record, findings, excluded: !record.complete };
    },
  };
  return readValidated(source, contract, options, (o, row) => onRecord(o.record, row, o.findings), findingsOut);
}
