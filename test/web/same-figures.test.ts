import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runBin } from '../helpers/run-bin.js';
import { buildWebOnce } from './build.js';

/**
 * The page's figures are the CLI's: the engine as bundled for the page (same esbuild build, same
 * browser builds of exceljs, iconv-lite and buffer) gives byte for byte the JSON that the real
 * `esf-report indicators --format json` prints, on every participant fixture.
 */

const TODAY = '2026-11-25'; // run-bin pins ESF_REPORT_TODAY to this day

interface Engine {
  analyse(req: unknown): Promise<{ ok: true; analysis: unknown } | { ok: false; periodError: string }>;
  analysisJson(a: unknown): string;
  bytesFile(name: string, bytes: Uint8Array): unknown;
}

let engine: Engine;
beforeAll(async () => {
  const build = await buildWebOnce();
  engine = (await import(pathToFileURL(build.testEngine!).href)) as Engine;
});

const FIXTURES: { dir: string; file: string }[] = [
  ...readdirSync(join(ROOT, 'fixtures')).filter((f) => f.endsWith('.csv')).map((file) => ({ dir: 'fixtures', file })),
  ...readdirSync(join(ROOT, 'fixtures/bad')).filter((f) => f.endsWith('.csv')).map((file) => ({ dir: 'fixtures/bad', file })),
];

// every fixture with the CLI's defaults; the good exports also with a quarter, a reference date and Swedish
const CASES: { period: string; asOf?: string; lang: 'en' | 'sv'; fixtures: typeof FIXTURES }[] = [
  { period: 'project', lang: 'en', fixtures: FIXTURES },
  { period: '2026-Q3', asOf: '2026-11-20', lang: 'sv', fixtures: FIXTURES.filter((f) => f.dir === 'fixtures' || f.file === 'date-invalid.csv') },
];

async function pageJson(dir: string, file: string, c: (typeof CASES)[number]): Promise<string> {
  const bytes = new Uint8Array(readFileSync(join(ROOT, dir, file)));
  const outcome = await engine.analyse({ participants: engine.bytesFile(file, bytes), period: c.period, asOf: c.asOf, today: TODAY, lang: c.lang });
  if (!outcome.ok) throw new Error(outcome.periodError);
  return engine.analysisJson(outcome.analysis);
}

describe('the page and the CLI give the same JSON', () => {
  it('covers every fixture', () => {
    expect(FIXTURES.length).toBeGreaterThan(25);
  });

  for (const c of CASES) {
    describe.concurrent(`--period ${c.period}${c.asOf ? ` --as-of ${c.asOf}` : ''} --lang ${c.lang}`, () => {
      it.each(c.fixtures)('$dir/$file', async ({ dir, file }) => {
        // the CLI runs beside the file, so that it names the file as the page does (its base name)
        const args = ['indicators', file, '--period', c.period, '--format', 'json', '--lang', c.lang, ...(c.asOf ? ['--as-of', c.asOf] : [])];
        const cli = await runBin(args, {}, join(ROOT, dir));
        expect([0, 1, 2]).toContain(cli.code);
        expect(cli.stdout.length).toBeGreaterThan(0);
        expect(await pageJson(dir, file, c)).toBe(cli.stdout);
      });
    });
  }
});
