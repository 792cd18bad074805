import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohortOfRecord, CONSISTENCY_TESTS, factsUpTo, INDICATORS, isLongTermUnemployed, targetDefinition, TARGETS, CONTEXT_ROWS, type CountedRecord } from '../../../src/indicators/registry.js';
import { INDICATOR_CODES, CONTEXT_CODES } from '../../../src/indicators/result.js';
import { TARGET_IDS } from '../../../src/project/profile.js';
import { targetCountOf, targetResult } from '../../../src/indicators/targets.js';
import { rec, split } from './build.js';

/** A window end after every date of these records. */
const LATER = '2099-12-31';

describe('target counts', () => {
  it('targetCount = targetRate × planned rounded up, exactly', () => {
    expect(targetCountOf(0.07, 100)).toBe(7); // 0.07 * 100 = 7.000000000000001 in floating point
    expect(targetCountOf(0.14, 100)).toBe(14); // 14.000000000000002
    expect(targetCountOf(0.07, 120)).toBe(9); // 8.4
    expect(targetCountOf(0.25, 120)).toBe(30);
    expect(targetCountOf(0.4, 120)).toBe(48);
    expect(targetCountOf(0.2, 120)).toBe(24);
    expect(targetCountOf(0.5, 120)).toBe(60);
    expect(targetCountOf(1, 120)).toBe(120);
    expect(targetCountOf(0.95, 120)).toBe(114);
    expect(targetCountOf(0.333, 120)).toBe(40); // 39.96
    expect(targetCountOf(0.903, 1000)).toBe(903);
    expect(targetCountOf(1e-7, 10)).toBe(1);
    expect(targetCountOf(0, 120)).toBe(0);
  });

  it('targetCount agrees with rational arithmetic for every whole percentage', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 10_000 }), (pct, planned) => {
        expect(targetCountOf(pct / 100, planned)).toBe(Math.floor((pct * planned + 99) / 100));
      }),
    );
  });
});

describe('onTrack', () => {
  const fig = (targetRate: number, base: number, achieved: ReturnType<typeof split>, elapsedDays = 1095) => ({
    targetRate,
    base,
    achieved,
    planned: 120,
    elapsedDays,
    projectDays: 1095,
  });

  it('T-EMP: achieved.total ≥ targetCount × elapsed share', () => {
    const emp = targetDefinition('T-EMP');
    // targetCount 30; half-way (548 of 1095 days): 15 × 1095 = 16425 < 30 × 548 = 16440; 16 on track
    expect(targetResult(emp, fig(0.25, 80, split(15), 548)).onTrack).toBe(false);
    expect(targetResult(emp, fig(0.25, 80, split(16), 548)).onTrack).toBe(true);
    // 547 days: 15 × 1095 = 16425 ≥ 30 × 547 = 16410
    expect(targetResult(emp, fig(0.25, 80, split(15), 547)).onTrack).toBe(true);
    // at the end: the whole target
    expect(targetResult(emp, fig(0.25, 120, split(29), 1095)).onTrack).toBe(false);
    expect(targetResult(emp, fig(0.25, 120, split(30), 1095))).toMatchObject({ onTrack: true, targetCount: 30, rate: 0.25 });
    expect(targetResult(emp, fig(0.25, 0, split(0), 10))).toMatchObject({ rate: null, onTrack: null });
  });

  it('T-GEN: a women’s share from 45 % to 55 %, on the reported rate', () => {
    const gen = targetDefinition('T-GEN');
    expect(targetResult(gen, fig(0.5, 100, split(45, 55))).onTrack).toBe(true);
    expect(targetResult(gen, fig(0.5, 100, split(55, 45))).onTrack).toBe(true);
    expect(targetResult(gen, fig(0.5, 100, split(44, 56))).onTrack).toBe(false);
    expect(targetResult(gen, fig(0.5, 100, split(56, 44))).onTrack).toBe(false);
    expect(targetResult(gen, fig(0.5, 20, split(9, 10, 1)))).toMatchObject({ rate: 0.45, onTrack: true, targetCount: 60 });
    expect(targetResult(gen, fig(0.5, 0, split(0)))).toMatchObject({ rate: null, onTrack: null });
  });

  it('T-NET, T-COMP, T-SOC: rate ≥ targetRate', () => {
    const net = targetDefinition('T-NET');
    expect(targetResult(net, fig(0.95, 20, split(19)))).toMatchObject({ rate: 0.95, onTrack: true, targetCount: null });
    expect(targetResult(net, fig(0.95, 20, split(18)))).toMatchObject({ rate: 0.9, onTrack: false });
    const soc = targetDefinition('T-SOC');
    expect(targetResult(soc, fig(0.9, 10, split(9))).onTrack).toBe(true);
    expect(targetResult(soc, fig(0.9, 11, split(9))).onTrack).toBe(false); // 0.8182
  });

  it('T-TRANS: never a target', () => {
    const trans = targetDefinition('T-TRANS');
    expect(targetResult(trans, fig(0, 10, split(9)))).toMatchObject({ onTrack: null, targetCount: null, reference: null });
  });
});

describe('the registry', () => {
  it('defines each indicator, context row and target once, in the spec order', () => {
    expect(INDICATORS.map((d) => d.code)).toEqual([...INDICATOR_CODES]);
    expect(CONTEXT_ROWS.map((d) => d.code)).toEqual([...CONTEXT_CODES]);
    expect(TARGETS.map((d) => d.id)).toEqual([...TARGET_IDS, 'T-TRANS']);
    for (const d of [...INDICATORS, ...CONTEXT_ROWS, ...TARGETS]) {
      expect(d.name.en.length).toBeGreaterThan(0);
      expect(d.name.sv.length).toBeGreaterThan(0);
    }
    expect(INDICATORS.filter((d) => d.event === 'entry').map((d) => d.code)).toEqual(INDICATOR_CODES.slice(0, 17));
    expect(INDICATORS.filter((d) => d.event === 'exit').map((d) => d.code)).toEqual(['EECR01', 'EECR02', 'EECR03', 'EECR04']);
    expect(INDICATORS.filter((d) => d.event === 'six-month-point').map((d) => d.code)).toEqual(['EECR05', 'EECR06']);
  });

  it('the six-month point is exit + 6 calendar months, clamped to the month end', () => {
    const point = (exitDate: string) => factsUpTo(rec({ exitDate }) as CountedRecord, LATER).sixMonthPoint;
    expect(point('2025-08-31')).toBe('2026-02-28');
    expect(point('2023-08-31')).toBe('2024-02-29');
    expect(point('2025-12-31')).toBe('2026-06-30');
    expect(point('2025-03-31')).toBe('2025-09-30');
    expect(factsUpTo(rec() as CountedRecord, LATER).sixMonthPoint).toBeNull();
    // not left by the window end: no six-month point in any window
    expect(factsUpTo(rec({ exitDate: '2025-08-31' }) as CountedRecord, '2025-08-30')).toMatchObject({ left: false, sixMonthPoint: null });
  });

  it('long-term unemployment uses the age at entry', () => {
    const ltu = (birthDate: string, unemploymentMonths: number) => {
      const r = rec({ birthDate, entryDate: '2026-01-15', unemploymentMonths }) as CountedRecord;
      return isLongTermUnemployed(r, factsUpTo(r, LATER));
    };
    expect([ltu('2001-06-01', 6), ltu('2001-06-01', 7), ltu('2000-06-01', 12), ltu('2000-06-01', 13)]).toEqual([false, true, false, true]);
  });

  it('EECR06 does not consult status_6m; EECR01 needs inactive at entry', () => {
    const applies = (code: string, overrides: Parameters<typeof rec>[0]) => {
      const r = rec(overrides) as CountedRecord;
      return INDICATORS.find((d) => d.code === code)!.applies(r, factsUpTo(r, LATER));
    };
    expect(applies('EECR06', { employmentStatus: 'employed', improvedSituation6m: true, status6m: 'inactive' })).toBe(true);
    expect(applies('EECR06', { employmentStatus: 'unemployed', improvedSituation6m: true, status6m: 'employed' })).toBe(false);
    expect(applies('EECR06', { employmentStatus: 'employed', improvedSituation6m: null })).toBe(false);
    expect(applies('EECR01', { employmentStatus: 'inactive', exitStatus: 'job_searching' })).toBe(true);
    expect(applies('EECR01', { employmentStatus: 'unemployed', exitStatus: 'job_searching' })).toBe(false);
    expect(applies('EECR04', { exitStatus: 'self_employed' })).toBe(true);
    expect(applies('EECR05', { status6m: 'self_employed' })).toBe(true);
    expect(applies('EECR05', { status6m: 'unknown' })).toBe(false);
    expect(applies('EECR03', { qualificationGained: false })).toBe(false);
  });

  it('words each consistency test as indicators.md does, its rule written out', () => {
    expect(CONSISTENCY_TESTS).toEqual([
      'EECO01 = EECO02 + EECO04 + EECO05',
      'EECO03 <= EECO02',
      'EECO06 + EECO07 + EECO08 <= EECO01',
      'EECO09 + EECO10 + EECO11 = EECO01',
      'EECO12 <= EECO01',
      'EECO13 <= EECO01',
      'EECO14 <= EECO01',
      'EECO15 <= EECO01',
      'EECO16 <= EECO01',
      'EECO17 <= EECO01',
      'EECR01 <= LEAVERS',
      'EECR02 <= LEAVERS',
      'EECR03 <= LEAVERS',
      'EECR04 <= LEAVERS',
      'EECR05 <= FOLLOWUP_DUE',
      'EECR06 <= FOLLOWUP_DUE',
      'EECR06 <= EECO05',
      'women + men + nonBinary = total',
      'cumulative >= period',
    ]);
  });

  it('a leaver is someone whose exit is on or before the window end', () => {
    const r = rec({ exitDate: '2025-06-30' }) as CountedRecord;
    expect(factsUpTo(r, '2025-06-30')).toMatchObject({ left: true, sixMonthPoint: '2025-12-30' });
    expect(factsUpTo(r, '2025-06-29')).toMatchObject({ left: false, sixMonthPoint: null });
    expect(factsUpTo(rec() as CountedRecord, LATER).left).toBe(false);
  });

  it('counts a participant in the recorded cohort, else in the half-year of entry', () => {
    expect(cohortOfRecord(rec({ entryDate: '2025-01-20', cohort: { year: 2024, half: 'HT' } }) as CountedRecord)).toEqual({ year: 2024, half: 'HT' });
    expect(cohortOfRecord(rec({ entryDate: '2025-06-30' }) as CountedRecord)).toEqual({ year: 2025, half: 'VT' });
    expect(cohortOfRecord(rec({ entryDate: '2025-07-01' }) as CountedRecord)).toEqual({ year: 2025, half: 'HT' });
  });

  it('takes the gender balance over the women, every other rate over everyone who achieved it', () => {
    expect(TARGETS.filter((d) => d.rateOf === 'women').map((d) => d.id)).toEqual(['T-GEN']);
    expect(TARGETS.filter((d) => d.base === 'planned').map((d) => d.id)).toEqual(['T-PART']);
    expect(TARGETS.filter((d) => d.base === 'leavers').map((d) => d.id)).toEqual(['T-NET', 'T-COMP', 'T-SOC', 'T-TRANS']);
  });

  it('counts a sensitive indicator on yes, and reads the answer it reports declined or unknown beside', () => {
    const eeco12 = INDICATORS.find((d) => d.code === 'EECO12')!;
    for (const disability of ['yes', 'no', 'declined', 'unknown'] as const) {
      const r = rec({ disability }) as CountedRecord;
      expect(eeco12.sensitive!(r)).toBe(disability);
      expect(eeco12.applies(r, factsUpTo(r, LATER))).toBe(disability === 'yes');
    }
    expect(INDICATORS.filter((d) => d.sensitive).map((d) => d.code)).toEqual(['EECO12', 'EECO13', 'EECO14', 'EECO15', 'EECO16', 'EECO17']);
  });
});
