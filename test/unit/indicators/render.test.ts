import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import {
  preliminaryNotice,
  renderIndicatorsCsv,
  renderIndicatorsJson,
  renderIndicatorsText,
} from '../../../src/cli/render-indicators.js';
import { computeRecords, rec } from './build.js';

const plain = new Chalk({ level: 0 });

const result = computeRecords(
  [
    rec({ gender: 'woman', disability: 'declined', exitDate: '2025-03-01', exitStatus: 'employed', networkExpanded: 'yes' }),
    rec({ gender: 'man', entryDate: '2025-02-01', employmentStatus: 'inactive', unemploymentMonths: null, isced: 6 }),
    rec({ gender: 'non_binary', entryDate: '2024-09-01', cohort: { year: 2024, half: 'HT' } }),
  ],
  '2025-Q1',
);

describe('text', () => {
  it('is an aligned table with the header, every code, targets, consistency and the views on request', () => {
    const text = renderIndicatorsText(result, 'en', plain, { file: 'x.csv', monthly: true, cohorts: true });
    const lines = text.split('\n');
    expect(lines[0]).toBe('HISSen (Helsingborg Integration SysselSättning) · 23-073-S10');
    expect(lines[1]).toBe('ESF+ indicators · Period 2025-Q1: 2025-01-01 – 2025-03-31, as of 2025-03-31');
    expect(lines[2]).toBe('Records: 3 rows, 3 counted, 0 excluded, 0 not yet entered; 0 errors, 0 warnings');
    const eeco01 = lines.find((l) => l.startsWith('EECO01'))!;
    expect(eeco01).toMatch(/^EECO01 +Participants, total +1 +1 +0 +2 +1 +1 +1 +3$/);
    // every figure row has the same width, so the columns line up in a monospaced font
    const figureRows = lines.filter((l) => /^(EEC|LEAVERS|FOLLOWUP)/.test(l));
    expect(figureRows).toHaveLength(26);
    expect(new Set(figureRows.map((l) => l.length)).size).toBe(1);
    expect(text).toMatch(/^ +declined to answer +1 +0 +0 +1 +1 +0 +0 +1$/m);
    expect(text).toMatch(/^T-EMP +Employment +25 % +30 +3 +1 +0 +0 +1 +33\.33 % +no$/m);
    expect(text).toMatch(/^T-NET +Wider network +95 % +– +1 +1 +0 +0 +1 +100\.00 % +yes +0$/m);
    expect(text).toContain('reference: Rekrytera reported 90.3 % (women 74.7 %); not a target');
    expect(text).toContain('Consistency: all 19 aggregate tests hold.');
    expect(text).toContain('No rows excluded.');
    expect(text).toMatch(/^2024-08 +0 +0 +0 +0 +0 +0 +0 +0$/m);
    expect(text).toMatch(/^2024-HT +1 \(0\/0\/1\)/m);
    expect(text).toMatch(/^2025-VT +2 \(1\/1\/0\) +1 \(1\/0\/0\)/m);
  });

  it('leaves the views out unless asked, and speaks Swedish with --lang sv', () => {
    const sv = renderIndicatorsText(result, 'sv', plain, { file: 'x.csv' });
    expect(sv).toContain('Rader: 3 rader, 3 räknas, 0 utesluts, 0 har ännu inte börjat; 0 fel, 0 varningar');
    expect(sv).toMatch(/^EECO01 +Deltagare totalt/m);
    expect(sv).toContain('Projektmål (ackumulerat till och med 2025-03-31)');
    expect(sv).toMatch(/^T-EMP +Anställning +25 % +30 +3 +1 +0 +0 +1 +33,33 % +nej$/m);
    expect(sv).toContain('Konsistens: alla 19 aggregerade kontroller håller.');
    expect(sv).not.toContain('Startade och avslutade per månad');
    expect(sv).not.toContain('Kohorter');
  });

  it('shows failing consistency tests and excluded rows with a hint', () => {
    const failing = {
      ...result,
      consistency: result.consistency.map((c) => (c.test === 'EECO03 <= EECO02' ? { ...c, holds: false } : c)),
      records: { ...result.records, excluded: 2 },
      excluded: [
        { line: 4, participantId: 'P-3', codes: ['DATE_INVALID'] },
        { line: 9, participantId: null, codes: ['ID_IS_PERSONNUMMER'] },
      ],
    };
    const text = renderIndicatorsText(failing, 'en', plain, { file: 'export.csv' });
    expect(text).toContain('Consistency: 1 of 19 aggregate tests FAIL');
    expect(text).toContain('  EECO03 <= EECO02: fails');
    expect(text).toContain('2 rows excluded from every figure because of errors (lines 4, 9); run `esf-report validate export.csv` to see why.');
  });

  it('with warnings only, says that they change no figure', () => {
    const warned = {
      ...result,
      findings: [{ severity: 'warning' as const, code: 'STATUS_6M_MISSING' as const, file: 'x.csv', line: 3, column: 'status_6m', message: '…' }],
    };
    const text = renderIndicatorsText(warned, 'en', plain, { file: 'x.csv' });
    expect(text).toContain('; 0 errors, 1 warning\n');
    expect(text).toContain('No rows excluded; 1 warning (a warning changes no figure): run `esf-report validate x.csv` to see it.');
  });

  it('marks a preliminary period, with a notice for stderr', () => {
    const prelim = { ...result, period: { ...result.period, label: '2026-Q4', start: '2026-10-01', end: '2026-12-31', asOf: '2026-11-25', preliminary: true } };
    expect(renderIndicatorsText(prelim, 'en', plain, { file: 'x' })).toContain('PRELIMINARY: the period has not ended');
    expect(preliminaryNotice(prelim, '2026-11-25', 'en')).toBe(
      'notice: the period 2026-Q4 ends on 2026-12-31, after today (2026-11-25); the figures are preliminary (as of 2026-11-25).',
    );
    expect(preliminaryNotice(prelim, '2026-11-25', 'sv')).toMatch(/^notis: perioden 2026-Q4 slutar 2026-12-31/);
  });
});

describe('csv', () => {
  it('one row per figure, scope, measure and gender; BOM and CRLF; `,` in English', () => {
    const text = renderIndicatorsCsv(result, 'en');
    expect(text.startsWith('\uFEFFcode,name,kind,scope,measure,gender,value\r\n')).toBe(true);
    const rows = text.slice(1).trimEnd().split('\r\n');
    // 23 indicators × 8 cells, 6 × 2 × 8 declined/unknown cells, 3 context rows × 8
    const figures = rows.filter((r) => /^(EEC|LEAVERS|FOLLOWUP)/.test(r));
    expect(figures).toHaveLength(23 * 8 + 12 * 8 + 3 * 8);
    expect(rows).toContain('EECO01,Total number of participants,output,period,value,women,1');
    expect(rows).toContain('EECO01,Total number of participants,output,cumulative,value,total,3');
    expect(rows).toContain('EECO12,Participants with disabilities,output,period,declined,women,1');
    expect(rows).toContain('LEAVERS,Leavers,context,period,value,total,1');
    expect(rows).toContain('EECO15,Minorities (incl. marginalised communities such as Roma),output,period,value,total,0');
    expect(rows).toContain('T-EMP,Employment,target,cumulative,rate,total,0.3333');
    expect(rows).toContain('T-EMP,Employment,target,cumulative,onTrack,total,no');
    expect(rows).toContain('T-NET,Wider network,target,cumulative,unanswered,total,0');
    expect(rows).toContain('T-TRANS,Work or studies,target,cumulative,referenceRate,women,0.747');
    expect(rows).toContain('T-TRANS,Work or studies,target,cumulative,onTrack,total,');
    expect(rows).toContain('EECO10,Upper secondary or post-secondary (ISCED 3–4),output,period,value,total,1');
  });

  it('`;`, Swedish names and a decimal comma with --lang sv; fields with the delimiter are quoted', () => {
    const text = renderIndicatorsCsv(result, 'sv');
    expect(text.startsWith('\uFEFFkod;namn;typ;omfattning;mått;kön;värde\r\n')).toBe(true);
    expect(text).toContain('\r\nT-EMP;Anställning;target;cumulative;rate;total;0,3333\r\n');
    expect(text).toContain('\r\nT-NET;Utökat nätverk;target;cumulative;onTrack;total;ja\r\n');
    expect(text).toContain('\r\nEECO01;Totalt antal deltagare;output;period;value;total;2\r\n');
    const en = renderIndicatorsCsv(result, 'en');
    expect(en).toContain('\r\nEECO02,"Unemployed, including long-term unemployed",output,');
  });
});

describe('json', () => {
  it('is the result itself, indented, with a final newline', () => {
    const text = renderIndicatorsJson(result);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(result);
  });
});
