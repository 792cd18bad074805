import type { UnusableIndicatorsResult } from './run.js';
import type { IndicatorsResult } from './result.js';

/**
 * The `esf-report/indicators@1` document as text (`indicators --format json`, and the web page's
 * JSON download): one function, so that the CLI and the page give the same bytes.
 */
export function indicatorsJson(result: IndicatorsResult | UnusableIndicatorsResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
