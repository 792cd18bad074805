import type { TopLevelSpec } from 'vega-lite';
import type { BarRow, ChartModel, ChartTexts, FlowChart, ParticipantsChart, ResultsChart, SegmentValue, TargetsChart } from './chart-model.js';
import { SEGMENTS } from './chart-model.js';

/**
 * vega-lite specifications of the charts: pure functions of the chart model, the same in Node and
 * in a browser (typed loosely: the tests compile every one with vega-lite). Labels are never cut (`labelLimit: 0`: without a canvas vega only estimates text
 * widths), the font is the bundled DejaVu Sans, and colours tell women, men and non-binary apart
 * also for colour-blind readers (Okabe–Ito).
 */

/** The family the PNG renderer is given (`assets/fonts/`); browsers fall back to a sans-serif. */
export const CHART_FONT = 'DejaVu Sans';
const FONT_STACK = `${CHART_FONT}, Verdana, Arial, sans-serif`;

/** Okabe–Ito: orange, blue, bluish green; grey for a total drawn unsplit. */
export const SEGMENT_COLOURS: Readonly<Record<SegmentValue['segment'], string>> = {
  women: '#E69F00',
  men: '#0072B2',
  nonBinary: '#009E73',
  total: '#8C8C8C',
};
const TARGET_COLOUR = '#000000';
const REFERENCE_COLOURS = ['#CC79A7', '#882255'];
const PLAN_COLOUR = '#6E6E6E';
const LINE_COLOUR = '#0072B2';


const CONFIG = {
  font: FONT_STACK,
  background: 'white',
  padding: 12,
  title: { font: FONT_STACK, fontSize: 15, fontWeight: 'bold', anchor: 'start', offset: 14, limit: 0 },
  axis: { labelFont: FONT_STACK, titleFont: FONT_STACK, labelFontSize: 12, titleFontSize: 12, labelLimit: 0, titleLimit: 0, labelOverlap: true },
  legend: { labelFont: FONT_STACK, titleFont: FONT_STACK, labelFontSize: 12, labelLimit: 0, orient: 'bottom', direction: 'horizontal', columns: 0, symbolType: 'square' },
  header: { labelFont: FONT_STACK, titleFont: FONT_STACK, labelFontSize: 13, labelFontWeight: 'bold', labelLimit: 0, labelAnchor: 'start' },
  view: { stroke: null },
} as const;

/** Axis labels longer than this many characters wrap onto more lines (vega draws an array as lines). */
const LABEL_CHARS = 56;

/** Breaks a label at spaces into lines of at most `max` characters, joined by a newline. */
export function wrapLabel(label: string, max = LABEL_CHARS): string {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/** A category axis whose labels are drawn line by line, none of them cut. */
const CATEGORY_AXIS = {
  labelLimit: 0,
  labelFontSize: 12,
  labelExpr: "split(datum.value, '\\n')",
  labelLineHeight: 14,
  // vega sets the first line of a label on the tick: lift the block by half its extra lines
  labelOffset: { expr: "-7 * (length(split(datum.value, '\\n')) - 1)" },
} as const;

/** Which segments appear, in a fixed order, with their legend labels and colours. */
function segmentScale(texts: ChartTexts, used: ReadonlySet<string>, extra: readonly { label: string; colour: string }[] = []) {
  const present = SEGMENTS.filter((s) => used.has(s));
  return {
    domain: [...present.map((s) => texts.segments[s]), ...extra.map((e) => e.label)],
    range: [...present.map((s) => SEGMENT_COLOURS[s]), ...extra.map((e) => e.colour)],
  };
}

/** The stacked parts of horizontal bars, each bar's end, and its end text. */
function barValues(bars: readonly BarRow[], texts: ChartTexts, panel: string | null) {
  const parts: Record<string, unknown>[] = [];
  const ends: Record<string, unknown>[] = [];
  for (const bar of bars) {
    let end = 0;
    bar.segments.forEach((s, i) => {
      parts.push({ panel, label: wrapLabel(bar.label), segment: texts.segments[s.segment], order: SEGMENTS.indexOf(s.segment) * 10 + i, value: s.value });
      end += s.value;
    });
    if (bar.end !== null && bar.segments.length > 0) ends.push({ panel, label: wrapLabel(bar.label), value: end, text: bar.end });
  }
  return { parts, ends };
}

function usedSegments(lists: readonly (readonly SegmentValue[])[]): Set<string> {
  const used = new Set<string>();
  for (const l of lists) for (const s of l) used.add(s.segment);
  return used;
}

function targetsSpec(chart: ChartModel & TargetsChart): TopLevelSpec {
  const { texts } = chart;
  const { parts } = barValues(chart.bars, texts, null);
  const order = chart.bars.map((b) => wrapLabel(b.label));
  const ticks: Record<string, unknown>[] = [];
  const refLabels: string[] = [];
  for (const bar of chart.bars) {
    if (bar.target !== null) ticks.push({ label: wrapLabel(bar.label), value: bar.target, mark: texts.marks.target });
    for (const r of bar.references) {
      if (!refLabels.includes(r.label)) refLabels.push(r.label);
      ticks.push({ label: wrapLabel(bar.label), value: r.value, mark: r.label });
    }
  }
  const ends = chart.bars.map((b) => b.segments.reduce((sum, s) => sum + s.value, 0));
  const maxValue = Math.max(1, ...ends, ...ticks.map((t) => t.value as number));
  const extra = [
    { label: texts.marks.target ?? '', colour: TARGET_COLOUR },
    ...refLabels.map((label, i) => ({ label, colour: REFERENCE_COLOURS[i % REFERENCE_COLOURS.length]! })),
  ];
  const colour = segmentScale(texts, usedSegments(chart.bars.map((b) => b.segments)), extra);
  const top = Math.ceil(maxValue * 10) / 10;
  const y = { field: 'label', type: 'nominal', sort: order, title: null, axis: CATEGORY_AXIS } as const;
  const x = { field: 'value', type: 'quantitative', scale: { domain: [0, top] }, axis: { format: '.0%', title: texts.axis, grid: true, tickCount: 10 } } as const;
  // the rates stand in a column right of the plot, clear of the bars and the target ticks
  const rates = chart.bars.flatMap((b) => (b.end === null ? [] : [{ label: wrapLabel(b.label), value: top, text: b.end }]));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chart.title,
    description: chart.title,
    width: 520,
    height: { step: 34 },
    config: { ...CONFIG, locale: chartLocale(texts) },
    layer: [
      {
        data: { values: parts },
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          y,
          x: { ...x, stack: 'zero' },
          color: { field: 'segment', type: 'nominal', scale: colour, legend: { title: null, columns: 3 } },
          order: { field: 'order', type: 'quantitative' },
        },
      },
      {
        data: { values: rates },
        mark: { type: 'text', align: 'right', baseline: 'middle', dx: 62, fontSize: 12, fontWeight: 'bold' },
        encoding: { y, x, text: { field: 'text' } },
      },
      {
        data: { values: ticks },
        mark: { type: 'tick', thickness: 3, bandSize: 30, opacity: 1 },
        encoding: { y, x, color: { field: 'mark', type: 'nominal', scale: colour, legend: { title: null } } },
      },
    ],
  } as unknown as TopLevelSpec;
}

function participantsSpec(chart: ChartModel & ParticipantsChart): TopLevelSpec {
  const { texts } = chart;
  const values: Record<string, unknown>[] = [];
  for (const p of chart.points) {
    values.push({ month: `${p.month}-01`, series: texts.marks.cumulative, value: p.cumulative });
    values.push({ month: `${p.month}-01`, series: texts.marks.planned, value: p.planned });
  }
  const maxValue = Math.max(chart.goal, ...chart.points.map((p) => Math.max(p.cumulative ?? 0, p.planned ?? 0)));
  const x = { field: 'month', type: 'temporal', timeUnit: 'utcyearmonth', title: null, axis: { format: '%b %Y', labelAngle: -40, labelAlign: 'right', tickCount: { interval: 'month', step: 3 }, grid: false } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chart.title,
    description: chart.title,
    width: 720,
    height: 300,
    config: { ...CONFIG, locale: chartLocale(texts) },
    layer: [
      {
        data: { values: [{ goal: chart.goal, text: texts.marks.goal }] },
        mark: { type: 'rule', color: TARGET_COLOUR, strokeDash: [2, 3] },
        encoding: { y: { field: 'goal', type: 'quantitative' } },
      },
      {
        data: { values: [{ goal: chart.goal, text: texts.marks.goal }] },
        mark: { type: 'text', align: 'left', baseline: 'bottom', dy: -4, x: 4, fontSize: 12 },
        encoding: { y: { field: 'goal', type: 'quantitative' }, text: { field: 'text' } },
      },
      ...[texts.marks.cumulative, texts.marks.planned].map((series, i) => ({
        data: { values: values.filter((v) => v.series === series) },
        mark: { type: 'line', point: { size: 28 }, strokeWidth: 2.5, strokeDash: i === 0 ? [1, 0] : [6, 4], invalid: 'break-paths-show-domains' },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: texts.axis, scale: { domain: [0, Math.ceil(maxValue / 10) * 10] } },
          color: {
            field: 'series',
            type: 'nominal',
            scale: { domain: [texts.marks.cumulative, texts.marks.planned], range: [LINE_COLOUR, PLAN_COLOUR] },
            legend: { title: null, symbolType: 'stroke', symbolStrokeWidth: 3 },
          },
        },
      })),
    ],
  } as unknown as TopLevelSpec;
}

function flowSpec(chart: ChartModel & FlowChart): TopLevelSpec {
  const { texts } = chart;
  const values: Record<string, unknown>[] = [];
  for (const panel of chart.panels) {
    for (const m of panel.months) {
      m.segments.forEach((s) => values.push({ panel: panel.label, month: `${m.month}-01`, segment: texts.segments[s.segment], order: SEGMENTS.indexOf(s.segment), value: s.value }));
    }
  }
  const colour = segmentScale(texts, usedSegments(chart.panels.flatMap((p) => p.months.map((m) => m.segments))));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chart.title,
    description: chart.title,
    data: { values },
    config: { ...CONFIG, locale: chartLocale(texts) },
    facet: { row: { field: 'panel', type: 'nominal', sort: chart.panels.map((p) => p.label), title: null, header: { labelAngle: 0, labelOrient: 'top' } } },
    spec: {
      width: 720,
      height: 130,
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'month', type: 'ordinal', timeUnit: 'utcyearmonth', title: null, axis: { format: '%b %y', labelAngle: -60, labelAlign: 'right', labelFontSize: 10 } },
        y: { field: 'value', type: 'quantitative', title: texts.axis, stack: 'zero', axis: { tickMinStep: 1, format: 'd' } },
        color: { field: 'segment', type: 'nominal', scale: colour, legend: { title: null } },
        order: { field: 'order', type: 'quantitative' },
      },
    },
    resolve: { axis: { x: 'independent' } },
  } as unknown as TopLevelSpec;
}

function resultsSpec(chart: ChartModel & ResultsChart): TopLevelSpec {
  const { texts } = chart;
  const parts: Record<string, unknown>[] = [];
  const ends: Record<string, unknown>[] = [];
  for (const panel of chart.panels) {
    const v = barValues(panel.bars, texts, panel.label);
    parts.push(...v.parts);
    ends.push(...v.ends);
  }
  const order = chart.panels[0]?.bars.map((b) => wrapLabel(b.label)) ?? [];
  const maxValue = Math.max(1, ...ends.map((e) => e.value as number));
  const colour = segmentScale(texts, usedSegments(chart.panels.flatMap((p) => p.bars.map((b) => b.segments))));
  const y = { field: 'label', type: 'nominal', sort: order, title: null, axis: CATEGORY_AXIS } as const;
  const x = { field: 'value', type: 'quantitative', title: texts.axis, scale: { domain: [0, Math.ceil(maxValue * 1.12)] }, axis: { tickMinStep: 1, format: 'd' } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chart.title,
    description: chart.title,
    config: { ...CONFIG, locale: chartLocale(texts) },
    vconcat: chart.panels.map((panel) => ({
      title: { text: panel.label, fontSize: 13, fontWeight: 'bold', anchor: 'start' },
      width: 400,
      height: { step: 38 },
      layer: [
        {
          data: { values: parts.filter((p) => p.panel === panel.label) },
          mark: { type: 'bar', height: { band: 0.7 } },
          encoding: { y, x: { ...x, stack: 'zero' }, color: { field: 'segment', type: 'nominal', scale: colour, legend: { title: null } }, order: { field: 'order', type: 'quantitative' } },
        },
        {
          data: { values: ends.filter((e) => e.panel === panel.label) },
          mark: { type: 'text', align: 'left', baseline: 'middle', dx: 6, fontSize: 12 },
          encoding: { y, x, text: { field: 'text' } },
        },
      ],
    })),
    resolve: { scale: { x: 'shared', color: 'shared' } },
  } as unknown as TopLevelSpec;
}

/** The vega-lite specification of a chart. */
export function chartSpec(chart: ChartModel): TopLevelSpec {
  switch (chart.key) {
    case 'targets':
      return targetsSpec(chart);
    case 'participants':
      return participantsSpec(chart);
    case 'flow':
      return flowSpec(chart);
    case 'results':
      return resultsSpec(chart);
  }
}

/** d3's number and time-format locale for the chart's language: decimal comma and Swedish month names in Swedish. */
export function chartLocale(texts: ChartTexts) {
  const sv = texts.lang === 'sv';
  return {
    number: sv
      ? { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0kr'], percent: '\u00a0%' }
      : { decimal: '.', thousands: ',', grouping: [3], currency: ['', ' SEK'] },
    time: {
      dateTime: '%Y-%m-%d %H:%M:%S',
      date: '%Y-%m-%d',
      time: '%H:%M:%S',
      periods: ['AM', 'PM'],
      days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
      shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
      months: [...texts.months],
      shortMonths: [...texts.months],
    },
  };
}
