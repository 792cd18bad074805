/**
 * How numbers read in text, once for the whole program: amounts in SEK from whole öre, numbers
 * with a fixed count of decimals, and shares as per cents. One rounding rule: half away from zero
 * on the decimal digits (as Excel shows a number), never on the binary double. The renderers
 * differ only in their conventions (decimal mark, the blank before `%`, the minus sign), which
 * they name. Pure: used in Node and in a browser alike.
 */

import type { ExactDecimal } from './decimal.js';

/** The languages of the program's texts (the same as the findings' catalogue). */
type Lang = 'sv' | 'en';

const NO_BREAK_SPACE = '\u00a0';

/** The decimal mark of a language: `,` in Swedish, `.` in English. */
export function decimalMark(lang: Lang): ',' | '.' {
  return lang === 'sv' ? ',' : '.';
}

function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * Formats öre as Swedish SEK without the unit, exactly (BigInt): `1 234 567,89`, `-500,00`,
 * `0,00` (plain spaces between thousands). The form of every amount in the terminal and in messages.
 */
export function formatOre(ore: number | bigint): string {
  const n = BigInt(ore);
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const kronor = group((abs / 100n).toString(), ' ');
  const ore2 = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${kronor},${ore2}`;
}

/**
 * `abs` (≥ 0) rounded half away from zero on its decimal digits to `decimals` decimals, as fixed
 * text with a point (`toFixed` works on the binary value: 25.45 would become 25.4, where Excel shows 25.5).
 */
function roundDecimal(abs: number, decimals: number): string {
  if (/e/i.test(String(abs))) return abs.toFixed(decimals); // far below or above any figure of the program
  const scaled = Math.round(Number(`${abs}e${decimals}`));
  return (decimals === 0 ? scaled : Number(`${scaled}e-${decimals}`)).toFixed(decimals);
}

/** The conventions of a number's text. */
export interface NumberForm {
  readonly decimalMark: ',' | '.';
  /** Between groups of three digits; none when not given. */
  readonly groupSeparator?: string;
  /** `-` (terminal, messages) or `−` (reports). */
  readonly minus: '-' | '−';
  /** Drop trailing zeros of the decimals (and then a bare decimal mark). */
  readonly trimZeros?: boolean;
}

/** `value` with `decimals` decimals, rounded by the one rule; the minus only when the rounded value is not 0. */
export function formatFixed(value: number, decimals: number, form: NumberForm): string {
  let fixed = roundDecimal(Math.abs(value), decimals);
  const sign = value < 0 && Number(fixed) !== 0 ? form.minus : '';
  if (form.trimZeros && fixed.includes('.')) fixed = fixed.replace(/\.?0+$/, '');
  const [whole, fraction] = fixed.split('.') as [string, string | undefined];
  const grouped = form.groupSeparator === undefined ? whole : group(whole, form.groupSeparator);
  return sign + (fraction === undefined ? grouped : `${grouped}${form.decimalMark}${fraction}`);
}

/** A whole number in a report: `1 234` (sv, no-break space) or `1,234` (en), minus `−`. */
export function formatInteger(value: number, lang: Lang): string {
  const sign = value < 0 ? '−' : '';
  return sign + group(String(Math.abs(Math.round(value))), lang === 'sv' ? NO_BREAK_SPACE : ',');
}

/** A number in a report with a fixed count of decimals, its thousands grouped unless `grouped` is false: `1 234,50` / `1,234.50`. */
export function formatDecimal(value: number, decimals: number, lang: Lang, grouped = true): string {
  const groupSeparator = grouped ? (lang === 'sv' ? NO_BREAK_SPACE : ',') : undefined;
  return formatFixed(value, decimals, { decimalMark: decimalMark(lang), groupSeparator, minus: '−' });
}

/** How a per cent reads. */
export interface PercentForm {
  /** Decimals shown; with `trimZeros`, at most this many. */
  readonly decimals: number;
  readonly trimZeros?: boolean;
  readonly decimalMark: ',' | '.';
  /** Between the number and `%`. */
  readonly space: ' ' | typeof NO_BREAK_SPACE | '';
  readonly minus?: '-' | '−';
  /** Between groups of three digits of the whole per cents; none when not given. */
  readonly groupSeparator?: string;
}

/** A share (0.2545) as a per cent (`25,45 %`): its decimal digits moved two places, not multiplied in binary, then rounded by the one rule. */
export function formatPercent(share: number, form: PercentForm): string {
  const value = /e/i.test(String(share)) ? share * 100 : Number(`${share}e2`);
  const { decimalMark: mark, groupSeparator, trimZeros } = form;
  const text = formatFixed(value, form.decimals, { decimalMark: mark, groupSeparator, minus: form.minus ?? '-', trimZeros });
  return `${text}${form.space}%`;
}

/**
 * The named forms of a per cent, one per place that shows shares (pass to `formatPercent`):
 * - `terminal`: the terminal's figures, two decimals: `16.84 %` / `16,84 %` (rates, finance shares);
 * - `terminalShort`: a target or reference rate in the terminal, at most four decimals: `25 %`, `90,3 %`;
 * - `web`: the web page, at most two decimals: `25.45 %` / `25,45 %`.
 */
export const PERCENT = {
  terminal: (lang: Lang): PercentForm => ({ decimals: 2, decimalMark: decimalMark(lang), space: ' ' }),
  terminalShort: (lang: Lang): PercentForm => ({ decimals: 4, trimZeros: true, decimalMark: decimalMark(lang), space: ' ' }),
  web: (lang: Lang): PercentForm => ({ decimals: 2, trimZeros: true, decimalMark: decimalMark(lang), space: ' ' }),
} as const;

/** A share as a report shows it: `25,5 %` (sv, no-break space) or `25.5%` (en), minus `−`. */
export function formatReportPercent(share: number, decimals: number, lang: Lang): string {
  const sv = lang === 'sv';
  return formatPercent(share, { decimals, decimalMark: decimalMark(lang), space: sv ? NO_BREAK_SPACE : '', minus: '−', groupSeparator: sv ? NO_BREAK_SPACE : ',' });
}

/**
 * An exact rate (a profile's decided rate) as a per cent with every decimal it has and none
 * more: 4/10 → `40 %`, 375/1000 → `37,5 %`. Swedish decimal comma and a plain space unless told otherwise.
 */
export function formatExactPercent(rate: ExactDecimal, form: Partial<Pick<PercentForm, 'decimalMark' | 'space'>> = {}): string {
  const hundredths = rate.numerator * 100n;
  const whole = hundredths / rate.denominator;
  let rest = hundredths % rate.denominator;
  let decimals = '';
  let d = rate.denominator;
  while (rest !== 0n && d > 1n) {
    d /= 10n;
    decimals += (rest / d).toString();
    rest %= d;
  }
  return `${whole.toString()}${decimals ? `${form.decimalMark ?? ','}${decimals}` : ''}${form.space ?? ' '}%`;
}
