import { describe, expect, it } from 'vitest';
import { createIndicatorAccumulator } from '../../../src/indicators/compute.js';
import { checkConsistency } from '../../../src/indicators/consistency.js';
import { CONSISTENCY_TESTS } from '../../../src/indicators/registry.js';
import { INDICATOR_CODES, IndicatorsResultSchema, type IndicatorsResult } from '../../../src/indicators/result.js';
import { luhnCheckDigit } from '../../../src/participants/personnummer.js';
import { computeCsv, computeCsvResult, computeRecords, csv, indicator, period, PROFILE, rec, split, target, totals, TODAY } from './build.js';

const ZERO = split(0);

function allHold(r: IndicatorsResult) {
  expect(r.consistency.map((c) => c.test)).toEqual([...CONSISTENCY_TESTS]);
  expect(r.consistency.filter((c) => !c.holds)).toEqual([]);
}

describe('output indicators at entry (EECO01–EECO11)', () => {
  // period 2025-Q1; E entered in 2024-Q4 (cumulative only); F enters after the window end
  const records = [
    rec({ gender: 'woman', birthDate: '1990-01-01', entryDate: '2025-01-15', employmentStatus: 'unemployed', unemploymentMonths: 3, isced: 3 }),
    rec({ gender: 'man', birthDate: '1985-02-01', entryDate: '2025-02-03', employmentStatus: 'unemployed', unemploymentMonths: 24, isced: 1 }),
    rec({ gender: 'non_binary', birthDate: '2007-06-01', entryDate: '2025-03-31', employmentStatus: 'inactive', unemploymentMonths: null, isced: 2 }),
    rec({ gender: 'woman', birthDate: '1967-01-01', entryDate: '2025-01-01', employmentStatus: 'employed', unemploymentMonths: null, isced: 6 }),
    rec({ gender: 'man', birthDate: '1999-10-01', entryDate: '2024-11-01', employmentStatus: 'unemployed', unemploymentMonths: 13, isced: 8 }),
    rec({ gender: 'woman', entryDate: '2025-04-01' }),
  ];
  const r = computeRecords(records, '2025-Q1');

  it('counts each participant at entry, period and cumulative, by gender', () => {
    const expected: Record<string, [period: number[], cumulative: number[]]> = {
      EECO01: [[2, 1, 1], [2, 2, 1]],
      EECO02: [[1, 1, 0], [1, 2, 0]],
      EECO03: [[0, 1, 0], [0, 2, 0]], // 24 months at 39; 13 months at 25
      EECO04: [[0, 0, 1], [0, 0, 1]],
      EECO05: [[1, 0, 0], [1, 0, 0]],
      EECO06: [[0, 0, 1], [0, 0, 1]], // 17
      EECO07: [[0, 0, 0], [0, 1, 0]], // 25, before the period
      EECO08: [[1, 0, 0], [1, 0, 0]], // 58
      EECO09: [[0, 1, 1], [0, 1, 1]],
      EECO10: [[1, 0, 0], [1, 0, 0]],
      EECO11: [[1, 0, 0], [1, 1, 0]],
    };
    for (const [code, [p, c]] of Object.entries(expected)) {
      expect(indicator(r, code), code).toMatchObject({ period: split(p[0]!, p[1], p[2]), cumulative: split(c[0]!, c[1], c[2]) });
    }
  });

  it('counts rows entering after the window end as not yet entered, and nowhere else', () => {
    expect(r.records).toEqual({ rows: 6, counted: 6, excluded: 0, notYetEntered: 1 });
    expect(r.period).toEqual({ label: '2025-Q1', start: '2025-01-01', end: '2025-03-31', asOf: '2025-03-31', preliminary: false });
    allHold(r);
  });

  it('lists every indicator in code order with its kind', () => {
    expect(r.indicators.map((v) => v.code)).toEqual([...INDICATOR_CODES]);
    expect(r.indicators.map((v) => v.kind)).toEqual([...Array(17).fill('output'), ...Array(4).fill('result'), 'longer-term-result', 'longer-term-result']);
    expect(indicator(r, 'EECO01').name).toBe('Total number of participants');
  });
});

describe('age at entry: 17, 18, 29, 30, 54, 55 on the entry day (29 February included)', () => {
  const rows = [
    { birth_date: '2008-02-29', entry_date: '2026-02-28' }, // 17: a 29 Feb birthday comes on 1 March in 2026
    { birth_date: '2008-02-29', entry_date: '2026-03-01' }, // 18
    { birth_date: '2008-01-20', entry_date: '2026-01-20' }, // 18 on the day
    { birth_date: '2008-01-21', entry_date: '2026-01-20' }, // 17, the day before
    { birth_date: '1996-02-29', entry_date: '2026-02-28' }, // 29
    { birth_date: '1996-02-29', entry_date: '2026-03-01' }, // 30
    { birth_date: '1996-01-21', entry_date: '2026-01-20' }, // 29, the day before
    { birth_date: '1996-01-20', entry_date: '2026-01-20' }, // 30 on the day
    { birth_date: '1971-03-15', entry_date: '2026-03-14' }, // 54
    { birth_date: '1971-03-15', entry_date: '2026-03-15' }, // 55 on the day
  ];

  it('puts each in its band (through the real reader)', async () => {
    const r = await computeCsvResult(csv(rows), '2026-Q1');
    expect(r.records.excluded).toBe(0);
    expect(totals(r, 'EECO01')).toEqual([10, 10]);
    expect(totals(r, 'EECO06')).toEqual([2, 2]);
    expect(totals(r, 'EECO07')).toEqual([4, 4]);
    expect(totals(r, 'EECO08')).toEqual([1, 1]);
    allHold(r);
  });

  it('per row', () => {
    const bands = rows.map((row) => {
      const r = computeRecords([rec({ birthDate: row.birth_date, entryDate: row.entry_date })], '2026-Q1');
      return ['EECO06', 'EECO07', 'EECO08'].find((c) => totals(r, c)[0] === 1) ?? '-';
    });
    expect(bands).toEqual(['EECO06', 'EECO07', 'EECO07', 'EECO06', 'EECO07', '-', 'EECO07', '-', '-', 'EECO08']);
  });
});

describe('long-term unemployed (EECO03): > 6 months under 25, > 12 months from 25', () => {
  const cases: [birth: string, months: string, longTerm: boolean][] = [
    ['2001-06-01', '6', false], // 24
    ['2001-06-01', '7', true], // 24
    ['2001-01-16', '12', true], // 24, turning 25 the next day
    ['2000-06-01', '12', false], // 25
    ['2000-06-01', '13', true], // 25
    ['2001-01-15', '7', false], // 25 on the entry day
  ];

  it('at the boundaries (through the real reader)', async () => {
    const r = await computeCsvResult(
      csv(cases.map(([birth, months]) => ({ birth_date: birth, entry_date: '2026-01-15', unemployment_months: months }))),
      '2026-Q1',
    );
    expect(r.records.excluded).toBe(0);
    expect(totals(r, 'EECO02')).toEqual([6, 6]);
    expect(totals(r, 'EECO03')).toEqual([3, 3]);
    for (const [birth, months, longTerm] of cases) {
      const one = await computeCsvResult(csv([{ birth_date: birth, entry_date: '2026-01-15', unemployment_months: months }]), '2026-Q1');
      expect(totals(one, 'EECO03'), `${birth} ${months}`).toEqual(longTerm ? [1, 1] : [0, 0]);
    }
  });

  it('never for someone not unemployed at entry', () => {
    const r = computeRecords([rec({ employmentStatus: 'inactive', unemploymentMonths: null })], '2025-Q1');
    expect(totals(r, 'EECO03')).toEqual([0, 0]);
  });
});

describe('sensitive answers (EECO12–EECO17): yes counts; declined and unknown are reported apart', () => {
  const r = computeRecords(
    [
      rec({ gender: 'woman', disability: 'yes', thirdCountryNational: 'declined', foreignBackground: 'yes', minority: 'unknown', rural: 'yes' }),
      rec({ gender: 'man', disability: 'declined', thirdCountryNational: 'yes', foreignBackground: 'yes', homeless: 'yes' }),
      rec({ gender: 'non_binary', disability: 'unknown', minority: 'declined', rural: 'unknown' }),
      rec({ gender: 'woman', entryDate: '2024-12-01', disability: 'yes', homeless: 'declined' }),
    ],
    '2025-Q1',
  );

  it('splits value, declined and unknown by gender, period and cumulative', () => {
    expect(indicator(r, 'EECO12')).toMatchObject({
      period: split(1, 0, 0),
      cumulative: split(2, 0, 0),
      declined: { period: split(0, 1, 0), cumulative: split(0, 1, 0) },
      unknown: { period: split(0, 0, 1), cumulative: split(0, 0, 1) },
    });
    expect(indicator(r, 'EECO13')).toMatchObject({ period: split(0, 1), declined: { period: split(1) }, unknown: { period: ZERO } });
    expect(indicator(r, 'EECO14')).toMatchObject({ period: split(1, 1), cumulative: split(1, 1) });
    expect(indicator(r, 'EECO15')).toMatchObject({ period: ZERO, declined: { period: split(0, 0, 1) }, unknown: { period: split(1) } });
    expect(indicator(r, 'EECO16')).toMatchObject({ period: split(0, 1), declined: { period: ZERO, cumulative: split(1) } });
    expect(indicator(r, 'EECO17')).toMatchObject({ period: split(1), unknown: { period: split(0, 0, 1) } });
    allHold(r);
  });

  it('only EECO12–EECO17 carry declined and unknown', () => {
    for (const v of r.indicators) {
      const sensitive = ['EECO12', 'EECO13', 'EECO14', 'EECO15', 'EECO16', 'EECO17'].includes(v.code);
      expect('declined' in v, v.code).toBe(sensitive);
      expect('unknown' in v, v.code).toBe(sensitive);
    }
  });

  it('an empty sensitive answer counts as unknown (through the real reader)', async () => {
    const out = await computeCsvResult(csv([{ disability: '' }, { disability: 'vill ej uppge' }, { disability: 'okänt' }, { disability: 'ja' }]), '2025-Q1');
    expect(indicator(out, 'EECO12')).toMatchObject({
      period: split(1),
      declined: { period: split(1) },
      unknown: { period: split(2) },
    });
  });
});

describe('results upon leaving (EECR01–EECR04): exits on the first and last day of a quarter', () => {
  const records = [
    rec({ gender: 'woman', exitDate: '2025-06-30', exitStatus: 'employed' }), // last day of Q2
    rec({ gender: 'woman', employmentStatus: 'inactive', unemploymentMonths: null, exitDate: '2025-07-01', exitStatus: 'job_searching' }), // first day of Q3
    rec({ gender: 'woman', exitDate: '2025-09-30', exitStatus: 'education_training', qualificationGained: true }), // last day of Q3
    rec({ gender: 'woman', exitDate: '2025-10-01', exitStatus: 'employed', qualificationGained: true }), // first day of Q4
    rec({ gender: 'woman', exitDate: '2025-08-01', exitStatus: 'job_searching', qualificationGained: false }), // unemployed: not EECR01
    rec({ gender: 'man', exitDate: '2025-08-15', exitStatus: 'self_employed' }),
  ];

  it('counts exits inside [period start, window end] in the period, earlier ones cumulatively', () => {
    const q3 = computeRecords(records, '2025-Q3');
    expect(indicator(q3, 'LEAVERS')).toMatchObject({ period: split(3, 1), cumulative: split(4, 1) });
    expect(indicator(q3, 'EECR01')).toMatchObject({ period: split(1), cumulative: split(1) });
    expect(indicator(q3, 'EECR02')).toMatchObject({ period: split(1), cumulative: split(1) });
    expect(indicator(q3, 'EECR03')).toMatchObject({ period: split(1), cumulative: split(1) });
    expect(indicator(q3, 'EECR04')).toMatchObject({ period: split(0, 1), cumulative: split(1, 1) });
    allHold(q3);
  });

  it('the last day of Q2 belongs to Q2, the first day of Q4 to Q4', () => {
    const q2 = computeRecords(records, '2025-Q2');
    expect(totals(q2, 'LEAVERS')).toEqual([1, 1]);
    expect(totals(q2, 'EECR04')).toEqual([1, 1]);
    const q4 = computeRecords(records, '2025-Q4');
    expect(totals(q4, 'LEAVERS')).toEqual([1, 6]);
    expect(totals(q4, 'EECR04')).toEqual([1, 3]);
    expect(totals(q4, 'EECR03')).toEqual([1, 2]);
  });

  it('an exit after the reference date is not yet an exit: its answers are not used', () => {
    const r = computeRecords(records, { period: '2025-Q3', asOf: '2025-08-01' });
    expect(r.period).toMatchObject({ end: '2025-09-30', asOf: '2025-08-01' });
    expect(totals(r, 'LEAVERS')).toEqual([2, 3]); // 07-01 and 08-01, and 06-30 before the period; not 08-15 or 09-30
    expect(totals(r, 'EECR02')).toEqual([0, 0]);
    expect(totals(r, 'EECR04')).toEqual([0, 1]);
  });
});

describe('six-month results (EECR05, EECR06) and follow-ups', () => {
  const records = [
    rec({ exitDate: '2025-08-31', exitStatus: 'job_searching', status6m: 'employed' }), // → 2026-02-28
    rec({ exitDate: '2025-08-30', exitStatus: 'job_searching', status6m: 'employed' }), // → 2026-02-28
    rec({ exitDate: '2025-09-15', exitStatus: 'job_searching', status6m: null }), // → 2026-03-15, missing
    rec({ exitDate: '2025-09-20', exitStatus: 'job_searching', status6m: 'unknown' }), // → 2026-03-20, missing
    rec({ exitDate: '2025-09-25', exitStatus: 'job_searching', status6m: 'inactive' }), // → 2026-03-25
    rec({
      gender: 'man',
      employmentStatus: 'employed',
      unemploymentMonths: null,
      exitDate: '2025-12-31',
      exitStatus: 'employed',
      status6m: 'self_employed',
      improvedSituation6m: true,
    }), // → 2026-06-30, the last day of Q2
    rec({ exitDate: '2025-12-30', exitStatus: 'employed', status6m: 'employed', improvedSituation6m: true }), // → 2026-06-30; not employed at entry: not EECR06
    rec({
      gender: 'man',
      employmentStatus: 'employed',
      unemploymentMonths: null,
      exitDate: '2026-01-01',
      exitStatus: 'employed',
      status6m: 'inactive',
      improvedSituation6m: true,
    }), // → 2026-07-01, the first day of Q3; EECR06 does not consult status_6m
  ];

  it('six months from 31 August is 28 February', () => {
    const q1 = computeRecords(records, '2026-Q1');
    expect(indicator(q1, 'FOLLOWUP_DUE')).toMatchObject({ period: split(5), cumulative: split(5) });
    expect(indicator(q1, 'FOLLOWUP_MISSING')).toMatchObject({ period: split(2), cumulative: split(2) });
    expect(indicator(q1, 'EECR05')).toMatchObject({ period: split(2), cumulative: split(2) });
    expect(totals(q1, 'EECR06')).toEqual([0, 0]);
    const feb = computeRecords(records, '2026-02');
    expect(totals(feb, 'FOLLOWUP_DUE')).toEqual([2, 2]);
    const q4 = computeRecords(records, '2025-Q4');
    expect(totals(q4, 'FOLLOWUP_DUE')).toEqual([0, 0]);
    expect(totals(q4, 'EECR05')).toEqual([0, 0]);
    allHold(q1);
  });

  it('six months from 31 December is 30 June', () => {
    const q2 = computeRecords(records, '2026-Q2');
    expect(indicator(q2, 'FOLLOWUP_DUE')).toMatchObject({ period: split(1, 1), cumulative: split(6, 1) });
    expect(indicator(q2, 'EECR05')).toMatchObject({ period: split(1, 1), cumulative: split(3, 1) });
    expect(indicator(q2, 'EECR06')).toMatchObject({ period: split(0, 1), cumulative: split(0, 1) });
    expect(totals(q2, 'EECO05')).toEqual([0, 2]);
    allHold(q2);
    const q3 = computeRecords(records, '2026-Q3');
    expect(indicator(q3, 'FOLLOWUP_DUE')).toMatchObject({ period: split(0, 1), cumulative: split(6, 2) });
    expect(indicator(q3, 'EECR06')).toMatchObject({ period: split(0, 1), cumulative: split(0, 2) });
    expect(totals(q3, 'EECR05')).toEqual([0, 4]);
  });

  it('EECR06 <= EECO05 is judged on cumulative values only', () => {
    // the six-month result falls in 2026-Q2 but the entry was in 2025: EECR06 period 1 > EECO05 period 0
    const q2 = computeRecords(records, '2026-Q2');
    expect(indicator(q2, 'EECR06').period.total).toBeGreaterThan(indicator(q2, 'EECO05').period.total);
    expect(q2.consistency.find((c) => c.test === 'EECR06 <= EECO05')!.holds).toBe(true);
  });

  it('a follow-up not yet due is neither due nor missing', () => {
    const r = computeRecords([rec({ exitDate: '2026-06-01', exitStatus: 'job_searching' })], '2026-Q4');
    expect(totals(r, 'LEAVERS')).toEqual([0, 1]);
    expect(totals(r, 'FOLLOWUP_DUE')).toEqual([0, 0]); // due 2026-12-01, after today
    expect(totals(r, 'FOLLOWUP_MISSING')).toEqual([0, 0]);
  });

  it('follow-up due but missing, through the real reader (a warning: the row counts)', async () => {
    const outcome = await computeCsv(
      csv([
        { exit_date: '2025-09-15', exit_status: 'job_searching' },
        { exit_date: '2025-09-16', exit_status: 'job_searching', status_6m: 'okänt' },
        { exit_date: '2025-09-17', exit_status: 'job_searching', status_6m: 'anställd' },
      ]),
      '2026-Q1',
    );
    if (!outcome.usable) throw new Error('unusable');
    expect(outcome.summary.findings.map((f) => `${f.code}@${f.line}`)).toEqual(['STATUS_6M_MISSING@2']);
    expect(outcome.result.records).toEqual({ rows: 3, counted: 3, excluded: 0, notYetEntered: 0 });
    expect(totals(outcome.result, 'FOLLOWUP_DUE')).toEqual([3, 3]);
    expect(totals(outcome.result, 'FOLLOWUP_MISSING')).toEqual([2, 2]);
    expect(totals(outcome.result, 'EECR05')).toEqual([1, 1]);
    expect(outcome.result.findings[0]).toMatchObject({ severity: 'warning', code: 'STATUS_6M_MISSING', file: 'test.csv', line: 2, column: 'status_6m' });
  });
});

describe('excluded rows', () => {
  const idThatIsPnr = `19900101238${luhnCheckDigit('900101238')}`;
  const header = csv([]).trimEnd();
  const text = [
    header,
    csv([{ participant_id: 'P-A', entry_date: '2025-01-10' }]).split('\n')[1],
    '', // a blank line: not a row, but a physical line
    csv([{ participant_id: 'P-B', entry_date: '2025-02-30', gender: '' }]).split('\n')[1],
    csv([{ participant_id: idThatIsPnr }]).split('\n')[1],
    csv([{ participant_id: 'P-A', gender: 'man' }]).split('\n')[1],
    csv([{ participant_id: 'P-C', cohort: 'spring' }]).split('\n')[1],
    csv([{ participant_id: 'P-D', entry_date: '2025-02-10', exit_date: '2025-01-31' }]).split('\n')[1],
  ].join('\n');

  it('count nowhere, are listed by line with their participantId and distinct error codes, sorted', async () => {
    const outcome = await computeCsv(`${text}\n`, '2025-Q1');
    if (!outcome.usable) throw new Error('unusable');
    const r = outcome.result;
    expect(r.records).toEqual({ rows: 6, counted: 2, excluded: 4, notYetEntered: 0 });
    expect(r.excluded).toEqual([
      { line: 4, participantId: 'P-B', codes: ['DATE_INVALID', 'VALUE_MISSING'] },
      { line: 5, participantId: null, codes: ['ID_IS_PERSONNUMMER'] },
      { line: 6, participantId: 'P-A', codes: ['ID_DUPLICATE'] },
      { line: 8, participantId: 'P-D', codes: ['EXIT_BEFORE_ENTRY'] },
    ]);
    expect(indicator(r, 'EECO01')).toMatchObject({ period: split(2), cumulative: split(2) });
    expect(totals(r, 'LEAVERS')).toEqual([0, 0]);
    expect(target(r, 'T-GEN').base).toBe(2);
    expect(r.findings.filter((f) => f.severity === 'warning').map((f) => f.code)).toEqual(['COHORT_INVALID']);
    allHold(r);
  });

  it('a row whose errors all belong to it keeps its codes distinct (two columns, one code)', async () => {
    const r = await computeCsvResult(csv([{ entry_date: '2025-13-01', exit_date: '2025-02-30' }]), '2025-Q1');
    expect(r.excluded).toEqual([{ line: 2, participantId: 'P-0001', codes: ['DATE_INVALID'] }]);
  });

  it('an unusable file gives only schema, project and findings', async () => {
    const outcome = await computeCsv('participant_id,gender\nP-1,woman\n', '2025-Q1');
    expect(outcome.usable).toBe(false);
    expect(Object.keys(outcome.result)).toEqual(['schema', 'project', 'findings']);
    expect(outcome.result.findings.every((f) => f.line === null)).toBe(true);
    expect(outcome.result.findings.map((f) => f.code)).toContain('COLUMN_MISSING');
  });
});

describe('the reference date inside the period', () => {
  it('a participant entering after it is not yet one; outcomes after it are not yet achieved', () => {
    const r = computeRecords(
      [
        rec({ entryDate: '2025-08-20' }),
        rec({ entryDate: '2025-07-10', exitDate: '2025-08-20', exitStatus: 'employed' }),
        rec({ entryDate: '2025-07-10', employmentStart: '2025-08-16' }),
        rec({ entryDate: '2025-07-10', employmentStart: '2025-08-15', workTrainingStart: '2025-08-16' }),
      ],
      { period: '2025-Q3', asOf: '2025-08-15' },
    );
    expect(r.records.notYetEntered).toBe(1);
    expect(totals(r, 'EECO01')).toEqual([3, 3]);
    expect(totals(r, 'LEAVERS')).toEqual([0, 0]);
    expect(totals(r, 'EECR04')).toEqual([0, 0]);
    expect(target(r, 'T-EMP').achieved.total).toBe(1);
    expect(target(r, 'T-WT').achieved.total).toBe(0);
  });
});

describe('project targets', () => {
  const records = [
    rec({ gender: 'woman', employmentStart: '2025-06-01' }),
    rec({ gender: 'man', employmentStatus: 'employed', unemploymentMonths: null, employmentStart: '2025-06-01' }),
    rec({ gender: 'woman', exitDate: '2025-10-01', exitStatus: 'self_employed', networkExpanded: 'yes', competenceImproved: 'no', understandingImproved: 'unknown' }),
    rec({ gender: 'man', employmentStatus: 'inactive', unemploymentMonths: null, workTrainingStart: '2025-03-01', studiesStart: '2025-05-01' }),
    rec({ gender: 'woman', exitDate: '2025-11-01', exitStatus: 'education_training', networkExpanded: 'unknown', competenceImproved: 'yes', understandingImproved: 'yes' }),
    rec({ gender: 'non_binary', exitDate: '2025-12-31', exitStatus: 'other', studiesStart: '2025-12-01', networkExpanded: 'no' }),
    rec({ gender: 'woman', employmentStart: '2026-01-05' }),
    rec({ gender: 'woman', exitDate: '2026-01-10', exitStatus: 'employed' }),
  ];
  const r = computeRecords(records, '2025-Q4');
  // window end 2025-12-31: 518 of the project's 1095 days (both ends counted)

  it('reports every target in the table order, with exact counts and rates', () => {
    expect(r.targets.map((t) => t.id)).toEqual(['T-PART', 'T-GEN', 'T-EMP', 'T-WT', 'T-STU', 'T-NET', 'T-COMP', 'T-SOC', 'T-TRANS']);
    expect(target(r, 'T-PART')).toEqual({
      id: 'T-PART', name: 'Participants', targetRate: 1, targetCount: 120, base: 120,
      achieved: split(5, 2, 1), rate: 0.0667, onTrack: false,
    });
    expect(target(r, 'T-GEN')).toEqual({
      id: 'T-GEN', name: 'Gender balance', targetRate: 0.5, targetCount: 60, base: 8,
      achieved: split(5, 2, 1), rate: 0.625, onTrack: false,
    });
    expect(target(r, 'T-EMP')).toEqual({
      id: 'T-EMP', name: 'Employment', targetRate: 0.25, targetCount: 30, base: 8,
      achieved: split(2), rate: 0.25, onTrack: false,
    });
    expect(target(r, 'T-WT')).toEqual({
      id: 'T-WT', name: 'Work training', targetRate: 0.4, targetCount: 48, base: 8,
      achieved: split(0, 1), rate: 0.125, onTrack: false,
    });
    expect(target(r, 'T-STU')).toEqual({
      id: 'T-STU', name: 'Studies', targetRate: 0.2, targetCount: 24, base: 8,
      achieved: split(1, 1, 1), rate: 0.375, onTrack: false,
    });
    expect(target(r, 'T-NET')).toEqual({
      id: 'T-NET', name: 'Wider network', targetRate: 0.95, targetCount: null, base: 3,
      achieved: split(1), unanswered: split(1), rate: 0.3333, onTrack: false,
    });
    expect(target(r, 'T-COMP')).toEqual({
      id: 'T-COMP', name: 'Labour-market competence', targetRate: 0.9, targetCount: null, base: 3,
      achieved: split(1), unanswered: split(0, 0, 1), rate: 0.3333, onTrack: false,
    });
    expect(target(r, 'T-SOC')).toEqual({
      id: 'T-SOC', name: 'Understanding of society', targetRate: 0.9, targetCount: null, base: 3,
      achieved: split(1), unanswered: split(1, 0, 1), rate: 0.3333, onTrack: false,
    });
    expect(target(r, 'T-TRANS')).toEqual({
      id: 'T-TRANS', name: 'Work or studies', targetRate: null, targetCount: null, base: 3,
      achieved: split(2, 0, 1), rate: 1, onTrack: null,
      reference: { name: 'Rekrytera', rate: 0.903, women: 0.747 },
    });
    allHold(r);
  });

  it('T-PART is on track once achieved ≥ 120 × elapsed share', () => {
    // 58 × 1095 = 63510 ≥ 120 × 518 = 62160; 56 × 1095 = 61320 < 62160
    const many = (n: number) => Array.from({ length: n }, () => rec({ entryDate: '2025-03-01' }));
    expect(target(computeRecords(many(57), '2025-Q4'), 'T-PART').onTrack).toBe(true);
    expect(target(computeRecords(many(56), '2025-Q4'), 'T-PART').onTrack).toBe(false);
  });

  it('with nobody entered: rates and onTrack null where the base is 0', () => {
    const empty = computeRecords([], '2024-Q3');
    expect(target(empty, 'T-PART')).toMatchObject({ base: 120, rate: 0, onTrack: false });
    for (const id of ['T-GEN', 'T-EMP', 'T-WT', 'T-STU', 'T-NET', 'T-COMP', 'T-SOC', 'T-TRANS']) {
      expect(target(empty, id), id).toMatchObject({ base: 0, rate: null, onTrack: null });
    }
    expect(empty.records).toEqual({ rows: 0, counted: 0, excluded: 0, notYetEntered: 0 });
    allHold(empty);
  });

  it('a profile without a target leaves it out; T-TRANS stays, with reference null when the profile has none', () => {
    const profile = { ...PROFILE, targets: PROFILE.targets.filter((t) => t.id !== 'T-WT'), reference: null };
    const p = period({ period: '2025-Q4' });
    const acc = createIndicatorAccumulator(profile, { period: p, asOf: p.asOf, today: TODAY });
    const out = acc.finish({ rows: 0, findings: [] });
    expect(out.targets.map((t) => t.id)).toEqual(['T-PART', 'T-GEN', 'T-EMP', 'T-STU', 'T-NET', 'T-COMP', 'T-SOC', 'T-TRANS']);
    expect(target(out, 'T-TRANS').reference).toBeNull();
  });
});

describe('monthly and cohort views', () => {
  const records = [
    rec({ gender: 'woman', entryDate: '2024-08-05', exitDate: '2024-11-01', exitStatus: 'employed', cohort: { year: 2024, half: 'HT' } }),
    rec({ gender: 'man', entryDate: '2024-09-01', exitDate: '2025-01-31', exitStatus: 'education_training' }),
    rec({ gender: 'non_binary', entryDate: '2025-01-20', workTrainingStart: '2025-02-01', employmentStart: '2025-03-01' }),
    rec({ gender: 'woman', entryDate: '2025-02-03', exitDate: '2025-04-02', exitStatus: 'job_searching' }),
    rec({ gender: 'woman', entryDate: '2025-01-20', cohort: { year: 2024, half: 'HT' } }), // a late joiner kept in its cohort
  ];
  const r = computeRecords(records, '2025-Q1');

  it('lists starters and leavers for every month from the project start to the window end', () => {
    expect(r.monthly.map((m) => m.month)).toEqual(['2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03']);
    const m = Object.fromEntries(r.monthly.map((x) => [x.month, x]));
    expect(m['2024-08']).toEqual({ month: '2024-08', starters: split(1), leavers: ZERO });
    expect(m['2024-09']).toEqual({ month: '2024-09', starters: split(0, 1), leavers: ZERO });
    expect(m['2024-10']).toEqual({ month: '2024-10', starters: ZERO, leavers: ZERO });
    expect(m['2024-11']).toEqual({ month: '2024-11', starters: ZERO, leavers: split(1) });
    expect(m['2025-01']).toEqual({ month: '2025-01', starters: split(1, 0, 1), leavers: split(0, 1) });
    expect(m['2025-02']).toEqual({ month: '2025-02', starters: split(1), leavers: ZERO });
    expect(m['2025-03']).toEqual({ month: '2025-03', starters: ZERO, leavers: ZERO }); // the April exit is after the window
  });

  it('gives per cohort (as recorded, else from the entry date) starters, leavers and outcomes', () => {
    expect(r.cohorts).toEqual([
      { cohort: '2024-HT', starters: split(2, 1), leavers: split(1, 1), employed: split(1), studies: split(0, 1), workTraining: ZERO },
      { cohort: '2025-VT', starters: split(1, 0, 1), leavers: ZERO, employed: ZERO, studies: ZERO, workTraining: split(0, 0, 1) },
    ]);
  });
});

describe('consistency tests', () => {
  it('are reported in the spec order, and a broken figure is not hidden', () => {
    const r = computeRecords([rec(), rec({ gender: 'man', unemploymentMonths: 30 })], '2025-Q1');
    allHold(r);
    const broken = {
      ...r,
      indicators: r.indicators.map((v) => (v.code === 'EECO03' ? { ...v, cumulative: { ...v.cumulative, men: 2, total: 2 } } : v)),
    };
    const results = checkConsistency(broken);
    expect(results.filter((c) => !c.holds).map((c) => c.test)).toEqual(['EECO03 <= EECO02']);
    const badTotal = {
      ...r,
      context: r.context.map((v) => (v.code === 'LEAVERS' ? { ...v, period: { ...v.period, total: 1 } } : v)),
    };
    expect(checkConsistency(badTotal).filter((c) => !c.holds).map((c) => c.test)).toEqual(['women + men + nonBinary = total', 'cumulative >= period']);
  });
});

describe('the JSON document', () => {
  it('has the spec shape, field order included', () => {
    const r = computeRecords([rec({ exitDate: '2025-03-01', exitStatus: 'employed' })], '2025-Q1');
    expect(Object.keys(r)).toEqual([
      'schema', 'project', 'period', 'records', 'indicators', 'context', 'targets', 'consistency', 'excluded', 'findings', 'monthly', 'cohorts',
    ]);
    expect(r.schema).toBe('esf-report/indicators@1');
    expect(r.project).toEqual({ id: '23-073-S10', name: 'HISSen (Helsingborg Integration SysselSättning)' });
    expect(Object.keys(r.indicators[0]!)).toEqual(['code', 'name', 'kind', 'period', 'cumulative']);
    expect(Object.keys(indicator(r, 'EECO12'))).toEqual(['code', 'name', 'kind', 'period', 'cumulative', 'declined', 'unknown']);
    expect(r.context.map((c) => c.code)).toEqual(['LEAVERS', 'FOLLOWUP_DUE', 'FOLLOWUP_MISSING']);
    expect(Object.keys(r.context[0]!)).toEqual(['code', 'name', 'period', 'cumulative']);
    expect(Object.keys(target(r, 'T-EMP'))).toEqual(['id', 'name', 'targetRate', 'targetCount', 'base', 'achieved', 'rate', 'onTrack']);
    expect(Object.keys(target(r, 'T-NET'))).toEqual(['id', 'name', 'targetRate', 'targetCount', 'base', 'achieved', 'unanswered', 'rate', 'onTrack']);
    expect(Object.keys(target(r, 'T-TRANS'))).toEqual(['id', 'name', 'targetRate', 'targetCount', 'base', 'achieved', 'rate', 'onTrack', 'reference']);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r); // nothing undefined, nothing lost
    expect(IndicatorsResultSchema.strict().safeParse(r).error).toBeUndefined();
  });
});
