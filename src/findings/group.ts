import type { FindingCode, Severity } from './codes.js';
import type { Finding } from './finding.js';

/** The findings of one code (and, when grouped by severity too, of one severity), in the order of the group. */
export interface CodeGroup<F extends Finding = Finding> {
  readonly code: FindingCode;
  /** The severity of the group's first finding (errors come first). */
  readonly severity: Severity;
  readonly findings: F[];
}

/**
 * Findings grouped by code, as people read them: the errors' groups first, then the warnings',
 * each in the order its code first appears. `bySeverity` keeps a code's errors and warnings
 * apart (EU_SHARE_ABOVE_RATE warns per quarter and errs cumulatively); `byLine` orders the
 * findings by line within their severity first (a stable sort: findings of one line keep their order).
 */
export function groupByCode<F extends Finding>(findings: readonly F[], options: { bySeverity: boolean; byLine: boolean }): CodeGroup<F>[] {
  const rank = (f: Finding) => (f.severity === 'error' ? 0 : 1);
  const sorted = [...findings].sort((a, b) => rank(a) - rank(b) || (options.byLine ? (a.line ?? 0) - (b.line ?? 0) : 0));
  const groups = new Map<string, CodeGroup<F>>();
  for (const f of sorted) {
    const key = options.bySeverity ? `${f.severity}:${f.code}` : f.code;
    const group = groups.get(key);
    if (group) group.findings.push(f);
    else groups.set(key, { code: f.code, severity: f.severity, findings: [f] });
  }
  return [...groups.values()];
}
