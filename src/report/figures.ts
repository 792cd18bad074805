import type { CellModel } from './model.js';
import type { SuppressionPlan } from './suppress/protect.js';

/**
 * Turns counts and rates into cells. In the funder's copy (no plan) every figure is shown exactly.
 * In a shared copy (`--suppress-below N`) the plan says which cells are hidden: every count from
 * 1 to N−1 and the further cells that would give them back through a total; each hidden cell shows
 * the same mark, whatever the reason, so the mark tells a reader nothing about the value. A rate
 * (or an on-track mark) built on a hidden count is hidden too, since rate × base would give the
 * count back.
 */
export interface Figures {
  /** The suppression plan of a shared copy, or null for the funder's copy (nothing hidden). */
  readonly plan: SuppressionPlan | null;
  isHidden(key: string): boolean;
  /** The count stated under `key` (the keys of `suppress/table.ts`). */
  count(key: string, value: number): CellModel;
  /** A rate built on the counts under `on`; hidden when any of them is; `null` shows the not-applicable mark. */
  rate(value: number | null, on: readonly string[]): CellModel;
  /** Any other cell that follows from the counts under `on` (an on-track mark): the hidden mark when any of them is hidden. */
  derived(cell: CellModel, on: readonly string[]): CellModel;
}

export function makeFigures(plan: SuppressionPlan | null, labels: { readonly hidden: string; readonly notApplicable: string }): Figures {
  const hiddenCell: CellModel = { kind: 'suppressed', value: labels.hidden };
  const isHidden = (key: string) => {
    if (plan === null) return false;
    const status = plan.status.get(key);
    // a figure the plan does not know was never audited: a bug, never a figure shown unprotected
    if (status === undefined) throw new Error(`the shared copy states a figure the suppression does not know: ${key}`);
    return status !== 'shown';
  };
  return {
    plan,
    isHidden,
    count: (key, value) => {
      const hidden = isHidden(key);
      if (plan !== null && plan.values.get(key) !== value) {
        throw new Error(`the figure ${key} is ${value} in the workbook but ${plan.values.get(key)} in the suppression`);
      }
      return hidden ? hiddenCell : { kind: 'count', value };
    },
    rate: (value, on) => {
      if (on.some(isHidden)) return hiddenCell;
      return value === null ? { kind: 'text', value: labels.notApplicable } : { kind: 'rate', value };
    },
    derived: (cell, on) => (on.some(isHidden) ? hiddenCell : cell),
  };
}
