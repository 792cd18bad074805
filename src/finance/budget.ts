import { finding, type Finding } from '../findings/finding.js';
import type { ByteSource } from '../read/source.js';
import {
  readValidated,
  withMoreFindings,
  type FindingsOptions,
  type ReadValidatedOptions,
  type RowOutcome,
  type ValidatedFile,
} from '../read/read-validated.js';
import type { TableRow } from '../read/table.js';
import {
  CATEGORY_KEYS,
  categoryLabel,
  COST_CATEGORIES,
  describeCategories,
  parseCategory,
  typeOfCategory,
  type CostCategory,
} from './categories.js';
import { BUDGET_COLUMNS, BUDGET_REQUIRED_HEADERS } from './columns.js';
import type { CategorySums } from './figures.js';
import { share4 } from '../core/decimal.js';
import { formatOre } from '../core/format.js';
import { parseAmount } from './money.js';
import type { BudgetFigures, BudgetLine } from './result.js';

/** A budget category's planned total and the line that first names it (for BUDGET_EXCEEDED). */
export interface PlannedAmount {
  readonly amount: number;
  readonly line: number;
}

/** What reading a budget file produced (shaped like the ledger summary). */
export interface BudgetFileSummary extends ValidatedFile {
  readonly kind: 'budget';
}

export interface BudgetRead {
  readonly summary: BudgetFileSummary;
  /** Planned totals per cost category; a category on several lines is their sum. */
  readonly planned: ReadonlyMap<CostCategory, PlannedAmount>;
}

/** One budget row as read: the cost category and amount, null where the row has an error there. */
interface BudgetRow {
  readonly line: number;
  readonly category: CostCategory | null;
  readonly amount: number | null;
}

/** The budget contract's row rules: a cost category and an amount in SEK. */
function validateBudgetRow(file: string, row: TableRow): RowOutcome<BudgetRow> {
  const [categoryText = '', amountText = ''] = row.values;
  const findings: Finding[] = row.problems.slice();
  const where = (column: string) => ({ file, line: row.line, column });
  let category: CostCategory | null = null;
  if (categoryText === '') findings.push(finding('VALUE_MISSING', where('category')));
  else {
    const parsed = parseCategory(categoryText);
    if (parsed === undefined) {
      findings.push(finding('CATEGORY_INVALID', where('category'), { found: categoryText, expected: describeCategories('cost') }));
    } else if (typeOfCategory(parsed) !== 'cost') {
      findings.push(finding('CATEGORY_TYPE_MISMATCH', where('category'), { found: categoryText, type: 'cost' }));
    } else category = parsed as CostCategory;
  }
  let amount: number | null = null;
  if (amountText === '') findings.push(finding('VALUE_MISSING', where('amount')));
  else {
    const parsed = parseAmount(amountText);
    if (typeof parsed === 'number') amount = parsed;
    else {
      findings.push(
        finding('AMOUNT_INVALID', where('amount'), parsed === 'ambiguous' ? { found: amountText, reason: 'ambiguous' } : { found: amountText }),
      );
    }
  }
  const excluded = findings.some((f) => f.severity === 'error') || category === null || amount === null;
  return { record: { line: row.line, category, amount }, findings, excluded };
}

/**
 * Reads a budget file (`category;amount`, planned totals for the whole project) with the same
 * reading layer as the ledger. Financing categories and unknown categories are errors; a row with
 * an error adds nothing to the budget.
 */
export async function readBudget(
  source: ByteSource,
  options: ReadValidatedOptions,
  findingsOut: FindingsOptions = {},
): Promise<BudgetRead> {
  const file = source.name;
  const planned = new Map<CostCategory, PlannedAmount>();
  const contract = {
    kind: 'budget' as const,
    table: { columns: BUDGET_COLUMNS, required: BUDGET_REQUIRED_HEADERS },
    validate: (row: TableRow) => validateBudgetRow(file, row),
  };
  const summary = await readValidated(
    source,
    contract,
    options,
    ({ record, excluded }) => {
      if (excluded || record.category === null || record.amount === null) return;
      const earlier = planned.get(record.category);
      planned.set(record.category, { amount: (earlier?.amount ?? 0) + record.amount, line: earlier?.line ?? record.line });
    },
    findingsOut,
  );
  return { summary, planned };
}

/** Adds findings to a budget summary and counts them. */
export function withBudgetFindings(summary: BudgetFileSummary, extra: readonly Finding[], findingsOut: FindingsOptions = {}): BudgetFileSummary {
  return withMoreFindings(summary, extra, findingsOut);
}

/**
 * Budget utilisation per cost category: planned (0 when the budget does not name it), used =
 * cumulative cost up to the window end, utilisation = used ÷ planned. A category whose cost is
 * above its budget is a warning (BUDGET_EXCEEDED) on the budget file's line for it.
 */
export function budgetUtilisation(
  planned: ReadonlyMap<CostCategory, PlannedAmount>,
  cumulative: CategorySums,
  file: string,
): { budget: BudgetFigures; findings: Finding[] } {
  const budget = {} as Record<string, BudgetLine>;
  const findings: Finding[] = [];
  for (const c of COST_CATEGORIES) {
    const plan = planned.get(c);
    const plannedOre = plan?.amount ?? 0;
    const used = cumulative.get(c);
    budget[CATEGORY_KEYS[c]] = { planned: plannedOre, used, utilisation: share4(used, plannedOre) };
    if (used > plannedOre) {
      findings.push(
        finding('BUDGET_EXCEEDED', { file, line: plan?.line ?? null }, {
          category: categoryLabel(c),
          used: formatOre(used),
          planned: formatOre(plannedOre),
        }),
      );
    }
  }
  return { budget: budget as BudgetFigures, findings };
}
