/// <reference lib="dom" />
/**
 * `npm run bench:web`: builds the web page and measures it in Debian's Chromium over file://: the
 * page's size, the time from choosing a file to the figures on screen for the bundled sample and
 * for a generated 100,000-row export (cached in .bench/), and how long the page's own thread was
 * ever blocked meanwhile (the work runs in a Web Worker, so this stays small).
 *   node dist/scripts/bench-web.js [--rows N] [--chromium PATH]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { buildWeb, ROOT } from './build-web.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, chromium: { type: 'string', default: '/usr/bin/chromium' } } });
const rows = Number(values.rows);
const dir = join(ROOT, '.bench');
const file = join(dir, `participants-${rows}.csv`);
mkdirSync(dir, { recursive: true });
if (!existsSync(file)) {
  process.stdout.write(`generating ${rows.toLocaleString('en')} rows into ${file} …\n`);
  const gen = spawnSync(process.execPath, [join(ROOT, 'dist/scripts/generate-fixtures.js'), '--count', String(rows), '--out', file], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (gen.status !== 0) throw new Error('the generator failed');
}

const build = await buildWeb();
process.stdout.write(`page: ${build.out}, ${(build.bytes / 1024).toFixed(0)} KiB (${build.bytes.toLocaleString('en')} bytes)\n`);

const browser = await chromium.launch({ executablePath: values.chromium, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });

/** Opens the page fresh, runs `choose`, and waits for the result; returns the page's own timing and the longest main-thread stall. */
async function measure(page: Page, choose: () => Promise<void>): Promise<{ ms: number; stall: number }> {
  await page.goto(`${pathToFileURL(build.out).href}#period=project`);
  await page.waitForSelector('#run');
  // the longest gap between animation frames while the worker computes: what a user would feel
  await page.evaluate(() => {
    const w = window as unknown as { maxGap: number };
    w.maxGap = 0;
    let last = performance.now();
    const tick = (now: number) => {
      w.maxGap = Math.max(w.maxGap, now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await choose();
  await page.waitForFunction(() => document.body.dataset.lastRunMs !== undefined, undefined, { timeout: 600_000 });
  return page.evaluate(() => ({ ms: Number(document.body.dataset.lastRunMs), stall: (window as unknown as { maxGap: number }).maxGap }));
}

// a fresh page for each file (going to the same address again would only change its fragment)
let page = await browser.newPage();
const sample = await measure(page, () => page.click('#sample'));
await page.close();
page = await browser.newPage();
process.stdout.write(`bundled sample (110 rows): ${sample.ms} ms to figures on screen; longest main-thread frame gap ${sample.stall.toFixed(0)} ms\n`);
const big = await measure(page, () => page.setInputFiles('#participants', file));
const mb = statSync(file).size / 1024 / 1024;
process.stdout.write(
  `${rows.toLocaleString('en')}-row export (${mb.toFixed(1)} MB): ${(big.ms / 1000).toFixed(1)} s to figures on screen ` +
    `(${Math.round(rows / (big.ms / 1000)).toLocaleString('en')} rows/s); longest main-thread frame gap ${big.stall.toFixed(0)} ms\n`,
);
const t0 = Date.now();
const [download] = await Promise.all([page.waitForEvent('download'), page.click('#dl-workbook')]);
await download.path();
process.stdout.write(`workbook for it: ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
await browser.close();
