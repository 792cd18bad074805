import { describe, expect, it } from 'vitest';
import { runBin, type BinResult as Run } from '../helpers/run-bin.js';
import type { IndicatorsResult } from '../../src/indicators/result.js';

const FIXTURE = 'fixtures/participants.csv';
const TODAY = '2026-11-25';

/** Runs the built `esf-report indicators` (npm test builds dist first) on the committed fixtures, today pinned. */
const run = (args: readonly string[]) => runBin(['indicators', ...args]);

async function json(args: readonly string[]): Promise<{ run: Run; doc: IndicatorsResult }> {
  const r = await run([...args, '--format', 'json']);
  return { run: r, doc: JSON.parse(r.stdout) as IndicatorsResult };
}

/** The exit code the spec asks for, from the document's own findings. */
function expectedCode(doc: IndicatorsResult, strict = false): number {
  if (doc.findings.some((f) => f.severity === 'error')) return 1;
  return strict && doc.findings.length > 0 ? 1 : 0;
}

const PERSONNUMMER_SHAPED = /(?<!\d)(?:\d{2})?\d{6}[-+]?\d{4}(?!\d)/;
const PERIODS = ['2024-Q3', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q2', 'project'];

describe('esf-report indicators on the fixture', () => {
  it.each(PERIODS)('--period %s: the spec JSON shape, every consistency test holding', async (period) => {
    const { run: r, doc } = await json([FIXTURE, '--period', period]);
    expect(r.code).toBe(expectedCode(doc));
    expect(Object.keys(doc)).toEqual([
      'schema', 'project', 'period', 'records', 'indicators', 'context', 'targets', 'consistency', 'excluded', 'findings', 'monthly', 'cohorts',
    ]);
    expect(doc.schema).toBe('esf-report/indicators@1');
    expect(doc.project.id).toBe('23-073-S10');
    expect(doc.period.label).toBe(period);
    expect(doc.indicators.map((v) => v.code)).toHaveLength(23);
    expect(doc.context.map((v) => v.code)).toEqual(['LEAVERS', 'FOLLOWUP_DUE', 'FOLLOWUP_MISSING']);
    expect(doc.targets.map((t) => t.id)).toEqual(['T-PART', 'T-GEN', 'T-EMP', 'T-WT', 'T-STU', 'T-NET', 'T-COMP', 'T-SOC', 'T-TRANS']);
    expect(doc.consistency).toHaveLength(19);
    expect(doc.consistency.filter((c) => !c.holds)).toEqual([]);
    expect(doc.records.counted + doc.records.excluded).toBe(doc.records.rows);
    expect(doc.excluded).toHaveLength(doc.records.excluded);
    for (const f of doc.findings) {
      // the six fields of every finding, then the extra participantId (the row's valid ID, or null)
      expect(Object.keys(f)).toEqual(['severity', 'code', 'file', 'line', 'column', 'message', 'participantId']);
      expect(f.participantId === null || /^[A-Za-z0-9_-]+$/.test(f.participantId ?? '')).toBe(true);
    }
    expect(r.stdout).not.toMatch(PERSONNUMMER_SHAPED);
  });

  it('2024-Q3 is clipped to the project start', async () => {
    const { doc } = await json([FIXTURE, '--period', '2024-Q3']);
    expect(doc.period).toEqual({ label: '2024-Q3', start: '2024-08-01', end: '2024-09-30', asOf: '2024-09-30', preliminary: false });
  });

  it('the four quarters of 2025 add up to the year, and Q4 shares the year’s cumulative values', async () => {
    const year = (await json([FIXTURE, '--period', '2025'])).doc;
    const quarters = await Promise.all(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'].map(async (q) => (await json([FIXTURE, '--period', q])).doc));
    const rows = (d: IndicatorsResult) => [...d.indicators, ...d.context];
    rows(year).forEach((v, i) => {
      for (const g of ['women', 'men', 'nonBinary', 'total'] as const) {
        const sum = quarters.reduce((n, q) => n + rows(q)[i]!.period[g], 0);
        expect(sum, `${v.code} ${g}`).toBe(v.period[g]);
      }
      expect(rows(quarters[3]!)[i]!.cumulative, v.code).toEqual(v.cumulative);
    });
    expect(quarters[3]!.targets).toEqual(year.targets);
  });

  it('--period project has figures, preliminary until the project ends, with a notice on stderr', async () => {
    const { run: r, doc } = await json([FIXTURE, '--period', 'project']);
    expect(doc.period).toEqual({ label: 'project', start: '2024-08-01', end: '2027-07-31', asOf: TODAY, preliminary: true });
    expect(doc.indicators[0]!.period).toEqual(doc.indicators[0]!.cumulative);
    expect(doc.indicators[0]!.cumulative.total).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/preliminary/);
    const quiet = await run([FIXTURE, '--period', 'project', '--format', 'json', '--quiet']);
    expect(quiet.stderr).toBe('');
  });

  it('text: a readable table without personal data; Swedish with --lang sv', async () => {
    const { doc } = await json([FIXTURE, '--period', '2025-Q4']);
    const en = await run([FIXTURE, '--period', '2025-Q4', '--monthly', '--cohorts']);
    expect(en.code).toBe(expectedCode(doc));
    expect(en.stdout).toContain('HISSen');
    expect(en.stdout).toContain('2025-Q4: 2025-10-01 – 2025-12-31');
    for (const code of ['EECO01', 'EECO17', 'EECR06', 'LEAVERS', 'FOLLOWUP_MISSING', 'T-PART', 'T-TRANS']) expect(en.stdout).toContain(code);
    expect(en.stdout).toContain('Rekrytera');
    expect(en.stdout).toMatch(/Consistency: all 19 aggregate tests hold/);
    expect(en.stdout).toContain('2024-08'); // monthly view from the project start
    expect(en.stdout).toContain('2024-HT'); // cohort view
    expect(en.stdout).not.toMatch(PERSONNUMMER_SHAPED);
    expect(en.stdout).not.toContain('\u001b['); // no colour off a TTY
    const sv = await run([FIXTURE, '--period', '2025-Q4', '--lang', 'sv']);
    expect(sv.stdout).toContain('Deltagare totalt');
    expect(sv.stdout).toContain('Projektmål');
    expect(sv.stdout).not.toMatch(PERSONNUMMER_SHAPED);
  });

  it('csv: one row per figure and gender, for Excel', async () => {
    const en = await run([FIXTURE, '--period', '2025-Q2', '--format', 'csv']);
    expect(en.stdout.startsWith('\uFEFFcode,name,kind,scope,measure,gender,value\r\n')).toBe(true);
    expect(en.stdout).toContain('EECO01,Total number of participants,output,period,value,women,');
    const sv = await run([FIXTURE, '--period', '2025-Q2', '--format', 'csv', '--lang', 'sv']);
    expect(sv.stdout.startsWith('\uFEFFkod;namn;typ;omfattning;mått;kön;värde\r\n')).toBe(true);
    expect(sv.stdout).toContain('EECO01;Totalt antal deltagare;output;cumulative;value;total;');
    expect(sv.stdout).not.toMatch(PERSONNUMMER_SHAPED);
  });

  it('--strict makes warnings exit 1', async () => {
    const { run: r, doc } = await json([FIXTURE, '--period', '2026-Q2', '--strict']);
    expect(r.code).toBe(expectedCode(doc, true));
  });

  it('--from/--to and --as-of', async () => {
    const { run: r, doc } = await json([FIXTURE, '--from', '2025-01-01', '--to', '2025-03-31', '--as-of', '2025-04-28']);
    expect(r.code).toBe(expectedCode(doc));
    expect(doc.period).toEqual({ label: '2025-01-01..2025-03-31', start: '2025-01-01', end: '2025-03-31', asOf: '2025-04-28', preliminary: false });
    const q1 = (await json([FIXTURE, '--period', '2025-Q1'])).doc;
    expect(doc.indicators).toEqual(q1.indicators);
  });
});

describe('esf-report indicators: usage errors and unusable files exit 2', () => {
  it.each([
    [['--period', '2027-Q1'], /after today/],
    [['--period', '2024-Q1'], /outside the reporting range/],
    [['--from', '2025-01-01'], /--from needs --to/],
    [['--period', '2025-Q1', '--from', '2025-01-01', '--to', '2025-02-01'], /not both/],
    [['--period', '2025-Q1', '--as-of', '2026-12-01'], /after today/],
    [['--period', 'next'], /not a period/],
    [['--as-of', '2024-09-01'], /no quarter of the project has ended by 2024-09-01/],
  ])('%j', async (args, message) => {
    const r = await run([FIXTURE, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('a missing file: the JSON document holds only schema, project and findings', async () => {
    const r = await run(['no-such-file.csv', '--period', '2025-Q1', '--format', 'json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['schema', 'project', 'findings']);
    expect(doc.findings).toMatchObject([{ severity: 'error', code: 'FILE_UNREADABLE', line: null }]);
  });

  it('a file without a required column', async () => {
    const r = await run(['fixtures/bad/column-missing.csv', '--period', '2025-Q1', '--format', 'json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { findings: { code: string }[] };
    expect(Object.keys(doc)).toEqual(['schema', 'project', 'findings']);
    expect(doc.findings.map((f) => f.code)).toContain('COLUMN_MISSING');
    const text = await run(['fixtures/bad/column-missing.csv', '--period', '2025-Q1']);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain('COLUMN_MISSING');
  });

  it('rows with errors: exit 1, excluded and listed', async () => {
    const { run: r, doc } = await json(['fixtures/bad/date-invalid.csv', '--period', 'project']);
    expect(r.code).toBe(1);
    expect(doc.records.excluded).toBeGreaterThan(0);
    expect(doc.excluded[0]!.codes).toContain('DATE_INVALID');
    const text = await run(['fixtures/bad/date-invalid.csv', '--period', 'project']);
    expect(text.stdout).toMatch(/excluded from every figure.*esf-report validate fixtures\/bad\/date-invalid\.csv/s);
  });

  it('--help shows examples', async () => {
    const r = await run(['--help']);
    expect(r.stdout).toContain('--period <period>');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('esf-report indicators fixtures/participants.csv --period 2025-Q2');
  });
});
