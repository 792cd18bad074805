import { decimalMark, formatPercent } from '../core/format.js';
import type { Lang } from '../findings/catalogue.js';

/** Formats a share (0.2545) as a percentage in the language: 25,45 % or 25.45 % (at most two decimals, no trailing zeros). */
export function percent(value: number, lang: Lang): string {
  return formatPercent(value, { decimals: 2, trimZeros: true, decimalMark: decimalMark(lang), space: ' ' });
}
