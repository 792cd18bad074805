import { describe, expect, it } from 'vitest';
import { pinnedCells, propagate, type AuditProblem, type Relation } from '../../../../src/report/suppress/audit.js';

/** Σ left − Σ right (op) 0 over cell indices. */
const rel = (left: number[], op: 'eq' | 'le', right: number[] = [], rhs = 0): Relation => ({
  terms: [...left.map((index) => ({ index, coef: 1 })), ...right.map((index) => ({ index, coef: -1 }))],
  op,
  rhs,
});
const hiddenOf = (n: number, hidden: number[]) => Array.from({ length: n }, (_, i) => hidden.includes(i));

describe('the disclosure audit', () => {
  // women, men, non-binary, total
  const split: AuditProblem = { values: [11, 10, 1, 22], relations: [rel([0, 1, 2], 'eq', [3])] };

  it('pins a lone hidden cell of a sum with a shown total (22 − 11 − 10 = 1)', () => {
    expect(pinnedCells(split, hiddenOf(4, [2]))).toEqual([2]);
  });

  it('pins nothing once a second cell of the sum is hidden', () => {
    expect(pinnedCells(split, hiddenOf(4, [1, 2]))).toEqual([]);
  });

  it('a shown zero bounds too: with men 0, women + non-binary = total pins both when the total is 2', () => {
    const p: AuditProblem = { values: [1, 0, 1, 2], relations: [rel([0, 1, 2], 'eq', [3])] };
    expect(pinnedCells(p, hiddenOf(4, [0, 2]))).toEqual([0, 2]); // 1 + 1 = 2, each at least 1
    expect(pinnedCells(p, hiddenOf(4, [0, 2, 3]))).toEqual([]);
  });

  it('an inequality with a shown side bounds a hidden cell: EECO03 ≤ EECO02 = 1 pins EECO03 = 1', () => {
    const p: AuditProblem = { values: [1, 1], relations: [rel([0], 'le', [1])] };
    expect(pinnedCells(p, hiddenOf(2, [0]))).toEqual([0]);
    expect(pinnedCells(p, hiddenOf(2, [0, 1]))).toEqual([]);
  });

  it('linear programming sees what intervals alone miss: a + b, a + c and b + c shown pin all three', () => {
    // a = 30, b = 20, c = 10; the sums 50, 40, 30 shown: a = (50 + 40 − 30) / 2
    const p: AuditProblem = {
      values: [30, 20, 10, 50, 40, 30],
      relations: [rel([0, 1], 'eq', [3]), rel([0, 2], 'eq', [4]), rel([1, 2], 'eq', [5])],
    };
    const hidden = hiddenOf(6, [0, 1, 2]);
    expect(pinnedCells(p, hidden, 'intervals')).toEqual([]);
    expect(pinnedCells(p, hidden, 'full')).toEqual([0, 1, 2]);
  });

  it('a two-by-two block of hidden cells inside shown margins stays free (it can move around the cycle)', () => {
    // rows r1 = a + b, r2 = c + d; columns k1 = a + c, k2 = b + d; a..d = 6, 7, 8, 9
    const p: AuditProblem = {
      values: [6, 7, 8, 9, 13, 17, 14, 16],
      relations: [rel([0, 1], 'eq', [4]), rel([2, 3], 'eq', [5]), rel([0, 2], 'eq', [6]), rel([1, 3], 'eq', [7])],
    };
    expect(pinnedCells(p, hiddenOf(8, [0, 1, 2, 3]))).toEqual([]);
  });

  it('interval propagation gives the tightest whole-number bounds a relation allows', () => {
    const bounds = propagate([0, 1], [{ terms: [{ index: 0, coef: 1 }, { index: 1, coef: 1 }], op: 'le', rhs: 7 }]);
    expect(bounds.get(0)).toEqual({ lo: 1, hi: 6 });
    expect(() => propagate([0], [{ terms: [{ index: 0, coef: 1 }], op: 'le', rhs: 0 }])).toThrow(/contradict/);
  });
});
