/**
 * A small dense simplex for the suppression audit: maximise c·y subject to linear rows
 * (`Σ a·y = b` or `Σ a·y ≤ b`) and y ≥ 0. Two phases (artificial variables, then the objective);
 * once feasible, any number of objectives can be optimised in turn from the last basis, which is
 * what the audit does (the largest and the smallest value of each hidden cell). The problems are
 * small (tens to a few hundred variables, coefficients ±1, integer right-hand sides), so a dense
 * tableau in doubles is exact enough; Dantzig's rule with Bland's rule after a run of degenerate
 * pivots keeps it from cycling.
 */

export interface LpRow {
  /** Sparse coefficients: variable index → coefficient. */
  readonly terms: readonly { readonly index: number; readonly coef: number }[];
  readonly op: 'eq' | 'le';
  readonly rhs: number;
}

export type LpOutcome =
  | { readonly status: 'optimal'; readonly value: number; readonly y: Float64Array }
  /** Stopped early because `stop` said the current point is good enough. */
  | { readonly status: 'stopped'; readonly y: Float64Array }
  | { readonly status: 'unbounded'; readonly y: Float64Array };

const EPS = 1e-9;
/** After this many pivots without progress, switch to Bland's rule (smallest index), which cannot cycle. */
const DEGENERATE_RUN = 30;
const MAX_PIVOTS = 200_000;

export class Simplex {
  /** Rows of the tableau: the coefficients of every column, then the right-hand side. */
  private t: Float64Array[];
  /** The basic column of each row. */
  private basis: Int32Array;
  private columns: number;
  /** Columns that may enter the basis (artificial columns are barred after phase 1). */
  private enterable: Uint8Array;
  private isFeasible: boolean;

  get feasible(): boolean {
    return this.isFeasible;
  }

  /** Builds the tableau for `n` variables and finds a feasible basis (phase 1). */
  constructor(
    readonly n: number,
    rows: readonly LpRow[],
  ) {
    const m = rows.length;
    const slackOf = new Int32Array(m).fill(-1);
    let columns = n;
    rows.forEach((r, i) => {
      if (r.op === 'le') slackOf[i] = columns++;
    });
    const needsArtificial = rows.map((r) => r.op === 'eq' || r.rhs < 0);
    const artificialOf = new Int32Array(m).fill(-1);
    rows.forEach((_, i) => {
      if (needsArtificial[i]) artificialOf[i] = columns++;
    });
    this.columns = columns;
    const rhsCol = columns;
    this.t = rows.map((r, i) => {
      const row = new Float64Array(columns + 1);
      const sign = r.rhs < 0 ? -1 : 1;
      for (const { index, coef } of r.terms) row[index]! += sign * coef;
      if (slackOf[i]! >= 0) row[slackOf[i]!] = sign;
      if (artificialOf[i]! >= 0) row[artificialOf[i]!] = 1;
      row[rhsCol] = sign * r.rhs;
      return row;
    });
    this.basis = new Int32Array(m);
    rows.forEach((_, i) => {
      this.basis[i] = artificialOf[i]! >= 0 ? artificialOf[i]! : slackOf[i]!;
    });
    this.enterable = new Uint8Array(columns).fill(1);

    const artificial = new Float64Array(columns);
    let any = false;
    for (let i = 0; i < m; i++) {
      if (artificialOf[i]! >= 0) {
        artificial[artificialOf[i]!] = -1;
        any = true;
      }
    }
    let feasible = true;
    if (any) {
      const phase1 = this.run(artificial, null);
      feasible = phase1.status === 'optimal' && phase1.value > -1e-7;
      for (let i = 0; i < m; i++) if (artificialOf[i]! >= 0) this.enterable[artificialOf[i]!] = 0;
      if (feasible) this.driveOutArtificials(artificialOf);
    }
    this.isFeasible = feasible;
  }

  /** An independent copy (the branch and bound adds rows to copies). */
  clone(): Simplex {
    const copy = Object.create(Simplex.prototype) as Simplex;
    Object.assign(copy, {
      n: this.n,
      t: this.t.map((r) => Float64Array.from(r)),
      basis: Int32Array.from(this.basis),
      columns: this.columns,
      enterable: Uint8Array.from(this.enterable),
      isFeasible: this.isFeasible,
    });
    return copy;
  }

  /**
   * Adds the row `Σ a·y ≤ rhs` and restores a feasible basis from the current one (a few pivots,
   * not a new phase 1); `feasible` says whether any point is left.
   */
  addRow(row: LpRow): void {
    if (row.op !== 'le') throw new Error('addRow takes a ≤ row');
    if (!this.isFeasible) return;
    const old = this.columns;
    const slack = old;
    const artificial = old + 1;
    const columns = old + 2;
    const widen = (r: Float64Array) => {
      const w = new Float64Array(columns + 1);
      w.set(r.subarray(0, old));
      w[columns] = r[old]!;
      return w;
    };
    this.t = this.t.map(widen);
    const fresh = new Float64Array(columns + 1);
    for (const { index, coef } of row.terms) fresh[index]! += coef;
    fresh[slack] = 1;
    fresh[columns] = row.rhs;
    // in terms of the non-basic columns
    this.t.forEach((r, k) => {
      const f = fresh[this.basis[k]!]!;
      if (f === 0) return;
      for (let j = 0; j <= columns; j++) fresh[j]! -= f * r[j]!;
    });
    this.columns = columns;
    const enterable = new Uint8Array(columns).fill(0);
    enterable.set(this.enterable);
    enterable[slack] = 1;
    this.enterable = enterable;
    const basis = new Int32Array(this.basis.length + 1);
    basis.set(this.basis);
    if (fresh[columns]! >= -1e-9) {
      basis[this.basis.length] = slack;
      this.t.push(fresh);
      this.basis = basis;
      return;
    }
    // the current point breaks the row: phase 1 on one artificial variable
    for (let j = 0; j <= columns; j++) fresh[j] = -fresh[j]!;
    fresh[artificial] = 1;
    basis[this.basis.length] = artificial;
    this.t.push(fresh);
    this.basis = basis;
    const c = new Float64Array(columns);
    c[artificial] = -1;
    this.enterable[artificial] = 0;
    const out = this.run(c, null);
    this.isFeasible = out.status === 'optimal' && out.value > -1e-7;
    if (this.isFeasible) {
      const artificialOf = new Int32Array(this.t.length).fill(-1);
      artificialOf[0] = artificial;
      this.driveOutArtificials(artificialOf);
    }
  }

  /** Maximises c·y (c over the n variables) from the current basis; `stop` may end it early at a good-enough point. */
  maximize(c: Float64Array, stop: ((y: Float64Array) => boolean) | null = null): LpOutcome {
    if (!this.feasible) throw new Error('the audit LP has no feasible point: the stated figures contradict their relations');
    const full = new Float64Array(this.columns);
    full.set(c.subarray(0, this.n));
    return this.run(full, stop);
  }

  /** The current basic solution over the n variables. */
  point(): Float64Array {
    const y = new Float64Array(this.n);
    const rhsCol = this.columns;
    this.basis.forEach((col, i) => {
      if (col < this.n) y[col] = Math.max(0, this.t[i]![rhsCol]!);
    });
    return y;
  }

  private run(c: Float64Array, stop: ((y: Float64Array) => boolean) | null): LpOutcome {
    const m = this.t.length;
    const rhsCol = this.columns;
    // reduced costs d = c − c_B · T
    const d = Float64Array.from(c);
    for (let i = 0; i < m; i++) {
      const cb = c[this.basis[i]!]!;
      if (cb === 0) continue;
      const row = this.t[i]!;
      for (let k = 0; k < this.columns; k++) d[k]! -= cb * row[k]!;
    }
    let objective = 0;
    for (let i = 0; i < m; i++) objective += c[this.basis[i]!]! * this.t[i]![rhsCol]!;
    let stale = 0;
    for (let pivots = 0; pivots < MAX_PIVOTS; pivots++) {
      if (stop && stop(this.point())) return { status: 'stopped', y: this.point() };
      const bland = stale >= DEGENERATE_RUN;
      let enter = -1;
      let best = EPS;
      for (let k = 0; k < this.columns; k++) {
        if (!this.enterable[k] || d[k]! <= EPS) continue;
        if (bland) {
          enter = k;
          break;
        }
        if (d[k]! > best) {
          best = d[k]!;
          enter = k;
        }
      }
      if (enter < 0) return { status: 'optimal', value: objective, y: this.point() };
      let leave = -1;
      let ratio = Infinity;
      for (let i = 0; i < m; i++) {
        const a = this.t[i]![enter]!;
        if (a <= EPS) continue;
        const r = this.t[i]![rhsCol]! / a;
        if (r < ratio - EPS || (r < ratio + EPS && leave >= 0 && this.basis[i]! < this.basis[leave]!)) {
          ratio = r;
          leave = i;
        }
      }
      if (leave < 0) return { status: 'unbounded', y: this.point() };
      const gain = d[enter]! * ratio;
      stale = gain > EPS ? 0 : stale + 1;
      objective += gain;
      this.pivot(leave, enter, d);
    }
    throw new Error('the audit LP did not converge');
  }

  private pivot(r: number, k: number, d: Float64Array): void {
    const row = this.t[r]!;
    const p = row[k]!;
    const width = this.columns + 1;
    for (let j = 0; j < width; j++) row[j]! /= p;
    row[k] = 1;
    for (let i = 0; i < this.t.length; i++) {
      if (i === r) continue;
      const other = this.t[i]!;
      const f = other[k]!;
      if (f === 0) continue;
      for (let j = 0; j < width; j++) other[j]! -= f * row[j]!;
      other[k] = 0;
    }
    const f = d[k]!;
    if (f !== 0) {
      for (let j = 0; j < this.columns; j++) d[j]! -= f * row[j]!;
      d[k] = 0;
    }
    this.basis[r] = k;
  }

  /** After phase 1, artificials still basic (at zero) are swapped for a real column where the row has one; otherwise the row is redundant and stays inert. */
  private driveOutArtificials(artificialOf: Int32Array): void {
    const isArtificial = new Set<number>();
    for (const a of artificialOf) if (a >= 0) isArtificial.add(a);
    const scratch = new Float64Array(this.columns);
    for (let i = 0; i < this.t.length; i++) {
      if (!isArtificial.has(this.basis[i]!)) continue;
      const row = this.t[i]!;
      for (let k = 0; k < this.columns; k++) {
        if (this.enterable[k] && !isArtificial.has(k) && Math.abs(row[k]!) > 1e-7) {
          this.pivot(i, k, scratch);
          break;
        }
      }
    }
  }
}
