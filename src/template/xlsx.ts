import ExcelJS from 'exceljs';
import type { IsoDate } from '../core/dates.js';
import { TEMPLATE_DATA_ROWS, type TemplateColumn, type TemplateColumnKind, type TemplateModel } from './model.js';

/** Cell formats per column kind: IDs as text ('@') so Excel keeps leading zeros and never turns a personnummer into a number. */
export const TEMPLATE_NUMBER_FORMATS: { readonly [K in TemplateColumnKind]: string | undefined } = {
  id: '@',
  text: undefined,
  date: 'yyyy-mm-dd',
  whole: '0',
  list: undefined,
};

/** The workbook's font, named on every styled cell: a font without a name falls back to a serif face in LibreOffice. */
const FONT: Partial<ExcelJS.Font> = { name: 'Calibri', family: 2, size: 11 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const HEADER_BORDER: Partial<ExcelJS.Borders> = { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } };

/** A4 in Excel's paper-size codes. */
const PAPER_A4 = 9;

/** exceljs types `Worksheet` without its `dataValidations` collection, which takes a whole range in one entry. */
interface RangeValidations {
  readonly dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/** Where a note box sits, in fractional column and row indexes from the sheet's top left (exceljs' `x:Anchor`). */
export interface NoteAnchor {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Pixels of a column `width` characters wide in Calibri 11, as Excel draws it. */
function columnPixels(width: number): number {
  return Math.round(width * 7 + 5);
}

/** A note box's target size: about 50 characters of the 9 pt note font a line. */
const NOTE_WIDTH_PX = 300;
const NOTE_CHARS_PER_LINE = 48;
const NOTE_LINE_PX = 15;
const ROW_PX = 20;
/** Excel's default column width, for the columns right of the last header. */
const DEFAULT_COLUMN_WIDTH = 9.140625;

/**
 * The box of a header note: to the right of its cell, wide enough for about 50 characters a line
 * and tall enough for its text, so that nothing is cut off when it pops up.
 */
export function noteAnchor(note: string, columnIndex: number, widths: readonly number[]): NoteAnchor {
  const lines = note.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil(p.length / NOTE_CHARS_PER_LINE)), 0);
  const left = columnIndex + 1;
  let right = left;
  let px = 0;
  while (px < NOTE_WIDTH_PX) px += columnPixels(widths[right++] ?? DEFAULT_COLUMN_WIDTH);
  const top = 0.5;
  return { left: left + 0.1, top, right, bottom: top + Math.ceil((lines * NOTE_LINE_PX + 16) / ROW_PX) };
}

/**
 * Sets a cell's note with a box of the given size. exceljs draws every note box two default
 * columns by four rows (`VmlAnchorXform.getDefaultRect`), which cuts a paragraph off in Excel;
 * its comment model takes an `anchor`, but nothing public sets it. Should its internals change,
 * the note is still written, in exceljs' default box.
 */
function setNote(cell: ExcelJS.Cell, text: string, anchor: NoteAnchor): void {
  cell.note = text;
  const comment = (cell as unknown as { _comment?: unknown })._comment;
  if (typeof comment !== 'object' || comment === null || !('model' in comment)) return;
  const model = (comment as { model: unknown }).model;
  if (typeof model !== 'object' || model === null) return;
  Object.defineProperty(comment, 'model', { get: () => ({ ...model, anchor }), configurable: true });
}

/** A calendar date at UTC midnight: exceljs writes it as that day whatever the machine's time zone. */
function utcDate(iso: IsoDate): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

/**
 * A date for a validation formula. Excel counts a 29 February 1900 that never was, so its serial
 * numbers before March 1900 are one more than exceljs computes: shift those back a day.
 */
function validationDate(iso: IsoDate): Date {
  const d = utcDate(iso);
  return iso < '1900-03-01' ? new Date(d.getTime() - 86_400_000) : d;
}

/** A sheet name as it must appear in a formula: quoted unless it is a plain name that cannot be taken for a cell. */
export function sheetRef(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(r\d*c?\d*|c\d*)$/i.test(name);
  return plain ? name : `'${name.replaceAll("'", "''")}'`;
}

/** Column width in characters: the header (bold, plus room for the note's marker), the longest listed value, a date. */
function columnWidth(column: TemplateColumn, listValues: readonly (string | number)[]): number {
  const longest = Math.max(column.header.length * 1.15 + 3, ...listValues.map((v) => String(v).length + 4));
  const byKind = column.kind === 'date' ? 13 : column.kind === 'id' ? 16 : 10;
  return Math.min(40, Math.ceil(Math.max(longest, byKind)));
}

function validationOf(column: TemplateColumn, listRange: ReadonlyMap<string, string>): ExcelJS.DataValidation | undefined {
  const v = column.validation;
  if (!v) return undefined;
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: v.errorTitle, error: v.error } as const;
  switch (v.type) {
    case 'list':
      return { type: 'list', formulae: [listRange.get(v.list)!], ...common };
    case 'date':
      return { type: 'date', operator: 'between', formulae: [validationDate(v.min), validationDate(v.max)], ...common };
    case 'whole':
      return { type: 'whole', operator: 'between', formulae: [v.min, v.max], ...common };
  }
}

/**
 * Writes the input template workbook: the participant sheet (one bold, frozen header row with a
 * note on each header; date, text and number formats and dropdowns or date checks on rows 2 …
 * 1 + TEMPLATE_DATA_ROWS) and the hidden list sheet the dropdowns read. `created` fixes the
 * document dates, so the same day gives the same contents.
 */
export async function writeTemplateWorkbook(model: TemplateModel, options: { created: IsoDate }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'esf-report';
  wb.lastModifiedBy = 'esf-report';
  wb.created = utcDate(options.created);
  wb.modified = utcDate(options.created);
  wb.title = model.document.title;
  wb.subject = model.document.subject;
  wb.description = model.document.description;
  wb.keywords = model.document.keywords;

  const ws = wb.addWorksheet(model.sheets.participants, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2', activeCell: 'A2' }],
    // A4 landscape with the header repeated on every printed page.
    pageSetup: { paperSize: PAPER_A4, orientation: 'landscape', printTitlesRow: '1:1' },
  });
  const listSheet = wb.addWorksheet(model.sheets.lists, { state: 'hidden' });

  // One column per list: its heading in row 1, its values from row 2; dropdowns refer to the values by absolute range.
  const listRange = new Map<string, string>();
  const valuesOf = new Map<string, readonly (string | number)[]>();
  model.lists.forEach((list, i) => {
    const col = listSheet.getColumn(i + 1);
    col.width = Math.max(list.title.length, ...list.values.map((v) => String(v).length)) + 2;
    const head = listSheet.getCell(1, i + 1);
    head.value = list.title;
    head.font = { ...FONT, bold: true };
    list.values.forEach((value, r) => {
      const cell = listSheet.getCell(r + 2, i + 1);
      cell.value = value;
      cell.font = FONT;
    });
    listRange.set(list.id, `${sheetRef(model.sheets.lists)}!$${col.letter}$2:$${col.letter}$${list.values.length + 1}`);
    valuesOf.set(list.id, list.values);
  });

  const lastRow = 1 + TEMPLATE_DATA_ROWS;
  const widths = model.columns.map((column) =>
    columnWidth(column, column.validation?.type === 'list' ? (valuesOf.get(column.validation.list) ?? []) : []),
  );
  model.columns.forEach((column, i) => {
    const col = ws.getColumn(i + 1);
    col.width = widths[i]!;
    // The column's style is what Excel gives each cell typed into it: the format holds for every row.
    const numFmt = TEMPLATE_NUMBER_FORMATS[column.kind];
    col.style = numFmt === undefined ? { font: FONT } : { font: FONT, numFmt };

    const head = ws.getCell(1, i + 1);
    head.value = column.header;
    head.font = { ...FONT, bold: true };
    head.numFmt = 'General';
    head.fill = HEADER_FILL;
    head.border = HEADER_BORDER;
    head.alignment = { vertical: 'middle' };
    setNote(head, column.note, noteAnchor(column.note, i, widths));

    const validation = validationOf(column, listRange);
    if (validation) {
      (ws as unknown as RangeValidations).dataValidations.add(`${col.letter}2:${col.letter}${lastRow}`, validation);
    }
  });

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
