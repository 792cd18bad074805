import { execFile, execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorsResult } from '../../src/indicators/result.js';
import { xlsxParts } from '../helpers/xlsx-parts.js';
import { ROOT, runBin } from '../helpers/run-bin.js';
import { allCellTexts, findRow, loadWorkbook, personnummerShapes, sheet, values } from '../unit/report/read-back.js';

// Runs the built bin on the committed fixtures with today pinned (runBin sets ESF_REPORT_TODAY=2026-11-25).
const FIXTURE = 'fixtures/participants.csv';
const ARGS = [FIXTURE, '--period', '2026-Q3', '--as-of', '2026-11-20'] as const;
const PYTHON = '/usr/bin/python3';

function hasOpenpyxl(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function openpyxlRead(file: string): Promise<{ sheets: string[]; cells: Record<string, Record<string, unknown>>; print: Record<string, Record<string, unknown>> }> {
  return new Promise((resolve, reject) => {
    execFile(PYTHON, [`${ROOT}test/helpers/openpyxl-read.py`, file], { maxBuffer: 64 << 20 }, (err, stdout) => {
      if (err) reject(err);
      else resolve(JSON.parse(stdout) as never);
    });
  });
}

async function indicatorsJson(args: readonly string[]): Promise<IndicatorsResult> {
  const r = await runBin(['indicators', ...args, '--format', 'json']);
  return JSON.parse(r.stdout) as IndicatorsResult;
}

/** Cell contents of every sheet, for comparing two runs. */
function contents(wb: ExcelJS.Workbook): string[] {
  return allCellTexts(wb).map((c) => `${c.where}=${c.text}`);
}

describe('esf-report report', () => {
  let dir: string;
  let out: string;
  let wb: ExcelJS.Workbook;
  let run: Awaited<ReturnType<typeof runBin>>;
  let json: IndicatorsResult;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'esf-report-e2e-'));
    out = join(dir, 'report.xlsx');
    [run, json] = await Promise.all([runBin(['report', ...ARGS, '--out', out]), indicatorsJson(ARGS)]);
    wb = await loadWorkbook(await readFile(out));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the workbook, prints its path, exits as the spec says', () => {
    const expected = json.findings.some((f) => f.severity === 'error') ? 1 : 0;
    expect(run.code, run.stderr).toBe(expected);
    expect(run.stdout).toBe(`${out}\n`);
    expect(run.stderr).toContain(`wrote ${out}`);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sammanfattning', 'Diagram', 'Indikatorer', 'Projektmål', 'Per månad', 'Kohorter', 'Datakvalitet', 'Om rapporten']);
  });

  it('every indicator and context figure equals `indicators --format json` for the same arguments', () => {
    const ws = sheet(wb, 'Indikatorer');
    for (const row of [...json.indicators, ...json.context]) {
      const p = row.period;
      const c = row.cumulative;
      expect(values(findRow(ws, row.code), 3, 10), row.code).toEqual([p.women, p.men, p.nonBinary, p.total, c.women, c.men, c.nonBinary, c.total]);
    }
  });

  it('every target equals the JSON: target, base, achieved, rate, on track', () => {
    const ws = sheet(wb, 'Projektmål');
    for (const t of json.targets) {
      const row = findRow(ws, t.id);
      const a = t.achieved;
      expect(values(row, 5, 10), t.id).toEqual([t.base, a.women, a.men, a.nonBinary, a.total, t.rate]);
      expect(row.getCell(4).value, t.id).toBe(t.targetCount ?? '–');
      expect(row.getCell(11).value, t.id).toBe(t.onTrack === null ? '–' : t.onTrack ? 'ja' : 'nej');
    }
  });

  it('Summary record counts and the About sheet', async () => {
    const s = sheet(wb, 'Sammanfattning');
    expect(findRow(s, 'Rader i filen').getCell(2).value).toBe(json.records.rows);
    expect(findRow(s, 'Räknade (fullständiga) rader').getCell(2).value).toBe(json.records.counted);
    expect(findRow(s, 'Avläsningsdag (uppgifterna som de var denna dag)').getCell(2).value).toEqual(new Date(Date.UTC(2026, 10, 20)));
    const about = sheet(wb, 'Om rapporten');
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(await readFile(`${ROOT}${FIXTURE}`)).digest('hex');
    expect(findRow(about, 'SHA-256 för indatafilen').getCell(2).value).toBe(sha);
    expect(findRow(about, 'Indatafil').getCell(2).value).toBe('participants.csv');
    expect(findRow(about, 'Använda alternativ').getCell(2).value).toBe('--period 2026-Q3 --as-of 2026-11-20 --lang sv');
    expect(findRow(about, 'Skapad (UTC)').getCell(2).value).toEqual(new Date('2026-11-25T00:00:00.000Z'));
    expect(wb.created).toEqual(new Date('2026-11-25T00:00:00.000Z'));
  });

  it('holds no personnummer (the fixture has one on every row)', () => {
    const shapes = personnummerShapes(wb);
    expect(shapes.filter((s) => s.valid)).toEqual([]);
    expect([...new Set(shapes.map((s) => s.match))]).toEqual(['802478-1406']);
  });

  it('Data quality names the participant of each finding by ID beside the line (warnings too)', () => {
    const dq = sheet(wb, 'Datakvalitet');
    // the fixture's three STATUS_6M_MISSING warnings are on lines 13, 50 and 87 (P-0012, P-0049, P-0086)
    expect(values(findRow(dq, 13), 1, 2)).toEqual([13, 'P-0012']);
    expect(values(findRow(dq, 87), 1, 2)).toEqual([87, 'P-0086']);
  });

  it('is reproducible: the same export and arguments give the same cell contents', async () => {
    const again = join(dir, 'again.xlsx');
    const r = await runBin(['report', ...ARGS, '--out', again]);
    expect(r.code).toBe(run.code);
    expect(contents(await loadWorkbook(await readFile(again)))).toEqual(contents(wb));
  });

  it('never overwrites without --force (exit 2, file unchanged); replaces with --force', async () => {
    const before = await readFile(out);
    const mtime = (await stat(out)).mtimeMs;
    const r = await runBin(['report', ...ARGS, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exists; use --force/);
    expect(r.stdout).toBe('');
    expect((await readFile(out)).equals(before)).toBe(true);
    expect((await stat(out)).mtimeMs).toBe(mtime);
    const forced = await runBin(['report', ...ARGS, '--out', out, '--force']);
    expect(forced.code).toBe(run.code);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('default name esf-report-<project id>-<period>.xlsx in the current directory, English with --lang en', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'esf-report-cwd-'));
    try {
      const r = await runBin(['report', `${ROOT}${FIXTURE}`, '--period', '2026-Q3', '--as-of', '2026-11-20', '--lang', 'en'], {}, cwd);
      expect(r.code).toBe(run.code);
      expect(await readdir(cwd)).toEqual(['esf-report-23-073-S10-2026-Q3.xlsx']);
      expect(r.stdout).toBe('esf-report-23-073-S10-2026-Q3.xlsx\n');
      const en = await loadWorkbook(await readFile(join(cwd, 'esf-report-23-073-S10-2026-Q3.xlsx')));
      expect(en.worksheets.map((w) => w.name)).toEqual(['Summary', 'Charts', 'Indicators', 'Targets', 'Monthly', 'Cohorts', 'Data quality', 'About']);
      expect(en.worksheets[0]!.headerFooter.oddFooter).toBe('&L23-073-S10&CPeriod 2026-Q3&Rpage &P of &N');
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });

  it('--suppress-below 5: small counts hidden, the About sheet says so', async () => {
    const file = join(dir, 'suppressed.xlsx');
    const r = await runBin(['report', ...ARGS, '--out', file, '--suppress-below', '5']);
    expect(r.code).toBe(run.code);
    const s = await loadWorkbook(await readFile(file));
    const ind = sheet(s, 'Indikatorer');
    const eeco01 = json.indicators[0]!;
    const row = values(findRow(ind, 'EECO01'), 3, 6);
    [eeco01.period.women, eeco01.period.men, eeco01.period.nonBinary, eeco01.period.total].forEach((n, i) => {
      if (n >= 1 && n < 5) expect(row[i]).toBe('dolt');
      else expect([n, 'dolt']).toContain(row[i]);
    });
    const texts = allCellTexts(s).filter((c) => c.where.startsWith('Om rapporten')).map((c) => c.text);
    expect(texts.some((t) => t.startsWith('DELAD KOPIA (--suppress-below 5)'))).toBe(true);
    expect(r.stderr).toMatch(/shared copy \(--suppress-below 5\): \d+ figures hidden: \d+ counts from 1 to 4 \(primary\), \d+ more/);
  });

  it('--suppress-below: no participant ID of the input and no file name anywhere in the unzipped workbook; the funder\'s copy has them', async () => {
    const file = join(dir, 'shared-ids.xlsx');
    const r = await runBin(['report', ...ARGS, '--out', file, '--suppress-below', '3', '--lang', 'en']);
    expect(r.code).toBe(run.code);
    const ids = (await readFile(FIXTURE, 'utf8'))
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0]!.trim())
      .filter((id) => id !== '');
    expect(ids.length).toBeGreaterThan(100);
    const sharedXml = [...xlsxParts(await readFile(file)).values()].join('\n');
    for (const id of ids) expect(sharedXml.includes(id), id).toBe(false);
    expect(sharedXml.includes('participants.csv')).toBe(false);
    const funderXml = [...xlsxParts(await readFile(out)).values()].join('\n');
    expect(ids.some((id) => funderXml.includes(id))).toBe(true);
    expect(funderXml.includes('participants.csv')).toBe(true);
  });

  it('an independent reader (openpyxl) loads it with the same values', async (ctx) => {
    if (!hasOpenpyxl()) {
      ctx.skip('openpyxl is not installed for /usr/bin/python3 (Debian: apt-get install python3-openpyxl); cross-reader check skipped');
      return;
    }
    const py = await openpyxlRead(out);
    expect(py.sheets).toEqual(wb.worksheets.map((w) => w.name));
    const ind = sheet(wb, 'Indikatorer');
    const row = findRow(ind, 'EECO01').number;
    const eeco01 = json.indicators[0]!;
    expect(py.cells.Indikatorer![`A${row}`]).toBe('EECO01');
    expect(py.cells.Indikatorer![`F${row}`]).toBe(eeco01.period.total);
    expect(py.cells.Indikatorer![`J${row}`]).toBe(eeco01.cumulative.total);
    const emp = findRow(sheet(wb, 'Projektmål'), 'T-EMP').number;
    expect(py.cells['Projektmål']![`J${emp}`]).toBe(json.targets.find((t) => t.id === 'T-EMP')!.rate);
    const start = findRow(sheet(wb, 'Sammanfattning'), 'Projektperiodens början').number;
    expect(py.cells.Sammanfattning![`B${start}`]).toBe('2024-08-01');
    expect(py.print.Indikatorer).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, fitToHeight: 0, fitToPage: true, printTitleRows: '$1:$2' });
  });
});

describe('esf-report report on bad input', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'esf-report-e2e-bad-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const BAD = 'fixtures/bad/date-invalid.csv';

  it('rows with errors: the workbook is still written, exit 1, the rows listed on Data quality', async () => {
    const out = join(dir, 'bad.xlsx');
    const r = await runBin(['report', BAD, '--period', 'project', '--out', out]);
    expect(r.code, r.stderr).toBe(1);
    const wb = await loadWorkbook(await readFile(out));
    const dq = sheet(wb, 'Datakvalitet');
    const json = await indicatorsJson([BAD, '--period', 'project']);
    expect(json.excluded.length).toBeGreaterThan(0);
    for (const e of json.excluded) {
      const row = findRow(dq, e.line);
      expect(row.getCell(2).value).toBe(e.participantId ?? null);
      expect(row.getCell(3).value).toBe('ja');
    }
    expect(findRow(sheet(wb, 'Sammanfattning'), 'Uteslutna rader (med fel)').getCell(2).value).toBe(json.records.excluded);
  });

  it('--strict refuses to write when rows are excluded (exit 1, no file)', async () => {
    const out = join(dir, 'strict.xlsx');
    const r = await runBin(['report', BAD, '--period', 'project', '--out', out, '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--strict/);
    expect(await readdir(dir)).not.toContain('strict.xlsx');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('an unusable or missing file: exit 2, nothing written', async () => {
    const empty = join(dir, 'empty.csv');
    await writeFile(empty, '');
    for (const input of [empty, join(dir, 'missing.csv')]) {
      const out = join(dir, 'unusable.xlsx');
      const r = await runBin(['report', input, '--period', '2026-Q3', '--out', out]);
      expect(r.code, input).toBe(2);
      expect(await readdir(dir)).not.toContain('unusable.xlsx');
    }
  });

  it('usage errors exit 2: no quarter ended yet, a bad threshold, --out not .xlsx, --out the input itself', async () => {
    const copy = join(dir, 'copy.xlsx'); // CSV bytes under an .xlsx name: only the same-file check can stop it
    await copyFile(`${ROOT}${FIXTURE}`, copy);
    const cases: string[][] = [
      [FIXTURE, '--as-of', '2024-09-01', '--out', join(dir, 'a.xlsx')],
      [FIXTURE, '--period', '2026-Q3', '--suppress-below', '1', '--out', join(dir, 'b.xlsx')],
      [FIXTURE, '--period', '2026-Q3', '--suppress-below', 'five', '--out', join(dir, 'c.xlsx')],
      [FIXTURE, '--period', '2026-Q3', '--out', join(dir, 'd.csv')],
      [copy, '--period', '2026-Q3', '--out', copy, '--force'],
    ];
    for (const args of cases) {
      const r = await runBin(['report', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect(await readFile(copy)).toEqual(await readFile(`${ROOT}${FIXTURE}`));
    const left = await readdir(dir);
    for (const f of ['a.xlsx', 'b.xlsx', 'c.xlsx', 'd.csv']) expect(left).not.toContain(f);
  });
});
