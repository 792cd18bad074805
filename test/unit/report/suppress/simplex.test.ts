import { describe, expect, it } from 'vitest';
import { Simplex, type LpRow } from '../../../../src/report/suppress/simplex.js';

const le = (terms: [number, number][], rhs: number): LpRow => ({ terms: terms.map(([index, coef]) => ({ index, coef })), op: 'le', rhs });
const eq = (terms: [number, number][], rhs: number): LpRow => ({ terms: terms.map(([index, coef]) => ({ index, coef })), op: 'eq', rhs });
const objective = (...c: number[]) => Float64Array.from(c);

describe('Simplex', () => {
  it('finds the optimum of a textbook problem', () => {
    // max x + y  s.t.  x + 2y ≤ 4,  3x + y ≤ 6  →  (1.6, 1.2), 2.8
    const lp = new Simplex(2, [le([[0, 1], [1, 2]], 4), le([[0, 3], [1, 1]], 6)]);
    const out = lp.maximize(objective(1, 1));
    expect(out.status).toBe('optimal');
    if (out.status !== 'optimal') return;
    expect(out.value).toBeCloseTo(2.8, 9);
    expect([...out.y].map((v) => Number(v.toFixed(9)))).toEqual([1.6, 1.2]);
  });

  it('handles equalities and negative right-hand sides (phase 1), then optimises objectives in turn from the last basis', () => {
    // x − y = −2, x + y ≤ 10
    const lp = new Simplex(2, [eq([[0, 1], [1, -1]], -2), le([[0, 1], [1, 1]], 10)]);
    expect(lp.feasible).toBe(true);
    const max = lp.maximize(objective(1, 0));
    expect(max.status === 'optimal' && max.value).toBeCloseTo(4, 9);
    const min = lp.maximize(objective(-1, 0));
    expect(min.status === 'optimal' && -min.value).toBeCloseTo(0, 9);
    expect(lp.point()[1]).toBeCloseTo(2, 9);
  });

  it('says when there is no point, and when the objective has no bound', () => {
    expect(new Simplex(2, [eq([[0, 1], [1, 1]], -1)]).feasible).toBe(false);
    expect(new Simplex(2, [le([[0, 1], [1, -1]], 1)]).maximize(objective(1, 0)).status).toBe('unbounded');
  });

  it('stops early at a point that is good enough', () => {
    const lp = new Simplex(2, [le([[0, 1]], 100), le([[1, 1]], 100)]);
    const out = lp.maximize(objective(1, 1), (y) => y[0]! + y[1]! >= 1);
    expect(out.status === 'stopped' || out.status === 'optimal').toBe(true);
    expect(out.y[0]! + out.y[1]!).toBeGreaterThanOrEqual(1);
  });

  it('adds a row to a copy and restores feasibility from the current basis, leaving the original alone', () => {
    const lp = new Simplex(2, [le([[0, 1], [1, 2]], 4), le([[0, 3], [1, 1]], 6)]);
    lp.maximize(objective(1, 1));
    const copy = lp.clone();
    copy.addRow(le([[0, 1]], 1)); // x ≤ 1
    expect(copy.feasible).toBe(true);
    const out = copy.maximize(objective(1, 1));
    expect(out.status === 'optimal' && out.value).toBeCloseTo(2.5, 9); // (1, 1.5)
    const none = lp.clone();
    none.addRow(le([[0, -1]], -3)); // x ≥ 3 with 3x + y ≤ 6 and x + 2y ≤ 4: x ≤ 2
    expect(none.feasible).toBe(false);
    const again = lp.maximize(objective(1, 1));
    expect(again.status === 'optimal' && again.value).toBeCloseTo(2.8, 9);
  });
});
