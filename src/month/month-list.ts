import type { IsoDate } from '../core/dates.js';
import type { Finding } from '../findings/finding.js';
import type { ParticipantRecord } from '../participants/record.js';
import { dueOn, firstDay, lastDay, monthOf, opensOn, type Month } from './calendar.js';

/** A participant whose row is complete: listed in SCB's month lists. */
export type ListedRecord = ParticipantRecord & {
  readonly participantId: string;
  readonly entryDate: IsoDate;
};

/** A row with error-level findings that may belong to the month: not listed, reported with its findings. */
export interface ExcludedRow {
  readonly line: number;
  readonly participantId: string | null;
  readonly findings: readonly Finding[];
}

/** One month's participant list for SCB: who started (at entry) and who left (with the end date). */
export interface MonthList {
  readonly month: Month;
  /** SCB opens the month's report on this day. */
  readonly opens: IsoDate;
  /** The last day to send it. */
  readonly due: IsoDate;
  /** Entry date in the month, sorted by entry date, then participant ID. */
  readonly starters: readonly ListedRecord[];
  /** Exit date in the month, sorted by exit date, then participant ID. */
  readonly leavers: readonly ListedRecord[];
  readonly excluded: readonly ExcludedRow[];
}

/** The records of an export grouped by the months SCB hears of them in; built in one pass. */
export interface MonthIndex {
  readonly starters: ReadonlyMap<Month, ListedRecord[]>;
  readonly leavers: ReadonlyMap<Month, ListedRecord[]>;
  /** Rows with errors, for the month lists they may belong to. */
  readonly incomplete: readonly ParticipantRecord[];
  /** Findings of the file by line, for the excluded rows. */
  readonly findingsByLine: ReadonlyMap<number, Finding[]>;
}

const byDateThenId = (date: (r: ListedRecord) => IsoDate) => (a: ListedRecord, b: ListedRecord) => {
  const da = date(a);
  const db = date(b);
  if (da !== db) return da < db ? -1 : 1;
  return a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0;
};

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Groups the records by month: a complete record is a starter in its entry month and a leaver in
 * its exit month, as far as those dates are on or before the reference date (the export is read as
 * it stood then). Incomplete records are kept apart: they are listed nowhere.
 */
export function indexByMonth(records: Iterable<ParticipantRecord>, findings: readonly Finding[], asOf: IsoDate): MonthIndex {
  const starters = new Map<Month, ListedRecord[]>();
  const leavers = new Map<Month, ListedRecord[]>();
  const incomplete: ParticipantRecord[] = [];
  for (const r of records) {
    if (!r.complete || r.participantId === null || r.entryDate === null) {
      incomplete.push(r);
      continue;
    }
    const listed = r as ListedRecord;
    if (listed.entryDate <= asOf) push(starters, monthOf(listed.entryDate), listed);
    if (listed.exitDate !== null && listed.exitDate <= asOf) push(leavers, monthOf(listed.exitDate), listed);
  }
  for (const list of starters.values()) list.sort(byDateThenId((r) => r.entryDate));
  for (const list of leavers.values()) list.sort(byDateThenId((r) => r.exitDate!));
  const findingsByLine = new Map<number, Finding[]>();
  for (const f of findings) if (f.line !== null) push(findingsByLine, f.line, f);
  return { starters, leavers, incomplete, findingsByLine };
}

/**
 * Whether a row with errors may belong to the month: its entry or exit date is in it, or a date
 * the month depends on could not be read (then it may belong to any month).
 */
function mayBelong(r: ParticipantRecord, rowFindings: readonly Finding[], month: Month): boolean {
  const from = firstDay(month);
  const to = lastDay(month);
  const inMonth = (d: IsoDate | null) => d !== null && d >= from && d <= to;
  if (inMonth(r.entryDate) || inMonth(r.exitDate)) return true;
  if (r.entryDate === null) return true;
  return rowFindings.some((f) => f.severity === 'error' && f.column === 'exit_date');
}

/** The month's list: starters and leavers from the index, and the rows with errors that may belong to it. */
export function buildMonthList(index: MonthIndex, month: Month): MonthList {
  const excluded: ExcludedRow[] = [];
  for (const r of index.incomplete) {
    const rowFindings = index.findingsByLine.get(r.line) ?? [];
    if (mayBelong(r, rowFindings, month)) excluded.push({ line: r.line, participantId: r.participantId, findings: rowFindings });
  }
  return {
    month,
    opens: opensOn(month),
    due: dueOn(month),
    starters: index.starters.get(month) ?? [],
    leavers: index.leavers.get(month) ?? [],
    excluded,
  };
}
