/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (the functions passed to page.evaluate run in the browser and use its DOM)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { ROOT, runBin } from '../helpers/run-bin.js';
import { buildWebOnce } from './build.js';

/**
 * The built page in Debian's Chromium over file://, as an administrator meets it: the sample, a bad
 * file, the downloads read back, the language switch, the address presets, a keyboard-only pass
 * and basic accessibility checks; no console error and no request outside the file, ever.
 */

const CHROMIUM = '/usr/bin/chromium';
const TODAY = '2026-11-25'; // the CLI's pinned day (run-bin), and the page's clock here

let browser: Browser;
let pageUrl: string;
let html: string;
let context: BrowserContext;
let page: Page;
let consoleProblems: string[];
let requests: string[];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`these tests drive Debian's Chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does)`);
  const build = await buildWebOnce();
  pageUrl = pathToFileURL(build.out).href;
  html = readFileSync(build.out, 'utf8');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  consoleProblems = [];
  requests = [];
  // every request, from the page or its worker: only the file itself and its own blob: URLs may load
  context.on('request', (r) => requests.push(r.url()));
  await context.route(/^(?!file:|blob:|data:)/, (route) => route.abort());
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleProblems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleProblems.push(`pageerror: ${e.message}`));
  await page.clock.setFixedTime(new Date(`${TODAY}T12:00:00`));
});

afterEach(async () => {
  await context.close();
  expect(consoleProblems).toEqual([]);
  expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:'))).toEqual([]);
});

async function open(hash = ''): Promise<void> {
  await page.goto(`${pageUrl}${hash}`);
  await page.waitForSelector('#run');
}

async function loadSample(): Promise<void> {
  await page.click('#sample');
  await page.waitForSelector('#results:not([hidden])');
}

async function downloadBytes(button: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function cellTexts(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => out.push(String(c.text))));
  return out;
}

describe('the web page in Chromium', () => {
  it('loads the sample and shows the findings, the indicators and the targets, in Swedish by default', async () => {
    await open();
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect(await page.inputValue('#period')).toBe('2026-Q3'); // the latest ended quarter on 2026-11-25
    await loadSample();
    expect(await page.textContent('#status-text')).toMatch(/^Klart på/);
    expect(await page.textContent('#file-list')).toContain('110 rader, 110 räknas, 0 utesluts; 0 fel, 3 varningar');
    expect(await page.textContent('#findings')).toContain('STATUS_6M_MISSING (3)');
    const eeco01 = await page.$$eval('#indicators tr', (rows) =>
      rows.map((r) => [...r.querySelectorAll('th,td')].map((c) => c.textContent?.trim() ?? '')).find((cells) => cells[0] === 'EECO01'),
    );
    expect(eeco01).toEqual(['EECO01', 'Totalt antal deltagare', '11', '10', '1', '22', '54', '53', '3', '110']);
    expect(await page.textContent('#consistency')).toBe('Alla 19 summakontroller håller.');
    const targets = await page.textContent('#targets');
    expect(targets).toContain('T-EMP');
    expect(targets).toContain('25,45 %');
    // the report's targets chart, inline SVG with its title and its text alternative
    expect(await page.isVisible('#targets-chart figure svg[role="img"]')).toBe(true);
    const labelledBy = await page.getAttribute('#targets-chart svg', 'aria-labelledby');
    expect(await page.textContent(`[id="${labelledBy}"]`)).toBe('Projektmål: uppnått per kön mot målet, t.o.m. 2026-09-30');
    const words = await page.getAttribute('#targets-chart svg', 'aria-describedby');
    expect(await page.textContent(`[id="${words}"]`)).toContain('Anställning: 25,5\u00a0% (mål 25\u00a0%).');
    expect(await page.$$eval('#targets-chart svg text', (ts) => ts.map((x) => x.textContent))).toContain('T-EMP Anställning');
  });

  it('downloads the HTML report, byte for byte what report --out FILE.html writes', async () => {
    await open('#period=2026-Q3&as-of=2026-11-20');
    await loadSample();
    expect(await page.isVisible('#dl-html')).toBe(true);
    // the CLI dates a run with ESF_REPORT_TODAY at midnight UTC: the page's clock says the same moment
    await page.clock.setFixedTime(new Date(`${TODAY}T00:00:00.000Z`));
    const { name, bytes } = await downloadBytes('#dl-html');
    expect(name).toBe('esf-report-23-073-S10-2026-Q3.html');
    const report = bytes.toString('utf8');
    // the key figures: EECO01 by gender (period, then cumulative) and the employment target
    expect(report).toContain(
      '<th scope="row">EECO01</th><td>Totalt antal deltagare</td><td class="n">11</td><td class="n">10</td><td class="n">1</td><td class="n">22</td><td class="n">54</td><td class="n">53</td><td class="n">3</td><td class="n">110</td>',
    );
    expect(report).toContain('<th colspan="2" scope="row">Anställning</th><td class="n">25,0\u00a0%</td><td class="n">30</td><td class="n">28</td><td class="n">25,5\u00a0%</td>');
    expect(report).toContain('<figure class="chart" id="chart-targets">');
    expect((report.match(/<svg\b/g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect(report).not.toMatch(/<script|\bsrc=|https?:\/\/(?!www\.w3\.org)/i);
    const dir = mkdtempSync(join(tmpdir(), 'esf-web-html-'));
    const out = join(dir, 'report.html');
    const cli = await runBin(['report', 'participants.csv', '--period', '2026-Q3', '--as-of', '2026-11-20', '--lang', 'sv', '--out', out], {}, join(ROOT, 'fixtures'));
    expect(cli.code).toBe(0);
    const cliHtml = readFileSync(out, 'utf8');
    // (compared as a boolean: a failing toBe would print two 200 kB pages)
    expect(report.length).toBe(cliHtml.length);
    expect(report === cliHtml).toBe(true);
  });

  it('is one file whose Content-Security-Policy allows no network, no eval and no foreign script', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/^default-src 'none'; /);
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain('worker-src blob:');
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    // one inline script (its code never holds "</script", so the first end tag is its end), nothing loaded by address
    const start = html.indexOf('<script>');
    const end = html.indexOf('</script>');
    expect(start).toBeGreaterThan(0);
    expect(html.indexOf('</script>', end + 1)).toBe(-1);
    expect(html.slice(0, start) + html.slice(end)).not.toMatch(/<script|<link|<img|<iframe|<object|\bsrc=|@import|url\(/i);
  });

  it('adds the Financing sheet from a ledger and a budget', async () => {
    await open('#period=2026-Q3&as-of=2026-11-20');
    await page.click('#finance summary');
    await page.setInputFiles('#ledger', join(ROOT, 'fixtures/ledger/ledger.csv'));
    await page.setInputFiles('#budget', join(ROOT, 'fixtures/ledger/budget.csv'));
    await loadSample();
    await page.waitForFunction(() => document.querySelector('#file-list')?.textContent?.includes('budget.csv'));
    expect(await page.textContent('#file-list')).toContain('Liggare: ledger.csv');
    const wb = await readWorkbook((await downloadBytes('#dl-workbook')).bytes);
    expect(wb.worksheets.map((s) => s.name)).toContain('Finansiering');
    const texts = cellTexts(wb);
    expect(texts.some((t) => t.includes('--ledger ledger.csv'))).toBe(true);
  });

  it('gives the same JSON as esf-report indicators --format json', async () => {
    await open('#period=2026-Q3&as-of=2026-11-20');
    await loadSample();
    const { name, bytes } = await downloadBytes('#dl-json');
    expect(name).toBe('esf-report-23-073-S10-2026-Q3.json');
    const cli = await runBin(['indicators', 'participants.csv', '--period', '2026-Q3', '--as-of', '2026-11-20', '--lang', 'sv', '--format', 'json'], {}, join(ROOT, 'fixtures'));
    expect(bytes.toString('utf8')).toBe(cli.stdout);
  });

  it('downloads the funder workbook, the shared copy and the template, and they read back', async () => {
    await open('#period=2026-Q3&as-of=2026-11-20');
    await loadSample();

    const workbook = await downloadBytes('#dl-workbook');
    expect(workbook.name).toBe('esf-report-23-073-S10-2026-Q3.xlsx');
    const wb = await readWorkbook(workbook.bytes);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Sammanfattning', 'Indikatorer', 'Projektmål', 'Per månad', 'Kohorter', 'Datakvalitet', 'Om rapporten']);
    const texts = cellTexts(wb);
    expect(texts).toContain('participants.csv');
    expect(texts.some((t) => t.includes('--period 2026-Q3'))).toBe(true);
    expect(texts).not.toContain('dolt');
    const indicators = wb.getWorksheet('Indikatorer')!;
    let eeco01: unknown[] | undefined;
    indicators.eachRow((row) => {
      if (row.getCell(1).value === 'EECO01') eeco01 = (row.values as unknown[]).slice(1);
    });
    expect(eeco01).toContain(110);

    const shared = await downloadBytes('#dl-shared');
    expect(shared.name).toBe('esf-report-23-073-S10-2026-Q3-delad.xlsx');
    const sharedTexts = cellTexts(await readWorkbook(shared.bytes));
    expect(sharedTexts).toContain('dolt'); // the one mark of a hidden figure (docs/shared-copy.md)
    expect(sharedTexts.some((t) => t.includes('--suppress-below 5'))).toBe(true);

    const template = await downloadBytes('#dl-template');
    expect(template.name).toBe('deltagare.xlsx');
    const tpl = await readWorkbook(template.bytes);
    expect(tpl.worksheets[0]!.getRow(1).getCell(1).text).toBe('deltagar_id');
  });

  it('reads an .xlsx export and a Windows-1252 CSV from Swedish Excel as the CLI does', async () => {
    // the sample as an .xlsx workbook, every value as text (as a case system's export has it)
    const lines = readFileSync(join(ROOT, 'fixtures/participants.csv'), 'utf8').replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Deltagare');
    for (const line of lines) ws.addRow(line.split(','));
    const dir = mkdtempSync(join(tmpdir(), 'esf-web-xlsx-'));
    const xlsx = join(dir, 'export.xlsx');
    await wb.xlsx.writeFile(xlsx);
    expect(lines[0]!.includes('"')).toBe(false);

    await open('#period=2026-Q3&as-of=2026-11-20');
    await page.setInputFiles('#participants', xlsx);
    await page.waitForSelector('#results:not([hidden])');
    expect(await page.textContent('#file-list')).toContain('110 rader, 110 räknas');
    expect(await page.textContent('#file-list')).toContain('Excel-arbetsbok');
    const json = await downloadBytes('#dl-json');
    const cli = await runBin(['indicators', 'export.xlsx', '--period', '2026-Q3', '--as-of', '2026-11-20', '--lang', 'sv', '--format', 'json'], {}, dir);
    expect(json.bytes.toString('utf8')).toBe(cli.stdout);

    await page.setInputFiles('#participants', join(ROOT, 'fixtures/participants-sv-excel.csv'));
    await page.waitForFunction(() => document.querySelector('#file-list')?.textContent?.includes('participants-sv-excel.csv'));
    expect(await page.textContent('#file-list')).toContain('windows-1252');
    const sv = await downloadBytes('#dl-json');
    const cliSv = await runBin(['indicators', 'participants-sv-excel.csv', '--period', '2026-Q3', '--as-of', '2026-11-20', '--lang', 'sv', '--format', 'json'], {}, join(ROOT, 'fixtures'));
    expect(sv.bytes.toString('utf8')).toBe(cliSv.stdout);
  });

  it('shows the progress of a large export while the page stays responsive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'esf-web-large-'));
    const file = join(dir, 'large.csv');
    const gen = spawnSync(process.execPath, [join(ROOT, 'dist/scripts/generate-fixtures.js'), '--count', '30000', '--out', file]);
    expect(gen.status).toBe(0);
    await open('#period=project&as-of=2026-11-20');
    await page.evaluate(() => {
      const w = window as unknown as { seen: string[] };
      w.seen = [];
      const text = document.getElementById('progress-text')!;
      new MutationObserver(() => w.seen.push(text.textContent ?? '')).observe(text, { childList: true, characterData: true, subtree: true });
    });
    await page.setInputFiles('#participants', file);
    // the page's own thread keeps running while the worker reads: it shows the percentages as they come
    // (how long anything takes is measured by npm run bench:web, not here)
    await page.waitForSelector('#results:not([hidden])', { timeout: 120_000 });
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.some((s) => /^Läser large\.csv: ([1-9]|[1-9]\d) %$/.test(s))).toBe(true);
    expect(await page.textContent('#file-list')).toContain('30000 rader');
    expect(await page.isHidden('#progress-box')).toBe(true);
  });

  it('names every problem of a bad file by code, line and fix, and offers no workbook for an unusable one', async () => {
    await open();
    await page.setInputFiles('#participants', join(ROOT, 'fixtures/bad/date-invalid.csv'));
    await page.waitForSelector('#results:not([hidden])');
    const findings = await page.textContent('#findings');
    expect(findings).toContain('DATE_INVALID (2)');
    expect(findings).toContain('date-invalid.csv, rad 3');
    expect(findings).toContain('date-invalid.csv, rad 5');
    expect(findings).toContain('Så rättar du');
    expect(await page.isDisabled('#dl-workbook')).toBe(false);

    await page.setInputFiles('#participants', join(ROOT, 'fixtures/bad/column-missing.csv'));
    await page.waitForFunction(() => document.querySelector('#file-list')?.textContent?.includes('column-missing.csv'));
    expect(await page.textContent('#status-text')).toContain('Filen går inte att använda');
    expect(await page.isDisabled('#dl-workbook')).toBe(true);
    expect(await page.isHidden('#indicators-section')).toBe(true);
    expect(await page.textContent('#findings')).toContain('COLUMN_MISSING');
  });

  it('switches to English and takes the period and reference date from the address', async () => {
    await open('#period=2026-Q2&as-of=2026-08-01');
    expect(await page.inputValue('#period')).toBe('2026-Q2');
    expect(await page.inputValue('#as-of')).toBe('2026-08-01');
    await loadSample();
    expect(await page.textContent('#period-line')).toContain('2026-04-01 – 2026-06-30, avläst 2026-08-01');
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.querySelector('#status-text')?.textContent?.startsWith('Done'));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toBe('esf-report: the ESF+ report in your browser');
    expect(await page.textContent('#indicators')).toContain('Total number of participants');
    expect(page.url()).toContain('lang=en');
    await page.fill('#period', '2031');
    await page.press('#period', 'Enter');
    await page.waitForFunction(() => document.querySelector('#status-text')?.className === 'problem');
    expect(await page.textContent('#status-text')).toContain('The period cannot be used');
    expect(await page.isHidden('#results')).toBe(true);
  });

  it('can be used with the keyboard alone, in a sensible focus order', async () => {
    await open('#period=2026-Q3&as-of=2026-11-20');
    const order: string[] = [];
    // (a date field takes one Tab per part: day, month, year; the stop is counted once)
    for (let i = 0; i < 10 && order.at(-1) !== 'run'; i++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || '');
      if (order.at(-1) !== at) order.push(at);
    }
    expect(order).toEqual(['lang-switch', 'participants', 'sample', 'SUMMARY', 'period', 'as-of', 'run']);
    // back to the sample button and press it with Enter
    await page.focus('#lang-switch');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#results:not([hidden])');
    // from Compute, the next stops are the findings (one group here) and then the downloads
    await page.focus('#run');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('dl-workbook');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('esf-report-23-073-S10-2026-Q3.xlsx');
    // a findings group opens with the keyboard
    await page.focus('#findings summary');
    await page.keyboard.press('Enter');
    expect(await page.$eval('#findings details', (d) => (d as HTMLDetailsElement).open)).toBe(true);
  });

  it('passes basic accessibility checks: names, labels, headings and contrast', async () => {
    await open('#period=2026-Q3&as-of=2026-11-20');
    await loadSample();
    await page.$$eval('details', (all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const report = await page.evaluate(() => {
      const problems: string[] = [];
      const visible = (e: Element) => (e as HTMLElement).offsetParent !== null || (e as HTMLElement).getClientRects().length > 0;
      for (const input of document.querySelectorAll('input, select, textarea')) {
        const i = input as HTMLInputElement;
        if (!visible(i)) continue;
        if ((i.labels?.length ?? 0) === 0 && !i.getAttribute('aria-label')) problems.push(`no label: #${i.id}`);
      }
      for (const b of document.querySelectorAll('button, summary, a[href]')) {
        if (visible(b) && !(b.textContent?.trim() || b.getAttribute('aria-label'))) problems.push(`no name: ${b.outerHTML.slice(0, 60)}`);
      }
      for (const svg of document.querySelectorAll('svg')) {
        const name = svg.getAttribute('aria-label') || document.getElementById(svg.getAttribute('aria-labelledby') ?? '')?.textContent?.trim();
        if (svg.getAttribute('role') !== 'img' || !name) problems.push('an SVG without role="img" and a name');
      }
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
      if (dup.length) problems.push(`duplicate ids: ${dup.join(', ')}`);
      const levels = [...document.querySelectorAll('h1,h2,h3,h4')].map((h) => Number(h.tagName[1]));
      if (levels[0] !== 1 || levels.some((l, i) => i > 0 && l > levels[i - 1]! + 1)) problems.push(`heading levels skip: ${levels.join(',')}`);
      if (!document.documentElement.lang) problems.push('no lang on <html>');
      if (!document.title) problems.push('no title');
      for (const table of document.querySelectorAll('table')) if (!table.querySelector('caption')) problems.push('a table without caption');

      // contrast (WCAG 2.x): every element with its own visible text, against the first opaque background behind it
      const rgb = (s: string): number[] => (s.match(/[\d.]+/g) ?? []).map(Number);
      const lum = (c: number[]) => {
        const [r, g, b] = c.slice(0, 3).map((v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const background = (e: Element | null): number[] => {
        for (let n = e; n; n = n.parentElement) {
          const c = rgb(getComputedStyle(n).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3]! > 0.5)) return c;
        }
        return [255, 255, 255];
      };
      let checked = 0;
      for (const e of document.querySelectorAll('body *')) {
        const own = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
        if (!own || !visible(e)) continue;
        const style = getComputedStyle(e);
        const fg = lum(rgb(style.color));
        const bg = lum(background(e));
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        checked++;
        if (ratio < (large ? 3 : 4.5)) problems.push(`contrast ${ratio.toFixed(2)} for "${e.textContent!.trim().slice(0, 30)}"`);
      }
      return { problems, checked };
    });
    expect(report.problems).toEqual([]);
    expect(report.checked).toBeGreaterThan(100);
  });
});
