import ExcelJS from 'exceljs';
import { redact } from '../core/redact.js';
import { columnWidths, rowHeights } from './layout.js';
import type { CellModel, ChartKey, RowStyle, SheetModel, WorkbookModel } from './model.js';

/** Number formats per cell kind: counts `0`, rates `0.0%`, money `#,##0.00`, shares `0.00%`, dates `yyyy-mm-dd`. */
export const NUMBER_FORMATS = {
  count: '0',
  integer: '0',
  rate: '0.0%',
  money: '#,##0.00',
  share: '0.00%',
  date: 'yyyy-mm-dd',
  month: 'yyyy-mm',
  datetime: 'yyyy-mm-dd hh:mm:ss',
  hours: '0.00',
} as const;

/** A4 in Excel's paper-size codes. */
const PAPER_A4 = 9;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF8EA9DB' } };
const HAIR: ExcelJS.Border = { style: 'hair', color: { argb: 'FFBFBFBF' } };

/** A calendar date `YYYY-MM-DD` as a Date at UTC midnight: exceljs writes it as that day, whatever the machine's time zone. */
function utcDate(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

function cellValue(cell: CellModel): ExcelJS.CellValue {
  switch (cell.kind) {
    case 'empty':
    case 'blank':
      return null;
    case 'text':
    case 'suppressed':
      // the workbook is an exit point too: every text passes the one redaction
      return redact(cell.value);
    case 'count':
    case 'integer':
    case 'rate':
    case 'money':
    case 'share':
    case 'hours':
      return cell.value;
    case 'date':
      return utcDate(cell.value);
    case 'month':
      return utcDate(`${cell.value}-01`);
    case 'datetime':
      return new Date(cell.value);
  }
}

/** The workbook's font, named on every styled cell: a font without a name falls back to a serif face in LibreOffice. */
const FONT: Partial<ExcelJS.Font> = { name: 'Calibri', family: 2, size: 11 };

function styleCell(target: ExcelJS.Cell, cell: CellModel, style: RowStyle, wrap: boolean): void {
  if (cell.kind in NUMBER_FORMATS) target.numFmt = NUMBER_FORMATS[cell.kind as keyof typeof NUMBER_FORMATS];
  const alignment: Partial<ExcelJS.Alignment> = { vertical: 'top' };
  if (cell.kind === 'text' && cell.indent) alignment.indent = cell.indent;
  if (cell.kind === 'text' && cell.align) alignment.horizontal = cell.align;
  if (cell.kind === 'suppressed') alignment.horizontal = 'right';
  // Line numbers are references, not quantities: centred, they do not run into the text beside them.
  if (cell.kind === 'integer') alignment.horizontal = 'center';
  if (style === 'field') alignment.horizontal = 'left';
  if (wrap || style === 'note') alignment.wrapText = true;
  target.font = FONT;
  switch (style) {
    case 'title':
      target.font = { ...FONT, bold: true, size: 14 };
      break;
    case 'section':
      target.font = { ...FONT, bold: true, size: 12 };
      break;
    case 'header':
      target.font = { ...FONT, bold: true };
      target.fill = HEADER_FILL;
      target.border = { top: THIN, bottom: THIN };
      alignment.vertical = 'middle';
      alignment.wrapText = true;
      if (cell.kind === 'text' || cell.kind === 'empty') alignment.horizontal = 'center';
      break;
    case 'group':
      target.font = { ...FONT, bold: true };
      target.fill = GROUP_FILL;
      break;
    case 'total':
      target.font = { ...FONT, bold: true };
      target.border = { top: THIN };
      break;
    case 'data':
    case 'field':
      target.border = { bottom: HAIR };
      break;
    case 'note':
      break;
    case 'signature':
      if (cell.kind === 'empty') target.border = { bottom: { style: 'thin', color: { argb: 'FF000000' } } };
      alignment.vertical = 'bottom';
      break;
  }
  target.alignment = alignment;
}

/** The pictures of the charts as PNG, by chart, and the workbook's id of each once added. */
export type ChartPictures = ReadonlyMap<ChartKey, Uint8Array>;

/** Pixels of a column `width` Excel units wide in the default font (Calibri 11: 7 pixels a unit plus 5 of padding). */
function columnPixels(width: number): number {
  return Math.trunc(width * 7 + 5);
}

/** `1` → `A`, `27` → `AA`. */
function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/**
 * Puts the sheet's charts on it and sets the print area to cover them (Excel and LibreOffice print
 * the used cells, which a picture is not): columns past the table get the default width.
 */
function addImages(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, sheet: SheetModel, widths: readonly number[], ids: Map<ChartKey, number>, pictures: ChartPictures): void {
  const images = sheet.images ?? [];
  if (images.length === 0) return;
  let lastColumn = Math.max(1, widths.length);
  let lastRow = sheet.rows.length;
  for (const image of images) {
    const png = pictures.get(image.chart);
    if (png === undefined) throw new Error(`no picture of chart ${image.chart}`);
    let id = ids.get(image.chart);
    if (id === undefined) {
      id = wb.addImage({ buffer: Buffer.from(png) as unknown as ExcelJS.Buffer, extension: 'png' });
      ids.set(image.chart, id);
    }
    ws.addImage(id, { tl: { col: image.column - 1, row: image.row - 1 }, ext: { width: image.width, height: image.height }, editAs: 'oneCell' });
    let column = image.column;
    for (let px = 0; ; column++) {
      px += columnPixels(widths[column - 1] ?? 9.14);
      if (px >= image.width) break;
    }
    lastColumn = Math.max(lastColumn, column);
    lastRow = Math.max(lastRow, image.row + Math.ceil(image.height / 20));
  }
  ws.pageSetup.printArea = `A1:${columnLetter(lastColumn)}${lastRow}`;
}

function addSheet(wb: ExcelJS.Workbook, sheet: SheetModel, ids: Map<ChartKey, number>, pictures: ChartPictures): void {
  const widths = columnWidths(sheet);
  const heights = rowHeights(sheet, widths);
  const wrapped = new Set(sheet.wrap.map((w) => w.column));
  const ws = wb.addWorksheet(redact(sheet.name), {
    views: [
      sheet.frozenColumns > 0 || sheet.headerRows > 0
        ? { state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.headerRows }
        : { state: 'normal' },
    ],
    pageSetup: {
      paperSize: PAPER_A4,
      orientation: sheet.orientation ?? 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: sheet.pagesTall,
      horizontalCentered: false,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddHeader: redact(sheet.print.header), oddFooter: redact(sheet.print.footer) },
  });
  if (sheet.headerRows > 0) ws.pageSetup.printTitlesRow = `1:${sheet.headerRows}`;
  widths.forEach((width, i) => {
    // exceljs takes a width of exactly 9 for its default and leaves the column out (Excel then uses 8.43).
    ws.getColumn(i + 1).width = width === 9 ? 9.14 : width;
  });
  sheet.rows.forEach((row, i) => {
    const r = i + 1;
    const wsRow = ws.getRow(r);
    row.cells.forEach((cell, j) => {
      if (cell.kind === 'blank') return;
      const target = wsRow.getCell(j + 1);
      target.value = cellValue(cell);
      styleCell(target, cell, row.style, wrapped.has(j + 1));
    });
    // Shade the empty rest of header and group rows up to the table's width.
    if (row.style === 'header' || row.style === 'group') {
      for (let c = row.cells.length + 1; c <= widths.length; c++) styleCell(wsRow.getCell(c), { kind: 'empty' }, row.style, false);
    }
    const height = heights.get(r) ?? (row.style === 'title' ? 22 : row.style === 'section' ? 18 : row.style === 'signature' ? 36 : undefined);
    if (height !== undefined) wsRow.height = height;
  });
  for (const m of sheet.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  for (const r of sheet.rowBreaks ?? []) ws.getRow(r).addPageBreak();
  addImages(wb, ws, sheet, widths, ids, pictures);
}

/** Builds the exceljs workbook of a model: values, formats, print setup, document properties and the charts' pictures. */
export function toExcelWorkbook(model: WorkbookModel, pictures: ChartPictures = new Map()): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const p = model.properties;
  const created = new Date(p.created);
  wb.creator = redact(p.creator);
  wb.lastModifiedBy = redact(p.creator);
  wb.created = created;
  wb.modified = created;
  wb.title = redact(p.title);
  wb.subject = redact(p.subject);
  wb.keywords = redact(p.keywords);
  wb.company = redact(p.company);
  const ids = new Map<ChartKey, number>();
  for (const sheet of model.sheets) addSheet(wb, sheet, ids, pictures);
  return wb;
}

/** The xlsx bytes of a model. Bytes differ between runs (zip timestamps); compare cell contents, never bytes. */
export async function writeWorkbook(model: WorkbookModel, pictures: ChartPictures = new Map()): Promise<Buffer> {
  const data = await toExcelWorkbook(model, pictures).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
