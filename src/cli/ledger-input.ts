/**
 * The co-financing ledger and budget as input, from files: what `finance` and `report --ledger`
 * (and `report --attendance`) read in the same way.
 */

import { checkLedger, type LedgerCheck, type LedgerCheckInput } from '../finance/check-ledger.js';
import type { LedgerFileSummary } from '../finance/read-ledger.js';
import type { EncodingName } from '../read/encoding.js';
import type { FindingsOptions, ValidatedFile } from '../read/read-validated.js';
import type { Delimiter } from '../read/table.js';
import { openInput } from './input-file.js';
import type { FileSummaryView } from './render-findings.js';

/**
 * Reads and checks the ledger and the optional budget from files, as `finance` and `report
 * --ledger` both do: a file that cannot be opened is a FILE_UNREADABLE finding and leaves the check
 * without figures (exit 2). Findings are kept (and streamed) as `findingsOut` says.
 */
export async function checkLedgerFiles(
  ledgerFile: string,
  budgetFile: string | undefined,
  input: LedgerCheckInput,
  options: { encoding?: EncodingName | undefined; delimiter?: Delimiter | undefined; sheet?: string | undefined },
  findingsOut: FindingsOptions = {},
): Promise<LedgerCheck> {
  const ledger = await openInput(ledgerFile);
  const budget = budgetFile === undefined ? null : await openInput(budgetFile);
  const unreadableBudget = budget?.unreadable ? ({ ...budget.unreadable, kind: 'budget' } as const) : null;
  if (!ledger.source) {
    return { profile: input.profile, ledger: unreadableLedger(ledger.unreadable), budget: unreadableBudget, figures: null };
  }
  const readOptions = { encoding: options.encoding, delimiter: options.delimiter, sheet: options.sheet };
  const check = await checkLedger(ledger.source, budget?.source ?? null, input, readOptions, findingsOut);
  // a budget that cannot be opened makes the run unusable, but the ledger's own findings are still shown
  if (unreadableBudget) return { ...check, budget: unreadableBudget, figures: null };
  return check;
}

/** A ledger that cannot be opened, as a ledger summary (one FILE_UNREADABLE finding, exit 2). */
function unreadableLedger(summary: ValidatedFile): LedgerFileSummary {
  return { ...summary, kind: 'ledger', excluded: [] };
}

/** The ledger and budget files as the findings renderers see them. */
export function ledgerFileViews(check: LedgerCheck): FileSummaryView[] {
  const views: FileSummaryView[] = [check.ledger];
  if (check.budget) views.push(check.budget);
  return views;
}
