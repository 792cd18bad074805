import { ALL_FINDING_CODES, type FindingCode } from './codes.js';
import type { Finding } from './finding.js';

/** How many findings of each code are kept for the output by default (`--all-findings` streams every one). */
export const KEPT_PER_CODE = 1000;

/** Full counts of a file's findings, per code, whatever was kept. */
export type FindingCounts = Readonly<Partial<Record<FindingCode, number>>>;

/**
 * Counts findings per code and keeps at most `keepPerCode` of each, in the order found, so memory
 * stays bounded however many findings a file has; `onFinding` hears every one as it is found (to
 * stream them all).
 */
export class FindingTally {
  readonly kept: Finding[] = [];
  private readonly byCode = new Map<FindingCode, number>();
  errors = 0;
  warnings = 0;

  constructor(
    private readonly keepPerCode: number = KEPT_PER_CODE,
    private readonly onFinding?: (f: Finding) => void,
  ) {}

  add(f: Finding): void {
    const n = (this.byCode.get(f.code) ?? 0) + 1;
    this.byCode.set(f.code, n);
    if (f.severity === 'error') this.errors++;
    else this.warnings++;
    if (n <= this.keepPerCode) this.kept.push(f);
    this.onFinding?.(f);
  }

  /** The full count of each code found. */
  counts(): FindingCounts {
    return Object.fromEntries(this.byCode) as FindingCounts;
  }

  /** True when some findings were counted but not kept. */
  get truncated(): boolean {
    return this.kept.length < this.errors + this.warnings;
  }
}

/** The full count per code of a file: its recorded counts, or (for readers that keep every finding) counted from the list. */
export function countsOf(s: { readonly findings: readonly Finding[]; readonly findingCounts?: FindingCounts | undefined }): FindingCounts {
  if (s.findingCounts) return s.findingCounts;
  const counts: Partial<Record<FindingCode, number>> = {};
  for (const f of s.findings) counts[f.code] = (counts[f.code] ?? 0) + 1;
  return counts;
}

/** How many findings the counts hold in all. */
export function totalOf(counts: FindingCounts): number {
  let n = 0;
  for (const v of Object.values(counts)) n += v ?? 0;
  return n;
}

/** A code whose findings were not all kept: how many were kept (and so listed) and how many there are. */
export interface CutCode {
  readonly code: FindingCode;
  readonly listed: number;
  readonly total: number;
}

/**
 * The codes of a file whose findings were not all listed (fewer than counted), in the catalogue's
 * order of codes. What was listed is, unless `listedOf` says otherwise, what the file kept.
 */
export function cutCodes(
  s: { readonly findings: readonly Finding[]; readonly findingCounts?: FindingCounts | undefined },
  listedOf?: (code: FindingCode) => number,
): CutCode[] {
  const counts = countsOf(s);
  let listedOfCode = listedOf;
  if (!listedOfCode) {
    const kept = new Map<FindingCode, number>();
    for (const f of s.findings) kept.set(f.code, (kept.get(f.code) ?? 0) + 1);
    listedOfCode = (code) => kept.get(code) ?? 0;
  }
  const out: CutCode[] = [];
  for (const code of ALL_FINDING_CODES) {
    const total = counts[code] ?? 0;
    const listed = listedOfCode(code);
    if (total > listed) out.push({ code, listed, total });
  }
  return out;
}
