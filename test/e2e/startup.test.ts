import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runBin } from '../helpers/run-bin.js';

// What a command loads decides how fast it starts (npm run bench:startup measures the time; this
// test holds the structure that makes it fast): the bin runs the bundle in dist/cli/, and checking a
// CSV file loads none of the heavy packages that only xlsx files, workbooks and charts need.
const HOOK = join(ROOT, 'test/helpers/record-imports.mjs');
const HEAVY = /node_modules\/(exceljs|vega[^/]*|@resvg|playwright-core|jszip|archiver|unzipper|saxes)\//;

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'esf-report-startup-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function loaded(name: string, args: readonly string[]): Promise<string[]> {
  const file = join(tmp, `${name}.txt`);
  const r = await runBin(args, { ESF_RECORD_IMPORTS: file, NODE_OPTIONS: `--import ${HOOK}` }, tmp);
  expect(r.stderr).not.toMatch(/internal error/);
  return (await readFile(file, 'utf8')).split('\n').filter(Boolean);
}

describe('start-up: what each command loads', () => {
  it('validate on a CSV file runs the bundle and loads no workbook, chart or browser package', async () => {
    const urls = await loaded('validate', ['validate', join(ROOT, 'fixtures/participants.csv')]);
    expect(urls.some((u) => u.includes('/dist/cli/main.js'))).toBe(true);
    expect(urls.filter((u) => u.includes('/dist/src/'))).toEqual([]);
    expect(urls.filter((u) => HEAVY.test(u))).toEqual([]);
    // zod, commander and chalk are compiled into the bundle, not resolved from node_modules
    expect(urls.filter((u) => /node_modules\/(zod|commander|chalk|date-fns)\//.test(u))).toEqual([]);
  });

  it('report loads the workbook writer (the hook sees what a command loads)', async () => {
    const urls = await loaded('report', ['report', join(ROOT, 'fixtures/participants.csv'), '--period', '2026-Q3', '-o', join(tmp, 'r.xlsx')]);
    expect(urls.some((u) => /node_modules\/exceljs\//.test(u))).toBe(true);
  });
});
