import type { Finding } from '../findings/finding.js';
import type { ParticipantRecord } from '../participants/record.js';
import type { ExcludedRow } from './result.js';

/**
 * The rows left out of every figure (incomplete records), with the error codes that exclude them.
 * Memory holds one line, ID and code list per excluded row; a million excluded rows share a
 * handful of code lists.
 */
export class ExcludedRows {
  private readonly rows: { line: number; participantId: string | null; codes?: readonly string[] }[] = [];
  private readonly codeLists = new Map<string, readonly string[]>();

  /** `findings` (the row's own) name its error codes; without them they are looked up in `list`. */
  add(record: ParticipantRecord, findings?: readonly Finding[]): void {
    this.rows.push(
      findings
        ? { line: record.line, participantId: record.participantId, codes: this.errorCodes(findings) }
        : { line: record.line, participantId: record.participantId },
    );
  }

  get count(): number {
    return this.rows.length;
  }

  /** The excluded rows, in file order; codes not given to `add` are taken from the file's findings. */
  list(findings: readonly Finding[]): ExcludedRow[] {
    const byLine = new Map<number, Set<string>>();
    for (const e of this.rows) if (!e.codes) byLine.set(e.line, new Set());
    if (byLine.size > 0) {
      for (const f of findings) {
        if (f.severity !== 'error' || f.line === null) continue;
        byLine.get(f.line)?.add(f.code);
      }
    }
    return this.rows.map((e) => ({
      line: e.line,
      participantId: e.participantId,
      codes: e.codes ? (e.codes as string[]) : [...byLine.get(e.line)!].sort(),
    }));
  }

  /** One shared, sorted array per distinct set of error codes. */
  private errorCodes(findings: readonly Finding[]): readonly string[] {
    const codes = [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.code as string))].sort();
    const key = codes.join(',');
    const known = this.codeLists.get(key);
    if (known) return known;
    this.codeLists.set(key, codes);
    return codes;
  }
}
