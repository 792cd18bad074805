/**
 * The one text-table layout of the terminal renderers (`finance`, `indicators`, `time`, the
 * participants' time of `finance`): columns padded to their widest text, left- or right-aligned,
 * separated by a gap, header lines in bold, rules of `─`, trailing blanks trimmed. Widths count
 * code points, so `å`, `ä` and `ö` are one column each.
 */

/** Paints a laid-out text (chalk's `bold`, `dim`, `red` …); the layout is measured before painting. */
export type Paint = (text: string) => string;

export interface TextColumn {
  readonly align: 'left' | 'right';
  /** The blanks before this column (ignored for the first): two spaces unless given. */
  readonly gap?: string;
  /** The narrowest the column gets, whatever its texts. */
  readonly minWidth?: number;
  /**
   * Columns with the same key are at least as wide as the widest body cell of any of them (the
   * gender columns of a figure table line up although one holds bigger numbers).
   */
  readonly sameWidth?: string;
}

/** A body cell: its text, or its text and how to paint it once padded. */
export type TextCell = string | { readonly text: string; readonly paint: Paint };

/** A header cell: one column's text, or a text spanning `span` columns (left-aligned, not measured). */
export type HeaderCell = string | { readonly text: string; readonly span: number };

export type TextRow =
  /** A row of cells, painted as a whole when `paint` is given. */
  | { readonly cells: readonly TextCell[]; readonly paint?: Paint }
  /** A rule under every column. */
  | 'rule'
  /** A line of free text starting where column `under` (default 0) starts; not measured. */
  | { readonly note: string; readonly under?: number; readonly paint?: Paint };

export interface TextTableSpec {
  readonly columns: readonly TextColumn[];
  /** Header lines, top to bottom, each painted with `paint.header`. */
  readonly header: readonly (readonly HeaderCell[])[];
  readonly rows: readonly TextRow[];
  /** Put before every line (default none). */
  readonly indent?: string;
  /** A rule between the header and the rows. */
  readonly ruleUnderHeader?: boolean;
  readonly paint?: { readonly header?: Paint; readonly rule?: Paint };
}

const GAP = '  ';
const plain: Paint = (s) => s;

/** The printed width of a text: its code points. */
export function textLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textLength(text)));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - textLength(text))) + text;
}

const cellText = (cell: TextCell): string => (typeof cell === 'string' ? cell : cell.text);
const isCells = (row: TextRow): row is Extract<TextRow, { cells: unknown }> => typeof row === 'object' && 'cells' in row;

/**
 * The widths of the columns: the widest of its header texts (spans are not measured), its body
 * texts, its minimum width and, with `sameWidth`, the body texts of its fellow columns.
 */
function columnWidths(spec: TextTableSpec): number[] {
  const bodyWidths = spec.columns.map(() => 0);
  for (const row of spec.rows) {
    if (!isCells(row)) continue;
    row.cells.forEach((cell, i) => (bodyWidths[i] = Math.max(bodyWidths[i] ?? 0, textLength(cellText(cell)))));
  }
  const shared = new Map<string, number>();
  spec.columns.forEach((col, i) => {
    if (col.sameWidth !== undefined) shared.set(col.sameWidth, Math.max(shared.get(col.sameWidth) ?? 0, bodyWidths[i]!));
  });
  const widths = spec.columns.map((col, i) => Math.max(col.minWidth ?? 0, bodyWidths[i]!, col.sameWidth === undefined ? 0 : shared.get(col.sameWidth)!));
  for (const line of spec.header) {
    let i = 0;
    for (const cell of line) {
      if (typeof cell === 'string') widths[i] = Math.max(widths[i]!, textLength(cell));
      i += typeof cell === 'string' ? 1 : cell.span;
    }
  }
  return widths;
}

/** Lays out a table as lines of text (without line ends). */
export function textTable(spec: TextTableSpec): string[] {
  const { columns } = spec;
  const indent = spec.indent ?? '';
  const paintHeader = spec.paint?.header ?? plain;
  const paintRule = spec.paint?.rule ?? plain;
  const widths = columnWidths(spec);
  const gap = (i: number) => (i === 0 ? '' : (columns[i]!.gap ?? GAP));
  const pad = (text: string, i: number) => (columns[i]!.align === 'left' ? padEnd(text, widths[i]!) : padStart(text, widths[i]!));
  const trimmed = (s: string) => s.replace(/\s+$/, '');

  const cellsLine = (cells: readonly TextCell[]) =>
    trimmed(indent + cells.map((cell, i) => gap(i) + (typeof cell === 'string' ? pad(cell, i) : cell.paint(pad(cell.text, i)))).join(''));
  const headerLine = (cells: readonly HeaderCell[]) => {
    let text = indent;
    let i = 0;
    for (const cell of cells) {
      if (typeof cell === 'string') {
        text += gap(i) + pad(cell, i);
        i++;
        continue;
      }
      // a span is as wide as its columns and the gaps between them
      let width = 0;
      for (let k = i; k < i + cell.span; k++) width += (k === i ? 0 : textLength(gap(k))) + widths[k]!;
      text += gap(i) + padEnd(cell.text, width);
      i += cell.span;
    }
    return trimmed(text);
  };
  const offset = (column: number) => {
    let n = textLength(indent);
    for (let k = 0; k < column; k++) n += textLength(gap(k)) + widths[k]!;
    return n + textLength(gap(column));
  };
  const rule = () => paintRule(indent + widths.map((w, i) => gap(i) + '─'.repeat(w)).join(''));

  const lines = spec.header.map((h) => paintHeader(headerLine(h)));
  if (spec.ruleUnderHeader) lines.push(rule());
  for (const row of spec.rows) {
    if (row === 'rule') lines.push(rule());
    else if (isCells(row)) lines.push((row.paint ?? plain)(cellsLine(row.cells)));
    else {
      const under = row.under ?? 0;
      lines.push((row.paint ?? plain)(`${' '.repeat(offset(under))}${row.note}`));
    }
  }
  return lines;
}
