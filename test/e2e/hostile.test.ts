import { execFile, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runBin } from '../helpers/run-bin.js';

const work = mkdtempSync(join(tmpdir(), 'esf-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const HEADER =
  'participant_id,personnummer,gender,birth_date,entry_date,exit_date,cohort,employment_status,unemployment_months,isced,disability,third_country_national,foreign_background,minority,homeless,rural,exit_status,qualification_gained,status_6m,improved_situation_6m,work_training_start,studies_start,employment_start,network_expanded,competence_improved,understanding_improved';

/** A file whose every row has every field wrong (25 findings a row). */
function allInvalid(name: string, rows: number): string {
  const lines = [HEADER];
  for (let i = 1; i <= rows; i++) lines.push(`#${i},${Array(25).fill(`?${i}`).join(',')}`);
  const path = join(work, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Runs the bin through a shell, so that pipes and redirections are real. */
function sh(command: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('/bin/sh', ['-c', command], { cwd: ROOT, env: { ...process.env, ESF_REPORT_TODAY: '2026-11-25', NO_COLOR: '1', ...env }, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 99) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

describe('bounded findings', () => {
  const file = allInvalid('all-invalid.csv', 1100);

  it('json lists at most 1,000 findings of a code, with the full counts and a truncated marker', async () => {
    const r = await runBin(['validate', '--format', 'json', file]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { truncated: boolean; files: { counts: Record<string, number>; truncated: boolean; errors: number }[]; findings: { code: string }[] };
    expect(doc.truncated).toBe(true);
    expect(doc.files[0]!.truncated).toBe(true);
    expect(doc.files[0]!.counts.ID_INVALID).toBe(1100);
    expect(doc.files[0]!.errors).toBe(1100 * 25);
    expect(doc.findings.filter((f) => f.code === 'ID_INVALID')).toHaveLength(1000);
    expect(doc.findings.filter((f) => f.code === 'VALUE_INVALID')).toHaveLength(1000);
    expect(r.stderr).toMatch(/only the first 1000 findings of each code are listed/);
  });

  it('--all-findings streams every one', async () => {
    const r = await runBin(['validate', '--format', 'json', '--all-findings', file]);
    const doc = JSON.parse(r.stdout) as { truncated: boolean; findings: unknown[] };
    expect(doc.truncated).toBe(false);
    expect(doc.findings).toHaveLength(1100 * 26);
  });

  it('github and csv say what was left out', async () => {
    const gh = await runBin(['validate', '--format', 'github', file]);
    expect(gh.stdout).toMatch(/^::notice file=.*,title=ID_INVALID::100 more ID_INVALID findings not listed \(1000 of 1100 listed\)/m);
    expect(gh.stdout.split('\n').filter((l) => l.startsWith('::error') && l.includes('title=ID_INVALID'))).toHaveLength(1000);
    const csv = await runBin(['validate', '--format', 'csv', file]);
    expect(csv.stdout).toMatch(/\r\nnotice,ID_INVALID,.*1000 of 1100 listed/);
  });

  it('report writes a workbook whose data-quality sheet lists at most 1,000 of a code and says so', async () => {
    const out = join(work, 'report.xlsx');
    const r = await runBin(['report', file, '--period', 'project', '--out', out, '--force', '--lang', 'en']);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('Data quality')!;
    const codes: string[] = [];
    let note = '';
    sheet.eachRow((row) => {
      const code = row.getCell(5).value;
      if (typeof code === 'string') codes.push(code);
      const first = row.getCell(1).value;
      if (typeof first === 'string' && first.startsWith('Only the first')) note = first;
    });
    expect(codes.filter((c) => c === 'ID_INVALID')).toHaveLength(1000);
    expect(note).toMatch(/ID_INVALID 1100/);
  });
});

describe('hostile files', () => {
  it('refuses a record past the size limit at its line, quickly, with exit 2', async () => {
    const path = join(work, 'long-line.csv');
    writeFileSync(path, `${HEADER}\nP-1,${'x'.repeat(2 << 20)}\n`);
    const r = await runBin(['validate', '--format', 'json', path]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { findings: { code: string; line: number }[] };
    expect(doc.findings).toEqual([expect.objectContaining({ code: 'RECORD_TOO_LONG', line: 2 })]);
    expect(r.stdout.length).toBeLessThan(5000);
  });

  it('cuts an echoed header in messages to a sane length', async () => {
    const path = join(work, 'wide-header.csv');
    writeFileSync(path, `${'y'.repeat(100_000)},gender\nP-1,man\n`);
    const r = await runBin(['validate', path]);
    expect(r.code).toBe(2);
    expect(r.stdout.length).toBeLessThan(10_000);
  });

  it('an unreadable input (an I/O error on read) is FILE_UNREADABLE, exit 2, not an internal error', async () => {
    const r = await runBin(['validate', '--format', 'json', '/proc/self/mem']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).findings[0].code).toBe('FILE_UNREADABLE');
  });

  it('a file without read permission is FILE_UNREADABLE, exit 2', async () => {
    const path = join(work, 'no-read.csv');
    copyFileSync(`${ROOT}fixtures/participants.csv`, path);
    chmodSync(path, 0o000);
    // root reads everything: run as nobody there (setpriv), as ourselves elsewhere
    const asNobody = process.getuid?.() === 0 ? 'setpriv --reuid=65534 --regid=65534 --clear-groups ' : '';
    chmodSync(work, 0o755);
    const r = await sh(`${asNobody}${process.execPath} ${BIN} validate ${path}`);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/permission denied/);
    expect(r.stderr).not.toMatch(/internal error|at .*\.js/);
  });
});

describe('hostile environments', () => {
  it('a closed pipe ends quietly with exit 0', async () => {
    const file = allInvalid('pipe.csv', 2000);
    const r = await sh(`(${process.execPath} ${BIN} validate --format json --all-findings ${file}; echo "exit $?" >&2) | head -1`);
    expect(r.stdout).toBe('{\n');
    expect(r.stderr).toBe('exit 0\n');
  });

  it.runIf(existsSync('/dev/full'))('a full disk on stdout exits 2 with one sentence', async () => {
    const r = await sh(`${process.execPath} ${BIN} validate --format json fixtures/participants.csv > /dev/full`);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('esf-report: cannot write the output to standard output: the disk is full\n');
  });

  it('SIGTERM removes the temporary copy of standard input and exits 143', async () => {
    const tmp = mkdtempSync(join(work, 'tmp-'));
    const child = spawn(process.execPath, [BIN, 'validate', '-'], { cwd: ROOT, env: { ...process.env, TMPDIR: tmp, ESF_REPORT_TODAY: '2026-11-25' } });
    child.stdin.write(`${HEADER}\n`);
    // the copy exists once the program is reading standard input
    for (let i = 0; i < 200 && readdirSync(tmp).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(tmp)).toHaveLength(1);
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(143);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('- reads standard input (participants and ledgers), detecting the encoding as for files', async () => {
    const r = await sh(`cat fixtures/participants-sv-excel.csv | ${process.execPath} ${BIN} validate --format json -`);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.files[0]).toMatchObject({ file: '(standard input)', encoding: 'windows-1252', delimiter: ';', rows: 110 });
    const ledger = await sh(`cat fixtures/ledger/ledger.csv | ${process.execPath} ${BIN} validate --ledger - --format json`);
    expect(JSON.parse(ledger.stdout).files[0]).toMatchObject({ file: '(standard input)', kind: 'ledger' });
    const twice = await sh(`${process.execPath} ${BIN} validate - - < fixtures/participants.csv`);
    expect(twice.code).toBe(2);
  });
});

describe('personal data and injection', () => {
  const forms = ['19850312-9812', '850312.9812', '85 03 12 - 9812', '19850312_9812'];

  it.each(forms)('a personnummer in the file name (%s) is printed in no format', async (pnr) => {
    const path = join(work, `export-${pnr}.csv`);
    copyFileSync(`${ROOT}fixtures/bad/value-invalid.csv`, path);
    for (const format of ['text', 'json', 'github', 'csv']) {
      const r = await runBin(['validate', '--format', format, path]);
      expect(r.code).toBe(1);
      const all = r.stdout + r.stderr;
      expect(all).toContain('[personnummer]');
      expect(all).not.toContain(pnr);
      expect(all.replace(/\D/g, '')).not.toContain('8503129812');
    }
  });

  it('an ID shaped like a personnummer in any form is ID_IS_PERSONNUMMER and never printed', async () => {
    const src = readFileSync(`${ROOT}fixtures/participants.csv`, 'utf8').split('\n');
    src[1] = src[1]!.replace(/^P-0001/, '19850312_9812');
    const path = join(work, 'id-pnr.csv');
    writeFileSync(path, src.join('\n'));
    const r = await runBin(['validate', '--format', 'json', path]);
    const doc = JSON.parse(r.stdout) as { findings: { code: string; line: number }[] };
    expect(doc.findings).toContainEqual(expect.objectContaining({ code: 'ID_IS_PERSONNUMMER', line: 2 }));
    expect(r.stdout).not.toContain('9812');
  });

  it('a file name that is a formula is neutralised in the CSV', async () => {
    const path = join(work, '=HYPERLINK(1).csv');
    copyFileSync(`${ROOT}fixtures/bad/value-invalid.csv`, path);
    const r = await runBin(['validate', '--format', 'csv', path]);
    const rows = r.stdout.replace(/^\uFEFF/, '').split('\r\n').slice(1).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).not.toMatch(/(^|,)=/);
  });

  it.each(['::error title=X::a.csv', 'a\n::add-mask::b.csv'])('a file name cannot inject a workflow command (%j)', async (name) => {
    const dir = mkdtempSync(join(work, 'gh-'));
    const path = join(dir, name.replace(/\//g, '_'));
    copyFileSync(`${ROOT}fixtures/bad/value-invalid.csv`, path);
    const r = await runBin(['validate', '--format', 'github', path]);
    for (const line of (r.stdout + r.stderr).split('\n')) {
      if (!line.startsWith('::')) continue;
      expect(line).toMatch(/^::(error|warning|notice) file=[^:,\n]*(,line=\d+)?,title=[A-Z0-9_]+::/);
    }
    expect(r.stdout).not.toMatch(/^::add-mask::/m);
    expect(r.stdout).not.toMatch(/^::error title=X/m);
    // the summary line names the file escaped once (`%3A`), not twice (`%253A`)
    expect(r.stdout).not.toContain('%25');
    if (name.startsWith('::')) expect(r.stdout).toContain('%3A%3Aerror title=X%3A%3Aa.csv: ');
  });
});
