/**
 * The real bin on .xlsx exports: read by the streaming reader from a file and from standard input
 * (copied to a private file, so read by offset too), and a damaged workbook is one FILE_UNREADABLE
 * finding with exit 2, never a stack trace.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runBin } from '../helpers/run-bin.js';

const work = mkdtempSync(join(tmpdir(), 'esf-xlsx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FIXTURE = join(ROOT, 'fixtures/xlsx/libreoffice.xlsx');

function viaStdin(file: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ESF_REPORT_TODAY: '2026-11-25', NO_COLOR: '1' } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 99) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
    child.stdin!.end(readFileSync(file));
  });
}

describe('an .xlsx export through the bin', () => {
  it('gives the same findings from a file and from standard input', async () => {
    const fromFile = await runBin(['validate', FIXTURE, '--format', 'json']);
    const fromStdin = await viaStdin(FIXTURE, ['validate', '-', '--format', 'json']);
    expect(fromFile.code).toBe(1);
    expect(fromStdin.code).toBe(fromFile.code);
    type Doc = { files: { format: string; rows: number }[]; findings: { file: string }[] };
    const findings = (doc: Doc) => doc.findings.map((f) => ({ ...f, file: null }));
    const doc = JSON.parse(fromFile.stdout) as Doc;
    expect(doc.files[0]).toMatchObject({ format: 'xlsx', rows: 5 });
    expect(findings(JSON.parse(fromStdin.stdout) as Doc)).toEqual(findings(doc));
  });

  it.each([
    ['cut off', (b: Buffer) => b.subarray(0, Math.floor(b.length * 0.6))],
    ['its directory overwritten', (b: Buffer) => Buffer.concat([b.subarray(0, b.length - 200), Buffer.alloc(200, 0x41)])],
    [
      'its sheet overwritten',
      (b: Buffer) => {
        // inside the participant sheet's compressed bytes, past its local header
        const at = b.indexOf('xl/worksheets/sheet2.xml') + 200;
        return Buffer.concat([b.subarray(0, at), Buffer.alloc(300, 0x7a), b.subarray(at + 300)]);
      },
    ],
  ])('calls a workbook %s unreadable (exit 2, one finding, no stack trace), from a file and from standard input', async (_, damage) => {
    const file = join(work, 'damaged.xlsx');
    writeFileSync(file, damage(readFileSync(FIXTURE)));
    for (const r of [await runBin(['validate', file, '--format', 'json']), await viaStdin(file, ['validate', '-', '--format', 'json'])]) {
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      const doc = JSON.parse(r.stdout) as { findings: { code: string; message: string }[] };
      expect(doc.findings.map((f) => f.code)).toEqual(['FILE_UNREADABLE']);
      expect(doc.findings[0]!.message).toMatch(/not a readable \.xlsx workbook/);
    }
  });
});
