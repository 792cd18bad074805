import type { Lang } from '../../findings/catalogue.js';
import type { CellModel } from '../model.js';

/**
 * How figures read in running text, chart labels and the HTML report, per language: Swedish with a
 * decimal comma and a space before the per cent sign ("25,5 %"), English with a point ("25.5%").
 * Pure: used in Node and in a browser alike.
 */

const GROUP = '\u00a0';

function group(digits: string, sep: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** A whole number: `1 234` (sv, no-break space) or `1,234` (en). */
export function formatInteger(value: number, lang: Lang): string {
  const sign = value < 0 ? '−' : '';
  return sign + group(String(Math.abs(Math.round(value))), lang === 'sv' ? GROUP : ',');
}

/**
 * Rounds half away from zero on the decimal digits, as Excel shows a number (`toFixed` works on
 * the binary value: 25.45 would become 25.4, where Excel shows 25.5).
 */
function roundDecimal(abs: number, decimals: number): string {
  if (/e/i.test(String(abs))) return abs.toFixed(decimals); // far below or above any figure of the report
  const scaled = Math.round(Number(`${abs}e${decimals}`));
  return (decimals === 0 ? scaled : Number(`${scaled}e-${decimals}`)).toFixed(decimals);
}

/** A number with a fixed count of decimals, its thousands grouped unless `grouped` is false. */
export function formatDecimal(value: number, decimals: number, lang: Lang, grouped = true): string {
  const fixed = roundDecimal(Math.abs(value), decimals);
  const [whole, frac] = fixed.split('.') as [string, string | undefined];
  const sign = value < 0 && Number(fixed) !== 0 ? '−' : '';
  const g = grouped ? group(whole, lang === 'sv' ? GROUP : ',') : whole;
  return sign + (frac === undefined ? g : `${g}${lang === 'sv' ? ',' : '.'}${frac}`);
}

/** A share as a per cent with `decimals` decimals: `25,5 %` / `25.5%`. */
export function formatPercent(share: number, decimals: number, lang: Lang): string {
  // the share's decimal digits moved two places (0.2545 → 25.45), not multiplied in binary
  const n = formatDecimal(/e/i.test(String(share)) ? share * 100 : Number(`${share}e2`), decimals, lang);
  return lang === 'sv' ? `${n}${GROUP}%` : `${n}%`;
}

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
      return formatPercent(cell.value, 1, lang);
    case 'share':
      return formatPercent(cell.value, 2, lang);
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
