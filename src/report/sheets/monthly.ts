import { daysBetween, daysInMonth, minDate, ymdToIso } from '../../core/dates.js';
import type { GenderSplit } from '../../indicators/result.js';
import { EMPTY, text, type CellModel, type SheetModel } from '../model.js';
import { SheetBuilder } from '../sheet-builder.js';
import { GENDER_KEYS, type SheetContext } from '../sheet-context.js';
import { MONTH_TOTAL, monthPrefix } from '../suppress/table.js';

/** Columns: month, starters W/M/X/total, leavers W/M/X/total, participants so far, planned by then. */
export const MONTHLY_COLUMNS = { month: 1, starters: 2, leavers: 6, cumulative: 10, planned: 11 } as const;
const STARTERS_TOTAL = MONTHLY_COLUMNS.starters + 3;

function sum(splits: readonly GenderSplit[]): GenderSplit {
  const total: GenderSplit = { women: 0, men: 0, nonBinary: 0, total: 0 };
  for (const s of splits) for (const k of GENDER_KEYS) total[k] += s[k];
  return total;
}

/**
 * The planned participants by the end of a month: the smallest whole number that is on track on
 * that day by the rule of T-PART (achieved ≥ planned × elapsed days ÷ project days), so the line of
 * the chart and the "on track" mark of the targets can never disagree.
 */
export function plannedBy(month: string, project: { readonly start: string; readonly end: string }, planned: number): number {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const monthEnd = minDate(ymdToIso(y, m, daysInMonth(y, m)), project.end);
  const projectDays = daysBetween(project.start, project.end) + 1;
  const elapsed = Math.min(projectDays, Math.max(0, daysBetween(project.start, monthEnd) + 1));
  // ceil(planned × elapsed ÷ projectDays) in whole numbers: exact, no floating-point rounding
  return Math.floor((planned * elapsed + projectDays - 1) / projectDays);
}

/**
 * Participants so far, month by month, shown only where it gives away no hidden month: the running
 * total up to month m minus the visible months is the sum of the hidden months up to m, so it is
 * shown before the first hidden month, and after the last one only when the total row already
 * states the same sum. Works on the final cells, so it holds whatever hid the months.
 */
export function protectRunningTotal(sheet: SheetModel): SheetModel {
  const rows = sheet.rows.map((r) => r.cells);
  const monthRows = rows.flatMap((cells, i) => (cells[0]?.kind === 'month' ? [i] : []));
  const hidden = (cell: CellModel | undefined) => cell === undefined || (cell.kind !== 'count' && cell.kind !== 'empty');
  const hiddenMonths = monthRows.filter((i) => hidden(rows[i]![STARTERS_TOTAL - 1]));
  if (hiddenMonths.length === 0) return sheet;
  const totalRow = sheet.rows.findIndex((r) => r.style === 'total');
  const totalShown = totalRow >= 0 && !hidden(sheet.rows[totalRow]!.cells[STARTERS_TOTAL - 1]);
  const lastHidden = hiddenMonths[hiddenMonths.length - 1]!;
  const firstHidden = hiddenMonths[0]!;
  const newRows = sheet.rows.map((row, i) => {
    if (row.cells[0]?.kind !== 'month' || i < firstHidden || (i >= lastHidden && totalShown)) return row;
    const cells = [...row.cells];
    const c = cells[MONTHLY_COLUMNS.cumulative - 1];
    if (c && c.kind === 'count') cells[MONTHLY_COLUMNS.cumulative - 1] = { kind: 'suppressed', value: c.value === 0 ? '0' : hiddenText(sheet) };
    return { ...row, cells };
  });
  return { ...sheet, rows: newRows };
}

/** The text a hidden figure shows on this sheet: the first suppressed cell's, so the marks agree. */
function hiddenText(sheet: SheetModel): string {
  for (const r of sheet.rows) for (const c of r.cells) if (c.kind === 'suppressed') return c.value;
  return '–';
}

/**
 * Monthly: starters and leavers per calendar month by gender (the rhythm of SCB's participant
 * reports), participants so far against the plan, and the totals.
 */
export function monthlySheet(ctx: SheetContext): SheetModel {
  const { result, labels, profile } = ctx;
  const l = labels.monthly;
  const b = new SheetBuilder();
  const top = b.add('header', [
    text(l.columns.month),
    text(l.columns.starters),
    EMPTY,
    EMPTY,
    EMPTY,
    text(l.columns.leavers),
    EMPTY,
    EMPTY,
    EMPTY,
    text(l.columns.cumulative),
    text(l.columns.planned),
  ]);
  b.add('header', [EMPTY, ...ctx.genderHeaders(), ...ctx.genderHeaders(), EMPTY, EMPTY]);
  b.merge(top, 1, top + 1, 1);
  b.merge(top, 2, top, 5);
  b.merge(top, 6, top, 9);
  b.merge(top, 10, top + 1, 10);
  b.merge(top, 11, top + 1, 11);
  let soFar = 0;
  for (const m of result.monthly) {
    soFar += m.starters.total;
    b.add('data', [
      { kind: 'month', value: m.month },
      ...ctx.split(monthPrefix(m.month, 'starters'), m.starters),
      ...ctx.split(monthPrefix(m.month, 'leavers'), m.leavers),
      // the running total adds nothing to the audited table: protectRunningTotal hides it wherever it would
      { kind: 'count', value: soFar },
      { kind: 'count', value: plannedBy(m.month, profile.period, profile.plannedParticipants) },
    ]);
  }
  b.add('total', [
    text(l.total),
    ...ctx.split(monthPrefix(MONTH_TOTAL, 'starters'), sum(result.monthly.map((m) => m.starters))),
    ...ctx.split(monthPrefix(MONTH_TOTAL, 'leavers'), sum(result.monthly.map((m) => m.leavers))),
  ]);
  const name = labels.sheetNames.monthly;
  return protectRunningTotal(b.build({ key: 'monthly', name, headerRows: 2, frozenColumns: 1, print: ctx.print(name) }));
}
