import { describe, expect, it } from 'vitest';
import { pinnedCells } from '../../../../src/report/suppress/audit.js';
import { canonicalTable, protectTable, RecoverableCellsError } from '../../../../src/report/suppress/protect.js';
import { statTable, type StatTable } from '../../../../src/report/suppress/table.js';
import { sampleResult } from '../sample.js';

const cells = (values: Record<string, number>, primaryRule = true) => Object.entries(values).map(([key, value]) => ({ key, value, primaryRule }));
const sum = (parts: string[], total: string) => ({
  name: `${parts.join(' + ')} = ${total}`,
  terms: [...parts.map((key) => ({ key, coef: 1 })), { key: total, coef: -1 }],
  op: 'eq' as const,
  rhs: 0,
});

describe('protectTable', () => {
  it('hides the small count and then the smallest other cell of its sum, nothing more', () => {
    const table: StatTable = { cells: cells({ w: 3, m: 20, x: 30, t: 53 }), relations: [sum(['w', 'm', 'x'], 't')] };
    const out = protectTable(table, 5);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(Object.fromEntries(out.plan.status)).toEqual({ w: 'primary', m: 'secondary', x: 'shown', t: 'shown' });
    expect([out.plan.primary, out.plan.secondary]).toEqual([1, 1]);
  });

  it('never hides a zero, and leaves a table without small counts alone', () => {
    const table: StatTable = { cells: cells({ w: 0, m: 20, x: 0, t: 20 }), relations: [sum(['w', 'm', 'x'], 't')] };
    const out = protectTable(table, 5);
    expect(out.ok && [...out.plan.status.values()].every((s) => s === 'shown')).toBe(true);
  });

  it('cells equal by definition are one cell: hiding one hides the other', () => {
    const table: StatTable = {
      cells: cells({ a: 2, b: 2, c: 9, t: 11, u: 11 }),
      relations: [sum(['a', 'c'], 't'), sum(['b'], 'a'), sum(['t'], 'u')],
    };
    const canon = canonicalTable(table);
    expect(canon.indexOf.get('a')).toBe(canon.indexOf.get('b'));
    const out = protectTable(table, 5);
    if (!out.ok) throw new Error('not protected');
    expect(out.plan.status.get('b')).toBe('primary');
    // a + c = t: with a hidden, c or t must go, and t is the same cell as u
    expect(out.plan.status.get('c')).toBe('secondary');
    expect(out.plan.status.get('t')).toBe(out.plan.status.get('u'));
  });

  it('ignores a relation that does not hold on the true values (a reader cannot use it)', () => {
    const table: StatTable = { cells: cells({ w: 3, m: 20, t: 99 }), relations: [sum(['w', 'm'], 't')] };
    expect(canonicalTable(table).problem.relations).toEqual([]);
  });

  it('says which cells it cannot protect instead of returning a pattern that can be undone', () => {
    // a figure fixed by a stated constant: nothing else can be hidden to protect it
    const table: StatTable = { cells: cells({ a: 1 }), relations: [{ name: 'a = 1', terms: [{ key: 'a', coef: 1 }], op: 'eq', rhs: 1 }] };
    expect(protectTable(table, 5)).toEqual({ ok: false, recoverable: ['a'] });
    expect(new RecoverableCellsError(['a']).message).toMatch(/work out 1 hidden figure \(a\)/);
  });

  it('on a whole result: every count 1–4 hidden, and the audit from scratch pins nothing', () => {
    const table = statTable(sampleResult());
    const out = protectTable(table, 5);
    if (!out.ok) throw new Error('not protected');
    for (const c of table.cells) {
      if (c.primaryRule && c.value >= 1 && c.value < 5) expect(out.plan.status.get(c.key), c.key).toBe('primary');
      if (c.value === 0) expect(out.plan.status.get(c.key), c.key).toBe('shown');
    }
    const canon = canonicalTable(table);
    const hidden = canon.keys.map((keys) => out.plan.status.get(keys[0]!) !== 'shown');
    expect(pinnedCells(canon.problem, hidden)).toEqual([]);
    expect(out.plan.secondary).toBeGreaterThan(0);
  });
});
