import { describe, expect, it } from 'vitest';
import { buildWorkbookModel } from '../../../src/report/build-model.js';
import { makeFigures } from '../../../src/report/figures.js';
import type { CellStatus, SuppressionPlan } from '../../../src/report/suppress/protect.js';
import { text } from '../../../src/report/model.js';
import { escapeHeaderFooter } from '../../../src/report/sheet-context.js';
import { sortFindings } from '../../../src/report/sheets/data-quality.js';
import { builtInProfile, labelsFor, sampleMeta, sampleResult } from './sample.js';

const profile = builtInProfile();

describe('buildWorkbookModel', () => {
  it('plans the sheets in order, named from the template', () => {
    const model = buildWorkbookModel(sampleResult(), profile, labelsFor('sv'), sampleMeta());
    expect(model.sheets.map((s) => s.key)).toEqual(['summary', 'indicators', 'targets', 'monthly', 'cohorts', 'dataQuality', 'about']);
    expect(model.sheets.map((s) => s.name)).toEqual(['Sammanfattning', 'Indikatorer', 'Projektmål', 'Per månad', 'Kohorter', 'Datakvalitet', 'Om rapporten']);
  });

  it('is pure: the same input gives the same model', () => {
    const a = buildWorkbookModel(sampleResult(), profile, labelsFor('en'), sampleMeta());
    const b = buildWorkbookModel(sampleResult(), profile, labelsFor('en'), sampleMeta());
    expect(a).toEqual(b);
  });

  it('only the About sheet and the document dates depend on the generation time', () => {
    const a = buildWorkbookModel(sampleResult(), profile, labelsFor('sv'), sampleMeta());
    const b = buildWorkbookModel(sampleResult(), profile, labelsFor('sv'), sampleMeta({ generatedAt: '2030-01-01T00:00:00.000Z' }));
    expect(a.sheets.slice(0, -1)).toEqual(b.sheets.slice(0, -1));
    expect(a.sheets.at(-1)).not.toEqual(b.sheets.at(-1));
    expect(b.properties.created).toBe('2030-01-01T00:00:00.000Z');
  });

  it('Indicators: group titles, code order, declined and unknown under EECO12–17, then the context rows', () => {
    const result = sampleResult();
    const sheet = buildWorkbookModel(result, profile, labelsFor('en'), sampleMeta()).sheets[1]!;
    const firstCells = sheet.rows.map((r) => (r.cells[0]?.kind === 'text' ? r.cells[0].value : ''));
    const groups = sheet.rows.filter((r) => r.style === 'group').map((r) => (r.cells[0] as { value: string }).value);
    expect(groups).toEqual([
      'Output indicators (at entry)',
      'Result indicators (upon leaving)',
      'Longer-term result indicators (six months after leaving)',
      'Context (not indicators)',
    ]);
    const codes = firstCells.filter((c) => /^EEC[OR]\d\d$/.test(c));
    expect(codes).toEqual(result.indicators.map((i) => i.code));
    expect(firstCells.slice(-3)).toEqual(['LEAVERS', 'FOLLOWUP_DUE', 'FOLLOWUP_MISSING']);
    // EECO12 is followed by its declined and unknown rows
    const at = firstCells.indexOf('EECO12');
    expect(sheet.rows[at + 1]!.cells[1]).toEqual({ kind: 'text', value: 'declined to answer', indent: 1 });
    expect(sheet.rows[at + 1]!.cells.slice(2, 6)).toEqual([1, 0, 0, 1].map((value) => ({ kind: 'count', value })));
    expect(sheet.rows[at + 2]!.cells[1]).toMatchObject({ value: 'unknown or no answer' });
    expect(sheet.headerRows).toBe(2);
  });

  it('Targets: unanswered beneath T-NET, T-COMP, T-SOC; Rekrytera beneath T-TRANS', () => {
    const sheet = buildWorkbookModel(sampleResult(), profile, labelsFor('sv'), sampleMeta()).sheets[2]!;
    const ids = sheet.rows.map((r) => (r.cells[0]?.kind === 'text' ? r.cells[0].value : r.cells[1]?.kind === 'text' ? `  ${r.cells[1].value}` : ''));
    expect(ids.slice(2)).toEqual([
      'T-PART',
      'T-GEN',
      'T-EMP',
      'T-WT',
      'T-STU',
      'T-NET',
      '  varav utan svar',
      'T-COMP',
      '  varav utan svar',
      'T-SOC',
      '  varav utan svar',
      'T-TRANS',
      '  Jämförelse: Rekrytera, alla deltagare',
      '  Jämförelse: Rekrytera, kvinnor',
    ]);
    const ref = sheet.rows.at(-2)!.cells;
    expect(ref[9]).toEqual({ kind: 'rate', value: 0.903 });
    expect(sheet.rows.at(-1)!.cells[9]).toEqual({ kind: 'rate', value: 0.747 });
  });

  it('Data quality: participant IDs joined from the excluded rows by line; findings in line order', () => {
    const sheet = buildWorkbookModel(sampleResult(), profile, labelsFor('en'), sampleMeta()).sheets[5]!;
    const rows = sheet.rows.slice(1, 7).map((r) => r.cells.slice(0, 7).map((c) => ('value' in c ? c.value : null)));
    expect(rows).toEqual([
      [1, null, 'no', 'warning', 'COLUMN_UNKNOWN', 'notes', 'unknown column "notes" ignored'],
      [14, 'P-0013', 'yes', 'error', 'DATE_INVALID', 'entry_date', 'entry_date: "2025-02-30" is not a day'],
      [20, null, 'yes', 'error', 'ID_IS_PERSONNUMMER', 'participant_id', 'participant_id is a personnummer ([personnummer])'],
      [22, null, 'no', 'warning', 'STATUS_6M_MISSING', 'status_6m', 'status_6m: not recorded'],
      [31, 'P-0030', 'yes', 'error', 'EXIT_BEFORE_ENTRY', 'exit_date', 'exit_date before entry_date'],
      [31, 'P-0030', 'yes', 'error', 'VALUE_MISSING', 'gender', 'gender: missing'],
    ]);
    // the consistency tests beside the findings, after a blank column, one per row from the first
    const tests = sheet.rows.slice(1).map((r) => r.cells.slice(7).map((c) => ('value' in c ? c.value : c.kind)));
    expect(tests.every((t) => t[0] === 'blank')).toBe(true);
    expect(tests.map((t) => [t[1], t[2]])).toEqual(sampleResult().consistency.map((c) => [c.test, c.holds ? 'yes' : 'no']));
    expect(sheet.rows[0]!.cells.slice(7).map((c) => ('value' in c ? c.value : c.kind))).toEqual(['blank', 'Consistency test', 'Holds']);
  });

  it('Data quality says so when there are no findings', () => {
    const result = { ...sampleResult(), findings: [], excluded: [] };
    const sheet = buildWorkbookModel(result, profile, labelsFor('en'), sampleMeta()).sheets[5]!;
    expect(sheet.rows[1]!.cells[0]).toEqual(text('No findings.'));
    expect(sheet.merges).toEqual([{ top: 2, left: 1, bottom: 2, right: 7 }]);
    expect(sheet.rows).toHaveLength(1 + sampleResult().consistency.length);
  });

  it('Monthly ends with a total row', () => {
    const sheet = buildWorkbookModel(sampleResult(), profile, labelsFor('en'), sampleMeta()).sheets[3]!;
    expect(sheet.rows[2]!.cells[0]).toEqual({ kind: 'month', value: '2025-04' });
    const total = sheet.rows.at(-1)!;
    expect(total.style).toBe('total');
    expect(total.cells.slice(1).map((c) => ('value' in c ? c.value : null))).toEqual([9, 10, 0, 19, 4, 5, 1, 10]);
  });

  it('the finance extension adds its sheet after Targets with the common print setup', () => {
    const model = buildWorkbookModel(sampleResult(), profile, labelsFor('en'), sampleMeta(), {
      financeSheet: ({ name, print }) => ({
        key: 'financing',
        name,
        headerRows: 1,
        frozenColumns: 0,
        rows: [{ style: 'header', cells: [text('Quarter')] }],
        merges: [],
        wrap: [],
        print,
        pagesTall: 0,
      }),
    });
    expect(model.sheets.map((s) => s.name)).toEqual(['Summary', 'Indicators', 'Targets', 'Financing', 'Monthly', 'Cohorts', 'Data quality', 'About']);
    expect(model.sheets[3]!.print.footer).toBe(model.sheets[0]!.print.footer);
    expect(model.sheets[3]!.print.header).toContain('Financing');
  });

  it('document properties and the footer', () => {
    const model = buildWorkbookModel(sampleResult(), profile, labelsFor('en'), sampleMeta());
    expect(model.properties).toEqual({
      title: 'ESF+ report 23-073-S10 HISSen (Helsingborg Integration SysselSättning), period 2025-Q2',
      subject: 'ESF+ indicators, project targets and data quality for 23-073-S10, period 2025-Q2 (2025-04-01 – 2025-06-30), as of 2025-06-30',
      keywords: 'ESF+, indicators, 23-073-S10',
      company: 'Stiftelsen Tillväxt Helsingborg',
      creator: 'esf-report',
      created: '2025-07-01T08:30:00.000Z',
    });
    expect(model.sheets[0]!.print.footer).toBe('&L23-073-S10&CPeriod 2025-Q2&Rpage &P of &N');
    expect(model.sheets[1]!.print.header).toBe('&L&BIndicators&B&RHISSen (Helsingborg Integration SysselSättning)');
  });

  it('rejects a suppression threshold below 2', () => {
    expect(() => buildWorkbookModel(sampleResult(), profile, labelsFor('en'), sampleMeta({ suppressBelow: 1 }))).toThrow();
  });
});

describe('suppression', () => {
  const plan: SuppressionPlan = {
    threshold: 5,
    status: new Map<string, CellStatus>([
      ['a', 'shown'],
      ['b', 'primary'],
      ['c', 'secondary'],
      ['z', 'shown'],
    ]),
    values: new Map([
      ['a', 12],
      ['b', 3],
      ['c', 40],
      ['z', 0],
    ]),
    primary: 1,
    secondary: 1,
  };
  const f = makeFigures(plan, { hidden: 'hidden', notApplicable: '–' });
  it('shows what the plan shows and one mark for whatever it hides, primary or secondary', () => {
    expect(['a', 'b', 'c', 'z'].map((k) => f.count(k, plan.values.get(k)!))).toEqual([
      { kind: 'count', value: 12 },
      { kind: 'suppressed', value: 'hidden' },
      { kind: 'suppressed', value: 'hidden' },
      { kind: 'count', value: 0 },
    ]);
  });
  it('refuses a figure the plan does not know, or one stated with another value (a bug, never an unaudited figure)', () => {
    expect(() => f.count('unknown', 1)).toThrow(/does not know/);
    expect(() => f.count('a', 13)).toThrow(/is 13 in the workbook but 12/);
  });
  it('hides a rate or a mark built on a hidden count', () => {
    expect(f.rate(0.75, ['b', 'a'])).toEqual({ kind: 'suppressed', value: 'hidden' });
    expect(f.rate(0.75, ['a', 'c'])).toEqual({ kind: 'suppressed', value: 'hidden' });
    expect(f.rate(0.5, ['a'])).toEqual({ kind: 'rate', value: 0.5 });
    expect(f.rate(null, ['z'])).toEqual({ kind: 'text', value: '–' });
    expect(f.derived(text('yes'), ['b'])).toEqual({ kind: 'suppressed', value: 'hidden' });
    expect(f.derived(text('yes'), ['a'])).toEqual(text('yes'));
  });
  it('hides nothing without a plan', () => {
    const none = makeFigures(null, { hidden: 'hidden', notApplicable: '–' });
    expect(none.count('anything', 1)).toEqual({ kind: 'count', value: 1 });
  });
  it('the About and Summary sheets say it is a shared copy, how many cells are hidden and by which rule', () => {
    const model = buildWorkbookModel(sampleResult(), profile, labelsFor('en'), sampleMeta({ suppressBelow: 5 }));
    const s = model.sharedCopy!;
    expect(s.threshold).toBe(5);
    expect(s.primary).toBeGreaterThan(0);
    const notesOf = (i: number) => model.sheets.at(i)!.rows.filter((r) => r.style === 'note').map((r) => (r.cells[0] as { value: string }).value);
    const about = notesOf(-1).find((n) => n.startsWith('SHARED COPY (--suppress-below 5)'))!;
    expect(about).toContain(`${s.primary + s.secondary} figures are hidden. Primary rule: every count from 1 to 4 (${s.primary} figures`);
    expect(about).toContain(`Secondary rule: ${s.secondary} further figures`);
    expect(notesOf(0)[0]).toMatch(new RegExp(`^SHARED COPY, not the funder's copy: ${s.primary + s.secondary} figures are hidden`));
  });
  it("the funder's copy has no shared-copy note and no summary of hidden cells", () => {
    const model = buildWorkbookModel(sampleResult(), profile, labelsFor('en'), sampleMeta());
    expect(model.sharedCopy).toBeNull();
    expect(model.sheets.flatMap((s) => s.rows).some((r) => r.cells.some((c) => c.kind === 'suppressed'))).toBe(false);
  });
});

describe('helpers', () => {
  it('escapes & in page headers and footers', () => {
    expect(escapeHeaderFooter('R&D')).toBe('R&&D');
  });
  it('sorts findings deterministically: file-level first, then line, errors first, then code', () => {
    const f = sampleResult().findings;
    expect(sortFindings(f).map((x) => `${x.line}:${x.code}`)).toEqual([
      '1:COLUMN_UNKNOWN',
      '14:DATE_INVALID',
      '20:ID_IS_PERSONNUMMER',
      '22:STATUS_6M_MISSING',
      '31:EXIT_BEFORE_ENTRY',
      '31:VALUE_MISSING',
    ]);
  });
});
