import type { IsoDate } from '../core/dates.js';

/**
 * The workbook as plain data: what `buildWorkbookModel` plans and `writeWorkbook` writes. Nothing
 * here knows exceljs, so the plan can be checked in tests without writing a file.
 */

/** One cell. The kind fixes the number format: counts `0`, rates `0.0%`, money `#,##0.00`, shares `0.00%`, dates `yyyy-mm-dd`. */
export type CellModel =
  /** An empty cell that belongs to its table (styled like its row). */
  | { readonly kind: 'empty' }
  /** An empty cell outside any table: no style at all (the space between two tables side by side). */
  | { readonly kind: 'blank' }
  | { readonly kind: 'text'; readonly value: string; readonly indent?: number; readonly align?: 'center' | 'right' }
  /** A whole count of participants. */
  | { readonly kind: 'count'; readonly value: number }
  /** Any other whole number shown as such (line numbers). */
  | { readonly kind: 'integer'; readonly value: number }
  /** A share between 0 and 1. */
  | { readonly kind: 'rate'; readonly value: number }
  /** An amount of money in SEK (öre ÷ 100), shown with two decimals and thousands grouping. */
  | { readonly kind: 'money'; readonly value: number }
  /** A share to two decimals of a per cent (EU share, budget utilisation): `40.00%`. */
  | { readonly kind: 'share'; readonly value: number }
  | { readonly kind: 'date'; readonly value: IsoDate }
  /** A calendar month `YYYY-MM`, written as its first day with a month format. */
  | { readonly kind: 'month'; readonly value: string }
  /** A moment in UTC, ISO 8601 (`2026-11-25T10:00:00.000Z`). */
  | { readonly kind: 'datetime'; readonly value: string }
  /**
   * A count, rate or mark hidden in a shared copy (`--suppress-below`): the hidden label, the same
   * whatever the value and the reason, right-aligned like a figure. A chart skips it.
   */
  | { readonly kind: 'suppressed'; readonly value: string }
  /** Hours in quarter hours (7.75), shown with two decimals. */
  | { readonly kind: 'hours'; readonly value: number };

/**
 * How a row looks: `title` (large, bold), `section` (bold, a heading inside a sheet), `header`
 * (bold, shaded column headers), `group` (bold group title inside a table), `data` (a table row),
 * `field` (a label and its value, every value left-aligned), `total` (bold figures), `note` (a
 * paragraph in the first cell, spread over the table's width and wrapped), `signature` (a line to
 * sign on: its empty cells get a solid bottom border).
 */
export type RowStyle = 'title' | 'section' | 'header' | 'group' | 'data' | 'field' | 'total' | 'note' | 'signature';

export interface RowModel {
  readonly style: RowStyle;
  readonly cells: readonly CellModel[];
}

/** A rectangle of merged cells, 1-based and inclusive. */
export interface MergeModel {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface WrapModel {
  /** 1-based. */
  readonly column: number;
  readonly maxWidth: number;
}

export type SheetKey =
  | 'summary'
  | 'charts'
  | 'indicators'
  | 'targets'
  | 'financing'
  | 'monthly'
  | 'cohorts'
  | 'dataQuality'
  | 'about'
  | 'timeSummary'
  | 'timeReport';

/** The pictures of the report (`src/report/charts/`): each illustrates one sheet and is also shown on the Diagram sheet. */
export const CHART_KEYS = ['targets', 'participants', 'flow', 'results'] as const;
export type ChartKey = (typeof CHART_KEYS)[number];

/** A chart placed on a sheet: its top-left cell (1-based) and its size on screen in CSS pixels (the PNG has twice as many). */
export interface ImageModel {
  readonly chart: ChartKey;
  readonly row: number;
  readonly column: number;
  readonly width: number;
  readonly height: number;
}

export interface SheetModel {
  readonly key: SheetKey;
  readonly name: string;
  /** How many rows at the top stay frozen on screen and repeat on every printed page. */
  readonly headerRows: number;
  /** How many columns at the left stay frozen on screen (0 for none). */
  readonly frozenColumns: number;
  readonly rows: readonly RowModel[];
  readonly merges: readonly MergeModel[];
  /** Columns whose long texts wrap at `maxWidth` characters instead of widening the column. */
  readonly wrap: readonly WrapModel[];
  /** Page header and footer, in Excel's header/footer code (`&L`, `&C`, `&R`, `&P`, `&N`; a literal `&` doubled). */
  readonly print: { readonly header: string; readonly footer: string };
  /**
   * Pages tall when printed: 0 = as many as needed (every table), 1 = shrink to one page (the
   * Summary, a one-page overview). Always one page wide.
   */
  readonly pagesTall: 0 | 1;
  /** Charts drawn on this sheet (none when absent). */
  readonly images?: readonly ImageModel[];
  /** Rows after which a printed page ends (the Diagram sheet: one chart a page). */
  readonly rowBreaks?: readonly number[];
  /** Columns at least this wide (Excel's units), by column: room for a picture wider than the text. */
  readonly minColumnWidths?: readonly number[];
  /** Paper orientation on A4: landscape (every report sheet) unless a sheet is a form to sign (portrait). */
  readonly orientation?: 'landscape' | 'portrait';
}

export interface DocumentProperties {
  readonly title: string;
  readonly subject: string;
  readonly keywords: string;
  /** The project owner. */
  readonly company: string;
  readonly creator: string;
  /** The generation time (ISO 8601, UTC) from the injected clock: created and modified both. */
  readonly created: string;
}

/** What a shared copy hides, by rule (cells equal by definition counted once). */
export interface SharedCopySummary {
  /** `--suppress-below N`. */
  readonly threshold: number;
  /** Counts from 1 to N−1. */
  readonly primary: number;
  /** Further cells hidden so that the primary ones cannot be worked out. */
  readonly secondary: number;
}

export interface WorkbookModel {
  readonly properties: DocumentProperties;
  readonly sheets: readonly SheetModel[];
  /**
   * The ESF+ report: null for the funder's copy; for a shared copy, how many cells are hidden (the
   * hidden cells themselves are the `suppressed` cells of the sheets). Absent in other workbooks.
   */
  readonly sharedCopy?: SharedCopySummary | null;
}

export const EMPTY: CellModel = { kind: 'empty' };
export const BLANK: CellModel = { kind: 'blank' };

export function text(value: string, indent?: number): CellModel {
  return indent === undefined ? { kind: 'text', value } : { kind: 'text', value, indent };
}

/** A short mark (yes, no, –) centred in its column. */
export function mark(value: string): CellModel {
  return { kind: 'text', value, align: 'center' };
}

export function integer(value: number): CellModel {
  return { kind: 'integer', value };
}

/** An amount in whole öre as a money cell in SEK; `Math.round(value * 100)` gives the öre back exactly. */
export function money(ore: number): CellModel {
  return { kind: 'money', value: ore / 100 };
}
