import { SWEDISH_COLUMN_NAMES as SV } from '../findings/column-names.js';
import type { ColumnSpec } from '../read/header.js';

/** The attendance file's columns (`docs/time-reports.md`), canonical name first, then the accepted aliases. */
export const ATTENDANCE_COLUMNS = [
  { name: 'participant_id', aliases: [SV.participant_id, 'deltagarid', 'deltagare', 'id'] },
  { name: 'date', aliases: [SV.date, 'dag'] },
  { name: 'hours', aliases: [SV.hours, 'tid', 'antal_timmar'] },
  { name: 'activity', aliases: [SV.activity, 'insats'] },
] as const satisfies readonly ColumnSpec[];

export type AttendanceColumn = (typeof ATTENDANCE_COLUMNS)[number]['name'];

/** Column index constants for the row loop. */
export const ACOL = Object.fromEntries(ATTENDANCE_COLUMNS.map((c, i) => [c.name, i])) as {
  readonly [K in AttendanceColumn]: number;
};

/** Columns the header must have, else the file is unusable (COLUMN_MISSING, exit 2). */
export const ATTENDANCE_REQUIRED_HEADERS: readonly (readonly AttendanceColumn[])[] = [['participant_id'], ['date'], ['hours']];
