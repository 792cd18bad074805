import { Simplex, type LpRow } from './simplex.js';

/**
 * The disclosure audit: given the true value of every cell, which cells are hidden and the linear
 * relations a reader knows (sums and inequalities), can a reader pin any hidden cell to a single
 * value? A reader sees every shown cell exactly and knows of a hidden cell only that it is a whole
 * number of at least 1 (zero is never hidden, so the mark says "not zero").
 *
 * Two stages, as statistical offices audit a suppression pattern (τ-ARGUS, sdcTable):
 * 1. interval propagation: each relation narrows each of its hidden cells from the bounds of the
 *    others, rounded to whole numbers, repeated until nothing changes. A cell it pins is pinned.
 * 2. linear programming over all relations together: for every cell not yet shown to be free, the
 *    audit looks for another solution of all relations where that cell is at least one higher or
 *    one lower than its true value. A solution in whole numbers frees every cell that differs in
 *    it; a fractional one is searched further by branch and bound. A cell for which no such
 *    solution exists, or none is found within the search budget, counts as pinned: the audit errs
 *    on the side of hiding more.
 */

/** `Σ coef · cell op rhs` over cell indices. */
export interface Relation {
  readonly terms: readonly { readonly index: number; readonly coef: number }[];
  readonly op: 'eq' | 'le';
  readonly rhs: number;
}

export interface AuditProblem {
  /** The true value of every cell (whole numbers ≥ 0). */
  readonly values: readonly number[];
  readonly relations: readonly Relation[];
}

export type AuditDepth = 'intervals' | 'full';

/** The tightest bounds interval propagation finds for a hidden cell. */
export interface Bounds {
  lo: number;
  hi: number;
}

/** Hidden cells that a reader can pin to their true value, in index order. */
export function pinnedCells(problem: AuditProblem, hidden: readonly boolean[], depth: AuditDepth = 'full'): number[] {
  const pinned: number[] = [];
  for (const component of hiddenComponents(problem, hidden)) {
    for (const index of auditComponent(problem, component, depth)) pinned.push(index);
  }
  return pinned.sort((a, b) => a - b);
}

/** A group of hidden cells linked by relations, with those relations reduced to the hidden cells (shown values moved to the right). */
interface Component {
  readonly cells: number[];
  readonly rows: { terms: { index: number; coef: number }[]; op: 'eq' | 'le'; rhs: number }[];
}

function hiddenComponents(problem: AuditProblem, hidden: readonly boolean[]): Component[] {
  const parent = new Map<number, number>();
  const find = (i: number): number => {
    let r = i;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let c = i;
    while (c !== r) {
      const next = parent.get(c)!;
      parent.set(c, r);
      c = next;
    }
    return r;
  };
  const reduced: Component['rows'] = [];
  for (const rel of problem.relations) {
    const terms: { index: number; coef: number }[] = [];
    let rhs = rel.rhs;
    for (const t of rel.terms) {
      if (hidden[t.index]) terms.push({ index: t.index, coef: t.coef });
      else rhs -= t.coef * problem.values[t.index]!;
    }
    if (terms.length === 0) continue;
    for (const t of terms) if (!parent.has(t.index)) parent.set(t.index, t.index);
    for (let k = 1; k < terms.length; k++) {
      const a = find(terms[0]!.index);
      const b = find(terms[k]!.index);
      if (a !== b) parent.set(b, a);
    }
    reduced.push({ terms, op: rel.op, rhs });
  }
  const byRoot = new Map<number, Component>();
  for (const index of parent.keys()) {
    const root = find(index);
    let c = byRoot.get(root);
    if (!c) byRoot.set(root, (c = { cells: [], rows: [] }));
    c.cells.push(index);
  }
  for (const row of reduced) byRoot.get(find(row.terms[0]!.index))!.rows.push(row);
  return [...byRoot.values()];
}

/** Interval propagation over a component's rows; bounds start at [1, ∞). Throws if the rows contradict each other (a bug: the true values satisfy them). */
export function propagate(cells: readonly number[], rows: Component['rows']): Map<number, Bounds> {
  const bounds = new Map<number, Bounds>(cells.map((c) => [c, { lo: 1, hi: Infinity }]));
  const TOL = 1e-9;
  for (let pass = 0; pass < 200; pass++) {
    let changed = false;
    const tighten = (index: number, lo: number, hi: number) => {
      const b = bounds.get(index)!;
      const nlo = Math.ceil(lo - TOL);
      const nhi = Math.floor(hi + TOL);
      if (nlo > b.lo) {
        b.lo = nlo;
        changed = true;
      }
      if (nhi < b.hi) {
        b.hi = nhi;
        changed = true;
      }
      if (b.lo > b.hi) throw new Error('the suppression audit found relations that contradict the stated figures');
    };
    for (const row of rows) {
      // Σ a·x ≤ rhs (le and eq), and for eq also Σ a·x ≥ rhs.
      for (const side of row.op === 'eq' ? [1, -1] : [1]) {
        let finite = 0;
        let infinite = 0;
        let infiniteAt = -1;
        for (const t of row.terms) {
          const a = side * t.coef;
          const b = bounds.get(t.index)!;
          const least = a > 0 ? a * b.lo : b.hi === Infinity ? -Infinity : a * b.hi;
          if (least === -Infinity) {
            infinite++;
            infiniteAt = t.index;
          } else finite += least;
        }
        if (infinite > 1) continue;
        const rhs = side * row.rhs;
        for (const t of row.terms) {
          const a = side * t.coef;
          if (infinite === 1 && t.index !== infiniteAt) continue;
          const b = bounds.get(t.index)!;
          const own = infinite === 1 ? 0 : a > 0 ? a * b.lo : a * b.hi;
          const room = rhs - (finite - own);
          if (a > 0) tighten(t.index, -Infinity, room / a);
          else tighten(t.index, room / a, Infinity);
        }
      }
    }
    if (!changed) break;
  }
  return bounds;
}

const INTEGRAL = 1e-6;
/** How many LP nodes the branch and bound may try for one question before the cell counts as pinned. */
const NODE_BUDGET = 40;

function auditComponent(problem: AuditProblem, component: Component, depth: AuditDepth): number[] {
  const { cells, rows } = component;
  const bounds = propagate(cells, rows);
  const pinned = cells.filter((c) => bounds.get(c)!.lo === bounds.get(c)!.hi);
  if (depth === 'intervals') return pinned;

  const local = new Map(cells.map((c, i) => [c, i] as const));
  const truth = cells.map((c) => problem.values[c]!);
  // y = x − 1 ≥ 0: the reader knows a hidden cell is at least 1.
  const lpRows: LpRow[] = rows.map((r) => ({
    terms: r.terms.map((t) => ({ index: local.get(t.index)!, coef: t.coef })),
    op: r.op,
    rhs: r.rhs - r.terms.reduce((s, t) => s + t.coef, 0),
  }));
  const free = new Uint8Array(cells.length);
  /** Frees every cell that a whole-number solution moves; the solution is checked exactly against every row first, so a rounding slip in the LP can never free a cell. */
  const harvest = (y: Float64Array) => {
    for (let i = 0; i < y.length; i++) if (Math.abs(y[i]! - Math.round(y[i]!)) > INTEGRAL || y[i]! < -INTEGRAL) return false;
    const x = Array.from(y, (v) => Math.round(v) + 1);
    for (const r of rows) {
      const lhs = r.terms.reduce((s, t) => s + t.coef * x[local.get(t.index)!]!, 0);
      if (r.op === 'eq' ? lhs !== r.rhs : lhs > r.rhs) return false;
    }
    for (let i = 0; i < x.length; i++) if (x[i] !== truth[i]) free[i] = 1;
    return true;
  };
  const lp = new Simplex(cells.length, lpRows);
  if (!lp.feasible) throw new Error('the suppression audit found relations that contradict the stated figures');
  harvest(lp.point());

  const result = [...pinned];
  const pinnedSet = new Set(pinned);
  // First pass, LP only: a cell the LP cannot move is pinned; one it can move but only to a
  // fractional point waits, since a whole-number point found for another cell often frees it too.
  const waiting: { i: number; dir: 1 | -1 }[] = [];
  cells.forEach((cell, i) => {
    if (pinnedSet.has(cell) || free[i]) return;
    const b = bounds.get(cell)!;
    const v = truth[i]!;
    const moves: (1 | -1)[] = [];
    for (const dir of [1, -1] as const) {
      if (free[i]) return;
      if (dir === 1 && b.hi <= v) continue;
      if (dir === -1 && b.lo >= v) continue;
      const c = new Float64Array(cells.length);
      c[i] = dir;
      // y_i + 1 ≥ v + 1, or y_i + 1 ≤ v − 1
      const reached = (y: Float64Array) => (dir === 1 ? y[i]! + 1 >= v + 1 - 1e-7 : y[i]! + 1 <= v - 1 + 1e-7);
      const out = lp.maximize(c, reached);
      if (out.status === 'unbounded' && dir === 1) {
        free[i] = 1;
        return;
      }
      if (!reached(out.y)) continue;
      harvest(out.y);
      if (!free[i]) moves.push(dir);
    }
    if (free[i]) return;
    if (moves.length === 0) result.push(cell);
    else for (const dir of moves) waiting.push({ i, dir });
  });
  // Second pass: branch and bound for a whole-number point with the cell moved.
  const decided = new Set<number>();
  for (const { i, dir } of waiting) {
    if (free[i] || decided.has(i)) continue;
    const v = truth[i]!;
    const bound: LpRow = { terms: [{ index: i, coef: -dir }], op: 'le', rhs: dir === 1 ? -v : v - 2 };
    const found = integerPoint(lp, bound);
    if (found) harvest(found);
    const last = waiting.filter((w) => w.i === i).at(-1)!;
    if (!free[i] && last.dir === dir) {
      decided.add(i);
      result.push(cells[i]!);
    }
  }
  return result;
}

/** Depth-first branch and bound from a feasible LP, for a whole-number point that also keeps `row`; null when none is found within the budget. */
function integerPoint(lp: Simplex, row: LpRow): Float64Array | null {
  let budget = NODE_BUDGET;
  const search = (node: Simplex, extra: LpRow): Float64Array | null => {
    if (budget-- <= 0) return null;
    const next = node.clone();
    next.addRow(extra);
    if (!next.feasible) return null;
    const y = next.point();
    const k = y.findIndex((v) => Math.abs(v - Math.round(v)) > INTEGRAL);
    if (k < 0) return y;
    const f = y[k]!;
    // the nearer whole number first
    const down: LpRow = { terms: [{ index: k, coef: 1 }], op: 'le', rhs: Math.floor(f) };
    const up: LpRow = { terms: [{ index: k, coef: -1 }], op: 'le', rhs: -Math.ceil(f) };
    const [first, second] = f - Math.floor(f) < 0.5 ? [down, up] : [up, down];
    return search(next, first) ?? search(next, second);
  };
  return search(lp, row);
}
