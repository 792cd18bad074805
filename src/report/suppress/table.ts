import { targetDefinition } from '../../indicators/registry.js';
import type { GenderSplit, IndicatorsResult } from '../../indicators/result.js';
import { FINDING_CODES } from '../../findings/codes.js';

/**
 * Every figure the workbook states, as a named cell, and every linear relation between them that a
 * reader can know: the ones the workbook states (totals, the consistency tests) and the ones the
 * ESF+ rules make public. The sheets name the same cells by the same keys, so what the suppression
 * hides here is what they hide.
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

const COHORT_MEASURES = ['starters', 'leavers', 'employed', 'studies', 'workTraining'] as const;

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
  const rule = (codes: readonly string[], f: () => void) => {
    if (codes.every(has)) f();
  };
  for (const s of ['p', 'c'] as const) {
    rule(['EECO01', 'EECO02', 'EECO04', 'EECO05'], () =>
      perGender(`EECO01 = EECO02 + EECO04 + EECO05 (${s})`, [I('EECO02', s), I('EECO04', s), I('EECO05', s)], 'eq', [I('EECO01', s)]),
    );
    rule(['EECO01', 'EECO09', 'EECO10', 'EECO11'], () =>
      perGender(`EECO01 = EECO09 + EECO10 + EECO11 (${s})`, [I('EECO09', s), I('EECO10', s), I('EECO11', s)], 'eq', [I('EECO01', s)]),
    );
    rule(['EECO02', 'EECO03'], () => perGender(`EECO03 <= EECO02 (${s})`, [I('EECO03', s)], 'le', [I('EECO02', s)]));
    rule(['EECO01', 'EECO06', 'EECO07', 'EECO08'], () =>
      perGender(`EECO06 + EECO07 + EECO08 <= EECO01 (${s})`, [I('EECO06', s), I('EECO07', s), I('EECO08', s)], 'le', [I('EECO01', s)]),
    );
    for (const i of result.indicators) {
      if (!i.declined || !i.unknown || !has('EECO01')) continue;
      // yes, declined and unknown are three of the four answers ("no" is the fourth)
      perGender(`${i.code} + declined + unknown <= EECO01 (${s})`, [I(i.code, s), I(i.code, s, 'declined'), I(i.code, s, 'unknown')], 'le', [
        I('EECO01', s),
      ]);
    }
    // exit_status is one value: job searching, education or training, employed are exclusive
    rule(['EECR01', 'EECR02', 'EECR04', 'LEAVERS'], () =>
      perGender(`EECR01 + EECR02 + EECR04 <= LEAVERS (${s})`, [I('EECR01', s), I('EECR02', s), I('EECR04', s)], 'le', [C('LEAVERS', s)]),
    );
    rule(['EECR03', 'LEAVERS'], () => perGender(`EECR03 <= LEAVERS (${s})`, [I('EECR03', s)], 'le', [C('LEAVERS', s)]));
    // status_6m employed and status_6m missing are exclusive answers of those due
    rule(['EECR05', 'FOLLOWUP_MISSING', 'FOLLOWUP_DUE'], () =>
      perGender(`EECR05 + FOLLOWUP_MISSING <= FOLLOWUP_DUE (${s})`, [I('EECR05', s), C('FOLLOWUP_MISSING', s)], 'le', [C('FOLLOWUP_DUE', s)]),
    );
    rule(['EECR06', 'FOLLOWUP_DUE'], () => perGender(`EECR06 <= FOLLOWUP_DUE (${s})`, [I('EECR06', s)], 'le', [C('FOLLOWUP_DUE', s)]));
  }
  rule(['EECR06', 'EECO05'], () => perGender('EECR06 <= EECO05 (cumulative)', [I('EECR06', 'c')], 'le', [I('EECO05', 'c')]));
  rule(['EECR01', 'EECO04'], () => perGender('EECR01 <= EECO04 (cumulative)', [I('EECR01', 'c')], 'le', [I('EECO04', 'c')]));

  // Targets.
  const entered = I('EECO01', 'c');
  const leavers = C('LEAVERS', 'c');
  for (const t of result.targets) {
    const achieved = targetPrefix(t.id, 'achieved');
    split(achieved, t.achieved);
    if (t.unanswered) split(targetPrefix(t.id, 'unanswered'), t.unanswered);
    const base = targetBaseKey(t.id);
    const def = targetDefinition(t.id);
    if (def.base === 'planned') {
      // the base is the planned number from the profile, a constant
      if (t.id === 'T-PART' && has('EECO01')) perGender('T-PART achieved = EECO01 cumulative', [achieved], 'eq', [entered]);
      continue;
    }
    cell(base, t.base);
    if (t.id === 'T-GEN') {
      if (has('EECO01')) perGender('T-GEN achieved = EECO01 cumulative', [achieved], 'eq', [entered]);
    }
    const onLeavers = def.base === 'leavers';
    if (onLeavers && has('LEAVERS')) rel(`${t.id} base = LEAVERS cumulative`, [base], 'eq', [splitKey(leavers, 'total')]);
    if (!onLeavers && has('EECO01')) rel(`${t.id} base = EECO01 cumulative`, [base], 'eq', [splitKey(entered, 'total')]);
    rel(`${t.id} achieved <= base`, [splitKey(achieved, 'total')], 'le', [base]);
    if (t.unanswered) {
      rel(`${t.id} achieved + unanswered <= base`, [splitKey(achieved, 'total'), splitKey(targetPrefix(t.id, 'unanswered'), 'total')], 'le', [base]);
      if (has('LEAVERS')) perGender(`${t.id} achieved + unanswered <= LEAVERS`, [achieved, targetPrefix(t.id, 'unanswered')], 'le', [leavers]);
    }
    if (onLeavers && has('LEAVERS')) perGender(`${t.id} achieved <= LEAVERS`, [achieved], 'le', [leavers]);
    if (!onLeavers && has('EECO01')) perGender(`${t.id} achieved <= EECO01`, [achieved], 'le', [entered]);
    if (t.id === 'T-EMP') rule(['EECO02', 'EECO04'], () => perGender('T-EMP <= EECO02 + EECO04', [achieved], 'le', [I('EECO02', 'c'), I('EECO04', 'c')]));
    if (t.id === 'T-STU') rule(['EECR02'], () => perGender('EECR02 <= T-STU', [I('EECR02', 'c')], 'le', [achieved]));
    if (t.id === 'T-TRANS') rule(['EECR02', 'EECR04'], () => perGender('EECR02 + EECR04 <= T-TRANS', [I('EECR02', 'c'), I('EECR04', 'c')], 'le', [achieved]));
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
      const cumulative = what === 'starters' ? entered : leavers;
      const period = what === 'starters' ? I('EECO01', 'p') : C('LEAVERS', 'p');
      if (has(what === 'starters' ? 'EECO01' : 'LEAVERS')) {
        perGender(`${what} total = cumulative`, [total], 'eq', [cumulative]);
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
      const p = (m: string) => cohortPrefix(c.cohort, m);
      perGender(`${c.cohort}: employed <= leavers`, [p('employed')], 'le', [p('leavers')]);
      perGender(`${c.cohort}: studies <= leavers`, [p('studies')], 'le', [p('leavers')]);
      perGender(`${c.cohort}: leavers <= starters`, [p('leavers')], 'le', [p('starters')]);
      perGender(`${c.cohort}: work training <= starters`, [p('workTraining')], 'le', [p('starters')]);
    }
    const all = (m: string) => result.cohorts.map((c) => cohortPrefix(c.cohort, m));
    if (has('EECO01')) perGender('cohort starters add up to EECO01 cumulative', all('starters'), 'eq', [entered]);
    if (has('LEAVERS')) perGender('cohort leavers add up to LEAVERS cumulative', all('leavers'), 'eq', [leavers]);
    const target = (id: string) => (result.targets.some((t) => t.id === id) ? targetPrefix(id, 'achieved') : null);
    const wt = target('T-WT');
    if (wt) perGender('cohort work training adds up to T-WT', all('workTraining'), 'eq', [wt]);
    const stu = target('T-STU');
    if (stu) perGender('cohort studies <= T-STU', all('studies'), 'le', [stu]);
    const trans = target('T-TRANS');
    if (trans) {
      perGender('cohort employed <= T-TRANS', all('employed'), 'le', [trans]);
      perGender('cohort studies <= T-TRANS', all('studies'), 'le', [trans]);
      perGender('T-TRANS <= cohort employed + studies', [trans], 'le', [...all('employed'), ...all('studies')]);
    }
    if (has('EECR04')) perGender('EECR04 <= cohort employed', [I('EECR04', 'c')], 'le', all('employed'));
    if (has('EECR02')) perGender('EECR02 <= cohort studies', [I('EECR02', 'c')], 'le', all('studies'));
  }

  // The records of the file and the findings per code.
  const r = result.records;
  cell(recordKey('rows'), r.rows, false);
  cell(recordKey('counted'), r.counted, false);
  cell(recordKey('excluded'), r.excluded, false);
  cell(recordKey('notYetEntered'), r.notYetEntered, false);
  rel('rows = counted + excluded', [recordKey('counted'), recordKey('excluded')], 'eq', [recordKey('rows')]);
  rel('not yet entered <= counted', [recordKey('notYetEntered')], 'le', [recordKey('counted')]);
  if (has('EECO01')) {
    rel('EECO01 cumulative + not yet entered <= counted', [splitKey(entered, 'total'), recordKey('notYetEntered')], 'le', [recordKey('counted')]);
    rel('EECO01 cumulative + not yet entered = counted', [splitKey(entered, 'total'), recordKey('notYetEntered')], 'eq', [recordKey('counted')]);
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
  for (const f of result.findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => a[0].localeCompare(b[0])));
}
