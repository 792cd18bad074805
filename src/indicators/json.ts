import { redactedJsonDocument, type RedactedText } from '../core/redact.js';
import type { UnusableIndicatorsResult } from './run.js';
import type { IndicatorsResult } from './result.js';

/**
 * The `esf-report/indicators@1` document as text (`indicators --format json`, and the web page's
 * JSON download): one function, so that the CLI and the page give the same bytes, redacted as
 * every output is.
 */
export function indicatorsJson(result: IndicatorsResult | UnusableIndicatorsResult): RedactedText {
  return redactedJsonDocument(result);
}
