import type { IsoDate } from '../core/dates.js';
import { COL } from '../participants/columns.js';
import { parsePersonnummer } from '../participants/personnummer.js';
import type { ParticipantRecord } from '../participants/record.js';
import type { TableRow } from '../read/table.js';
import type { DiffEntry } from './diff-exports.js';

/**
 * Collects the participants of an export as diff entries while it is read for its indicators (one
 * pass per file): each record, with its personnummer reduced to an opaque key that is never printed.
 */
export function diffEntryCollector(today: IsoDate): { readonly entries: DiffEntry[]; readonly onRecord: (record: ParticipantRecord, row: TableRow) => void } {
  const entries: DiffEntry[] = [];
  return {
    entries,
    onRecord(record, row) {
      const pnr = parsePersonnummer(row.values[COL.personnummer]!, today);
      entries.push({ record, pnrKey: typeof pnr === 'object' ? pnr.key : null });
    },
  };
}
