import {
  COHORT_OUTCOMES,
  INDICATORS,
  POPULATION_FIGURES,
  TARGETS,
  targetDefinition,
  type CohortCount,
  type FigureCode,
  type KnownCount,
  type KnownRelation,
  type SensitiveMeasure,
} from '../../indicators/registry.js';
import { INDICATOR_CODES, TARGET_RESULT_IDS, type GenderSplit, type IndicatorsResult, type TargetResultId } from '../../indicators/result.js';
import { FINDING_CODES } from '../../findings/codes.js';

/**
 * Every figure the workbook states, as a named cell, and every linear relation between them that a
 * reader can know: the ones the workbook states (totals, the consistency tests) and the ones the
 * ESF+ rules make public, which the registry declares beside each indicator, target and cohort
 * outcome (`KnownRelation`); this file knows no indicator or target by name. The sheets name the
 * same cells by the same keys, so what the suppression hides here is what they hide.
 *
 * Keys: `ind:EECO01:p:women` (indicator, period `p` or cumulative `c`, gender),
 * `ind:EECO12:declined:c:total`, `ctx:LEAVERS:p:men`, `tgt:T-EMP:achieved:women`,
 * `tgt:T-NET:unanswered:total`, `tgt:T-EMP:base`, `month:2026-07:starters:women`,
 * `month:total:leavers:total`, `cohort:2025-VT:employed:men`, `rec:excluded`, `dq:DATE_INVALID`.
 */

export const GENDERS = ['women', 'men', 'nonBinary', 'total'] as const satisfies readonly (keyof GenderSplit)[];
export type Gender = (typeof GENDERS)[number];

export interface TableCell {
  readonly key: string;
  readonly value: number;
  /**
   * Whether the primary rule (1 … N−1 hidden) applies. Record counts of the file and counts of
   * findings describe the export, not people with a characteristic, so they are shown as they are;
   * they can still be hidden to protect another cell.
   */
  readonly primaryRule: boolean;
}

/** `Σ coef · cell op rhs`, by key. */
export interface KeyedRelation {
  readonly name: string;
  readonly terms: readonly { readonly key: string; readonly coef: number }[];
  readonly op: 'eq' | 'le';
  readonly rhs: number;
}

export interface StatTable {
  readonly cells: readonly TableCell[];
  readonly relations: readonly KeyedRelation[];
}

export const splitKey = (prefix: string, g: Gender) => `${prefix}:${g}`;
export const indicatorPrefix = (code: string, scope: 'p' | 'c', measure?: 'declined' | 'unknown') =>
  measure ? `ind:${code}:${measure}:${scope}` : `ind:${code}:${scope}`;
export const contextPrefix = (code: string, scope: 'p' | 'c') => `ctx:${code}:${scope}`;
export const targetPrefix = (id: string, what: 'achieved' | 'unanswered') => `tgt:${id}:${what}`;
export const targetBaseKey = (id: string) => `tgt:${id}:base`;
export const monthPrefix = (month: string, what: 'starters' | 'leavers') => `month:${month}:${what}`;
export const MONTH_TOTAL = 'total';
export const cohortPrefix = (cohort: string, measure: string) => `cohort:${cohort}:${measure}`;
export const recordKey = (what: 'rows' | 'counted' | 'excluded' | 'notYetEntered') => `rec:${what}`;
export const findingCountKey = (code: string) => `dq:${code}`;

const COHORT_MEASURES: readonly CohortCount[] = ['starters', 'leavers', ...COHORT_OUTCOMES.map((o) => o.key)];

/** What a count of a known relation names: a figure (or an extra answer of one), a target's achieved count, or a cohort count over all cohorts. */
type CountRef =
  | { readonly kind: 'figure'; readonly code: FigureCode; readonly measure?: SensitiveMeasure }
  | { readonly kind: 'target'; readonly id: TargetResultId }
  | { readonly kind: 'cohorts'; readonly count: CohortCount };

const COHORTS_PREFIX = 'cohorts:';

function countRef(c: KnownCount): CountRef {
  if (c.startsWith(COHORTS_PREFIX)) return { kind: 'cohorts', count: c.slice(COHORTS_PREFIX.length) as CohortCount };
  if ((TARGET_RESULT_IDS as readonly string[]).includes(c)) return { kind: 'target', id: c as TargetResultId };
  const [code, measure] = c.split(':') as [FigureCode, SensitiveMeasure | undefined];
  return measure ? { kind: 'figure', code, measure } : { kind: 'figure', code };
}

/** `workTraining` → `work training`. */
const words = (key: string) => key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);

function countLabel(ref: CountRef): string {
  if (ref.kind === 'cohorts') return `cohort ${words(ref.count)}`;
  if (ref.kind === 'target') return ref.id;
  return ref.measure ? `${ref.code} ${ref.measure}` : ref.code;
}

/** A side of a relation in words, each count saying only what differs from the one before (`EECO12 + declined + unknown`). */
function sideLabel(counts: readonly KnownCount[]): string {
  let previous = '';
  return counts
    .map((c) => {
      const label = countLabel(countRef(c));
      const first = label.split(' ')[0]!;
      const shown = label.includes(' ') && first === previous ? label.slice(first.length + 1) : label;
      previous = first;
      return shown;
    })
    .join(' + ');
}

const relationLabel = (r: KnownRelation) => `${sideLabel(r.left)} ${r.relation} ${sideLabel(r.right)}`;

const involvesCohorts = (r: KnownRelation) => [...r.left, ...r.right].some((c) => countRef(c).kind === 'cohorts');

/** The first day of the month after `month` (`YYYY-MM`), as `YYYY-MM-DD`. */
function nextMonthStart(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Builds the cells and relations of a result (the monthly total row and the finding counts included, as the workbook states them). */
export function statTable(result: IndicatorsResult): StatTable {
  const cells = new Map<string, TableCell>();
  const relations: KeyedRelation[] = [];
  const cell = (key: string, value: number, primaryRule = true) => {
    const had = cells.get(key);
    if (had && had.value !== value) throw new Error(`cell ${key} stated twice with different values`);
    cells.set(key, { key, value, primaryRule });
  };
  const sum = (keys: readonly string[], coef = 1) => keys.map((key) => ({ key, coef }));
  /** Σ left = Σ right, or Σ left ≤ Σ right. */
  const rel = (name: string, left: readonly string[], op: 'eq' | 'le', right: readonly string[], rhs = 0) =>
    relations.push({ name, terms: [...sum(left), ...sum(right, -1)], op, rhs });
  const split = (prefix: string, g: GenderSplit) => {
    for (const k of GENDERS) cell(splitKey(prefix, k), g[k]);
    rel(`${prefix}: women + men + non-binary = total`, ['women', 'men', 'nonBinary'].map((k) => splitKey(prefix, k as Gender)), 'eq', [
      splitKey(prefix, 'total'),
    ]);
  };
  /** The same relation in every gender column. */
  const perGender = (name: string, left: readonly string[], op: 'eq' | 'le', right: readonly string[]) => {
    for (const g of GENDERS) rel(`${name} (${g})`, left.map((p) => splitKey(p, g)), op, right.map((p) => splitKey(p, g)));
  };
  const I = (code: string, s: 'p' | 'c', m?: 'declined' | 'unknown') => indicatorPrefix(code, s, m);
  const C = (code: string, s: 'p' | 'c') => contextPrefix(code, s);

  // Indicators and context rows, period and cumulative.
  for (const i of result.indicators) {
    for (const s of ['p', 'c'] as const) {
      split(I(i.code, s), s === 'p' ? i.period : i.cumulative);
      if (i.declined) split(I(i.code, s, 'declined'), s === 'p' ? i.declined.period : i.declined.cumulative);
      if (i.unknown) split(I(i.code, s, 'unknown'), s === 'p' ? i.unknown.period : i.unknown.cumulative);
    }
    perGender(`${i.code} period <= cumulative`, [I(i.code, 'p')], 'le', [I(i.code, 'c')]);
    if (i.declined) perGender(`${i.code} declined period <= cumulative`, [I(i.code, 'p', 'declined')], 'le', [I(i.code, 'c', 'declined')]);
    if (i.unknown) perGender(`${i.code} unknown period <= cumulative`, [I(i.code, 'p', 'unknown')], 'le', [I(i.code, 'c', 'unknown')]);
  }
  for (const c of result.context) {
    split(C(c.code, 'p'), c.period);
    split(C(c.code, 'c'), c.cumulative);
    perGender(`${c.code} period <= cumulative`, [C(c.code, 'p')], 'le', [C(c.code, 'c')]);
  }
  const has = (code: string) => result.indicators.some((i) => i.code === code) || result.context.some((c) => c.code === code);
  const figurePrefix = (code: FigureCode, s: 'p' | 'c', m?: SensitiveMeasure) =>
    (INDICATOR_CODES as readonly string[]).includes(code) ? I(code, s, m) : C(code, s);
  const entered = figurePrefix(POPULATION_FIGURES.entered, 'c');
  const leavers = figurePrefix(POPULATION_FIGURES.leavers, 'c');
  /** The monthly and the cohort starters are those who entered; their leavers, those who left. */
  const populationOf = { starters: POPULATION_FIGURES.entered, leavers: POPULATION_FIGURES.leavers } as const;

  /** Whether the result states every count of a relation (a figure, its extra answers, a target, the cohorts). */
  const stated = (r: KnownRelation) =>
    [...r.left, ...r.right].every((c) => {
      const ref = countRef(c);
      if (ref.kind === 'cohorts') return result.cohorts.length > 0;
      if (ref.kind === 'target') return result.targets.some((t) => t.id === ref.id);
      if (!ref.measure) return has(ref.code);
      return result.indicators.some((i) => i.code === ref.code && i[ref.measure!] !== undefined);
    });
  /** The key prefixes a count stands for in a scope (a cohort count: one per cohort). */
  const prefixes = (c: KnownCount, s: 'p' | 'c'): string[] => {
    const ref = countRef(c);
    if (ref.kind === 'cohorts') return result.cohorts.map((row) => cohortPrefix(row.cohort, ref.count));
    if (ref.kind === 'target') return [targetPrefix(ref.id, 'achieved')];
    return [figurePrefix(ref.code, s, ref.measure)];
  };
  /**
   * A known relation, in every gender column: Σ left − Σ right ≤ 0, or, for an equation (a total
   * and its parts), Σ right − Σ left = 0 as every sum of the table is written (parts − total).
   */
  const knownRelation = (r: KnownRelation, s: 'p' | 'c', name: string) => {
    if (!stated(r)) return;
    const left = r.left.flatMap((c) => prefixes(c, s));
    const right = r.right.flatMap((c) => prefixes(c, s));
    if (r.relation === '=') perGender(name, right, 'eq', left);
    else perGender(name, left, 'le', right);
  };
  const scopeKey = (scope: KnownRelation['scopes'][number]) => (scope === 'period' ? 'p' : 'c');

  // The relations the indicators' rules make known: those in both scopes per scope, then those in one scope only.
  const figureRelations = INDICATORS.flatMap((d) => (d.relations ?? []).filter((r) => !involvesCohorts(r)));
  for (const s of ['p', 'c'] as const) {
    for (const r of figureRelations) if (r.scopes.length > 1) knownRelation(r, s, `${relationLabel(r)} (${s})`);
  }
  for (const r of figureRelations) {
    if (r.scopes.length === 1) knownRelation(r, scopeKey(r.scopes[0]!), `${relationLabel(r)} (${r.scopes[0]!})`);
  }

  // Targets: cumulative counts; their base is a population figure (or the planned number, a constant).
  for (const t of result.targets) {
    const achieved = targetPrefix(t.id, 'achieved');
    split(achieved, t.achieved);
    if (t.unanswered) split(targetPrefix(t.id, 'unanswered'), t.unanswered);
    const base = targetBaseKey(t.id);
    const def = targetDefinition(t.id);
    const own = (def.relations ?? []).filter((r) => !involvesCohorts(r));
    // equations first: the counts they join are one cell
    const equations = () => {
      for (const r of own) if (r.relation === '=') knownRelation(r, 'c', relationLabel(r));
    };
    if (def.base === 'planned') {
      equations();
      continue;
    }
    cell(base, t.base);
    equations();
    const population = POPULATION_FIGURES[def.base];
    const populationPrefix = figurePrefix(population, 'c');
    if (has(population)) rel(`${t.id} base = ${population} cumulative`, [base], 'eq', [splitKey(populationPrefix, 'total')]);
    rel(`${t.id} achieved <= base`, [splitKey(achieved, 'total')], 'le', [base]);
    if (t.unanswered) {
      rel(`${t.id} achieved + unanswered <= base`, [splitKey(achieved, 'total'), splitKey(targetPrefix(t.id, 'unanswered'), 'total')], 'le', [base]);
      // an unanswered target asks the leavers
      if (has(POPULATION_FIGURES.leavers)) {
        perGender(`${t.id} achieved + unanswered <= ${POPULATION_FIGURES.leavers}`, [achieved, targetPrefix(t.id, 'unanswered')], 'le', [leavers]);
      }
    }
    if (has(population)) perGender(`${t.id} achieved <= ${population}`, [achieved], 'le', [populationPrefix]);
    for (const r of own) if (r.relation !== '=') knownRelation(r, 'c', relationLabel(r));
  }

  // Monthly: the months add up to the total row, which is the cumulative figure; the months inside the period to the period's.
  if (result.monthly.length > 0) {
    for (const what of ['starters', 'leavers'] as const) {
      const months = result.monthly.map((m) => monthPrefix(m.month, what));
      result.monthly.forEach((m, i) => split(months[i]!, m[what]));
      const total = monthPrefix(MONTH_TOTAL, what);
      const totals: GenderSplit = { women: 0, men: 0, nonBinary: 0, total: 0 };
      for (const m of result.monthly) for (const g of GENDERS) totals[g] += m[what][g];
      split(total, totals);
      perGender(`months add up to the ${what} total`, months, 'eq', [total]);
      const population = populationOf[what];
      const period = figurePrefix(population, 'p');
      if (has(population)) {
        perGender(`${what} total = cumulative`, [total], 'eq', [figurePrefix(population, 'c')]);
        const start = result.period.start;
        const inside = result.monthly.filter((m) => `${m.month}-01` >= start).map((m) => monthPrefix(m.month, what));
        const touching = result.monthly.filter((m) => nextMonthStart(m.month) > start).map((m) => monthPrefix(m.month, what));
        perGender(`${what}: months inside the period <= period`, inside, 'le', [period]);
        perGender(`${what}: period <= months touching the period`, [period], 'le', touching);
      }
    }
  }

  // Cohorts add up to the cumulative figures.
  if (result.cohorts.length > 0) {
    for (const c of result.cohorts) {
      for (const m of COHORT_MEASURES) split(cohortPrefix(c.cohort, m), c[m]);
      const p = (m: CohortCount) => cohortPrefix(c.cohort, m);
      // each outcome is counted among the cohort's leavers or all its starters; its leavers are among its starters
      const among = (base: 'leavers' | 'starters') => {
        for (const o of COHORT_OUTCOMES.filter((x) => x.among === base)) perGender(`${c.cohort}: ${words(o.key)} <= ${base}`, [p(o.key)], 'le', [p(base)]);
      };
      among('leavers');
      perGender(`${c.cohort}: leavers <= starters`, [p('leavers')], 'le', [p('starters')]);
      among('starters');
    }
    for (const what of ['starters', 'leavers'] as const) {
      const population = populationOf[what];
      const all = result.cohorts.map((c) => cohortPrefix(c.cohort, what));
      if (has(population)) perGender(`cohort ${what} add up to ${population} cumulative`, all, 'eq', [figurePrefix(population, 'c')]);
    }
    // the known relations over the cohorts: the targets', the cohort outcomes' and any indicator's, in registry order
    const cohortRelations = [...TARGETS, ...COHORT_OUTCOMES, ...INDICATORS].flatMap((d) => (d.relations ?? []).filter(involvesCohorts));
    for (const r of cohortRelations) knownRelation(r, 'c', relationLabel(r));
  }

  // The records of the file and the findings per code.
  const r = result.records;
  cell(recordKey('rows'), r.rows, false);
  cell(recordKey('counted'), r.counted, false);
  cell(recordKey('excluded'), r.excluded, false);
  cell(recordKey('notYetEntered'), r.notYetEntered, false);
  rel('rows = counted + excluded', [recordKey('counted'), recordKey('excluded')], 'eq', [recordKey('rows')]);
  rel('not yet entered <= counted', [recordKey('notYetEntered')], 'le', [recordKey('counted')]);
  if (has(POPULATION_FIGURES.entered)) {
    rel(`${POPULATION_FIGURES.entered} cumulative + not yet entered <= counted`, [splitKey(entered, 'total'), recordKey('notYetEntered')], 'le', [recordKey('counted')]);
    rel(`${POPULATION_FIGURES.entered} cumulative + not yet entered = counted`, [splitKey(entered, 'total'), recordKey('notYetEntered')], 'eq', [recordKey('counted')]);
  }
  const perCode = findingCounts(result);
  for (const [code, n] of perCode) cell(findingCountKey(code), n, false);
  const errorCodes = [...perCode.keys()].filter((c) => FINDING_CODES[c as keyof typeof FINDING_CODES] === 'error').map(findingCountKey);
  // every excluded row has at least one error finding
  rel('excluded rows <= error findings', [recordKey('excluded')], 'le', errorCodes);

  return { cells: [...cells.values()], relations };
}

/** How many findings of each code the file has, in code order: what the data-quality sheet of a shared copy lists. */
export function findingCounts(result: IndicatorsResult): Map<string, number> {
  const counts = new Map<string, number>();
  if (result.findingCounts) {
    // the list was cut at 1,000 of a code: the full counts were kept beside it
    for (const [code, n] of Object.entries(result.findingCounts)) if (n) counts.set(code, n);
  } else {
    for (const f of result.findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  }
  return new Map([...counts].sort((a, b) => a[0].localeCompare(b[0])));
}
