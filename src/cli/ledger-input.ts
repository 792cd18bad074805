/**
 * The co-financing ledger and budget as input, from files: what `finance` and `report --ledger`
 * (and `report --attendance`) read in the same way.
 */

import type { BudgetFileSummary } from '../finance/budget.js';
import { checkLedger, type LedgerCheck, type LedgerCheckInput } from '../finance/check-ledger.js';
import type { LedgerFileSummary } from '../finance/read-ledger.js';
import type { EncodingName } from '../read/encoding.js';
import type { Delimiter } from '../read/table.js';
import { unreadableLedgerSummary } from './commands/finance-validate.js';
import { fileSource, unreadableReason } from './io.js';
import type { FileSummaryView } from './render-findings.js';

/**
 * Reads and checks the ledger and the optional budget from files, as `finance` and `report
 * --ledger` both do: a file that cannot be opened is a FILE_UNREADABLE finding and leaves the check
 * without figures (exit 2).
 */
export async function checkLedgerFiles(
  ledgerFile: string,
  budgetFile: string | undefined,
  input: LedgerCheckInput,
  options: { encoding?: EncodingName | undefined; delimiter?: Delimiter | undefined; sheet?: string | undefined },
): Promise<LedgerCheck> {
  const ledgerProblem = await unreadableReason(ledgerFile);
  const budgetProblem = budgetFile === undefined ? undefined : await unreadableReason(budgetFile);
  if (ledgerProblem !== undefined) {
    const budget = budgetFile !== undefined && budgetProblem !== undefined ? unreadableBudget(budgetFile, budgetProblem) : null;
    return { profile: input.profile, ledger: unreadableLedger(ledgerFile, ledgerProblem), budget, figures: null };
  }
  const check = await checkLedger(
    fileSource(ledgerFile),
    budgetFile === undefined || budgetProblem !== undefined ? null : fileSource(budgetFile),
    input,
    { encoding: options.encoding, delimiter: options.delimiter, sheet: options.sheet },
  );
  // a budget that cannot be opened makes the run unusable, but the ledger's own findings are still shown
  if (budgetFile !== undefined && budgetProblem !== undefined) {
    return { ...check, budget: unreadableBudget(budgetFile, budgetProblem), figures: null };
  }
  return check;
}

/** A ledger that cannot be opened: FILE_UNREADABLE, exit 2. */
function unreadableLedger(file: string, reason: string): LedgerFileSummary {
  const s = unreadableLedgerSummary(file, reason);
  return { ...s, kind: 'ledger', encoding: null, delimiter: null, findings: [...s.findings], notices: [], excluded: [] };
}

function unreadableBudget(file: string, reason: string): BudgetFileSummary {
  const s = unreadableLedgerSummary(file, reason);
  return { ...s, kind: 'budget', encoding: null, delimiter: null, findings: [...s.findings], notices: [] };
}

/** The ledger and budget files as the findings renderers see them. */
export function ledgerFileViews(check: LedgerCheck): FileSummaryView[] {
  const views: FileSummaryView[] = [check.ledger];
  if (check.budget) views.push({ ...check.budget, kind: 'ledger' });
  return views;
}
