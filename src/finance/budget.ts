import { finding, type Finding, countBySeverity } from '../findings/finding.js';
import type { EncodingName } from '../read/encoding.js';
import type { ByteSource } from '../read/source.js';
import { readAnyTable } from '../read/read-any.js';
import type { Delimiter, Notice, ReadOptions, TableFileSummary } from '../read/table.js';
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
import { formatOre, parseAmount } from './money.js';
import type { BudgetFigures, BudgetLine } from './result.js';

/** A budget category's planned total and the line that first names it (for BUDGET_EXCEEDED). */
export interface PlannedAmount {
  readonly amount: number;
  readonly line: number;
}

/** What reading a budget file produced (shaped like the ledger summary). */
export interface BudgetFileSummary extends TableFileSummary {
  readonly kind: 'budget';
}

export interface BudgetRead {
  readonly summary: BudgetFileSummary;
  /** Planned totals per cost category; a category on several lines is their sum. */
  readonly planned: ReadonlyMap<CostCategory, PlannedAmount>;
}

/**
 * Reads a budget file (`category;amount`, planned totals for the whole project) with the same
 * reading layer as the ledger. Financing categories and unknown categories are errors; a row with
 * an error adds nothing to the budget.
 */
export async function readBudget(source: ByteSource, options: ReadOptions & { sheet?: string | undefined }): Promise<BudgetRead> {
  const file = source.name;
  const planned = new Map<CostCategory, PlannedAmount>();
  const rowFindings: Finding[] = [];
  let excludedRows = 0;
  const table = await readAnyTable(source, { columns: BUDGET_COLUMNS, required: BUDGET_REQUIRED_HEADERS }, options, (row) => {
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
    for (const f of findings) rowFindings.push(f);
    if (findings.some((f) => f.severity === 'error') || category === null || amount === null) {
      excludedRows++;
      return;
    }
    const earlier = planned.get(category);
    planned.set(category, { amount: (earlier?.amount ?? 0) + amount, line: earlier?.line ?? row.line });
  });
  const findings = table.unusable
    ? table.findings
    : [
        ...table.findings.filter((f) => f.code !== 'QUOTE_NOT_CLOSED'),
        ...rowFindings,
        ...table.findings.filter((f) => f.code === 'QUOTE_NOT_CLOSED'),
      ];
  return { summary: summarise(file, table, findings, excludedRows), planned };
}

function summarise(
  file: string,
  table: { encoding: EncodingName | null; delimiter: Delimiter | null; rows: number; notices: Notice[]; unusable: boolean },
  findings: Finding[],
  excludedRows: number,
): BudgetFileSummary {
  const { errors, warnings } = countBySeverity(findings);
  return {
    file,
    kind: 'budget',
    encoding: table.encoding,
    delimiter: table.delimiter,
    rows: table.unusable ? 0 : table.rows,
    errors,
    warnings,
    excludedRows: table.unusable ? 0 : excludedRows,
    findings,
    notices: table.notices,
    unusable: table.unusable,
  };
}

/** Adds findings to a budget summary and recounts errors and warnings. */
export function withBudgetFindings(summary: BudgetFileSummary, extra: readonly Finding[]): BudgetFileSummary {
  const findings = [...summary.findings, ...extra];
  const { errors, warnings } = countBySeverity(findings);
  return { ...summary, findings, errors, warnings };
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
