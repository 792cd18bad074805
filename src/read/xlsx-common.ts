/** What both .xlsx readers share (exceljs's whole-workbook one for the web page, ours for Node): cell texts and the sheet chosen. */
import type * as ExcelJS from 'exceljs';
import { ymdToIso } from '../core/dates.js';

/**
 * The text of a cell as an export would have it: real Excel dates become `YYYY-MM-DD` (a time of
 * day is kept, so that a non-zero time is reported), numbers their shortest decimal form,
 * formulas their cached result, rich text its plain text.
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // exceljs gives dates as UTC instants of the serial day; read them back in UTC
    const date = ymdToIso(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    const h = value.getUTCHours();
    const m = value.getUTCMinutes();
    const s = value.getUTCSeconds();
    return h === 0 && m === 0 && s === 0 ? date : `${date} ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  }
  // a formula's cached result carries binary noise (106555.34000000001): keep Excel's 15 digits
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('hyperlink' in value) return String((value as { text?: unknown }).text ?? '');
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/** The sheet to read: the one named (case and surrounding space aside), else the first visible one, else the first. */
export function chosenSheet<S extends { readonly name: string; readonly state?: string | undefined }>(sheets: readonly S[], wanted: string | undefined): S | undefined {
  if (wanted !== undefined) return sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase());
  return sheets.find((s) => (s.state ?? 'visible') === 'visible') ?? sheets[0];
}

/** Why a workbook gives no sheet to read (the same words from both readers). */
export function noSheetReason(names: readonly string[], wanted: string | undefined): string {
  return wanted ? `no sheet named "${wanted}"; the sheets are: ${names.join(', ')}` : 'the workbook has no sheets';
}

/** How reading a sheet's records ended: read through, stopped at a row too long, or not readable (and why). */
export interface RecordOutcome {
  readonly tooLong?: number;
  readonly unreadable?: string;
}
