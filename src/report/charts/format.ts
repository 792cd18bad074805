import { formatDecimal, formatReportPercent } from '../../core/format.js';
import type { Lang } from '../../findings/catalogue.js';
import type { CellModel } from '../model.js';

/**
 * How figures read in running text, chart labels and the HTML report, per language: Swedish with a
 * decimal comma and a space before the per cent sign ("25,5 %"), English with a point ("25.5%").
 * Pure: used in Node and in a browser alike.
 */

/** `2026-09` as "sep 2026" with the template's month names. */
export function formatMonth(month: string, months: readonly string[]): string {
  return `${months[Number(month.slice(5, 7)) - 1] ?? month.slice(5, 7)} ${month.slice(0, 4)}`;
}

/**
 * A cell as the workbook shows it (the same number formats: rates to one decimal, shares and money to
 * two, dates `yyyy-mm-dd`, months `yyyy-mm`, moments `yyyy-mm-dd hh:mm:ss` in UTC), in the report's
 * language. Counts are not grouped, as in the workbook's `0` format.
 */
export function formatCell(cell: CellModel, lang: Lang): string {
  switch (cell.kind) {
    case 'empty':
    case 'blank':
      return '';
    case 'text':
    case 'suppressed':
      return cell.value;
    case 'count':
    case 'integer':
      return String(cell.value);
    case 'rate':
      return formatReportPercent(cell.value, 1, lang);
    case 'share':
      return formatReportPercent(cell.value, 2, lang);
    case 'money':
      return formatDecimal(cell.value, 2, lang);
    case 'hours':
      // `0.00`: two decimals, not grouped
      return formatDecimal(cell.value, 2, lang, false);
    case 'date':
    case 'month':
      return cell.value;
    case 'datetime':
      return cell.value.replace('T', ' ').replace(/\.\d+Z$|Z$/, '');
  }
}
