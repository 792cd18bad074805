import { pinnedCells, type AuditProblem, type Relation } from './audit.js';
import type { StatTable } from './table.js';

/**
 * Small-cell protection for a shared copy (`report --suppress-below N`), the way statistical
 * offices protect linked tables (τ-ARGUS, sdcTable):
 *
 * 1. primary suppression: every count from 1 to N−1 is hidden (zero stays zero);
 * 2. secondary suppression: while the audit can pin a hidden cell to its value through the
 *    relations, one more cell is hidden for each pinned cell: the smallest shown cell of a relation
 *    that binds it (so that as little as possible is lost);
 * 3. the audit once more, from scratch, over the final pattern: any cell still pinned means the
 *    copy is not written.
 *
 * Cells whose value is the same by definition (T-PART achieved and EECO01 cumulative, a target's
 * base and EECO01 or LEAVERS) are one cell: hiding one hides the other.
 */

export type CellStatus = 'shown' | 'primary' | 'secondary';

export interface SuppressionPlan {
  readonly threshold: number;
  /** Status by key: every key of the table. */
  readonly status: ReadonlyMap<string, CellStatus>;
  /** The true value by key (what the sheets must state where the cell is shown). */
  readonly values: ReadonlyMap<string, number>;
  /** Distinct cells (cells equal by definition counted once) hidden by each rule. */
  readonly primary: number;
  readonly secondary: number;
}

export type ProtectOutcome =
  | { readonly ok: true; readonly plan: SuppressionPlan }
  /** No pattern found: these keys would stay recoverable. */
  | { readonly ok: false; readonly recoverable: readonly string[] };

/** A shared copy that would let a reader work out a hidden cell: the report is not written. */
export class RecoverableCellsError extends Error {
  constructor(readonly keys: readonly string[]) {
    super(`the shared copy would let a reader work out ${keys.length} hidden figure${keys.length === 1 ? '' : 's'} (${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', …' : ''})`);
    this.name = 'RecoverableCellsError';
  }
}

/** The canonical problem: one index per distinct cell, relations that hold on the true values. */
export interface CanonicalTable {
  readonly keys: readonly (readonly string[])[];
  readonly problem: AuditProblem;
  readonly primaryRule: readonly boolean[];
  readonly indexOf: ReadonlyMap<string, number>;
}

/** Merges cells equal by definition and drops relations that do not hold on the true values (a reader cannot use those). */
export function canonicalTable(table: StatTable): CanonicalTable {
  const byKey = new Map(table.cells.map((c) => [c.key, c] as const));
  const valueOf = (key: string) => {
    const c = byKey.get(key);
    if (!c) throw new Error(`the suppression table has a relation on an unknown cell ${key}`);
    return c.value;
  };
  const holds = (r: StatTable['relations'][number]) => {
    const lhs = r.terms.reduce((s, t) => s + t.coef * valueOf(t.key), 0);
    return r.op === 'eq' ? lhs === r.rhs : lhs <= r.rhs;
  };
  const valid = table.relations.filter(holds);

  const parent = new Map<string, string>(table.cells.map((c) => [c.key, c.key]));
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  for (const r of valid) {
    if (r.op !== 'eq' || r.rhs !== 0 || r.terms.length !== 2) continue;
    const [a, b] = r.terms as [{ key: string; coef: number }, { key: string; coef: number }];
    if (a.coef + b.coef !== 0) continue;
    const ra = find(a.key);
    const rb = find(b.key);
    if (ra !== rb) parent.set(rb, ra);
  }
  const indexOfRoot = new Map<string, number>();
  const keys: string[][] = [];
  const values: number[] = [];
  const primaryRule: boolean[] = [];
  for (const c of table.cells) {
    const root = find(c.key);
    let i = indexOfRoot.get(root);
    if (i === undefined) {
      i = keys.length;
      indexOfRoot.set(root, i);
      keys.push([]);
      values.push(c.value);
      primaryRule.push(false);
    }
    keys[i]!.push(c.key);
    primaryRule[i] = primaryRule[i]! || c.primaryRule;
  }
  const indexOf = new Map(table.cells.map((c) => [c.key, indexOfRoot.get(find(c.key))!] as const));
  const relations: Relation[] = [];
  const seen = new Set<string>();
  for (const r of valid) {
    const coef = new Map<number, number>();
    for (const t of r.terms) {
      const i = indexOf.get(t.key)!;
      coef.set(i, (coef.get(i) ?? 0) + t.coef);
    }
    const terms = [...coef].filter(([, c]) => c !== 0).map(([index, c]) => ({ index, coef: c })).sort((a, b) => a.index - b.index);
    if (terms.length === 0) continue;
    const signature = `${r.op}|${r.rhs}|${terms.map((t) => `${t.index}:${t.coef}`).join(',')}`;
    if (seen.has(signature)) continue;
    seen.add(signature);
    relations.push({ terms, op: r.op, rhs: r.rhs });
  }
  return { keys, problem: { values, relations }, primaryRule, indexOf };
}

/** Hides the small cells of a table and enough others that none can be worked out; or says which cannot be protected. */
export function protectTable(table: StatTable, threshold: number): ProtectOutcome {
  if (!Number.isInteger(threshold) || threshold < 2) throw new Error(`the suppression threshold must be a whole number of at least 2, not ${threshold}`);
  const canon = canonicalTable(table);
  const { problem } = canon;
  const n = problem.values.length;
  const primary = problem.values.map((v, i) => canon.primaryRule[i]! && v >= 1 && v < threshold);
  const hidden = [...primary];
  const relationsOf: number[][] = Array.from({ length: n }, () => []);
  problem.relations.forEach((r, ri) => {
    for (const t of r.terms) relationsOf[t.index]!.push(ri);
  });
  const tight = problem.relations.map((r) => r.op === 'eq' || r.terms.reduce((s, t) => s + t.coef * problem.values[t.index]!, 0) === r.rhs);

  /** The smallest shown, non-zero cell of the relations through `cell` (binding ones first); -1 if there is none. */
  const candidate = (cell: number): number => {
    for (const onlyTight of [true, false]) {
      let best = -1;
      for (const ri of relationsOf[cell]!) {
        if (onlyTight && !tight[ri]) continue;
        for (const t of problem.relations[ri]!.terms) {
          if (hidden[t.index] || problem.values[t.index]! === 0) continue;
          if (best < 0 || problem.values[t.index]! < problem.values[best]! || (problem.values[t.index] === problem.values[best] && t.index < best)) {
            best = t.index;
          }
        }
      }
      if (best >= 0) return best;
    }
    // every cell of its relations is hidden or zero: the nearest shown non-zero cell through the relations
    const seen = new Set([cell]);
    let frontier = [cell];
    while (frontier.length > 0) {
      const next: number[] = [];
      let best = -1;
      for (const c of frontier) {
        for (const ri of relationsOf[c]!) {
          for (const t of problem.relations[ri]!.terms) {
            if (seen.has(t.index)) continue;
            seen.add(t.index);
            next.push(t.index);
            if (!hidden[t.index] && problem.values[t.index]! > 0 && (best < 0 || problem.values[t.index]! < problem.values[best]!)) best = t.index;
          }
        }
      }
      if (best >= 0) return best;
      frontier = next;
    }
    return -1;
  };

  const addFor = (pinned: readonly number[]): boolean => {
    const chosen = new Set<number>();
    for (const p of pinned) {
      const c = candidate(p);
      if (c >= 0) chosen.add(c);
    }
    for (const c of chosen) hidden[c] = true;
    return chosen.size > 0;
  };

  for (let round = 0; round < 10 * n + 10; round++) {
    // the cheap interval audit first, the full one only when it finds nothing
    let pinned = pinnedCells(problem, hidden, 'intervals');
    if (pinned.length === 0) pinned = pinnedCells(problem, hidden, 'full');
    if (pinned.length === 0) break;
    if (!addFor(pinned)) break;
  }

  // the audit from scratch, on the final pattern
  const recoverable = pinnedCells(problem, hidden, 'full');
  if (recoverable.length > 0) return { ok: false, recoverable: recoverable.flatMap((i) => canon.keys[i]!) };

  const status = new Map<string, CellStatus>();
  let nPrimary = 0;
  let nSecondary = 0;
  canon.keys.forEach((keys, i) => {
    const s: CellStatus = primary[i] ? 'primary' : hidden[i] ? 'secondary' : 'shown';
    if (s === 'primary') nPrimary++;
    if (s === 'secondary') nSecondary++;
    for (const k of keys) status.set(k, s);
  });
  const values = new Map(table.cells.map((c) => [c.key, c.value] as const));
  return { ok: true, plan: { threshold, status, values, primary: nPrimary, secondary: nSecondary } };
}
