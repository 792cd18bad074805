import { redact } from '../../core/redact.js';
import type { IndicatorsResult } from '../../indicators/result.js';
import type { ProjectProfile } from '../../project/profile.js';
import type { WorkbookMeta } from '../build-model.js';
import { drawReportCharts, reportChartModels } from '../charts/report-charts.js';
import { renderChartSvg } from '../charts/render-svg.js';
import type { WorkbookLabels } from '../labels.js';
import type { WorkbookModel } from '../model.js';
import { chartFigure, renderHtml } from './render-html.js';

/**
 * The HTML report, as `esf-report report --out FILE.html` writes it and the web page downloads it:
 * the workbook model with its charts drawn and placed, rendered as one page. The one way both get
 * it, so the same input and options give the same bytes. No I/O.
 */
export async function renderHtmlReport(
  model: WorkbookModel,
  result: IndicatorsResult,
  profile: ProjectProfile,
  labels: WorkbookLabels,
  meta: WorkbookMeta,
): Promise<string> {
  const drawn = await drawReportCharts(model, result, profile, labels, meta);
  return renderHtml(drawn.model, drawn.charts, labels, {
    toolVersion: meta.toolVersion,
    // a shared copy names no input file (its name may say whose export it is); the SHA-256 stays
    inputName: model.sharedCopy ? null : redact(meta.input.name),
    sha256: meta.input.sha256,
    generatedAt: meta.generatedAt,
  });
}

/**
 * The report's targets chart alone, as the HTML report's figure shows it (the SVG with its title
 * and its text alternative), or null when the report has no targets chart. Draws only this chart.
 */
export async function targetsChartFigure(
  model: WorkbookModel,
  result: IndicatorsResult,
  profile: ProjectProfile,
  labels: WorkbookLabels,
  meta: WorkbookMeta,
): Promise<string | null> {
  const chart = reportChartModels(model, result, profile, labels, meta).find((c) => c.key === 'targets');
  return chart === undefined ? null : chartFigure({ chart, svg: await renderChartSvg(chart) }, labels);
}
