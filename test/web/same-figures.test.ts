import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

interface EngineDetails extends Engine {
  latestEndedQuarter(today: string): string;
  analysisView(a: unknown): {
    groups: { code: string; severity: string; count: number; hint: string; items: { line: number | null; message: string }[] }[];
    workbook: boolean;
    result: unknown;
    files: { rows: number; excludedRows: number; unusable: boolean }[];
  };
  workbookBytes(a: unknown, req: unknown): Promise<Uint8Array>;
  htmlReportBytes(a: unknown, req: unknown): Promise<Uint8Array | null>;
  targetsChartHtml(a: unknown, req: unknown): Promise<string | null>;
}

describe('the engine behind the page', () => {
  const e = () => engine as EngineDetails;
  const analyse = async (dir: string, file: string, period = 'project', lang = 'en') => {
    const outcome = await e().analyse({ participants: e().bytesFile(file, new Uint8Array(readFileSync(join(ROOT, dir, file)))), period, today: TODAY, lang });
    if (!outcome.ok) throw new Error(outcome.periodError);
    return outcome.analysis;
  };

  it('defaults to the latest ended quarter', () => {
    expect(e().latestEndedQuarter('2026-12-06')).toBe('2026-Q3');
    expect(e().latestEndedQuarter('2026-10-01')).toBe('2026-Q3');
    expect(e().latestEndedQuarter('2026-09-30')).toBe('2026-Q2');
    expect(e().latestEndedQuarter('2027-02-01')).toBe('2026-Q4');
  });

  it('says why a period cannot be used instead of computing', async () => {
    const outcome = await e().analyse({ participants: e().bytesFile('x.csv', new Uint8Array()), period: '2031', today: TODAY, lang: 'sv' });
    expect(outcome.ok).toBe(false);
    // in the page's language and terms: the reading day, not --as-of
    expect(!outcome.ok && outcome.periodError).toMatch(/^perioden 2031 \(2031-01-01 – 2031-12-31\) ligger helt utanför rapporteringstiden 2024-08-01 – 2028-01-31/);
    const en = await e().analyse({ participants: e().bytesFile('x.csv', new Uint8Array()), period: '2026-Q3', asOf: '2026-12-24', today: TODAY, lang: 'en' });
    expect(!en.ok && en.periodError).toBe(`the reading day 2026-12-24 is after today (${TODAY}); the figures cannot describe a day that has not come.`);
  });

  it('groups the findings by code, errors first, with the lines and the fix in the language', async () => {
    const view = e().analysisView(await analyse('fixtures/bad', 'date-invalid.csv', 'project', 'sv'));
    expect(view.groups.map((g) => [g.code, g.severity, g.count])).toEqual([['DATE_INVALID', 'error', 2]]);
    expect(view.groups[0]!.items.map((i) => i.line)).toEqual([3, 5]);
    expect(view.groups[0]!.hint).toMatch(/^Skriv datum som ÅÅÅÅ-MM-DD/);
    expect(view.files[0]).toMatchObject({ rows: 4, excludedRows: 2, unusable: false });
    expect(view.workbook).toBe(true);
  });

  it('gives no figures and no workbook for an unusable file', async () => {
    const view = e().analysisView(await analyse('fixtures/bad', 'column-missing.csv'));
    expect(view.files[0]!.unusable).toBe(true);
    expect(view.result).toBeNull();
    expect(view.workbook).toBe(false);
  });

  it('makes the shared copy with the same builder, small counts hidden', async () => {
    const analysis = await analyse('fixtures', 'participants.csv', '2026-Q3', 'sv');
    const req = { lang: 'sv', generatedAt: '2026-11-25T00:00:00.000Z', sha256: { participants: '0'.repeat(64) } };
    const full = await e().workbookBytes(analysis, { ...req, suppressBelow: null });
    const shared = await e().workbookBytes(analysis, { ...req, suppressBelow: 5 });
    expect(full[0]).toBe(0x50); // a zip, as every .xlsx
    expect(Buffer.from(shared).equals(Buffer.from(full))).toBe(false);
  });

  const sha256 = (dir: string, file: string) => createHash('sha256').update(readFileSync(join(ROOT, dir, file))).digest('hex');
  const generatedAt = `${TODAY}T00:00:00.000Z`; // what the CLI writes with ESF_REPORT_TODAY set (run-bin sets it)

  // the HTML report as the page makes it (the bundle, vega's expressions interpreted) and as the CLI writes it
  it.each([
    { label: 'the sample with a ledger and a budget, in English', file: 'participants.csv', period: '2026-Q3', asOf: '2026-11-20', lang: 'en', ledger: true },
    { label: 'a file with excluded rows, whole project, in Swedish', file: 'bad/date-invalid.csv', period: 'project', asOf: undefined, lang: 'sv', ledger: false },
  ])('gives the HTML report that report --out FILE.html writes: $label', async ({ file, period, asOf, lang, ledger }) => {
    const [dir, name] = file.includes('/') ? [`fixtures/${file.split('/')[0]}`, file.split('/')[1]!] : ['fixtures', file];
    const read = (d: string, f: string) => e().bytesFile(f, new Uint8Array(readFileSync(join(ROOT, d, f))));
    const outcome = await e().analyse({
      participants: read(dir, name),
      ledger: ledger ? read('fixtures/ledger', 'ledger.csv') : null,
      budget: ledger ? read('fixtures/ledger', 'budget.csv') : null,
      period,
      asOf,
      today: TODAY,
      lang,
    });
    if (!outcome.ok) throw new Error(outcome.periodError);
    const req = {
      lang,
      suppressBelow: null,
      generatedAt,
      sha256: ledger
        ? { participants: sha256(dir, name), ledger: sha256('fixtures/ledger', 'ledger.csv'), budget: sha256('fixtures/ledger', 'budget.csv') }
        : { participants: sha256(dir, name) },
    };
    const html = Buffer.from((await e().htmlReportBytes(outcome.analysis, req))!).toString('utf8');

    const out = join(mkdtempSync(join(tmpdir(), 'esf-web-html-')), 'report.html');
    const args = ['report', name, '--period', period, ...(asOf ? ['--as-of', asOf] : []), '--lang', lang, '--out', out];
    if (ledger) args.push('--ledger', '../fixtures/ledger/ledger.csv', '--budget', '../fixtures/ledger/budget.csv');
    const cli = await runBin(args, {}, join(ROOT, dir));
    expect(cli.code, cli.stderr).toBe(file.startsWith('bad/') ? 1 : 0);
    const cliHtml = readFileSync(out, 'utf8');
    if (ledger) expect(html).toContain('id="section-financing"');
    // (compared as a boolean: a failing toBe would print two 200 kB pages)
    expect(html.length).toBe(cliHtml.length);
    expect(html === cliHtml).toBe(true);

    // the chart under the page's targets table is the report's targets figure
    const figure = await e().targetsChartHtml(outcome.analysis, req);
    expect(figure).toMatch(/^<figure class="chart" id="chart-targets">/);
    expect(html).toContain(figure!);
  });
});
