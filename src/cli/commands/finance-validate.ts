import type { ProjectProfile } from '../../project/profile.js';
import type { EncodingName } from '../../read/encoding.js';
import type { FindingsOptions } from '../../read/read-validated.js';
import type { Delimiter } from '../../read/table.js';
import type { FileSummaryView } from '../render-findings.js';
import { checkLedgerFiles } from '../ledger-input.js';

/**
 * Reads and checks one co-financing ledger for `validate --ledger`: the row rules and the checks
 * on the figures of the project period up to `asOf` (whole quarters only), as `finance` does.
 * Findings are kept and streamed as `findingsOut` says (at most 1,000 of a code by default).
 */
export async function validateLedgerFile(
  file: string,
  profile: ProjectProfile,
  today: string,
  asOf: string,
  options: { encoding?: EncodingName | undefined; delimiter?: Delimiter | undefined; sheet?: string | undefined },
  findingsOut: FindingsOptions = {},
): Promise<FileSummaryView> {
  const period = { label: 'project', start: profile.period.start, end: profile.period.end };
  const check = await checkLedgerFiles(file, undefined, { profile, period, asOf, today }, options, findingsOut);
  return check.ledger;
}
