import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween, plusDays, plusMonths } from '../../../../src/core/dates.js';
import type { IndicatorsResult } from '../../../../src/indicators/result.js';
import { EXIT_STATUSES, SENSITIVE_ANSWERS, STATUSES_6M, SURVEY_ANSWERS } from '../../../../src/participants/values.js';
import { buildWorkbookModel } from '../../../../src/report/build-model.js';
import { writeWorkbook } from '../../../../src/report/write-workbook.js';
import { computeCsv, csv, PROFILE, TODAY } from '../../indicators/build.js';
import { loadWorkbook } from '../read-back.js';
import { ROOT } from '../../../helpers/run-bin.js';
import { builtInProfile, labelsFor, sampleMeta } from '../sample.js';
import { xlsxParts } from '../../../helpers/xlsx-parts.js';
import { attack, knownRelations, readFigures } from './attack.js';

/**
 * A shared copy cannot be undone: on random exports and on the bundled sample, for thresholds
 * 2–10, the workbook is written, read back next to the funder's copy, and attacked by the
 * independent attacker of `attack.ts`; it must pin no hidden count, and no participant ID of the
 * input may appear anywhere in the unzipped workbook.
 */

const START = PROFILE.period.start;
const SPAN = daysBetween(START, TODAY);
const PERIODS = ['2024-Q4', '2025-Q1', '2025-H1', '2025', '2025-Q4', '2026-Q1', '2026-05', '2026-Q2', '2026-Q3', 'project'] as const;
const profile = builtInProfile();

const rowArb = fc
  .record({
    entry: fc.integer({ min: 0, max: SPAN }),
    age: fc.integer({ min: 16, max: 64 }),
    gender: fc.integer({ min: 0, max: 19 }),
    status: fc.constantFrom('unemployed', 'unemployed', 'inactive', 'employed'),
    months: fc.integer({ min: 0, max: 30 }),
    isced: fc.integer({ min: 0, max: 8 }),
    sensitive: fc.array(fc.constantFrom(...SENSITIVE_ANSWERS, 'no', 'no', 'no'), { minLength: 6, maxLength: 6 }),
    exit: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null, freq: 3 }),
    exitStatus: fc.constantFrom(...EXIT_STATUSES),
    qualification: fc.boolean(),
    status6m: fc.constantFrom(...STATUSES_6M),
    improved: fc.boolean(),
    outcomes: fc.array(fc.option(fc.integer({ min: 0, max: 400 }), { nil: null, freq: 2 }), { minLength: 3, maxLength: 3 }),
    survey: fc.array(fc.constantFrom(...SURVEY_ANSWERS), { minLength: 3, maxLength: 3 }),
    broken: fc.integer({ min: 0, max: 14 }),
  })
  .map((x): Record<string, string> => {
    const entry = plusDays(START, x.entry);
    const room = daysBetween(entry, TODAY);
    const after = (n: number | null) => (n === null ? '' : plusDays(entry, n % (room + 1)));
    const exit = after(x.exit);
    const row: Record<string, string> = {
      gender: x.gender === 0 ? 'non_binary' : x.gender <= 10 ? 'woman' : 'man',
      birth_date: plusMonths(entry, -12 * x.age - 3),
      entry_date: entry,
      employment_status: x.status,
      unemployment_months: x.status === 'unemployed' ? String(x.months) : '',
      // an unreadable education level: the row has an error and is excluded (and listed in the funder's copy)
      isced: x.broken === 0 ? 'x' : String(x.isced),
      disability: x.sensitive[0]!,
      third_country_national: x.sensitive[1]!,
      foreign_background: x.sensitive[2]!,
      minority: x.sensitive[3]!,
      homeless: x.sensitive[4]!,
      rural: x.sensitive[5]!,
      work_training_start: after(x.outcomes[0]!),
      studies_start: after(x.outcomes[1]!),
      employment_start: after(x.outcomes[2]!),
    };
    if (exit) {
      Object.assign(row, {
        exit_date: exit,
        exit_status: x.exitStatus,
        qualification_gained: x.qualification ? 'yes' : 'no',
        status_6m: x.status6m,
        improved_situation_6m: x.improved ? 'yes' : 'no',
        network_expanded: x.survey[0]!,
        competence_improved: x.survey[1]!,
        understanding_improved: x.survey[2]!,
      });
    }
    return row;
  });

const exportArb = fc.record({
  seed: fc.integer({ min: 100, max: 999 }),
  rows: fc.array(rowArb, { minLength: 1, maxLength: 150 }),
  period: fc.constantFrom(...PERIODS),
  threshold: fc.integer({ min: 2, max: 10 }),
});

async function copies(result: IndicatorsResult, threshold: number) {
  const labels = labelsFor('en');
  const shared = await writeWorkbook(buildWorkbookModel(result, profile, labels, sampleMeta({ suppressBelow: threshold })));
  const funder = await writeWorkbook(buildWorkbookModel(result, profile, labels, sampleMeta()));
  return { sharedBytes: shared, shared: await loadWorkbook(shared), funder: await loadWorkbook(funder) };
}

/** Attacks a shared copy; returns what the attacker recovered (must be nothing) after checking the primary rule. */
async function attackCopy(result: IndicatorsResult, threshold: number) {
  const { shared, funder, sharedBytes } = await copies(result, threshold);
  const figs = readFigures(shared, funder, 'hidden');
  for (const [name, f] of figs) {
    if (f.people && f.truth >= 1 && f.truth < threshold) expect(f.shown, `${name} = ${f.truth} is below ${threshold}`).toBeNull();
    if (f.shown === null) expect(f.truth, `${name}: zero is never hidden`).toBeGreaterThan(0);
  }
  return { found: attack(figs, knownRelations(figs)), figs, sharedBytes };
}

describe('a shared copy cannot be undone', () => {
  it('random exports, thresholds 2–10: the attacker pins no hidden count, and no participant ID is in the workbook', async () => {
    await fc.assert(
      fc.asyncProperty(exportArb, async ({ seed, rows, period, threshold }) => {
        const ids = rows.map((_, i) => `ZQ${seed}X${i + 1}`);
        const text = csv(rows.map((r, i) => ({ participant_id: ids[i]!, ...r })));
        const outcome = await computeCsv(text, period);
        if (!outcome.usable) throw new Error(JSON.stringify(outcome.result.findings.slice(0, 3)));
        const { found, sharedBytes } = await attackCopy(outcome.result, threshold);
        expect(found).toEqual([]);
        const xml = [...xlsxParts(sharedBytes).values()].join('\n');
        for (const id of ids) expect(xml.includes(id), id).toBe(false);
      }),
      { numRuns: 14, seed: 1101, endOnFailure: true },
    );
  }, 240_000);

  it('the bundled sample, thresholds 2–10: nothing recovered, and the attacker has something to attack', async () => {
    const text = readFileSync(`${ROOT}fixtures/participants.csv`, 'utf8');
    for (const [period, thresholds] of [
      ['2026-Q3', [2, 3, 4, 5, 6, 7, 8, 9, 10]],
      ['project', [2, 5, 10]],
    ] as const) {
      const outcome = await computeCsv(text, { period, asOf: '2026-11-20' }, '2026-11-25');
      if (!outcome.usable) throw new Error('sample unusable');
      for (const threshold of thresholds) {
        const { found, figs } = await attackCopy(outcome.result, threshold);
        expect(found, `${period}, N = ${threshold}`).toEqual([]);
        expect([...figs.values()].filter((f) => f.shown === null).length).toBeGreaterThan(20);
      }
    }
  }, 240_000);

  it('the attacker is not blind: with only the small counts hidden (the old "<N"), it recovers many', async () => {
    const text = readFileSync(`${ROOT}fixtures/participants.csv`, 'utf8');
    const outcome = await computeCsv(text, { period: '2026-Q3', asOf: '2026-11-20' }, '2026-11-25');
    if (!outcome.usable) throw new Error('sample unusable');
    const { funder } = await copies(outcome.result, 5);
    // a "shared copy" that hides only the primary cells: read the funder's copy against itself, then hide 1–4
    const figs = readFigures(funder, funder, 'hidden');
    const primaryOnly = new Map([...figs].map(([n, f]) => [n, f.people && f.truth >= 1 && f.truth < 5 ? { ...f, shown: null } : f]));
    const found = attack(primaryOnly, knownRelations(primaryOnly));
    expect(found.length).toBeGreaterThan(20);
    expect(found.find((x) => x.name === 'I:EECO01:v:p:X')).toBeDefined();
  });
});
