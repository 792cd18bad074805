import { formatFixed, formatPercent } from '../core/format.js';
import type { CellModel, SheetModel } from './model.js';

/**
 * Column widths and row heights from the content (exceljs has no auto-fit, `pitfalls.md`).
 * Widths are in Excel's character units (the width of a "0" in the default font).
 */

const MIN_WIDTH = 5;
const MAX_WIDTH = 80;
const PADDING = 2;
/** Bold text is a little wider than the same text in the body font. */
const BOLD_FACTOR = 1.07;
const LINE_HEIGHT = 15;

/**
 * Advance widths of Calibri 11 (metric-compatible Carlito in LibreOffice) relative to the digit "0",
 * which is Excel's width unit. Letters differ a lot (i 0.45, m 1.58): counting characters alone
 * either clips upper-case codes or leaves wide gaps after lower-case prose.
 */
const CHAR_WIDTHS: Readonly<Record<string, number>> = {
  ' ': 0.45, '.': 0.5, ',': 0.5, ':': 0.53, ';': 0.53, "'": 0.44, '"': 0.79, '(': 0.6, ')': 0.6, '[': 0.6, ']': 0.6,
  '-': 0.6, '–': 0.99, '_': 0.96, '/': 0.76, '%': 1.38, '&': 1.32, '<': 1, '>': 1, '=': 1, '+': 1, '”': 0.79, '“': 0.79,
  a: 0.95, b: 1.04, c: 0.83, d: 1.04, e: 0.98, f: 0.6, g: 0.93, h: 1.04, i: 0.45, j: 0.47, k: 0.9, l: 0.45, m: 1.58,
  n: 1.04, o: 1.04, p: 1.04, q: 1.04, r: 0.69, s: 0.77, t: 0.66, u: 1.04, v: 0.89, w: 1.41, x: 0.85, y: 0.89, z: 0.78,
  å: 0.95, ä: 0.95, ö: 1.04, é: 0.98, ü: 1.04,
  A: 1.14, B: 1.07, C: 1.05, D: 1.21, E: 0.96, F: 0.91, G: 1.24, H: 1.23, I: 0.5, J: 0.63, K: 1.03, L: 0.83, M: 1.69,
  N: 1.27, O: 1.31, P: 1.02, Q: 1.33, R: 1.07, S: 0.91, T: 0.96, U: 1.27, V: 1.12, W: 1.76, X: 1.02, Y: 0.96, Z: 0.92,
  Å: 1.14, Ä: 1.14, Ö: 1.31,
};

/** The printed width of a text in Excel width units (see `CHAR_WIDTHS`; unknown characters count as a digit). */
export function textWidth(value: string): number {
  let width = 0;
  for (const ch of value) width += CHAR_WIDTHS[ch] ?? 1;
  return width;
}

/** A cell's value as it is shown (number formats applied), for measuring. */
function shown(cell: CellModel): string {
  switch (cell.kind) {
    case 'empty':
    case 'blank':
      return '';
    case 'text':
      return cell.value;
    case 'count':
    case 'integer':
      return String(cell.value);
    case 'rate':
      return formatPercent(cell.value, { decimals: 1, decimalMark: '.', space: '' });
    case 'share':
      return formatPercent(cell.value, { decimals: 2, decimalMark: '.', space: '' });
    case 'money':
      // `#,##0.00`: thousands grouped
      return formatFixed(cell.value, 2, { decimalMark: '.', groupSeparator: ',', minus: '-' });
    case 'date':
      return cell.value;
    case 'month':
      return cell.value;
    case 'datetime':
      return '2000-01-01 00:00:00';
    case 'suppressed':
      return cell.value;
    case 'hours':
      return formatFixed(cell.value, 2, { decimalMark: '.', minus: '-' });
  }
}

/** How wide a cell is as shown, in width units: its widest line, plus its indent. */
export function displayWidth(cell: CellModel): number {
  const indent = cell.kind === 'text' ? 2 * (cell.indent ?? 0) : 0;
  // a loop, not Math.max(...spread): a text of very many lines would overflow the stack
  let widest = 0;
  for (const line of shown(cell).split('\n')) widest = Math.max(widest, textWidth(line));
  return widest + indent;
}

/** The number of lines a text takes when wrapped at word boundaries in a column `width` units wide. */
export function wrappedLines(value: string, width: number): number {
  const usable = Math.max(1, width - PADDING / 2);
  const space = textWidth(' ');
  let lines = 0;
  for (const paragraph of value.split('\n')) {
    let line = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      let w = textWidth(word);
      const needed = line === 0 ? w : line + space + w;
      if (needed <= usable) {
        line = needed;
        continue;
      }
      if (line > 0) lines += 1;
      // A word longer than the line breaks across lines.
      while (w > usable) {
        lines += 1;
        w -= usable;
      }
      line = w;
    }
  }
  return lines;
}

/** Which cells are covered by a merge across several columns: those never set a column's width. */
function spanningCells(sheet: SheetModel): Set<string> {
  const set = new Set<string>();
  for (const m of sheet.merges) {
    if (m.right === m.left) continue;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) set.add(`${r}:${c}`);
  }
  return set;
}

/** Width of every column of the sheet, from the longest content of each (wrapped columns capped). */
export function columnWidths(sheet: SheetModel): number[] {
  // loops, not Math.max(...spread): past about 125 k rows a spread overflows the stack (pitfalls.md)
  let columns = 0;
  for (const r of sheet.rows) columns = Math.max(columns, r.cells.length);
  for (const m of sheet.merges) columns = Math.max(columns, m.right);
  const caps = new Map(sheet.wrap.map((w) => [w.column, w.maxWidth] as const));
  const spanning = spanningCells(sheet);
  const floors = sheet.minColumnWidths ?? [];
  const widths: number[] = Array.from({ length: Math.max(columns, floors.length) }, (_, i) => Math.max(MIN_WIDTH, floors[i] ?? 0));
  sheet.rows.forEach((row, i) => {
    if (row.style === 'title' || row.style === 'note') return;
    row.cells.forEach((cell, j) => {
      if (spanning.has(`${i + 1}:${j + 1}`)) return;
      const bold = row.style === 'header' || row.style === 'section' || row.style === 'group' || row.style === 'total';
      const len = displayWidth(cell) * (bold ? BOLD_FACTOR : 1) + PADDING;
      const cap = caps.get(j + 1) ?? MAX_WIDTH;
      widths[j] = Math.max(widths[j]!, Math.min(Math.ceil(len), cap));
    });
  });
  return widths;
}

/**
 * Heights of rows whose text wraps (in points), by row number; rows that fit one line are left to
 * the default height. Excel does not grow a row for wrapped text it did not lay out itself.
 */
export function rowHeights(sheet: SheetModel, widths: readonly number[]): Map<number, number> {
  const heights = new Map<number, number>();
  const wrapped = new Set(sheet.wrap.map((w) => w.column));
  const mergeAt = new Map(sheet.merges.map((m) => [`${m.top}:${m.left}`, m] as const));
  sheet.rows.forEach((row, i) => {
    const r = i + 1;
    let lines = 1;
    row.cells.forEach((cell, j) => {
      if (cell.kind !== 'text') return;
      const c = j + 1;
      const merge = mergeAt.get(`${r}:${c}`);
      const spansColumns = merge !== undefined && merge.right > merge.left;
      if (!(row.style === 'note' || wrapped.has(c) || (row.style === 'header' && spansColumns))) return;
      let width = widths[j] ?? MIN_WIDTH;
      if (spansColumns) {
        width = 0;
        for (let k = merge.left; k <= merge.right; k++) width += widths[k - 1] ?? MIN_WIDTH;
      }
      const available = width - 2 * (cell.indent ?? 0);
      lines = Math.max(lines, wrappedLines(cell.value, row.style === 'header' ? available / BOLD_FACTOR : available));
    });
    if (lines > 1) heights.set(r, lines * LINE_HEIGHT);
  });
  return heights;
}
