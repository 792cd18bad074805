import type { GenderSplit, IndicatorsResult } from '../indicators/result.js';

/** One figure that differs between the indicators of two exports. */
export interface CellChange {
  /** Indicator, context row, target id, or `records`. */
  readonly row: string;
  /** `period`, `cumulative`, `achieved`, `base`, `rate` or a record count's name. */
  readonly scope: string;
  /** `women`, `men`, `nonBinary`, `total`, or null for a single figure. */
  readonly gender: keyof GenderSplit | null;
  readonly old: number | null;
  readonly new: number | null;
  /** new − old (null when either is null). */
  readonly delta: number | null;
}

const GENDERS = ['women', 'men', 'nonBinary', 'total'] as const;

/** Every indicator, context, target and record-count cell whose value differs, in report order. */
export function diffIndicatorCells(before: IndicatorsResult, after: IndicatorsResult): CellChange[] {
  const out: CellChange[] = [];
  const single = (row: string, scope: string, a: number | null, b: number | null) => {
    if (a !== b) out.push({ row, scope, gender: null, old: a, new: b, delta: a === null || b === null ? null : b - a });
  };
  const split = (row: string, scope: string, a: GenderSplit | undefined, b: GenderSplit | undefined) => {
    if (!a || !b) return;
    for (const g of GENDERS) if (a[g] !== b[g]) out.push({ row, scope, gender: g, old: a[g], new: b[g], delta: b[g] - a[g] });
  };
  for (const key of ['rows', 'counted', 'excluded', 'notYetEntered'] as const) single('records', key, before.records[key], after.records[key]);
  for (const list of ['indicators', 'context'] as const) {
    for (const a of before[list]) {
      const b = after[list].find((x) => x.code === a.code);
      split(a.code, 'period', a.period, b?.period);
      split(a.code, 'cumulative', a.cumulative, b?.cumulative);
    }
  }
  for (const a of before.targets) {
    const b = after.targets.find((x) => x.id === a.id);
    if (!b) continue;
    single(a.id, 'base', a.base, b.base);
    split(a.id, 'achieved', a.achieved, b.achieved);
    single(a.id, 'rate', a.rate, b.rate);
  }
  return out;
}
