import type { ColumnSpec } from '../read/header.js';

/** The ledger's columns (`finance.md`), canonical name first, then the accepted aliases. */
export const LEDGER_COLUMNS = [
  { name: 'date', aliases: ['datum', 'bokföringsdatum', 'bokforingsdatum'] },
  { name: 'type', aliases: ['typ'] },
  { name: 'category', aliases: ['kategori'] },
  { name: 'amount', aliases: ['belopp'] },
  { name: 'party', aliases: ['part'] },
  { name: 'reference', aliases: ['verifikation', 'verifikationsnummer', 'ver_nr'] },
  { name: 'description', aliases: ['beskrivning', 'text'] },
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
  { name: 'category', aliases: ['kategori'] },
  { name: 'amount', aliases: ['belopp', 'budget'] },
] as const satisfies readonly ColumnSpec[];

export type BudgetColumn = (typeof BUDGET_COLUMNS)[number]['name'];

export const BUDGET_REQUIRED_HEADERS: readonly (readonly BudgetColumn[])[] = [['category'], ['amount']];
