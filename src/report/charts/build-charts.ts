import { TARGETS } from '../../indicators/registry.js';
import { fillLabel, type WorkbookLabels } from '../labels.js';
import type { CellModel, SheetKey, SheetModel, WorkbookModel } from '../model.js';
import { INDICATOR_CELLS } from '../sheets/indicators.js';
import { MONTHLY_COLUMNS } from '../sheets/monthly.js';
import { TARGET_CELLS } from '../sheets/targets.js';
import type { BarRow, ChartModel, ChartTexts, SegmentValue, TargetBar } from './chart-model.js';
import { formatInteger, formatReportPercent } from '../../core/format.js';
import { formatMonth } from './format.js';

/** What the charts need beyond the sheets: the plan, the period, and the threshold for the note. */
export interface ChartContext {
  readonly labels: WorkbookLabels;
  readonly plannedParticipants: number;
  readonly period: { readonly label: string; readonly end: string; readonly asOf: string };
  readonly suppressBelow: number | null;
  /** The earlier project the reference rows of a target name (the profile's `reference.name`), if any. */
  readonly referenceName: string | null;
}

/**
 * The results drawn: on leaving (EECR01–EECR04) and six months after (EECR05). A choice of what to
 * show, not a rule: EECR06 (an improved situation, a judgement) stays in the table only.
 */
export const RESULT_CODES = ['EECR01', 'EECR02', 'EECR03', 'EECR04', 'EECR05'] as const;

/** A figure the table shows as a number, or null (hidden, empty or a mark). */
function shown(cell: CellModel | undefined): number | null {
  return cell !== undefined && (cell.kind === 'count' || cell.kind === 'rate') ? cell.value : null;
}

function isHidden(cell: CellModel | undefined): boolean {
  return cell?.kind === 'suppressed';
}

function textOf(cell: CellModel | undefined): string {
  return cell?.kind === 'text' ? cell.value : '';
}

/** Counts the hidden cells a chart reads, for its note. */
class HiddenTally {
  count = 0;
  see(cells: readonly (CellModel | undefined)[]): void {
    for (const c of cells) if (isHidden(c)) this.count += 1;
  }
}

/**
 * The parts of a bar from a women / men / non-binary / total run of cells: the three genders when
 * all are shown, else the total unsplit when it is shown, else nothing. `per` divides (a rate of a base).
 */
function segmentsOf(cells: readonly (CellModel | undefined)[], tally: HiddenTally, per = 1): SegmentValue[] {
  tally.see(cells);
  const [w, m, x, t] = cells.map(shown);
  if (w != null && m != null && x != null) {
    return [
      { segment: 'women', value: w / per },
      { segment: 'men', value: m / per },
      { segment: 'nonBinary', value: x / per },
    ];
  }
  return t != null ? [{ segment: 'total', value: t / per }] : [];
}

function sheetOf(model: WorkbookModel, key: SheetKey): SheetModel | undefined {
  return model.sheets.find((s) => s.key === key);
}

function cellsAt(cells: readonly CellModel[], first: number, n = 4): (CellModel | undefined)[] {
  return Array.from({ length: n }, (_, i) => cells[first - 1 + i]);
}

function texts(labels: WorkbookLabels, axis: string, marks: Record<string, string> = {}): ChartTexts {
  const c = labels.common;
  return {
    lang: labels.lang,
    segments: { women: c.women, men: c.men, nonBinary: c.nonBinary, total: labels.charts.totalUnsplit },
    months: labels.charts.months,
    axis,
    marks,
  };
}

function notes(ctx: ChartContext, tally: HiddenTally): string[] {
  if (tally.count === 0) return [];
  return [fillLabel(ctx.labels.charts.hiddenNote, { count: tally.count, n: ctx.suppressBelow ?? '' })];
}

function targetsChart(sheet: SheetModel, ctx: ChartContext): ChartModel {
  const l = ctx.labels.charts.targets;
  const lang = ctx.labels.lang;
  const tally = new HiddenTally();
  const bars: TargetBar[] = [];
  const summary: string[] = [];
  const rows = sheet.rows;
  rows.forEach((row, i) => {
    const id = textOf(row.cells[TARGET_CELLS.id - 1]);
    // a target's row names a target of the registry; the rows beneath it without one are its references
    const def = TARGETS.find((d) => d.id === id);
    if (row.style !== 'data' || !def) return;
    const name = textOf(row.cells[TARGET_CELLS.name - 1]);
    const base = shown(row.cells[TARGET_CELLS.base - 1]);
    const achieved = cellsAt(row.cells, TARGET_CELLS.achieved);
    const rateCell = row.cells[TARGET_CELLS.rate - 1];
    const targetRate = shown(row.cells[TARGET_CELLS.targetRate - 1]);
    tally.see([row.cells[TARGET_CELLS.base - 1], rateCell]);
    let segments: SegmentValue[] = [];
    if (base !== null && base > 0) {
      if (def.rateOf === 'women') {
        // the target is the women's share of the participants (T-GEN): only that part is drawn
        tally.see(achieved);
        const w = shown(achieved[0]);
        segments = w === null ? [] : [{ segment: 'women', value: w / base }];
      } else {
        segments = segmentsOf(achieved, tally, base);
      }
    } else {
      tally.see(achieved);
    }
    // the reference rows that follow a target (T-TRANS: the earlier project's figures)
    // (all participants, then women), named short in the legend
    const references: { label: string; value: number }[] = [];
    const referenceLabels = [l.reference, l.referenceWomen].map((t) => fillLabel(t, { name: ctx.referenceName ?? '' }));
    for (let j = i + 1; j < rows.length; j++) {
      const next = rows[j]!;
      if (next.style !== 'data' || textOf(next.cells[TARGET_CELLS.id - 1]) !== '') break;
      const value = shown(next.cells[TARGET_CELLS.rate - 1]);
      if (value !== null) references.push({ label: referenceLabels[references.length] ?? textOf(next.cells[TARGET_CELLS.name - 1]), value });
    }
    const rate = shown(rateCell);
    const rateText = rate === null ? null : formatReportPercent(rate, 1, lang);
    bars.push({ label: `${id} ${name}`, segments, end: rateText, target: targetRate, references });
    const target = targetRate === null ? '–' : formatReportPercent(targetRate, 0, lang);
    if (rateText === null) summary.push(fillLabel(l.lineHidden, { name, target }));
    else if (targetRate === null && references.length > 0) {
      summary.push(fillLabel(l.lineNoTarget, { name, rate: rateText, reference: references.map((r) => formatReportPercent(r.value, 1, lang)).join(', ') }));
    } else summary.push(fillLabel(l.line, { name, rate: rateText, target }));
  });
  return {
    key: 'targets',
    bars,
    sheet: 'targets',
    title: fillLabel(l.title, { date: ctx.period.end }),
    summary,
    notes: notes(ctx, tally),
    texts: texts(ctx.labels, l.axis, { target: l.target }),
  };
}

function monthRows(sheet: SheetModel): (readonly CellModel[])[] {
  return sheet.rows.filter((r) => r.cells[0]?.kind === 'month').map((r) => r.cells);
}

function monthOf(cells: readonly CellModel[]): string {
  const c = cells[0];
  return c?.kind === 'month' ? c.value : '';
}

function participantsChart(sheet: SheetModel, ctx: ChartContext): ChartModel {
  const l = ctx.labels.charts.participants;
  const lang = ctx.labels.lang;
  const tally = new HiddenTally();
  const points = monthRows(sheet).map((cells) => {
    const cum = cells[MONTHLY_COLUMNS.cumulative - 1];
    const plan = cells[MONTHLY_COLUMNS.planned - 1];
    tally.see([cum, plan]);
    return { month: monthOf(cells), cumulative: shown(cum), planned: shown(plan) };
  });
  const planned = formatInteger(ctx.plannedParticipants, lang);
  const lastShown = [...points].reverse().find((p) => p.cumulative !== null);
  const summary = lastShown
    ? [
        fillLabel(l.line, {
          month: formatMonth(lastShown.month, ctx.labels.charts.months),
          cumulative: formatInteger(lastShown.cumulative!, lang),
          planned: lastShown.planned === null ? '–' : formatInteger(lastShown.planned, lang),
        }),
      ]
    : [];
  return {
    key: 'participants',
    points,
    goal: ctx.plannedParticipants,
    sheet: 'monthly',
    title: fillLabel(l.title, { planned }),
    summary,
    notes: notes(ctx, tally),
    texts: texts(ctx.labels, l.axis, { cumulative: l.cumulative, planned: l.planned, goal: fillLabel(l.goal, { planned }) }),
  };
}

function flowChart(sheet: SheetModel, ctx: ChartContext): ChartModel {
  const l = ctx.labels.charts.flow;
  const lang = ctx.labels.lang;
  const months = ctx.labels.charts.months;
  const tally = new HiddenTally();
  const rows = monthRows(sheet);
  const summary: string[] = [];
  const panels = (
    [
      [l.starters, MONTHLY_COLUMNS.starters],
      [l.leavers, MONTHLY_COLUMNS.leavers],
    ] as const
  ).map(([label, column]) => {
    const bars = rows.map((cells) => ({ month: monthOf(cells), segments: segmentsOf(cellsAt(cells, column), tally) }));
    // In words: the total of the drawn months and the busiest month, from the same cells.
    const totals = rows.map((cells) => ({ month: monthOf(cells), total: shown(cells[column + 2]) }));
    const known = totals.filter((t): t is { month: string; total: number } => t.total !== null);
    if (known.length > 0 && rows.length > 0) {
      const peak = known.reduce((a, b) => (b.total > a.total ? b : a));
      const allShown = known.length === totals.length;
      summary.push(
        fillLabel(l.line, {
          label,
          total: allShown ? formatInteger(known.reduce((s, t) => s + t.total, 0), lang) : '–',
          first: formatMonth(monthOf(rows[0]!), months),
          last: formatMonth(monthOf(rows[rows.length - 1]!), months),
          peakMonth: formatMonth(peak.month, months),
          peak: formatInteger(peak.total, lang),
        }),
      );
    }
    return { label, months: bars };
  });
  return { key: 'flow', panels, sheet: 'monthly', title: l.title, summary, notes: notes(ctx, tally), texts: texts(ctx.labels, l.axis) };
}

function resultsChart(sheet: SheetModel, ctx: ChartContext): ChartModel {
  const l = ctx.labels.charts.results;
  const tally = new HiddenTally();
  const rows = sheet.rows.filter((r) => r.style === 'data' && (RESULT_CODES as readonly string[]).includes(textOf(r.cells[0])));
  const totalText = (cell: CellModel | undefined) => (shown(cell) === null ? null : String(shown(cell)));
  const shownOrMark = (cell: CellModel | undefined) => (cell?.kind === 'suppressed' ? cell.value : (totalText(cell) ?? '–'));
  const panel = (label: string, first: number) => ({
    label,
    bars: rows.map(
      (r): BarRow => ({
        label: `${textOf(r.cells[0])} ${textOf(r.cells[INDICATOR_CELLS.name - 1])}`,
        segments: segmentsOf(cellsAt(r.cells, first), tally),
        end: totalText(r.cells[first + 2]),
      }),
    ),
  });
  const panels = [
    panel(fillLabel(l.period, { period: ctx.period.label }), INDICATOR_CELLS.period),
    panel(l.cumulative, INDICATOR_CELLS.cumulative),
  ];
  const summary = rows.map((r) =>
    fillLabel(l.line, {
      code: textOf(r.cells[0]),
      name: textOf(r.cells[INDICATOR_CELLS.name - 1]),
      period: shownOrMark(r.cells[INDICATOR_CELLS.period + 2]),
      cumulative: shownOrMark(r.cells[INDICATOR_CELLS.cumulative + 2]),
    }),
  );
  return { key: 'results', panels, sheet: 'indicators', title: l.title, summary, notes: notes(ctx, tally), texts: texts(ctx.labels, l.axis) };
}

/**
 * Every chart of the report, read from the finished workbook model's cells (after any
 * suppression), in the order of the Diagram sheet. A chart whose sheet is missing is left out.
 */
export function buildCharts(model: WorkbookModel, ctx: ChartContext): ChartModel[] {
  const charts: ChartModel[] = [];
  const targets = sheetOf(model, 'targets');
  const monthly = sheetOf(model, 'monthly');
  const indicators = sheetOf(model, 'indicators');
  if (targets) charts.push(targetsChart(targets, ctx));
  if (monthly) charts.push(participantsChart(monthly, ctx), flowChart(monthly, ctx));
  if (indicators) charts.push(resultsChart(indicators, ctx));
  return charts;
}

