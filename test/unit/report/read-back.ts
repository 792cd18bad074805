import ExcelJS from 'exceljs';
import { isPersonnummer } from '../../../src/participants/personnummer.js';

/** Loads xlsx bytes with exceljs, as another program would. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet "${name}" (have ${wb.worksheets.map((w) => w.name).join(', ')})`);
  return ws;
}

/** The row whose first (or given) column holds exactly `value`. */
export function findRow(ws: ExcelJS.Worksheet, value: string | number, column = 1): ExcelJS.Row {
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (row.getCell(column).value === value) return row;
  }
  throw new Error(`no row with "${value}" in column ${column} of ${ws.name}`);
}

/** The values of cells `from`…`to` of a row. */
export function values(row: ExcelJS.Row, from: number, to: number): unknown[] {
  const out: unknown[] = [];
  for (let c = from; c <= to; c++) out.push(row.getCell(c).value);
  return out;
}

/** Every cell value of every sheet as text, with its address. */
export function allCellTexts(wb: ExcelJS.Workbook): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        const text = v instanceof Date ? v.toISOString() : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
        out.push({ where: `${ws.name}!${cell.address}`, text });
      });
    });
  }
  return out;
}

const SHAPE = /(?<!\d)(?:\d{2})?\d{6}[-+ ]?\d{4}(?!\d)/g;

/**
 * Every 10- or 12-digit personnummer shape in the workbook's cells and document properties.
 * A shape is not always a personnummer (an organisation number has the same form); callers check
 * what they find.
 */
export function personnummerShapes(wb: ExcelJS.Workbook): { where: string; match: string; valid: boolean }[] {
  const texts = [
    ...allCellTexts(wb),
    ...(['title', 'subject', 'keywords', 'company', 'creator', 'description'] as const).map((k) => ({ where: `properties.${k}`, text: String(wb[k] ?? '') })),
    ...wb.worksheets.flatMap((ws) => [
      { where: `${ws.name} header`, text: ws.headerFooter.oddHeader ?? '' },
      { where: `${ws.name} footer`, text: ws.headerFooter.oddFooter ?? '' },
    ]),
  ];
  return texts.flatMap(({ where, text }) =>
    [...text.matchAll(SHAPE)].map((m) => ({ where, match: m[0], valid: isPersonnummer(m[0].replace(' ', '-'), '2030-01-01') })),
  );
}
