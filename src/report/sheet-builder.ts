import type { CellModel, MergeModel, RowModel, RowStyle, SheetKey, SheetModel, WrapModel } from './model.js';

/** Collects the rows and merges of one sheet; row numbers are 1-based, as in Excel. */
export class SheetBuilder {
  private readonly rows: RowModel[] = [];
  private readonly merges: MergeModel[] = [];

  /** Adds a row and returns its number. */
  add(style: RowStyle, cells: readonly CellModel[]): number {
    this.rows.push({ style, cells });
    return this.rows.length;
  }

  blank(): number {
    return this.add('data', []);
  }

  /** Adds a row whose first cell spans `width` columns (a title, a group heading or a paragraph). */
  addSpanning(style: RowStyle, cell: CellModel, width: number): number {
    const row = this.add(style, [cell]);
    if (width > 1) this.merge(row, 1, row, width);
    return row;
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push({ top, left, bottom, right });
  }

  build(sheet: {
    key: SheetKey;
    name: string;
    headerRows: number;
    frozenColumns?: number;
    wrap?: readonly WrapModel[];
    print: SheetModel['print'];
    pagesTall?: 0 | 1;
    orientation?: 'landscape' | 'portrait';
  }): SheetModel {
    return {
      key: sheet.key,
      name: sheet.name,
      headerRows: sheet.headerRows,
      frozenColumns: sheet.frozenColumns ?? 0,
      rows: [...this.rows],
      merges: [...this.merges],
      wrap: sheet.wrap ?? [],
      print: sheet.print,
      pagesTall: sheet.pagesTall ?? 0,
      ...(sheet.orientation === undefined ? {} : { orientation: sheet.orientation }),
    };
  }
}
