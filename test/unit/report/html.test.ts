import { describe, expect, it } from 'vitest';
import type { WorkbookMeta } from '../../../src/report/build-model.js';
import { buildWorkbookModel } from '../../../src/report/build-model.js';
import { formatCell } from '../../../src/report/charts/format.js';
import { drawReportCharts } from '../../../src/report/charts/report-charts.js';
import { escapeHtml, prefixSvgIds, renderHtml } from '../../../src/report/html/render-html.js';
import { builtInProfile, labelsFor, sampleMeta, sampleResult } from './sample.js';

const profile = builtInProfile();

async function page(lang: 'sv' | 'en', meta: WorkbookMeta = sampleMeta()) {
  const labels = labelsFor(lang);
  const result = sampleResult();
  const drawn = await drawReportCharts(buildWorkbookModel(result, profile, labels, meta), result, profile, labels, meta);
  const html = renderHtml(drawn.model, drawn.charts, labels, { toolVersion: meta.toolVersion, inputName: meta.input.name, sha256: meta.input.sha256, generatedAt: meta.generatedAt });
  return { html, model: drawn.model };
}

/** The text of an HTML fragment: tags dropped, entities of escapeHtml undone. */
function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

describe('renderHtml', () => {
  it('is one self-contained page: no script, no stylesheet or image to fetch, no link out of the page', async () => {
    const { html } = await page('sv');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="sv">')).toBe(true);
    expect(html).not.toMatch(/<script|<link\b|<img\b|<iframe|@import|url\(\s*['"]?(https?:|\/\/)/i);
    // every href points inside the page
    for (const m of html.matchAll(/\bhref="([^"]*)"/g)) expect(m[1]!.startsWith('#'), m[1]).toBe(true);
    expect(html).not.toMatch(/\bsrc=/);
  });

  it('has a section per sheet, in the workbook order, each with its name as the heading', async () => {
    const { html, model } = await page('en');
    const headings = [...html.matchAll(/<section id="section-([a-zA-Z]+)" aria-labelledby="[^"]+"><h2 id="[^"]+">([^<]+)<\/h2>/g)].map((m) => [m[1], m[2]]);
    expect(headings).toEqual(model.sheets.map((s) => [s.key, escapeHtml(s.name)]));
    expect(headings.map((h) => h[0])).toEqual(['summary', 'charts', 'indicators', 'targets', 'monthly', 'cohorts', 'dataQuality', 'about']);
  });

  it('shows every figure of the model, formatted as the workbook shows it', async () => {
    const { html, model } = await page('sv', sampleMeta({ suppressBelow: 5 }));
    const text = textOf(html);
    for (const sheet of model.sheets) {
      for (const row of sheet.rows) {
        for (const cell of row.cells) {
          if (cell.kind === 'count' || cell.kind === 'rate' || cell.kind === 'suppressed' || cell.kind === 'date') {
            expect(text, `${sheet.name}: ${JSON.stringify(cell)}`).toContain(formatCell(cell, 'sv'));
          }
        }
      }
    }
    expect(text).toContain('dolt'); // the one mark of a hidden figure in a shared copy
  });

  it('tables have real headers: column headers in thead, row headers per row', async () => {
    const { html } = await page('en');
    const indicators = /<section id="section-indicators"[\s\S]*?<\/section>/.exec(html)![0];
    expect(indicators).toMatch(/<thead><tr class="header"><th rowspan="2" scope="col">Code<\/th>/);
    expect(indicators).toMatch(/<th colspan="4" scope="colgroup">Period /);
    expect(indicators).toMatch(/<tr><th scope="row">EECO01<\/th>/);
    expect(indicators).toMatch(/<th colspan="10" scope="rowgroup">/);
  });

  it('draws each chart once, in the Charts section, as an image with a name and a text alternative; the tables point to it', async () => {
    const { html } = await page('en');
    const figures = [...html.matchAll(/<figure class="chart" id="chart-([a-z]+)">/g)].map((m) => m[1]);
    expect(figures).toEqual(['targets', 'participants', 'flow', 'results']);
    const charts = /<section id="section-charts"[\s\S]*?<\/section>/.exec(html)![0];
    expect(charts.match(/<figure /g)).toHaveLength(4);
    expect(charts).toMatch(/<svg role="img" aria-labelledby="chart-targets-title" aria-describedby="chart-targets-words"/);
    expect(charts).toContain('<li>Employment: 16.8% (target 25%).</li>');
    for (const key of ['targets', 'participants', 'results']) expect(html).toContain(`<p class="chart-link"><a href="#chart-${key}">`);
    // ids inside the SVGs are unique on the page
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('says where it came from, as the About sheet does', async () => {
    const meta = sampleMeta();
    const { html } = await page('sv', meta);
    expect(html).toContain(meta.input.sha256);
    expect(html).toContain(`esf-report ${meta.toolVersion}`);
    const footer = /<footer>([\s\S]*)<\/footer>/.exec(html)?.[1] ?? '';
    expect(footer).toContain(`(SHA-256 ${meta.input.sha256})`);
    expect(footer).not.toMatch(/\{\w+\}/);
    expect(html).toMatch(/<section id="section-about"/);
  });

  it('escapes text and keeps SVG ids apart', () => {
    expect(escapeHtml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
    expect(prefixSvgIds('<svg><clipPath id="clip1"/><g clip-path="url(#clip1)"/><use href="#clip1"/></svg>', 'p-')).toBe(
      '<svg><clipPath id="p-clip1"/><g clip-path="url(#p-clip1)"/><use href="#p-clip1"/></svg>',
    );
  });
});
