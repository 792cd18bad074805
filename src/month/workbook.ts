import ExcelJS from 'exceljs';
import type { IsoDate } from '../core/dates.js';
import type { ScbCell, ScbSheet } from './scb-sheet.js';

/** The words of the month workbook that are not SCB's column headers. */
export interface MonthWorkbookTexts {
  /** The first line of the sheet: what the file holds, and the personal-data warning when it has personnummer. */
  readonly firstLine: string;
  readonly title: string;
  readonly subject: string;
  readonly keywords: string;
  readonly description: string;
}

const utcDate = (iso: IsoDate) => new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));

function cellText(c: ScbCell): string {
  if (c === null) return '';
  if (typeof c === 'object') return c.date;
  return String(c);
}

/**
 * The xlsx bytes of a month's SCB list: a first line saying what the file is (and that it holds
 * personal data, when it does), the mapping's headers on row 2, one row per participant from row 3.
 * Dates are real date cells; personnummer are text, so Excel keeps every digit.
 */
export async function writeMonthWorkbook(sheet: ScbSheet, texts: MonthWorkbookTexts, created: IsoDate): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const when = utcDate(created);
  wb.creator = 'esf-report';
  wb.lastModifiedBy = 'esf-report';
  wb.created = when;
  wb.modified = when;
  wb.title = texts.title;
  wb.subject = texts.subject;
  wb.keywords = texts.keywords;
  wb.description = texts.description;
  const ws = wb.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.getCell(1, 1).value = texts.firstLine;
  ws.getCell(1, 1).font = { bold: true, color: { argb: 'FFC00000' } };
  const header = ws.getRow(2);
  sheet.headers.forEach((h, i) => {
    header.getCell(i + 1).value = h;
  });
  header.font = { bold: true };
  const textColumns = new Set(sheet.personnummerColumns);
  sheet.rows.forEach((row, r) => {
    const wsRow = ws.getRow(r + 3);
    row.forEach((c, i) => {
      if (c === null) return;
      const cell = wsRow.getCell(i + 1);
      if (typeof c === 'object') {
        cell.value = utcDate(c.date);
        cell.numFmt = sheet.dateFormat;
      } else if (textColumns.has(i)) {
        cell.value = String(c);
        cell.numFmt = '@';
      } else cell.value = c;
    });
  });
  sheet.headers.forEach((h, i) => {
    let width = h.length;
    for (const row of sheet.rows) width = Math.max(width, cellText(row[i] ?? null).length);
    ws.getColumn(i + 1).width = Math.min(60, width + 2);
  });
  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
