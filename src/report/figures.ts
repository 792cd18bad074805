import type { CellModel } from './model.js';

/**
 * Turns counts and rates into cells, applying `--suppress-below N`: a count from 1 to N−1 becomes
 * the text "<N" (0 stays 0), and a rate built on such a count is hidden too, since rate × base
 * would give the count back.
 */
export interface Figures {
  /** The suppression threshold N, or null for a copy to the funder (nothing hidden). */
  readonly suppressBelow: number | null;
  isHidden(count: number): boolean;
  count(value: number): CellModel;
  /** A rate, hidden when any count it is built on is hidden; `null` shows the not-applicable mark. */
  rate(value: number | null, builtOn: readonly number[]): CellModel;
}

export function makeFigures(suppressBelow: number | null, labels: { readonly hidden: string; readonly notApplicable: string }): Figures {
  const isHidden = (n: number) => suppressBelow !== null && n >= 1 && n < suppressBelow;
  return {
    suppressBelow,
    isHidden,
    count: (value) => (isHidden(value) ? { kind: 'suppressed', value: `<${suppressBelow}` } : { kind: 'count', value }),
    rate: (value, builtOn) => {
      if (value === null) return { kind: 'text', value: labels.notApplicable };
      if (builtOn.some(isHidden)) return { kind: 'suppressed', value: labels.hidden };
      return { kind: 'rate', value };
    },
  };
}
