import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildWorkbookModel } from '../../../../src/report/build-model.js';
import { buildCharts, type ChartContext } from '../../../../src/report/charts/build-charts.js';
import type { ChartModel, ParticipantsChart, ResultsChart, TargetsChart, FlowChart } from '../../../../src/report/charts/chart-model.js';
import type { CellModel, SheetModel, WorkbookModel } from '../../../../src/report/model.js';
import { MONTHLY_COLUMNS, plannedBy, protectRunningTotal } from '../../../../src/report/sheets/monthly.js';
import { builtInProfile, labelsFor, sampleMeta, sampleResult } from '../sample.js';

const profile = builtInProfile();

function chartsOf(lang: 'sv' | 'en', suppressBelow: number | null = null): { model: WorkbookModel; charts: ChartModel[] } {
  const labels = labelsFor(lang);
  const result = sampleResult();
  const model = buildWorkbookModel(result, profile, labels, sampleMeta({ suppressBelow }));
  const ctx: ChartContext = { labels, plannedParticipants: 120, period: result.period, suppressBelow, referenceName: 'Rekrytera' };
  return { model, charts: buildCharts(model, ctx) };
}

function chart<K extends ChartModel['key']>(charts: ChartModel[], key: K): Extract<ChartModel, { key: K }> {
  const c = charts.find((x) => x.key === key);
  if (!c) throw new Error(`no chart ${key}`);
  return c as Extract<ChartModel, { key: K }>;
}

describe('buildCharts', () => {
  it('makes the four charts, each for the sheet it illustrates', () => {
    const { charts } = chartsOf('sv');
    expect(charts.map((c) => [c.key, c.sheet])).toEqual([
      ['targets', 'targets'],
      ['participants', 'monthly'],
      ['flow', 'monthly'],
      ['results', 'indicators'],
    ]);
    for (const c of charts) expect(c.notes).toEqual([]);
  });

  it('targets: the parts are achieved ÷ base by gender, the end text is the rate as the table shows it, ticks at the target', () => {
    const t = chart(chartsOf('sv').charts, 'targets') as ChartModel & TargetsChart;
    const emp = t.bars.find((b) => b.label.startsWith('T-EMP'))!;
    expect(emp.segments).toEqual([
      { segment: 'women', value: 7 / 95 },
      { segment: 'men', value: 9 / 95 },
      { segment: 'nonBinary', value: 0 },
    ]);
    expect(emp.end).toBe('16,8\u00a0%');
    expect(emp.target).toBe(0.25);
    // T-GEN: only the women's share is the target's measure
    expect(t.bars.find((b) => b.label.startsWith('T-GEN'))!.segments).toEqual([{ segment: 'women', value: 48 / 95 }]);
    const trans = t.bars.find((b) => b.label.startsWith('T-TRANS'))!;
    expect(trans.target).toBeNull();
    expect(trans.references.map((r) => r.value)).toEqual([0.903, 0.747]);
    expect(trans.references[0]!.label).toContain('Rekrytera');
    expect(t.summary).toContain('Anställning: 16,8\u00a0% (mål 25\u00a0%).');
  });

  it('participants: the running total and the plan come from the Monthly sheet', () => {
    const p = chart(chartsOf('en').charts, 'participants') as ChartModel & ParticipantsChart;
    expect(p.points).toEqual([
      { month: '2025-04', cumulative: 7, planned: plannedBy('2025-04', profile.period, 120) },
      { month: '2025-05', cumulative: 11, planned: plannedBy('2025-05', profile.period, 120) },
      { month: '2025-06', cumulative: 19, planned: plannedBy('2025-06', profile.period, 120) },
    ]);
    expect(p.goal).toBe(120);
    expect(p.summary[0]).toBe(`By the end of Jun 2025, 19 participants had started; the plan was ${plannedBy('2025-06', profile.period, 120)}.`);
  });

  it('flow and results read the gender splits of their tables', () => {
    const { charts } = chartsOf('en');
    const f = chart(charts, 'flow') as ChartModel & FlowChart;
    expect(f.panels.map((p) => p.label)).toEqual(['Starters', 'Leavers']);
    expect(f.panels[1]!.months[2]!.segments.map((s) => s.value)).toEqual([3, 3, 1]);
    const r = chart(charts, 'results') as ChartModel & ResultsChart;
    expect(r.panels).toHaveLength(2);
    expect(r.panels[1]!.bars.map((b) => b.label.slice(0, 6))).toEqual(['EECR01', 'EECR02', 'EECR03', 'EECR04', 'EECR05']);
    const eecr04 = sampleResult().indicators.find((i) => i.code === 'EECR04')!;
    expect(r.panels[1]!.bars[3]!.segments.map((s) => s.value)).toEqual([eecr04.cumulative.women, eecr04.cumulative.men, eecr04.cumulative.nonBinary]);
    expect(r.panels[1]!.bars[3]!.end).toBe(String(eecr04.cumulative.total));
  });

  it('with --suppress-below a hidden figure is never drawn: the split falls back to the shown total, or to nothing, and a note says so', () => {
    const { model, charts } = chartsOf('sv', 5);
    const targets = model.sheets.find((s) => s.key === 'targets')!;
    const t = chart(charts, 'targets') as ChartModel & TargetsChart;
    // T-STU achieved 3 + 1 + 0 = 4: every count hidden, so no bar and no rate
    const stu = t.bars.find((b) => b.label.startsWith('T-STU'))!;
    expect(stu.segments).toEqual([]);
    expect(stu.end).toBeNull();
    // a bar is either split by gender (nothing hidden) or the shown total alone, never a mix
    for (const bar of t.bars) expect(bar.segments.every((s) => s.segment !== 'total') || bar.segments.length === 1).toBe(true);
    expect(t.notes).toHaveLength(1);
    expect(t.notes[0]).toMatch(/^\d+ värden är dolda i tabellerna i denna delningskopia/);
    // every drawn number is a number its table shows
    const shownCounts = new Set(targets.rows.flatMap((r) => r.cells.flatMap((c) => (c.kind === 'count' ? [c.value] : []))));
    for (const bar of t.bars) {
      for (const s of bar.segments) {
        const base = bar.label.startsWith('T-PART') ? 120 : bar.label.startsWith('T-NET') || bar.label.startsWith('T-COMP') || bar.label.startsWith('T-SOC') || bar.label.startsWith('T-TRANS') ? 60 : 95;
        expect(shownCounts.has(Math.round(s.value * base))).toBe(true);
      }
    }
  });
});

describe('plannedBy', () => {
  it('is the smallest whole number on track by the end of the month (T-PART rule), 120 from the last month on', () => {
    // 2024-08-01 – 2027-07-31: 1095 days; August 2024 is 31 of them: 120 × 31 / 1095 = 3.397… → 4
    expect(plannedBy('2024-08', profile.period, 120)).toBe(4);
    expect(plannedBy('2026-09', profile.period, 120)).toBe(Math.ceil((120 * 791) / 1095));
    expect(plannedBy('2027-07', profile.period, 120)).toBe(120);
    expect(plannedBy('2027-12', profile.period, 120)).toBe(120);
  });
});

/** A Monthly sheet of `totals` starters a month, `hidden` of them suppressed, with or without the total row shown. */
function monthlyOf(totals: readonly number[], hidden: ReadonlySet<number>, totalShown: boolean): SheetModel {
  let soFar = 0;
  const rows = totals.map((t, i) => {
    soFar += t;
    const cells: CellModel[] = Array.from({ length: MONTHLY_COLUMNS.planned }, () => ({ kind: 'empty' }) as const);
    cells[0] = { kind: 'month', value: `2025-${String(i + 1).padStart(2, '0')}` };
    cells[MONTHLY_COLUMNS.starters + 2] = hidden.has(i) ? { kind: 'suppressed', value: '<5' } : { kind: 'count', value: t };
    cells[MONTHLY_COLUMNS.cumulative - 1] = { kind: 'count', value: soFar };
    return { style: 'data' as const, cells };
  });
  const total: CellModel[] = [{ kind: 'text', value: 'Totalt' }, { kind: 'empty' }, { kind: 'empty' }, { kind: 'empty' }];
  total[MONTHLY_COLUMNS.starters + 2] = totalShown ? { kind: 'count', value: soFar } : { kind: 'suppressed', value: '<5' };
  return { key: 'monthly', name: 'M', headerRows: 0, frozenColumns: 0, rows: [...rows, { style: 'total', cells: total }], merges: [], wrap: [], print: { header: '', footer: '' }, pagesTall: 0 };
}

describe('protectRunningTotal', () => {
  it('hides the running total from the first hidden month on, and shows it again after the last one when the total row is shown', () => {
    const sheet = protectRunningTotal(monthlyOf([10, 3, 8, 2, 9], new Set([1, 3]), true));
    const cum = sheet.rows.slice(0, 5).map((r) => r.cells[MONTHLY_COLUMNS.cumulative - 1]!.kind);
    expect(cum).toEqual(['count', 'suppressed', 'suppressed', 'count', 'count']);
    const none = protectRunningTotal(monthlyOf([10, 3, 8, 2, 9], new Set([1, 3]), false));
    expect(none.rows.slice(0, 5).map((r) => r.cells[MONTHLY_COLUMNS.cumulative - 1]!.kind)).toEqual(['count', 'suppressed', 'suppressed', 'suppressed', 'suppressed']);
  });

  it('no hidden month can be worked out from the running totals and the months shown (interval attack)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 24 }),
        fc.array(fc.nat(23), { maxLength: 6 }),
        fc.boolean(),
        (totals, hiddenIdx, totalShown) => {
          const hidden = new Set(hiddenIdx.filter((i) => i < totals.length));
          // a single hidden month with the total shown is recoverable from the total row alone: not this function's relation
          if (hidden.size === 1 && totalShown) return;
          const sheet = protectRunningTotal(monthlyOf(totals, hidden, totalShown));
          // known running totals: before the first month (0), each shown cumulative cell, and the total row if shown
          const known: { after: number; value: number }[] = [{ after: -1, value: 0 }];
          sheet.rows.slice(0, totals.length).forEach((r, i) => {
            const c = r.cells[MONTHLY_COLUMNS.cumulative - 1]!;
            if (c.kind === 'count') known.push({ after: i, value: c.value });
          });
          if (totalShown) known.push({ after: totals.length - 1, value: totals.reduce((a, b) => a + b, 0) });
          // any two known running totals pin the sum of the months between them; with the shown
          // months subtracted, exactly one hidden month in between would be recovered
          for (const a of known) {
            for (const b of known) {
              if (b.after <= a.after) continue;
              const between = [...Array(b.after - a.after).keys()].map((k) => a.after + 1 + k);
              expect(between.filter((m) => hidden.has(m)).length).not.toBe(1);
            }
          }
        },
      ),
    );
  });
});
