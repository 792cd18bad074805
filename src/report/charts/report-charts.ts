import type { IndicatorsResult } from '../../indicators/result.js';
import type { ProjectProfile } from '../../project/profile.js';
import type { WorkbookMeta } from '../build-model.js';
import { makeFigures } from '../figures.js';
import type { WorkbookLabels } from '../labels.js';
import type { WorkbookModel } from '../model.js';
import { registryNames } from '../names.js';
import { makeSheetContext } from '../sheet-context.js';
import { buildCharts } from './build-charts.js';
import type { ChartModel } from './chart-model.js';
import { withCharts } from './place-charts.js';
import { renderChartSvg, svgSize } from './render-svg.js';

export interface DrawnReport {
  /** The workbook model with the charts placed: under their tables and on the Diagram sheet. */
  readonly model: WorkbookModel;
  readonly charts: readonly { readonly chart: ChartModel; readonly svg: string }[];
}

/** The report's charts as data (not drawn yet), read from the finished workbook model. */
export function reportChartModels(
  model: WorkbookModel,
  result: IndicatorsResult,
  profile: ProjectProfile,
  labels: WorkbookLabels,
  meta: WorkbookMeta,
): ChartModel[] {
  return buildCharts(model, {
    labels,
    plannedParticipants: profile.plannedParticipants,
    period: result.period,
    suppressBelow: meta.suppressBelow,
    referenceName: profile.reference?.name ?? null,
  });
}

/**
 * Draws the report's charts from the finished workbook model (after any suppression) and places
 * them. The one way both outputs get their charts, so the workbook and the HTML page show the same
 * pictures of the same cells. No I/O; vega is loaded on the first chart.
 */
export async function drawReportCharts(
  model: WorkbookModel,
  result: IndicatorsResult,
  profile: ProjectProfile,
  labels: WorkbookLabels,
  meta: WorkbookMeta,
): Promise<DrawnReport> {
  const charts = reportChartModels(model, result, profile, labels, meta);
  const drawn: { chart: ChartModel; svg: string }[] = [];
  for (const chart of charts) drawn.push({ chart, svg: await renderChartSvg(chart) });
  const print = makeSheetContext(result, profile, labels, meta, registryNames(labels.lang), makeFigures(null, labels.common)).print; // only the print setup is read
  const placed = withCharts(
    model,
    drawn.map((d) => ({ chart: d.chart, ...svgSize(d.svg) })),
    labels,
    { projectName: profile.name, period: result.period.label, asOf: result.period.asOf },
    print,
  );
  return { model: placed, charts: drawn };
}
