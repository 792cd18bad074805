import type ExcelJS from 'exceljs';
import { findRow, sheet } from '../read-back.js';

/**
 * An attacker written apart from the tool: it reads a shared copy and the funder's copy of the same
 * workbook back (English labels), takes every count the funder's copy states and whether the shared
 * copy shows or hides it, writes down the relations a careful reader knows, and tries to work out
 * every hidden count with pencil methods: exact elimination over the equalities (a hidden count
 * that the stated sums fix) and interval reasoning over everything, equalities, the rows the
 * elimination derives and the inequalities, with whole numbers and "a hidden count is at least 1"
 * (zero is never hidden). It shares no code with `src/report/suppress/`.
 */

export interface Figure {
  readonly truth: number;
  /** The number the shared copy shows, or null where it hides it. */
  readonly shown: number | null;
  /** Whether the primary rule applies (every count of people; the Summary's file records and the finding counts are not). */
  readonly people: boolean;
}

const GENDERS = ['W', 'M', 'X', 'T'] as const;
type Rel = { terms: [string, number][]; op: '=' | '<='; rhs: number };

/** Reads every count of the two workbooks into named figures. Throws when the shared copy shows a number the funder's copy does not. */
export function readFigures(shared: ExcelJS.Workbook, funder: ExcelJS.Workbook, hiddenMark: string): Map<string, Figure> {
  const out = new Map<string, Figure>();
  const put = (name: string, s: ExcelJS.Cell, f: ExcelJS.Cell, people = true) => {
    const truth = f.value;
    if (typeof truth !== 'number') throw new Error(`${name}: the funder's copy has no number at ${f.address} (${String(truth)})`);
    const shown = s.value;
    if (shown === hiddenMark) out.set(name, { truth, shown: null, people });
    else if (shown === truth) out.set(name, { truth, shown: truth, people });
    else throw new Error(`${name}: the shared copy shows ${String(shown)} where the funder's copy has ${truth}`);
  };
  const four = (prefix: string, s: ExcelJS.Row, f: ExcelJS.Row, from: number) =>
    GENDERS.forEach((g, i) => put(`${prefix}:${g}`, s.getCell(from + i), f.getCell(from + i)));

  // Indicators: same layout in both copies.
  const si = sheet(shared, 'Indicators');
  const fi = sheet(funder, 'Indicators');
  let code = '';
  for (let r = 1; r <= fi.rowCount; r++) {
    const f = fi.getRow(r);
    const a = f.getCell(1).value;
    const b = f.getCell(2).value;
    let measure: string | null = null;
    if (typeof a === 'string' && /^(EEC[OR]\d\d|LEAVERS|FOLLOWUP_DUE|FOLLOWUP_MISSING)$/.test(a)) {
      code = a;
      measure = 'v';
    } else if (b === 'declined to answer') measure = 'd';
    else if (b === 'unknown or no answer') measure = 'u';
    if (measure === null) continue;
    four(`I:${code}:${measure}:p`, si.getRow(r), f, 3);
    four(`I:${code}:${measure}:c`, si.getRow(r), f, 7);
  }

  // Targets.
  const st = sheet(shared, 'Targets');
  const ft = sheet(funder, 'Targets');
  let id = '';
  for (let r = 3; r <= ft.rowCount; r++) {
    const f = ft.getRow(r);
    const a = f.getCell(1).value;
    if (typeof a === 'string' && a.startsWith('T-')) {
      id = a;
      if (id !== 'T-PART') put(`T:${id}:base`, st.getRow(r).getCell(5), f.getCell(5));
      four(`T:${id}:a`, st.getRow(r), f, 6);
    } else if (f.getCell(2).value === 'of whom no answer') four(`T:${id}:u`, st.getRow(r), f, 6);
  }

  // Monthly: months, then the total row.
  const sm = sheet(shared, 'Monthly');
  const fm = sheet(funder, 'Monthly');
  for (let r = 3; r <= fm.rowCount; r++) {
    const f = fm.getRow(r);
    const a = f.getCell(1).value;
    const key = a instanceof Date ? a.toISOString().slice(0, 7) : a === 'Total' ? 'total' : null;
    if (key === null) continue;
    four(`M:${key}:st`, sm.getRow(r), f, 2);
    four(`M:${key}:le`, sm.getRow(r), f, 6);
  }

  // Cohorts.
  const sc = sheet(shared, 'Cohorts');
  const fc = sheet(funder, 'Cohorts');
  for (let r = 2; r <= fc.rowCount; r++) {
    const f = fc.getRow(r);
    if (typeof f.getCell(1).value !== 'string') continue;
    four(`K:${String(f.getCell(1).value)}:${String(f.getCell(2).value)}`, sc.getRow(r), f, 3);
  }

  // Summary: the rows shift by the shared-copy note, so by label.
  const ss = sheet(shared, 'Summary');
  const fs = sheet(funder, 'Summary');
  for (const [label, key] of [
    ['Rows in the file', 'rows'],
    ['Counted (complete) rows', 'counted'],
    ['Excluded rows (with errors)', 'excluded'],
    ['Counted rows not yet entered', 'notYet'],
  ] as const) {
    put(`S:${key}`, findRow(ss, label).getCell(2), findRow(fs, label).getCell(2), false);
  }
  for (const [label, tid] of [
    ['Participants', 'T-PART'],
    ['Gender balance', 'T-GEN'],
    ['Employment', 'T-EMP'],
    ['Work training', 'T-WT'],
    ['Studies', 'T-STU'],
    ['Wider network', 'T-NET'],
    ['Labour-market competence', 'T-COMP'],
    ['Understanding of society', 'T-SOC'],
    ['Work or studies', 'T-TRANS'],
  ] as const) {
    put(`S:${tid}`, findRow(ss, label).getCell(5), findRow(fs, label).getCell(5));
  }
  return out;
}

/** The relations a reader knows, over the figures read; only those that hold on the true values (a reader learns nothing from a false one). */
export function knownRelations(figs: ReadonlyMap<string, Figure>): Rel[] {
  const rels: Rel[] = [];
  const add = (left: string[], op: '=' | '<=', right: string[]) => {
    const names = [...left, ...right];
    if (!names.every((n) => figs.has(n))) return;
    const terms: [string, number][] = [...left.map((n): [string, number] => [n, 1]), ...right.map((n): [string, number] => [n, -1])];
    const lhs = terms.reduce((s, [n, c]) => s + c * figs.get(n)!.truth, 0);
    if (op === '=' ? lhs !== 0 : lhs > 0) return;
    rels.push({ terms, op, rhs: 0 });
  };
  const byGender = (left: string[], op: '=' | '<=', right: string[]) => {
    for (const g of GENDERS) add(left.map((p) => `${p}:${g}`), op, right.map((p) => `${p}:${g}`));
  };
  // every gender split adds up
  const prefixes = new Set([...figs.keys()].filter((k) => /:[WMXT]$/.test(k)).map((k) => k.slice(0, -2)));
  for (const p of prefixes) add([`${p}:W`, `${p}:M`, `${p}:X`], '=', [`${p}:T`]);
  const I = (code: string, s: string, m = 'v') => `I:${code}:${m}:${s}`;
  for (const s of ['p', 'c']) {
    byGender([I('EECO02', s), I('EECO04', s), I('EECO05', s)], '=', [I('EECO01', s)]);
    byGender([I('EECO09', s), I('EECO10', s), I('EECO11', s)], '=', [I('EECO01', s)]);
    byGender([I('EECO03', s)], '<=', [I('EECO02', s)]);
    byGender([I('EECO06', s), I('EECO07', s), I('EECO08', s)], '<=', [I('EECO01', s)]);
    for (let k = 12; k <= 17; k++) byGender([I(`EECO${k}`, s), I(`EECO${k}`, s, 'd'), I(`EECO${k}`, s, 'u')], '<=', [I('EECO01', s)]);
    byGender([I('EECR01', s), I('EECR02', s), I('EECR04', s)], '<=', [I('LEAVERS', s)]);
    byGender([I('EECR03', s)], '<=', [I('LEAVERS', s)]);
    byGender([I('EECR05', s), I('FOLLOWUP_MISSING', s)], '<=', [I('FOLLOWUP_DUE', s)]);
    byGender([I('EECR06', s)], '<=', [I('FOLLOWUP_DUE', s)]);
  }
  byGender([I('EECR06', 'c')], '<=', [I('EECO05', 'c')]);
  // period <= cumulative
  for (const p of prefixes) if (p.startsWith('I:') && p.endsWith(':p')) byGender([p], '<=', [`${p.slice(0, -1)}c`]);
  // targets
  byGender(['T:T-PART:a'], '=', [I('EECO01', 'c')]);
  byGender(['T:T-GEN:a'], '=', [I('EECO01', 'c')]);
  for (const t of ['T-GEN', 'T-EMP', 'T-WT', 'T-STU']) {
    add([`T:${t}:base`], '=', [`${I('EECO01', 'c')}:T`]);
    byGender([`T:${t}:a`], '<=', [I('EECO01', 'c')]);
  }
  for (const t of ['T-NET', 'T-COMP', 'T-SOC', 'T-TRANS']) {
    add([`T:${t}:base`], '=', [`${I('LEAVERS', 'c')}:T`]);
    byGender([`T:${t}:a`, `T:${t}:u`], '<=', [I('LEAVERS', 'c')]);
    byGender([`T:${t}:a`], '<=', [I('LEAVERS', 'c')]);
  }
  for (const t of ['T-PART', 'T-EMP', 'T-WT', 'T-STU', 'T-NET', 'T-COMP', 'T-SOC', 'T-TRANS']) add([`S:${t}`], '=', [`T:${t}:a:T`]);
  add(['S:T-GEN'], '=', ['T:T-GEN:a:W']);
  // months and cohorts add up
  const months = [...prefixes].filter((p) => /^M:\d{4}-\d\d:st$/.test(p)).map((p) => p.slice(2, 9));
  byGender(months.map((m) => `M:${m}:st`), '=', ['M:total:st']);
  byGender(months.map((m) => `M:${m}:le`), '=', ['M:total:le']);
  byGender(['M:total:st'], '=', [I('EECO01', 'c')]);
  byGender(['M:total:le'], '=', [I('LEAVERS', 'c')]);
  const cohorts = [...new Set([...prefixes].filter((p) => p.startsWith('K:')).map((p) => p.split(':')[1]!))];
  byGender(cohorts.map((c) => `K:${c}:Starters`), '=', [I('EECO01', 'c')]);
  byGender(cohorts.map((c) => `K:${c}:Leavers`), '=', [I('LEAVERS', 'c')]);
  byGender(cohorts.map((c) => `K:${c}:Started work training`), '=', ['T:T-WT:a']);
  // the file's records
  add(['S:counted', 'S:excluded'], '=', ['S:rows']);
  add([`${I('EECO01', 'c')}:T`, 'S:notYet'], '=', ['S:counted']);
  return rels;
}

/** The hidden figures the attacker can pin to one value, with how. */
export function attack(figs: ReadonlyMap<string, Figure>, rels: readonly Rel[]): { name: string; value: number; how: string }[] {
  const unknowns = [...figs].filter(([, f]) => f.shown === null).map(([n]) => n);
  const col = new Map(unknowns.map((n, i) => [n, i] as const));
  const u = unknowns.length;
  // each relation as a dense row over the unknowns, the shown figures moved to the right
  const reduce = (r: Rel) => {
    const row = new Float64Array(u);
    let rhs = r.rhs;
    for (const [n, c] of r.terms) {
      const i = col.get(n);
      if (i === undefined) rhs -= c * figs.get(n)!.shown!;
      else row[i]! += c;
    }
    return { row, rhs, op: r.op };
  };
  const reduced = rels.map(reduce).filter((r) => r.row.some((x) => x !== 0));
  const found: { name: string; value: number; how: string }[] = [];

  // 1. Gauss–Jordan elimination over the equalities.
  const eqs = reduced.filter((r) => r.op === '=').map((r) => ({ row: Float64Array.from(r.row), rhs: r.rhs }));
  let lead = 0;
  for (let c = 0; c < u && lead < eqs.length; c++) {
    let p = -1;
    for (let i = lead; i < eqs.length; i++) if (Math.abs(eqs[i]!.row[c]!) > 1e-9 && (p < 0 || Math.abs(eqs[i]!.row[c]!) > Math.abs(eqs[p]!.row[c]!))) p = i;
    if (p < 0) continue;
    [eqs[lead], eqs[p]] = [eqs[p]!, eqs[lead]!];
    const pr = eqs[lead]!;
    const pv = pr.row[c]!;
    for (let k = 0; k < u; k++) pr.row[k]! /= pv;
    pr.rhs /= pv;
    for (let i = 0; i < eqs.length; i++) {
      if (i === lead) continue;
      const f = eqs[i]!.row[c]!;
      if (Math.abs(f) < 1e-12) continue;
      for (let k = 0; k < u; k++) eqs[i]!.row[k]! -= f * pr.row[k]!;
      eqs[i]!.rhs -= f * pr.rhs;
    }
    lead++;
  }
  for (const e of eqs) {
    const nz: number[] = [];
    e.row.forEach((x, k) => {
      if (Math.abs(x) > 1e-9) nz.push(k);
    });
    if (nz.length === 1) found.push({ name: unknowns[nz[0]!]!, value: Math.round(e.rhs / e.row[nz[0]!]!), how: 'elimination' });
  }

  // 2. Intervals over all rows (equalities, the derived rows, inequalities), whole numbers, at least 1.
  const lo = new Float64Array(u).fill(1);
  const hi = new Float64Array(u).fill(Infinity);
  const rows = [...reduced, ...eqs.map((e) => ({ row: e.row, rhs: e.rhs, op: '=' as const }))];
  for (let pass = 0; pass < 500; pass++) {
    let changed = false;
    for (const r of rows) {
      for (const sign of r.op === '=' ? [1, -1] : [1]) {
        // sign·Σ a x ≤ sign·rhs
        for (let j = 0; j < u; j++) {
          const aj = sign * r.row[j]!;
          if (Math.abs(aj) < 1e-12) continue;
          let rest = 0;
          for (let k = 0; k < u && Number.isFinite(rest); k++) {
            if (k === j) continue;
            const ak = sign * r.row[k]!;
            if (Math.abs(ak) < 1e-12) continue;
            rest += ak > 0 ? ak * lo[k]! : ak * hi[k]!;
          }
          if (!Number.isFinite(rest)) continue;
          const bound = (sign * r.rhs - rest) / aj;
          if (aj > 0) {
            const b = Math.floor(bound + 1e-7);
            if (b < hi[j]!) {
              hi[j] = b;
              changed = true;
            }
          } else {
            const b = Math.ceil(bound - 1e-7);
            if (b > lo[j]!) {
              lo[j] = b;
              changed = true;
            }
          }
        }
      }
    }
    if (!changed) break;
  }
  for (let j = 0; j < u; j++) if (lo[j] === hi[j]) found.push({ name: unknowns[j]!, value: lo[j]!, how: 'intervals' });
  return found;
}
