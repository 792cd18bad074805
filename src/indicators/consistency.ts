import { CONSISTENCY_DEFINITIONS, type ConsistencyRule, type FigureCode } from './registry.js';
import type { ConsistencyResult, GenderSplit, IndicatorsResult, PeriodAndCumulative } from './result.js';

const GENDER_KEYS = ['women', 'men', 'nonBinary', 'total'] as const;

type Checked = Pick<IndicatorsResult, 'indicators' | 'context' | 'targets'>;

/** Runs the aggregate consistency tests of `indicators.md` (registry `CONSISTENCY_DEFINITIONS`) on a result, in the spec's order. */
export function checkConsistency(result: Checked): ConsistencyResult[] {
  const figures = new Map<string, PeriodAndCumulative>();
  for (const v of result.indicators) figures.set(v.code, v);
  for (const v of result.context) figures.set(v.code, v);
  // every period/cumulative pair of the result: the figures and their declined/unknown measures
  const pairs: PeriodAndCumulative[] = [];
  for (const v of result.indicators) {
    pairs.push(v);
    if (v.declined) pairs.push(v.declined);
    if (v.unknown) pairs.push(v.unknown);
  }
  for (const v of result.context) pairs.push(v);
  return CONSISTENCY_DEFINITIONS.map(({ test, rule }) => ({ test, holds: holds(rule, figures, pairs, result) }));
}

function holds(rule: ConsistencyRule, figures: ReadonlyMap<string, PeriodAndCumulative>, pairs: readonly PeriodAndCumulative[], result: Checked): boolean {
  switch (rule.kind) {
    case 'relation': {
      const sum = (codes: readonly FigureCode[], scope: 'period' | 'cumulative', g: (typeof GENDER_KEYS)[number]) =>
        codes.reduce((n, code) => n + (figures.get(code)?.[scope][g] ?? 0), 0);
      return rule.scopes.every((scope) =>
        GENDER_KEYS.every((g) => {
          const left = sum(rule.left, scope, g);
          const right = sum(rule.right, scope, g);
          return rule.relation === '=' ? left === right : left <= right;
        }),
      );
    }
    case 'genders-add-up': {
      const splits: GenderSplit[] = pairs.flatMap((p) => [p.period, p.cumulative]);
      for (const t of result.targets) {
        splits.push(t.achieved);
        if (t.unanswered) splits.push(t.unanswered);
      }
      return splits.every((s) => s.women + s.men + s.nonBinary === s.total);
    }
    case 'cumulative-covers-period':
      return pairs.every((p) => GENDER_KEYS.every((g) => p.cumulative[g] >= p.period[g]));
  }
}
