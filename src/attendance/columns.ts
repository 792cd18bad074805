import type { ColumnSpec } from '../read/header.js';

/** The attendance file's columns (`docs/time-reports.md`), canonical name first, then the accepted aliases. */
export const ATTENDANCE_COLUMNS = [
  { name: 'participant_id', aliases: ['deltagar_id', 'deltagarid', 'deltagare', 'id'] },
  { name: 'date', aliases: ['datum', 'dag'] },
  { name: 'hours', aliases: ['timmar', 'tid', 'antal_timmar'] },
  { name: 'activity', aliases: ['aktivitet', 'insats'] },
] as const satisfies readonly ColumnSpec[];

export type AttendanceColumn = (typeof ATTENDANCE_COLUMNS)[number]['name'];

/** Column index constants for the row loop. */
export const ACOL = Object.fromEntries(ATTENDANCE_COLUMNS.map((c, i) => [c.name, i])) as {
  readonly [K in AttendanceColumn]: number;
};

/** Columns the header must have, else the file is unusable (COLUMN_MISSING, exit 2). */
export const ATTENDANCE_REQUIRED_HEADERS: readonly (readonly AttendanceColumn[])[] = [['participant_id'], ['date'], ['hours']];
