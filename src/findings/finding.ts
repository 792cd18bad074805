import { FINDING_CODES, type FindingCode, type Severity } from './codes.js';

/** Values a message may interpolate. Never put a personnummer here: `found` is masked anyway. */
export type FindingArgs = Readonly<Record<string, string | number | undefined>>;

/** A problem in an input file, as plain data; wording comes from the message catalogue. */
export interface Finding {
  readonly severity: Severity;
  readonly code: FindingCode;
  readonly file: string | null;
  readonly line: number | null;
  readonly column: string | null;
  readonly args: FindingArgs;
  /** The row's participant ID, when the finding is on a row whose ID is valid (set by the participant reader). */
  readonly participantId?: string | null;
}

/** Builds a finding with the code's default severity (callers may override it, e.g. per-quarter checks). */
export function finding(
  code: FindingCode,
  where: { file?: string | null; line?: number | null; column?: string | null },
  args: FindingArgs = {},
  severity: Severity = FINDING_CODES[code],
): Finding {
  return {
    severity,
    code,
    file: where.file ?? null,
    line: where.line ?? null,
    column: where.column ?? null,
    args,
  };
}
