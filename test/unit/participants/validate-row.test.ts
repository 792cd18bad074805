import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../../src/participants/personnummer.js';
import { BASE_ROW, csv, readText, rowCodes } from '../../helpers/participants.js';

/** A synthetic personnummer (individual number 98x) for a birth date and legal gender. */
function pnr(birth: string, gender: 'woman' | 'man', twelve = true): string {
  const yymmdd = birth.slice(2).replace(/-/g, '');
  const serial = gender === 'man' ? '981' : '982';
  const c = luhnCheckDigit(yymmdd + serial);
  return `${twelve ? birth.slice(0, 2) : ''}${yymmdd}-${serial}${c}`;
}

describe('a clean row', () => {
  it('has no findings and reads into a typed record', async () => {
    const { codes, record } = await rowCodes({
      gender: 'Kvinna',
      personnummer: pnr('1990-05-01', 'woman'),
      disability: 'vill ej uppge',
      rural: 'Ja',
      cohort: 'VT 2025',
      exit_date: '2025-04-25',
      exit_status: 'Egen företagare',
      status_6m: 'okänt',
      network_expanded: 'ja',
    });
    expect(codes).toEqual([]);
    expect(record).toMatchObject({
      complete: true,
      participantId: 'P-0001',
      gender: 'woman',
      birthDate: '1990-05-01',
      cohort: { year: 2025, half: 'VT' },
      disability: 'declined',
      rural: 'yes',
      homeless: 'unknown',
      exitStatus: 'self_employed',
      status6m: 'unknown',
      networkExpanded: 'yes',
      competenceImproved: 'unknown',
    });
    expect(JSON.stringify(record)).not.toContain('982');
  });

  it('accepts dates as YYYYMMDD and with a zero time', async () => {
    const { codes, record } = await rowCodes({ entry_date: '20250203', birth_date: '1990-05-01 00:00:00' });
    expect(codes).toEqual([]);
    expect(record.entryDate).toBe('2025-02-03');
  });

  it('takes the birth date from the personnummer when it is empty', async () => {
    const { codes, record } = await rowCodes({ birth_date: '', personnummer: pnr('1985-11-30', 'woman', false) });
    expect(codes).toEqual([]);
    expect(record.birthDate).toBe('1985-11-30');
  });
});

describe('row rules', () => {
  const cases: [string, Record<string, string>, string[], { asOf?: string }?][] = [
    ['required value missing', { gender: '' }, ['VALUE_MISSING']],
    ['enum value invalid', { employment_status: 'student' }, ['VALUE_INVALID']],
    ['not a date form', { entry_date: '01/02/2025' }, ['DATE_INVALID']],
    ['no such day', { entry_date: '2025-02-30' }, ['DATE_INVALID']],
    ['a non-zero time', { entry_date: '2025-02-03 10:30' }, ['DATE_INVALID']],
    ['date after today', { exit_date: '2026-12-01' }, ['DATE_AFTER_TODAY']],
    ['entry before the project', { entry_date: '2024-07-31' }, ['DATE_OUTSIDE_PROJECT']],
    ['id form', { participant_id: 'P 0001!' }, ['ID_INVALID']],
    ['id is a personnummer', { participant_id: pnr('1990-05-01', 'woman').replace('-', '') }, ['ID_IS_PERSONNUMMER']],
    ['bad check digit', { personnummer: '19900501-9820' }, ['PNR_INVALID']],
    ['pnr and birth date disagree', { personnummer: pnr('1990-05-02', 'woman') }, ['PNR_BIRTH_DATE_MISMATCH']],
    ['pnr gender digit', { personnummer: pnr('1990-05-01', 'man') }, ['PNR_GENDER_MISMATCH']],
    ['exit before entry', { exit_date: '2025-01-15', exit_status: 'employed' }, ['EXIT_BEFORE_ENTRY']],
    ['result before entry', { employment_start: '2025-01-01' }, ['RESULT_DATE_BEFORE_ENTRY']],
    ['exit answer without exit', { exit_status: 'employed', network_expanded: 'yes' }, ['EXIT_ANSWER_WITHOUT_EXIT', 'EXIT_ANSWER_WITHOUT_EXIT']],
    ['exit status missing after 28 days', { exit_date: '2026-10-28' }, ['EXIT_STATUS_MISSING']],
    ['exit status not yet required at 27 days', { exit_date: '2026-10-29' }, []],
    ['status_6m missing', { exit_date: '2025-05-25', exit_status: 'employed' }, ['STATUS_6M_MISSING']],
    ['status_6m not due yet', { exit_date: '2026-05-26', exit_status: 'employed' }, []],
    ['unemployment months too high', { birth_date: '2008-01-01', entry_date: '2025-02-03', unemployment_months: '14' }, ['UNEMPLOYMENT_MONTHS_TOO_HIGH']],
    ['unemployment months at the limit', { birth_date: '2008-01-01', entry_date: '2025-02-03', unemployment_months: '13' }, []],
    ['unemployment months missing', { unemployment_months: '' }, ['VALUE_MISSING']],
    ['unemployment months not a number', { unemployment_months: '3,5' }, ['VALUE_INVALID']],
    ['unemployment months ignored', { employment_status: 'inactive', unemployment_months: '4' }, ['UNEMPLOYMENT_MONTHS_IGNORED']],
    ['unparsable ignored value is still an error', { employment_status: 'inactive', unemployment_months: 'many' }, ['VALUE_INVALID']],
    ['improved situation for someone unemployed', { exit_date: '2025-04-25', exit_status: 'employed', status_6m: 'employed', improved_situation_6m: 'yes' }, ['IMPROVED_NOT_EMPLOYED']],
    ['age outside working age', { birth_date: '1950-01-01', employment_status: 'inactive', unemployment_months: '' }, ['AGE_OUTSIDE_WORKING_AGE']],
    ['cohort unreadable', { cohort: 'spring' }, ['COHORT_INVALID']],
    ['cohort mismatch', { cohort: '2024-HT' }, ['COHORT_MISMATCH']],
    ['isced out of range', { isced: '9' }, ['VALUE_INVALID']],
    ['sensitive answer invalid', { minority: 'perhaps' }, ['VALUE_INVALID']],
  ];
  for (const [name, overrides, expected, opts] of cases) {
    it(name, async () => {
      const { codes } = await rowCodes(overrides, opts);
      expect(codes).toEqual(expected);
    });
  }

  it('judges "when required" rules on the reference date', async () => {
    expect((await rowCodes({ exit_date: '2025-05-25', exit_status: 'employed' }, { asOf: '2025-11-24' })).codes).toEqual([]);
    expect((await rowCodes({ exit_date: '2025-05-25' }, { asOf: '2025-06-21' })).codes).toEqual([]);
    expect((await rowCodes({ exit_date: '2025-05-25' }, { asOf: '2025-06-22' })).codes).toEqual(['EXIT_STATUS_MISSING']);
  });

  it('marks a row with an error incomplete and one with warnings complete', async () => {
    expect((await rowCodes({ gender: '' })).record.complete).toBe(false);
    expect((await rowCodes({ cohort: '2024-HT' })).record.complete).toBe(true);
  });
});

describe('cross-row rules', () => {
  it('keeps the first of two rows with one ID and marks the later one', async () => {
    const { summary, records } = await readText(csv([BASE_ROW, BASE_ROW]));
    expect(summary.findings.map((f) => [f.code, f.line, f.args.firstLine])).toEqual([['ID_DUPLICATE', 3, 2]]);
    expect(records.map((r) => r.complete)).toEqual([true, false]);
  });

  it('finds the same personnummer under another ID, in 10- and 12-digit forms', async () => {
    const a = { ...BASE_ROW, personnummer: pnr('1990-05-01', 'woman') };
    const b = { ...BASE_ROW, participant_id: 'P-0002', personnummer: pnr('1990-05-01', 'woman', false) };
    const { summary } = await readText(csv([a, b]));
    expect(summary.findings.map((f) => [f.code, f.line, f.args.otherId])).toEqual([['PNR_DUPLICATE', 3, 'P-0001']]);
  });
});

describe('personal data stays in', () => {
  it('never puts a personnummer in a message, whatever column it is typed in', async () => {
    const number = pnr('1990-05-01', 'woman');
    const { renderFinding } = await import('../../../src/findings/render.js');
    const { summary } = await readText(
      csv([
        { ...BASE_ROW, personnummer: number.replace(/\d$/, '0') },
        { ...BASE_ROW, participant_id: number.replace('-', '') },
        { ...BASE_ROW, participant_id: 'P-3', entry_date: number, cohort: number },
      ]),
    );
    const text = JSON.stringify(summary.findings.flatMap((f) => [renderFinding(f, 'en'), renderFinding(f, 'sv')]));
    expect(summary.findings.length).toBeGreaterThanOrEqual(4);
    expect(text).not.toMatch(/\d{6}-?\d{4}/);
    expect(text).not.toContain(number.slice(2, 8));
  });
});
