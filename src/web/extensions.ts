import type { Lang } from '../findings/catalogue.js';
import type { IndicatorsResult, TargetResult } from '../indicators/result.js';
import type { ProjectProfile } from '../project/profile.js';
import { progressBarSvg } from './progress-bar.js';

/**
 * Where other report renderers plug into the page. Both run in the worker, next to the engine, so
 * the page's own script stays small.
 *
 * - `htmlReport`: the HTML report download. Null in this build: the page then offers no HTML
 *   report button. A renderer of `esf-report/indicators@1` to one HTML document plugs in here.
 * - `targetChart`: the chart of one project target, as an SVG string with its own accessible
 *   name. The default is the page's simple progress bar.
 */
export interface PageExtensions {
  readonly htmlReport: ((result: IndicatorsResult, profile: ProjectProfile, lang: Lang) => string | Promise<string>) | null;
  readonly targetChart: (target: TargetResult, lang: Lang, name: string) => string;
}

export const PAGE_EXTENSIONS: PageExtensions = {
  htmlReport: null,
  targetChart: progressBarSvg,
};
