import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildWorkbookModel } from '../../../../src/report/build-model.js';
import { buildCharts } from '../../../../src/report/charts/build-charts.js';
import type { ChartModel } from '../../../../src/report/charts/chart-model.js';
import { formatCell, formatMonth } from '../../../../src/report/charts/format.js';
import { renderChartPng } from '../../../../src/report/charts/render-png.js';
import { renderChartSvg, svgSize } from '../../../../src/report/charts/render-svg.js';
import { wrapLabel } from '../../../../src/report/charts/spec.js';
import { builtInProfile, labelsFor, sampleMeta, sampleResult } from '../sample.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const FONTS = [`${ROOT}assets/fonts/DejaVuSans.ttf`, `${ROOT}assets/fonts/DejaVuSans-Bold.ttf`];

function charts(lang: 'sv' | 'en', suppressBelow: number | null = null): ChartModel[] {
  const labels = labelsFor(lang);
  const result = sampleResult();
  const model = buildWorkbookModel(result, builtInProfile(), labels, sampleMeta({ suppressBelow }));
  return buildCharts(model, { labels, plannedParticipants: 120, period: result.period, suppressBelow, referenceName: 'Rekrytera' });
}

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('format', () => {
  it('writes figures the Swedish or the English way', () => {
    expect(formatCell({ kind: 'rate', value: 0.1684 }, 'sv')).toBe('16,8\u00a0%');
    expect(formatMonth('2026-10', labelsFor('sv').charts.months)).toBe('okt 2026');
    expect(formatCell({ kind: 'money', value: 1234.5 }, 'sv')).toBe('1\u00a0234,50');
    expect(formatCell({ kind: 'datetime', value: '2026-11-25T10:00:00.000Z' }, 'en')).toBe('2026-11-25 10:00:00');
    expect(formatCell({ kind: 'suppressed', value: '<5' }, 'sv')).toBe('<5');
    expect(formatCell({ kind: 'hours', value: 1234.75 }, 'sv')).toBe('1234,75');
  });

  it('wraps long axis labels at spaces and never cuts a word', () => {
    const label = 'EECR05 Deltagare i sysselsättning, inklusive egenföretagare, sex månader efter att de lämnat insatsen';
    const lines = wrapLabel(label).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((l) => l.length <= 56)).toBe(true);
    expect(lines.join(' ')).toBe(label);
  });
});

describe('renderChartSvg', () => {
  it('draws every chart with no vega warning, in Swedish, with every label whole', async () => {
    for (const chart of charts('sv')) {
      const warnings: string[] = [];
      const svg = await renderChartSvg(chart, warnings);
      expect(warnings, chart.key).toEqual([]);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain(chart.title.replace(/–/g, '–'));
      const { width, height } = svgSize(svg);
      expect(width).toBeGreaterThan(300);
      expect(width).toBeLessThan(1000);
      expect(height).toBeGreaterThan(150);
      // labels are never cut: vega marks a truncated label with an ellipsis
      expect(svg, chart.key).not.toContain('…');
    }
  });

  it('names the months in the report language, whatever the time zone (UTC time units)', async () => {
    const [sv] = charts('sv').filter((c) => c.key === 'participants');
    const [en] = charts('en').filter((c) => c.key === 'participants');
    const svgSv = await renderChartSvg(sv!);
    const svgEn = await renderChartSvg(en!);
    // the sample's months are April–June 2025: the first tick is April, never March (a shifted zone)
    expect(svgSv).toMatch(/>apr 2025</);
    expect(svgEn).toMatch(/>Apr 2025</);
    expect(svgSv).not.toMatch(/>mar 2025</);
  });

  it('labels the gender parts, the target and the reference', async () => {
    const [targets] = charts('en').filter((c) => c.key === 'targets');
    const svg = await renderChartSvg(targets!);
    for (const s of ['Women', 'Men', 'Non-binary', 'Target', 'Rekrytera (reference)', 'Rekrytera, women (reference)', 'T-EMP Employment']) expect(svg).toContain(s);
  });
});

describe('renderChartPng', () => {
  it('draws at twice the SVG size with the bundled font (no font, no text: the pictures differ)', async () => {
    const [chart] = charts('sv');
    const svg = await renderChartSvg(chart!);
    const png = await renderChartPng(svg, FONTS);
    expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    const { width, height } = svgSize(svg);
    expect(pngSize(png)).toEqual({ width: Math.round(width * 2), height: Math.round(height * 2) });
    const withoutFont = await renderChartPng(svg, []);
    expect(Buffer.compare(png, withoutFont)).not.toBe(0);
    // text adds ink: the picture with the font compresses to more bytes than the one without
    expect(png.length).toBeGreaterThan(withoutFont.length);
  });
});
