/** What every input file's summary says of its reading and its findings (participants, ledger, budget, attendance). */
export interface ReadingSummary {
  readonly encoding: string | null;
  readonly delimiter: string | null;
  readonly rows: number;
  readonly errors: number;
  readonly warnings: number;
  readonly excludedRows: number;
}

/** The reading summary of a file as the documents (JSON, the web page) list it, in this key order. */
export function readingSummary(s: ReadingSummary): ReadingSummary {
  return { encoding: s.encoding, delimiter: s.delimiter, rows: s.rows, errors: s.errors, warnings: s.warnings, excludedRows: s.excludedRows };
}
