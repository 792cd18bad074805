import type { IndicatorsResult } from '../indicators/result.js';
import type { ProjectProfile } from '../project/profile.js';
import type { WorkbookMeta } from '../report/build-model.js';
import { renderHtmlReport, targetsChartFigure } from '../report/html/html-report.js';
import type { WorkbookLabels } from '../report/labels.js';
import type { WorkbookModel } from '../report/model.js';

/** The report as the workbook builder made it, which the renderers below read. */
export type ReportRenderer<T> = (model: WorkbookModel, result: IndicatorsResult, profile: ProjectProfile, labels: WorkbookLabels, meta: WorkbookMeta) => Promise<T>;

/**
 * Where other report renderers plug into the page. Both run in the worker, next to the engine, so
 * the page's own script stays small (vega is bundled into the worker only).
 *
 * - `htmlReport`: the HTML report download, the very function behind `report --out FILE.html`.
 *   Null: the page offers no HTML report button.
 * - `targetsChart`: the report's targets chart as a figure (inline SVG, its title and its text
 *   alternative), shown under the targets table. Null: no chart there.
 */
export interface PageExtensions {
  readonly htmlReport: ReportRenderer<string> | null;
  readonly targetsChart: ReportRenderer<string | null> | null;
}

export const PAGE_EXTENSIONS: PageExtensions = {
  htmlReport: renderHtmlReport,
  targetsChart: targetsChartFigure,
};
