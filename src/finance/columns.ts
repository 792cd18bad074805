import { SWEDISH_COLUMN_NAMES as SV } from '../findings/column-names.js';
import type { ColumnSpec } from '../read/header.js';

/** The ledger's columns (`finance.md`), canonical name first, then the accepted aliases. */
export const LEDGER_COLUMNS = [
  { name: 'date', aliases: [SV.date, 'bokföringsdatum', 'bokforingsdatum'] },
  { name: 'type', aliases: [SV.type] },
  { name: 'category', aliases: [SV.category] },
  { name: 'amount', aliases: [SV.amount] },
  { name: 'party', aliases: [SV.party] },
  { name: 'reference', aliases: [SV.reference, 'verifikationsnummer', 'ver_nr'] },
  { name: 'description', aliases: [SV.description, 'text'] },
] as const satisfies readonly ColumnSpec[];

export type LedgerColumn = (typeof LEDGER_COLUMNS)[number]['name'];

/** Column index constants for the row loop. */
export const LCOL = Object.fromEntries(LEDGER_COLUMNS.map((c, i) => [c.name, i])) as {
  readonly [K in LedgerColumn]: number;
};

/** Columns the header must have, else the ledger is unusable (COLUMN_MISSING, exit 2). */
export const LEDGER_REQUIRED_HEADERS: readonly (readonly LedgerColumn[])[] = [['date'], ['type'], ['category'], ['amount']];

/** The budget file (`--budget`): planned totals per cost category for the whole project. */
export const BUDGET_COLUMNS = [
  { name: 'category', aliases: [SV.category] },
  { name: 'amount', aliases: [SV.amount, 'budget'] },
] as const satisfies readonly ColumnSpec[];

export type BudgetColumn = (typeof BUDGET_COLUMNS)[number]['name'];

export const BUDGET_REQUIRED_HEADERS: readonly (readonly BudgetColumn[])[] = [['category'], ['amount']];
