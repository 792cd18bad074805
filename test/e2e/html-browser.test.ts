import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/run-bin.js';

// The HTML report of the bundled sample in a real browser (Debian's chromium, as .ci/run installs it).
const CHROMIUM = '/usr/bin/chromium';
const PDFTOTEXT = '/usr/bin/pdftotext';
const ARGS = ['fixtures/participants.csv', '--period', '2026-Q3', '--as-of', '2026-11-20'] as const;
const SECTIONS = ['Sammanfattning', 'Diagram', 'Indikatorer', 'Projektmål', 'Per månad', 'Kohorter', 'Datakvalitet', 'Om rapporten'];

const available = existsSync(CHROMIUM) && existsSync(PDFTOTEXT);
if (!available && process.env.CI) throw new Error(`CI must have ${CHROMIUM} and ${PDFTOTEXT} (.ci/run installs chromium and poppler-utils)`);

function pdfText(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(PDFTOTEXT, ['-layout', file, '-'], { maxBuffer: 64 << 20 }, (err, stdout) => (err ? reject(err) : resolve(String(stdout))));
  });
}

/** Text as the reader sees it, no-break spaces as spaces. */
function plain(s: string): string {
  return s.replace(/\u00a0/g, ' ');
}

describe.skipIf(!available)('the HTML report in chromium', () => {
  let dir: string;
  let file: string;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'esf-report-html-'));
    file = join(dir, 'rapport.html');
    const r = await runBin(['report', ...ARGS, '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // root in a container needs --no-sandbox; nothing may reach out while the page loads
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    page.on('request', (req) => {
      if (!req.url().startsWith('file:')) requests.push(req.url());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('loads with no console error and no request beyond the file itself', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('shows the key figures as text', async () => {
    const summary = plain(await page.locator('#section-summary').innerText());
    expect(summary).toContain('23-073-S10');
    expect(summary).toMatch(/Deltagare\s+100,0 %\s+120\s+110\s+91,7 %\s+ja/);
    expect(summary).toMatch(/Anställning\s+25,0 %\s+30\s+28\s+25,5 %\s+ja/);
    const indicators = plain(await page.locator('#section-indicators').innerText());
    expect(indicators).toMatch(/EECO01\s+Totalt antal deltagare\s+11\s+10\s+1\s+22\s+54\s+53\s+3\s+110/);
    const about = plain(await page.locator('#section-about').innerText());
    const sha = (await import('node:crypto')).createHash('sha256').update(await readFile('fixtures/participants.csv')).digest('hex');
    expect(about).toContain(sha);
  });

  it('shows every chart, inside the page width, with its text alternative', async () => {
    for (const width of [1280, 800, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const clientWidth = (await page.evaluate('document.documentElement.clientWidth')) as number;
      const charts = page.locator('figure.chart svg');
      expect(await charts.count()).toBe(4);
      for (const svg of await charts.all()) {
        await svg.scrollIntoViewIfNeeded();
        expect(await svg.isVisible()).toBe(true);
        const box = (await svg.boundingBox())!;
        expect(box.width, `${width}px`).toBeGreaterThan(Math.min(300, clientWidth - 60));
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `${width}px`).toBeLessThanOrEqual(clientWidth);
        const labelled = await svg.getAttribute('aria-labelledby');
        expect(plain(await page.locator(`#${labelled!}`).innerText()).length).toBeGreaterThan(10);
        const described = await svg.getAttribute('aria-describedby');
        expect(plain(await page.locator(`#${described!}`).innerText())).toMatch(/^I ord:/);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    // vega drew text: the month axis is in Swedish
    expect(await page.locator('#chart-participants svg text', { hasText: 'okt 2024' }).count()).toBeGreaterThan(0);
  });

  it('prints to A4 with every section, starting each on a new page, charts unclipped', async () => {
    await page.emulateMedia({ media: 'print' });
    // the printable width of A4 with the page margins (210 mm − 24 mm) at 96 px per inch
    const printable = Math.floor(((210 - 24) / 25.4) * 96);
    await page.setViewportSize({ width: printable, height: 1000 });
    for (const svg of await page.locator('figure.chart svg').all()) {
      const box = (await svg.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(printable);
    }
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const out = join(dir, 'rapport.pdf');
    await writeFile(out, pdf);
    const text = plain(await pdfText(out));
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    // the contents and the Summary on the first page; every other section starts a page of its own, in the workbook's order
    const firstLines = pages.map((p) => p.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '');
    expect(pages[0]).toContain(SECTIONS[0]);
    const starts = SECTIONS.slice(1).map((s) => firstLines.indexOf(s));
    expect(starts.every((i) => i > 0), JSON.stringify(firstLines)).toBe(true);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(text).toContain('Deltagare hittills mot planen på 120');
    expect(text).toMatch(/Rapportperiod\s+2026-Q3/);
  });
});
