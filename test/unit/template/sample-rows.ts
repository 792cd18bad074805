import type ExcelJS from 'exceljs';
import type { ParticipantColumn } from '../../../src/participants/columns.js';

/** Four participants as an administrator fills the template, by canonical column, in each template language. */
export const SAMPLE_ROWS: Readonly<Record<'sv' | 'en', readonly Partial<Record<ParticipantColumn, string>>[]>> = {
  sv: [
    {
      participant_id: 'P-001',
      gender: 'kvinna',
      birth_date: '1990-05-01',
      entry_date: '2024-09-02',
      exit_date: '2025-03-31',
      cohort: '2024-HT',
      employment_status: 'arbetslös',
      unemployment_months: '14',
      isced: '3',
      disability: 'nej',
      third_country_national: 'ja',
      foreign_background: 'vill ej uppge',
      minority: 'okänt',
      homeless: 'nej',
      rural: 'nej',
      exit_status: 'anställd',
      qualification_gained: 'ja',
      status_6m: 'egen företagare',
      work_training_start: '2024-10-01',
      employment_start: '2025-03-15',
      network_expanded: 'ja',
      competence_improved: 'ja',
      understanding_improved: 'okänt',
    },
    { participant_id: 'P-002', gender: 'man', birth_date: '1985-01-09', entry_date: '2025-02-03', employment_status: 'inaktiv', isced: '2', rural: 'ja' },
    {
      participant_id: 'P-003',
      gender: 'icke-binär',
      birth_date: '2000-12-24',
      entry_date: '2025-09-01',
      exit_date: '2026-02-27',
      employment_status: 'sysselsatt',
      isced: '6',
      exit_status: 'studier',
      qualification_gained: 'nej',
      status_6m: 'okänt',
      improved_situation_6m: 'ja',
      studies_start: '2026-01-12',
      network_expanded: 'nej',
      competence_improved: 'okänt',
      understanding_improved: 'ja',
    },
    {
      participant_id: 'P-004',
      gender: 'kvinna',
      birth_date: '1978-06-30',
      entry_date: '2026-10-05',
      cohort: '2026-HT',
      employment_status: 'arbetslös',
      unemployment_months: '30',
      isced: '8',
    },
  ],
  en: [
    {
      participant_id: 'P-001',
      gender: 'woman',
      birth_date: '1990-05-01',
      entry_date: '2024-09-02',
      exit_date: '2025-03-31',
      cohort: '2024-HT',
      employment_status: 'unemployed',
      unemployment_months: '14',
      isced: '3',
      disability: 'no',
      third_country_national: 'yes',
      foreign_background: 'declined',
      minority: 'unknown',
      homeless: 'no',
      rural: 'no',
      exit_status: 'employed',
      qualification_gained: 'yes',
      status_6m: 'self_employed',
      work_training_start: '2024-10-01',
      employment_start: '2025-03-15',
      network_expanded: 'yes',
      competence_improved: 'yes',
      understanding_improved: 'unknown',
    },
    { participant_id: 'P-002', gender: 'man', birth_date: '1985-01-09', entry_date: '2025-02-03', employment_status: 'inactive', isced: '2', rural: 'yes' },
    {
      participant_id: 'P-003',
      gender: 'non_binary',
      birth_date: '2000-12-24',
      entry_date: '2025-09-01',
      exit_date: '2026-02-27',
      employment_status: 'employed',
      isced: '6',
      exit_status: 'education_training',
      qualification_gained: 'no',
      status_6m: 'unknown',
      improved_situation_6m: 'yes',
      studies_start: '2026-01-12',
      network_expanded: 'no',
      competence_improved: 'unknown',
      understanding_improved: 'yes',
    },
    {
      participant_id: 'P-004',
      gender: 'woman',
      birth_date: '1978-06-30',
      entry_date: '2026-10-05',
      cohort: '2026-HT',
      employment_status: 'unemployed',
      unemployment_months: '30',
      isced: '8',
    },
  ],
};

const DATE_COLUMNS: readonly string[] = ['birth_date', 'entry_date', 'exit_date', 'work_training_start', 'studies_start', 'employment_start'];
const NUMBER_COLUMNS: readonly string[] = ['unemployment_months', 'isced'];

/** A value as a person's Excel stores it: real date cells (UTC midnight, as exceljs writes a day), numbers as numbers. */
export function excelValue(column: string, text: string): ExcelJS.CellValue {
  if (DATE_COLUMNS.includes(column)) {
    return new Date(Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10))));
  }
  return NUMBER_COLUMNS.includes(column) ? Number(text) : text;
}

/** Fills the first sheet of a template workbook below its header, matching columns by header text. */
export function fillSheet(sheet: ExcelJS.Worksheet, headers: Readonly<Record<string, string>>, rows: readonly Partial<Record<string, string>>[]): void {
  const columnOf = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => columnOf.set(String(cell.value), col));
  rows.forEach((row, i) => {
    for (const [column, text] of Object.entries(row)) {
      const col = columnOf.get(headers[column] ?? column);
      if (col === undefined || text === undefined) throw new Error(`no header for ${column}`);
      sheet.getRow(i + 2).getCell(col).value = excelValue(column, text);
    }
  });
}

/** The rows as CSV lines under a template header (header order), CRLF-terminated. */
export function csvLines(headerLine: string, delimiter: string, headers: Readonly<Record<string, string>>, rows: readonly Partial<Record<string, string>>[]): string {
  const order = headerLine.replace(/^\uFEFF/, '').trim().split(delimiter);
  const byHeader = (row: Partial<Record<string, string>>) => new Map(Object.entries(row).map(([c, v]) => [headers[c] ?? c, v ?? '']));
  return rows.map((row) => order.map((h) => byHeader(row).get(h) ?? '').join(delimiter) + '\r\n').join('');
}
