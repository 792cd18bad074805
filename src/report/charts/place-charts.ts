import { fillLabel, type WorkbookLabels } from '../labels.js';
import { text, type ImageModel, type RowModel, type SheetModel, type WorkbookModel } from '../model.js';
import { SheetBuilder } from '../sheet-builder.js';
import type { ChartModel } from './chart-model.js';

/** A drawn chart: its model and its size in CSS pixels. */
export interface SizedChart {
  readonly chart: ChartModel;
  readonly width: number;
  readonly height: number;
}

/** Excel's default row: 15 points = 20 pixels. */
export const ROW_PIXELS = 20;
/**
 * The Diagram sheet's columns: as many of this width (Excel's units, 7 pixels each plus 5) as the
 * widest chart needs, its texts spread over all of them. One very wide column would not do:
 * LibreOffice measures a column unit wider than Excel and then cuts the text at the paper's edge.
 */
const DIAGRAM_COLUMN_WIDTH = 13;
const DIAGRAM_COLUMN_PIXELS = DIAGRAM_COLUMN_WIDTH * 7 + 5;

function rowsFor(height: number): number {
  return Math.ceil(height / ROW_PIXELS) + 1;
}

/** The lines said under a chart: "In words" and its sentences, then its notes. */
export function chartTextLines(chart: ChartModel, labels: WorkbookLabels): string[] {
  return [`${labels.charts.inWords}: ${chart.summary.join(' ')}`, ...chart.notes];
}

/** The table width of a sheet, for spreading the notes under its chart. */
function tableWidth(sheet: SheetModel): number {
  return Math.max(1, ...sheet.rows.map((r) => r.cells.length), ...sheet.merges.map((m) => m.right));
}

/**
 * Appends a chart under a sheet's table on a printed page of its own (a picture cut by a page
 * break prints in two halves): a blank row, the picture's rows, its text lines.
 */
function appendChart(sheet: SheetModel, sized: SizedChart, labels: WorkbookLabels): SheetModel {
  const width = tableWidth(sheet);
  const breaks = [...(sheet.rowBreaks ?? []), sheet.rows.length];
  const rows: RowModel[] = [...sheet.rows, { style: 'data', cells: [] }];
  const image: ImageModel = { chart: sized.chart.key, row: rows.length + 1, column: 1, width: sized.width, height: sized.height };
  for (let i = 0; i < rowsFor(sized.height); i++) rows.push({ style: 'data', cells: [] });
  const merges = [...sheet.merges];
  for (const line of chartTextLines(sized.chart, labels)) {
    rows.push({ style: 'note', cells: [text(line)] });
    if (width > 1) merges.push({ top: rows.length, left: 1, bottom: rows.length, right: width });
  }
  return { ...sheet, rows, merges, images: [...(sheet.images ?? []), image], rowBreaks: breaks };
}

/** The Diagram sheet: a title, what the charts show, then one chart a printed page with its text. */
export function diagramSheet(
  charts: readonly SizedChart[],
  labels: WorkbookLabels,
  vars: { readonly projectName: string; readonly period: string; readonly asOf: string },
  print: SheetModel['print'],
  sheetNames: readonly string[],
): SheetModel {
  const l = labels.charts;
  const columns = Math.max(1, ...charts.map((c) => Math.ceil(c.width / DIAGRAM_COLUMN_PIXELS)));
  const b = new SheetBuilder();
  b.addSpanning('title', text(fillLabel(l.title, { projectName: vars.projectName, period: vars.period })), columns);
  b.addSpanning('note', text(fillLabel(l.intro, { sheets: sheetNames.join(', '), asOf: vars.asOf })), columns);
  const images: ImageModel[] = [];
  const breaks: number[] = [];
  charts.forEach((sized, i) => {
    if (i > 0) breaks.push(b.blank());
    else b.blank();
    const top = b.blank();
    images.push({ chart: sized.chart.key, row: top, column: 1, width: sized.width, height: sized.height });
    for (let r = 1; r < rowsFor(sized.height); r++) b.blank();
    for (const line of chartTextLines(sized.chart, labels)) b.addSpanning('note', text(line), columns);
  });
  const name = labels.sheetNames.charts;
  const sheet = b.build({ key: 'charts', name, headerRows: 0, print });
  return { ...sheet, images, rowBreaks: breaks, minColumnWidths: Array.from({ length: columns }, () => DIAGRAM_COLUMN_WIDTH) };
}

/**
 * The workbook with its charts: each under the table it illustrates, and all of them on the
 * Diagram sheet, placed after the Summary. `print` gives a sheet's page header and footer.
 */
export function withCharts(
  model: WorkbookModel,
  charts: readonly SizedChart[],
  labels: WorkbookLabels,
  vars: { readonly projectName: string; readonly period: string; readonly asOf: string },
  print: (sheetName: string) => SheetModel['print'],
): WorkbookModel {
  if (charts.length === 0) return model;
  const bySheet = new Map<string, SizedChart[]>();
  for (const c of charts) bySheet.set(c.chart.sheet, [...(bySheet.get(c.chart.sheet) ?? []), c]);
  const sheets = model.sheets.map((s) => (bySheet.get(s.key) ?? []).reduce((sheet, c) => appendChart(sheet, c, labels), s));
  const illustrated = sheets.filter((s) => bySheet.has(s.key)).map((s) => s.name);
  const diagram = diagramSheet(charts, labels, vars, print(labels.sheetNames.charts), illustrated);
  const at = sheets.findIndex((s) => s.key === 'summary') + 1;
  return { ...model, sheets: [...sheets.slice(0, at), diagram, ...sheets.slice(at)] };
}

