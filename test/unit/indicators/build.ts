import { readFileSync } from 'node:fs';
import { createIndicatorAccumulator } from '../../../src/indicators/compute.js';
import { isPeriodError, resolvePeriod, type PeriodArgs, type ReportingPeriod } from '../../../src/core/period.js';
import type { IndicatorsResult, GenderSplit } from '../../../src/indicators/result.js';
import { computeIndicators, type IndicatorsOutcome } from '../../../src/indicators/run.js';
import { PARTICIPANT_COLUMNS } from '../../../src/participants/columns.js';
import type { ParticipantRecord } from '../../../src/participants/record.js';
import { parseProjectProfile, type ProjectProfile } from '../../../src/project/profile.js';
import { bufferSource } from '../../../src/read/source.js';

/** Tests pin today to the day after the fixture's export (`pitfalls.md`, "Time"). */
export const TODAY = '2026-11-25';

export const PROFILE: ProjectProfile = (() => {
  const parsed = parseProjectProfile(JSON.parse(readFileSync(new URL('../../../profiles/23-073-S10.json', import.meta.url), 'utf8')));
  if ('problems' in parsed) throw new Error(parsed.problems.join('; '));
  return parsed.profile;
})();

/** A complete record of a 35-year-old unemployed woman who entered on 2025-01-15; override what a test needs. */
export function rec(overrides: Partial<ParticipantRecord> = {}): ParticipantRecord {
  return {
    line: 2,
    participantId: 'P-1',
    complete: true,
    protectedIdentity: false,
    gender: 'woman',
    birthDate: '1990-01-01',
    entryDate: '2025-01-15',
    exitDate: null,
    cohort: null,
    employmentStatus: 'unemployed',
    unemploymentMonths: 3,
    isced: 3,
    disability: 'no',
    thirdCountryNational: 'no',
    foreignBackground: 'no',
    minority: 'no',
    homeless: 'no',
    rural: 'no',
    exitStatus: null,
    qualificationGained: null,
    status6m: null,
    improvedSituation6m: null,
    workTrainingStart: null,
    studiesStart: null,
    employmentStart: null,
    networkExpanded: 'unknown',
    competenceImproved: 'unknown',
    understandingImproved: 'unknown',
    ...overrides,
  };
}

export function period(args: PeriodArgs, today = TODAY, profile = PROFILE): ReportingPeriod {
  const p = resolvePeriod(profile.period, args, today);
  if (isPeriodError(p)) throw new Error(p.error);
  return p;
}

/** Runs the accumulator over records directly (no file), for a period given as `--period`. */
export function computeRecords(records: readonly ParticipantRecord[], args: PeriodArgs | string, today = TODAY, profile = PROFILE): IndicatorsResult {
  const p = period(typeof args === 'string' ? { period: args } : args, today, profile);
  const acc = createIndicatorAccumulator(profile, { period: p, asOf: p.asOf, today });
  records.forEach((r, i) => acc.add({ ...r, line: r.line === 2 ? i + 2 : r.line }));
  return acc.finish({ rows: records.length, findings: [] });
}

/** A CSV export with every contract column; each row names only the values it sets. */
export function csv(rows: readonly Record<string, string>[]): string {
  const header = PARTICIPANT_COLUMNS.map((c) => c.name);
  const base: Record<string, string> = {
    gender: 'woman',
    birth_date: '1990-01-01',
    entry_date: '2025-01-15',
    employment_status: 'unemployed',
    unemployment_months: '3',
    isced: '3',
  };
  const lines = [header.join(',')];
  rows.forEach((row, i) => {
    const values: Record<string, string> = { participant_id: `P-${String(i + 1).padStart(4, '0')}`, ...base, ...row };
    lines.push(header.map((h) => values[h] ?? '').join(','));
  });
  return `${lines.join('\n')}\n`;
}

/** Reads a CSV text through the real reader and validator, then computes the indicators. */
export async function computeCsv(text: string, args: PeriodArgs | string, today = TODAY, profile = PROFILE): Promise<IndicatorsOutcome> {
  const p = period(typeof args === 'string' ? { period: args } : args, today, profile);
  return computeIndicators(bufferSource('test.csv', new TextEncoder().encode(text), 97), profile, { period: p, asOf: p.asOf, today });
}

export async function computeCsvResult(text: string, args: PeriodArgs | string, today = TODAY): Promise<IndicatorsResult> {
  const outcome = await computeCsv(text, args, today);
  if (!outcome.usable) throw new Error(`unusable: ${JSON.stringify(outcome.result.findings)}`);
  return outcome.result;
}

export function split(women: number, men = 0, nonBinary = 0): GenderSplit {
  return { women, men, nonBinary, total: women + men + nonBinary };
}

export function indicator(r: IndicatorsResult, code: string) {
  const v = r.indicators.find((x) => x.code === code) ?? r.context.find((x) => x.code === code);
  if (!v) throw new Error(`no ${code}`);
  return v;
}

/** Period and cumulative totals of a code: [period, cumulative]. */
export function totals(r: IndicatorsResult, code: string): [number, number] {
  const v = indicator(r, code);
  return [v.period.total, v.cumulative.total];
}

export function target(r: IndicatorsResult, id: string) {
  const t = r.targets.find((x) => x.id === id);
  if (!t) throw new Error(`no ${id}`);
  return t;
}
