import type { IsoDate } from '../core/dates.js';
import type { ParticipantRecord } from '../participants/record.js';

/** A participant as the diff sees it: the typed record, and whether its personnummer (never shown) is known. */
export interface DiffEntry {
  readonly record: ParticipantRecord;
  /** An opaque key of the personnummer (never printed), or null when none or invalid. */
  readonly pnrKey: number | null;
}

/** Fields compared, in the order of the export; values compared after parsing (`kvinna` = `woman`). */
export const COMPARED_FIELDS = [
  'gender',
  'birthDate',
  'entryDate',
  'exitDate',
  'cohort',
  'employmentStatus',
  'unemploymentMonths',
  'isced',
  'disability',
  'thirdCountryNational',
  'foreignBackground',
  'minority',
  'homeless',
  'rural',
  'exitStatus',
  'qualificationGained',
  'status6m',
  'improvedSituation6m',
  'workTrainingStart',
  'studiesStart',
  'employmentStart',
  'networkExpanded',
  'competenceImproved',
  'understandingImproved',
] as const satisfies readonly (keyof ParticipantRecord)[];
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface FieldChange {
  /** The record field, or `personnummer` (whose values are never shown). */
  readonly field: ComparedField | 'personnummer' | 'complete';
  readonly old: string | null;
  readonly new: string | null;
}

export interface ChangedParticipant {
  readonly participantId: string;
  readonly oldLine: number;
  readonly newLine: number;
  readonly changes: FieldChange[];
}

export interface ParticipantRef {
  readonly participantId: string;
  readonly line: number;
}

/** Why a month's participant report to SCB must be sent again. */
export interface MonthReason {
  readonly month: string; // YYYY-MM
  readonly participantId: string;
  readonly reason: 'added-starter' | 'added-leaver' | 'removed-starter' | 'removed-leaver' | 'entry-date' | 'exit-date' | 'personnummer';
}

export interface ExportDiff {
  readonly added: ParticipantRef[];
  readonly removed: ParticipantRef[];
  readonly changed: ChangedParticipant[];
  /** Rows without a usable participant ID, which cannot be matched. */
  readonly unmatched: { readonly old: number; readonly new: number };
  /** Months whose reported data (starters, leavers, personnummer, dates) changed, with why. */
  readonly monthReasons: MonthReason[];
  /** The months to re-send: from the earliest affected month up to the last month already reported. */
  readonly resend: { readonly from: string; readonly to: string; readonly months: string[] } | null;
}

function show(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') {
    const c = value as { year?: number; half?: string };
    if (c.year !== undefined) return `${c.year}-${c.half}`;
  }
  return String(value);
}

const monthOf = (d: IsoDate) => d.slice(0, 7);

function monthsFrom(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const label = `${y}-${String(m).padStart(2, '0')}`;
    if (label > to) return out;
    out.push(label);
    m++;
    if (m === 13) {
      m = 1;
      y++;
    }
  }
}

/**
 * Compares two exports of the same project by participant ID. SCB receives personnummer, start and
 * end dates per month (`domain.md`), so only those, and participants appearing or disappearing,
 * make a month's report wrong; a correction to a month means every later month is re-sent.
 * `lastReportedMonth` is the last month whose report is already due (the month before today's).
 */
export function diffExports(
  oldEntries: readonly DiffEntry[],
  newEntries: readonly DiffEntry[],
  lastReportedMonth: string,
): ExportDiff {
  const index = (entries: readonly DiffEntry[]) => {
    const map = new Map<string, DiffEntry>();
    let unmatched = 0;
    for (const e of entries) {
      const id = e.record.participantId;
      if (id === null || map.has(id)) unmatched++;
      else map.set(id, e);
    }
    return { map, unmatched };
  };
  const before = index(oldEntries);
  const after = index(newEntries);
  const added: ParticipantRef[] = [];
  const removed: ParticipantRef[] = [];
  const changed: ChangedParticipant[] = [];
  const reasons: MonthReason[] = [];
  const reason = (month: string | null | undefined, participantId: string, why: MonthReason['reason']) => {
    if (month) reasons.push({ month, participantId, reason: why });
  };

  for (const [id, e] of after.map) {
    const o = before.map.get(id);
    const r = e.record;
    if (!o) {
      added.push({ participantId: id, line: r.line });
      reason(r.entryDate && monthOf(r.entryDate), id, 'added-starter');
      reason(r.exitDate && monthOf(r.exitDate), id, 'added-leaver');
      continue;
    }
    const changes: FieldChange[] = [];
    for (const field of COMPARED_FIELDS) {
      const a = show(o.record[field]);
      const b = show(r[field]);
      if (a !== b) changes.push({ field, old: a, new: b });
    }
    if (o.pnrKey !== e.pnrKey) changes.push({ field: 'personnummer', old: null, new: null });
    if (o.record.complete !== r.complete) changes.push({ field: 'complete', old: String(o.record.complete), new: String(r.complete) });
    if (changes.length === 0) continue;
    changed.push({ participantId: id, oldLine: o.record.line, newLine: r.line, changes });
    for (const c of changes) {
      if (c.field === 'entryDate') {
        reason(c.old && monthOf(c.old), id, 'entry-date');
        reason(c.new && monthOf(c.new), id, 'entry-date');
      } else if (c.field === 'exitDate') {
        reason(c.old && monthOf(c.old), id, 'exit-date');
        reason(c.new && monthOf(c.new), id, 'exit-date');
      } else if (c.field === 'personnummer') {
        reason(r.entryDate && monthOf(r.entryDate), id, 'personnummer');
        reason(r.exitDate && monthOf(r.exitDate), id, 'personnummer');
      }
    }
  }
  for (const [id, o] of before.map) {
    if (after.map.has(id)) continue;
    removed.push({ participantId: id, line: o.record.line });
    reason(o.record.entryDate && monthOf(o.record.entryDate), id, 'removed-starter');
    reason(o.record.exitDate && monthOf(o.record.exitDate), id, 'removed-leaver');
  }
  reasons.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.participantId < b.participantId ? -1 : 1));
  const earliest = reasons[0]?.month;
  const resend =
    earliest !== undefined && earliest <= lastReportedMonth
      ? { from: earliest, to: lastReportedMonth, months: monthsFrom(earliest, lastReportedMonth) }
      : null;
  return {
    added: added.sort((a, b) => a.line - b.line),
    removed: removed.sort((a, b) => a.line - b.line),
    changed: changed.sort((a, b) => a.newLine - b.newLine),
    unmatched: { old: before.unmatched, new: after.unmatched },
    monthReasons: reasons,
    resend,
  };
}

/** The month before the month of `today`: the last month whose SCB report is already due. */
export function lastReportedMonth(today: IsoDate): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
