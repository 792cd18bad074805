import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runBin } from '../helpers/run-bin.js';

const work = mkdtempSync(join(tmpdir(), 'esf-read-layer-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the bin through a shell, so that pipes and redirections are real. */
function sh(command: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('/bin/sh', ['-c', command], { cwd: ROOT, env: { ...process.env, ESF_REPORT_TODAY: '2026-11-25', NO_COLOR: '1' }, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 99) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}
const bin = `${process.execPath} ${BIN}`;

/** A ledger whose every row has every value wrong: DATE_INVALID, CATEGORY_INVALID twice (type, category), AMOUNT_INVALID. */
function allInvalidLedger(name: string, rows: number): string {
  const lines = ['date;type;category;amount;reference'];
  for (let i = 1; i <= rows; i++) lines.push(`day ${i};kind ${i};what ${i};sum ${i};V-${i}`);
  const path = join(work, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

interface ValidationDoc {
  truncated: boolean;
  findings: { code: string; file: string; line: number | null }[];
  files: { file: string; kind: string; rows: number; errors: number; excludedRows: number; counts: Record<string, number>; truncated: boolean }[];
}

describe('bounded findings for a ledger', () => {
  const rows = 50_000;
  const ledger = allInvalidLedger('all-invalid-ledger.csv', rows);

  it('validate --ledger --format json lists at most 1,000 of a code, with the full counts and truncated', async () => {
    const r = await runBin(['validate', '--ledger', ledger, '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as ValidationDoc;
    expect(doc.truncated).toBe(true);
    const perCode = new Map<string, number>();
    for (const f of doc.findings) perCode.set(f.code, (perCode.get(f.code) ?? 0) + 1);
    expect(Object.fromEntries(perCode)).toEqual({ DATE_INVALID: 1000, CATEGORY_INVALID: 1000, AMOUNT_INVALID: 1000 });
    expect(doc.files[0]).toMatchObject({ kind: 'ledger', rows, excludedRows: rows, errors: 4 * rows, truncated: true });
    expect(doc.files[0]!.counts).toEqual({ DATE_INVALID: rows, CATEGORY_INVALID: 2 * rows, AMOUNT_INVALID: rows });
    // the first ones, in line order
    expect(doc.findings.filter((f) => f.code === 'AMOUNT_INVALID').map((f) => f.line).slice(0, 3)).toEqual([2, 3, 4]);
    expect(r.stderr).toContain('AMOUNT_INVALID 1000/50000');
  });

  it('--all-findings streams every finding of the ledger', async () => {
    const small = allInvalidLedger('all-invalid-ledger-small.csv', 1200);
    const r = await runBin(['validate', '--ledger', small, '--format', 'json', '--all-findings']);
    const doc = JSON.parse(r.stdout) as ValidationDoc;
    expect(doc.truncated).toBe(false);
    expect(doc.findings.filter((f) => f.code === 'AMOUNT_INVALID')).toHaveLength(1200);
    expect(doc.findings).toHaveLength(4 * 1200);
  });

  it('finance --format json counts every excluded row and keeps 1,000 findings of a code', async () => {
    const r = await runBin(['finance', ledger, '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { records: { rows: number; excluded: number }; excluded: unknown[]; findings: { code: string }[] };
    expect(doc.records).toMatchObject({ rows, excluded: rows });
    expect(doc.excluded).toHaveLength(rows);
    expect(doc.findings.filter((f) => f.code === 'CATEGORY_INVALID')).toHaveLength(1000);
  });
});

describe('standard input is named (standard input)', () => {
  it('in every format of validate, never as - or a quoted \'-', async () => {
    for (const format of ['text', 'json', 'github', 'csv']) {
      const r = await sh(`${bin} validate --format ${format} - < fixtures/bad/value-invalid.csv`);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('(standard input)');
      expect(r.stdout).not.toContain("'-");
      if (format === 'csv') expect(r.stdout.split('\r\n')[1]).toContain(',(standard input),');
      if (format === 'github') expect(r.stdout).toContain('file=(standard input)');
    }
  });

  it('in diff, finance and indicators', async () => {
    const diff = await sh(`${bin} diff - fixtures/participants.csv --format json < fixtures/participants.csv`);
    expect(diff.code).toBe(0);
    expect(JSON.parse(diff.stdout).old.file).toBe('(standard input)');
    const finance = await sh(`${bin} finance - < fixtures/ledger/ledger.csv`);
    expect(finance.stdout).toContain('(standard input)');
    const missing = await sh(`${bin} indicators - --format json < /dev/null`);
    expect(missing.code).toBe(2);
    expect(missing.stdout + missing.stderr).toContain('(standard input)');
  });
});

describe('--all-findings in text', () => {
  it('lists every finding under its code, where the default shows five', async () => {
    const lines = ['participant_id,gender,birth_date,entry_date,employment_status,unemployment_months,isced'];
    for (let i = 1; i <= 8; i++) lines.push(`P-${i},kvinna,1990-01-01,2025-01-0${i},arbetslös,3,9`);
    const path = join(work, 'isced.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const short = await runBin(['validate', path]);
    expect(short.stdout).toContain('… and 3 more');
    expect(short.stdout.match(/^ {4}line \d+:/gm)).toHaveLength(5);
    const all = await runBin(['validate', path, '--all-findings']);
    expect(all.code).toBe(1);
    expect(all.stdout).not.toContain('… and');
    expect(all.stdout.match(/^ {4}line \d+:/gm)).toHaveLength(8);
    expect(all.stdout).toContain('line 9:');
  });

  it('is in the help of validate', async () => {
    const r = await runBin(['help', 'validate']);
    expect(r.stdout).toMatch(/--all-findings\s+list every finding: text shows every one/);
  });
});

describe('diff - -', () => {
  it('is a usage error: standard input cannot be both exports (exit 2)', async () => {
    const text = await sh(`${bin} diff - - < fixtures/participants.csv`);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('standard input (-) can be read only once');
    expect(text.stdout).toBe('');
    const json = await sh(`${bin} diff - - --format json < fixtures/participants.csv`);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ schema: 'esf-report/error@1', error: { code: 'USAGE' } });
  });
});

describe('a GitHub annotation for a file whose name holds a personnummer', () => {
  it('has no file= (the masked name is no file); the masked name and line lead the message', async () => {
    const path = join(work, 'export-19850312-9812.csv');
    copyFileSync(`${ROOT}fixtures/bad/value-invalid.csv`, path);
    const r = await runBin(['validate', '--format', 'github', path]);
    expect(r.code).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(annotations.length).toBeGreaterThan(0);
    for (const a of annotations) {
      expect(a).not.toContain('file=');
      expect(a).toMatch(/^::error title=[A-Z_]+::.*export-\[personnummer\]\.csv:\d+: /);
    }
    expect(r.stdout).not.toContain('19850312');
    // an ordinary name keeps file= and line=
    const plain = await runBin(['validate', '--format', 'github', `${ROOT}fixtures/bad/value-invalid.csv`]);
    expect(plain.stdout).toMatch(/^::error file=[^,]+value-invalid\.csv,line=\d+,title=/m);
  });
});
