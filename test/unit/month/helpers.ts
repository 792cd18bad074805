import { readFileSync } from 'node:fs';
import { fingerprintMonth } from '../../../src/month/fingerprint.js';
import { buildMonthList, indexByMonth, type ListedRecord } from '../../../src/month/month-list.js';
import { COL } from '../../../src/participants/columns.js';
import { parsePersonnummer, type Personnummer } from '../../../src/participants/personnummer.js';
import { readParticipants } from '../../../src/participants/read-participants.js';
import type { ParticipantRecord } from '../../../src/participants/record.js';
import { bufferSource } from '../../../src/read/source.js';
import { ROOT } from '../../helpers/run-bin.js';

export const TODAY = '2026-11-25';
export const PROJECT = { start: '2024-08-01', end: '2027-07-31' };

/** Reads an export text as `month` does: records, and each row's personnummer kept apart. */
export async function readExport(text: string, asOf = TODAY) {
  const records: ParticipantRecord[] = [];
  const pnrByLine = new Map<number, Personnummer>();
  const summary = await readParticipants(
    bufferSource('export.csv', Buffer.from(text, 'utf8')),
    { today: TODAY, asOf, projectStart: PROJECT.start, projectEnd: PROJECT.end },
    {},
    (record, row) => {
      records.push(record);
      const p = parsePersonnummer(row.values[COL.personnummer]!, TODAY);
      if (typeof p === 'object') pnrByLine.set(record.line, p);
    },
  );
  const index = indexByMonth(records, summary.findings, asOf);
  const pnrOf = (r: ListedRecord) => pnrByLine.get(r.line) ?? null;
  const current = (month: string) => fingerprintMonth(buildMonthList(index, month), (r) => pnrOf(r)?.key ?? null);
  return { summary, records, index, pnrOf, current };
}

export const FIXTURE = readFileSync(`${ROOT}fixtures/participants.csv`, 'utf8');

/** Edits one field of the row of a participant in a CSV export with a plain header (no quoted commas). */
export function editCsv(text: string, participantId: string, column: string, value: string): string {
  const lines = text.split('\n');
  const header = lines[0]!.split(',');
  const c = header.indexOf(column);
  if (c === -1) throw new Error(`no column ${column}`);
  let hit = false;
  const out = lines.map((line, i) => {
    if (i === 0) return line;
    const cells = line.split(',');
    if (cells[0] !== participantId) return line;
    hit = true;
    cells[c] = value;
    return cells.join(',');
  });
  if (!hit) throw new Error(`no participant ${participantId}`);
  return out.join('\n');
}
