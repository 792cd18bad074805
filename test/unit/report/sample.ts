import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONSISTENCY_TESTS } from '../../../src/indicators/registry.js';
import {
  CONTEXT_CODES,
  INDICATOR_CODES,
  type GenderSplit,
  type IndicatorKind,
  type IndicatorsResult,
  type PeriodAndCumulative,
  type TargetResult,
} from '../../../src/indicators/result.js';
import { parseProjectProfile, type ProjectProfile } from '../../../src/project/profile.js';
import type { WorkbookMeta } from '../../../src/report/build-model.js';
import { parseWorkbookLabels, type WorkbookLabels } from '../../../src/report/labels.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function split(women: number, men: number, nonBinary: number): GenderSplit {
  return { women, men, nonBinary, total: women + men + nonBinary };
}

function pc(period: GenderSplit, cumulative: GenderSplit): PeriodAndCumulative {
  return { period, cumulative };
}

function kindOf(code: string): IndicatorKind {
  if (code.startsWith('EECO')) return 'output';
  return code === 'EECR05' || code === 'EECR06' ? 'longer-term-result' : 'result';
}

/**
 * A hand-made `esf-report/indicators@1` result with distinct figures per cell, so a test can tell
 * a misplaced cell from a right one. EECO01 is the spec's example (9/10/0 = 19; 48/47/0 = 95).
 */
export function sampleResult(): IndicatorsResult {
  const indicators = INDICATOR_CODES.map((code, i) => {
    const base = {
      code,
      name: code,
      kind: kindOf(code),
      ...(code === 'EECO01'
        ? pc(split(9, 10, 0), split(48, 47, 0))
        : pc(split(i % 5, (i + 2) % 7, i === 3 ? 1 : 0), split(10 + i, 20 + i, i === 3 ? 2 : 0))),
    };
    const n = Number(code.slice(4));
    if (code.startsWith('EECO') && n >= 12) {
      return {
        ...base,
        declined: pc(split(1, 0, 0), split(2, 1, 0)),
        unknown: pc(split(0, 2, 0), split(3, 4, 0)),
      };
    }
    return base;
  });
  const context = CONTEXT_CODES.map((code, i) => ({ code, name: code, ...pc(split(4 + i, 5 + i, 0), split(30 + i, 31 + i, 1)) }));
  const targets: TargetResult[] = [
    { id: 'T-PART', name: 'Participants', targetRate: 1, targetCount: 120, base: 120, achieved: split(48, 47, 0), rate: 0.7917, onTrack: true },
    { id: 'T-GEN', name: 'Gender balance', targetRate: 0.5, targetCount: 60, base: 95, achieved: split(48, 47, 0), rate: 0.5053, onTrack: true },
    { id: 'T-EMP', name: 'Employment', targetRate: 0.25, targetCount: 30, base: 95, achieved: split(7, 9, 0), rate: 0.1684, onTrack: false },
    { id: 'T-WT', name: 'Work training', targetRate: 0.4, targetCount: 48, base: 95, achieved: split(20, 19, 0), rate: 0.4105, onTrack: true },
    { id: 'T-STU', name: 'Studies', targetRate: 0.2, targetCount: 24, base: 95, achieved: split(3, 1, 0), rate: 0.0421, onTrack: false },
    {
      id: 'T-NET',
      name: 'Wider network',
      targetRate: 0.95,
      targetCount: null,
      base: 60,
      achieved: split(28, 27, 1),
      unanswered: split(2, 1, 0),
      rate: 0.9333,
      onTrack: false,
    },
    {
      id: 'T-COMP',
      name: 'Labour-market competence',
      targetRate: 0.9,
      targetCount: null,
      base: 60,
      achieved: split(29, 26, 0),
      unanswered: split(1, 0, 0),
      rate: 0.9167,
      onTrack: true,
    },
    {
      id: 'T-SOC',
      name: 'Understanding of society',
      targetRate: 0.9,
      targetCount: null,
      base: 60,
      achieved: split(25, 25, 0),
      unanswered: split(0, 0, 0),
      rate: 0.8333,
      onTrack: false,
    },
    {
      id: 'T-TRANS',
      name: 'Work or studies',
      targetRate: null,
      targetCount: null,
      base: 60,
      achieved: split(20, 21, 0),
      rate: 0.6833,
      onTrack: null,
      reference: { name: 'Rekrytera', rate: 0.903, women: 0.747 },
    },
  ];
  return {
    schema: 'esf-report/indicators@1',
    project: { id: '23-073-S10', name: 'HISSen (Helsingborg Integration SysselSättning)' },
    period: { label: '2025-Q2', start: '2025-04-01', end: '2025-06-30', asOf: '2025-06-30', preliminary: false },
    records: { rows: 98, counted: 95, excluded: 3, notYetEntered: 0 },
    indicators,
    context,
    targets,
    consistency: CONSISTENCY_TESTS.map((test, i) => ({ test, holds: i !== 1 })),
    excluded: [
      { line: 14, participantId: 'P-0013', codes: ['DATE_INVALID'] },
      { line: 20, participantId: null, codes: ['ID_IS_PERSONNUMMER'] },
      { line: 31, participantId: 'P-0030', codes: ['EXIT_BEFORE_ENTRY', 'VALUE_MISSING'] },
    ],
    findings: [
      { severity: 'warning', code: 'STATUS_6M_MISSING', file: 'participants.csv', line: 22, column: 'status_6m', message: 'status_6m: not recorded' },
      { severity: 'error', code: 'DATE_INVALID', file: 'participants.csv', line: 14, column: 'entry_date', message: 'entry_date: "2025-02-30" is not a day' },
      { severity: 'error', code: 'ID_IS_PERSONNUMMER', file: 'participants.csv', line: 20, column: 'participant_id', message: 'participant_id is a personnummer ([personnummer])' },
      { severity: 'error', code: 'VALUE_MISSING', file: 'participants.csv', line: 31, column: 'gender', message: 'gender: missing' },
      { severity: 'error', code: 'EXIT_BEFORE_ENTRY', file: 'participants.csv', line: 31, column: 'exit_date', message: 'exit_date before entry_date' },
      { severity: 'warning', code: 'COLUMN_UNKNOWN', file: 'participants.csv', line: 1, column: 'notes', message: 'unknown column "notes" ignored' },
    ],
    monthly: [
      { month: '2025-04', starters: split(3, 4, 0), leavers: split(1, 0, 0) },
      { month: '2025-05', starters: split(2, 2, 0), leavers: split(0, 2, 0) },
      { month: '2025-06', starters: split(4, 4, 0), leavers: split(3, 3, 1) },
    ],
    cohorts: [
      { cohort: '2024-HT', starters: split(10, 11, 1), leavers: split(10, 11, 1), employed: split(3, 4, 0), studies: split(1, 0, 0), workTraining: split(4, 6, 1) },
      { cohort: '2025-VT', starters: split(12, 11, 0), leavers: split(2, 1, 0), employed: split(0, 1, 0), studies: split(0, 0, 0), workTraining: split(3, 3, 0) },
    ],
  };
}

export function builtInProfile(): ProjectProfile {
  const parsed = parseProjectProfile(JSON.parse(readFileSync(`${ROOT}profiles/23-073-S10.json`, 'utf8')));
  if ('problems' in parsed) throw new Error(parsed.problems.join('; '));
  return parsed.profile;
}

export function templateJson(lang: 'sv' | 'en'): unknown {
  return JSON.parse(readFileSync(`${ROOT}templates/workbook-${lang}.json`, 'utf8'));
}

export function labelsFor(lang: 'sv' | 'en'): WorkbookLabels {
  const parsed = parseWorkbookLabels(templateJson(lang));
  if ('problems' in parsed) throw new Error(parsed.problems.join('; '));
  return parsed.labels;
}

export function sampleMeta(overrides: Partial<WorkbookMeta> = {}): WorkbookMeta {
  return {
    toolVersion: '0.1.0',
    input: { name: 'participants.csv', sha256: 'a'.repeat(64) },
    options: ['--period 2025-Q2', '--lang sv'],
    profileFile: null,
    generatedAt: '2025-07-01T08:30:00.000Z',
    suppressBelow: null,
    ...overrides,
  };
}
