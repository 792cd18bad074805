import { checkLedger } from '../../finance/check-ledger.js';
import type { ProjectProfile } from '../../project/profile.js';
import type { EncodingName } from '../../read/encoding.js';
import type { Delimiter } from '../../read/table.js';
import { fileSource, unreadableReason } from '../io.js';
import type { FileSummaryView } from '../render-findings.js';
import { unreadableFileSummary } from '../../read/table.js';

/** The summary of a ledger that cannot be opened: one FILE_UNREADABLE finding (exit 2). */
export function unreadableLedgerSummary(file: string, reason: string): FileSummaryView {
  return { ...unreadableFileSummary(file, reason), kind: 'ledger' };
}

/**
 * Reads and checks one co-financing ledger for `validate --ledger`: the row rules and the checks
 * on the figures of the project period up to `asOf` (whole quarters only), as `finance` does.
 */
export async function validateLedgerFile(
  file: string,
  profile: ProjectProfile,
  today: string,
  asOf: string,
  options: { encoding?: EncodingName | undefined; delimiter?: Delimiter | undefined; sheet?: string | undefined },
): Promise<FileSummaryView> {
  const reason = await unreadableReason(file);
  if (reason) return unreadableLedgerSummary(file, reason);
  const period = { label: 'project', start: profile.period.start, end: profile.period.end };
  const check = await checkLedger(fileSource(file), null, { profile, period, asOf, today }, options);
  return check.ledger;
}
