import type { ChartModel } from '../charts/chart-model.js';
import { formatCell } from '../charts/format.js';
import { fillLabel, type WorkbookLabels } from '../labels.js';
import type { CellModel, ChartKey, MergeModel, RowModel, SheetModel, WorkbookModel } from '../model.js';
import { REPORT_CSS } from './style.js';

/**
 * The report as one self-contained HTML page: the same sheet models as the workbook rendered as
 * sections, tables with real headers, the charts as inline SVG, inline CSS for screen and A4 print,
 * no script and no request. A pure function of the model: it runs in Node and in a browser.
 */

/** A chart drawn as SVG. */
export interface DrawnChart {
  readonly chart: ChartModel;
  readonly svg: string;
}

/** What the page says about where it came from (the About sheet says it in full). */
export interface HtmlProvenance {
  readonly toolVersion: string;
  /** null in a shared copy, which names no input file. */
  readonly inputName: string | null;
  readonly sha256: string;
  readonly generatedAt: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const NUMERIC = new Set<CellModel['kind']>(['count', 'integer', 'rate', 'money', 'share', 'hours', 'suppressed']);

function sectionId(sheet: SheetModel): string {
  return `section-${sheet.key}`;
}

function chartId(key: ChartKey): string {
  return `chart-${key}`;
}

/** Gives every id inside an SVG a prefix, so several charts on one page never share a clip path. */
export function prefixSvgIds(svg: string, prefix: string): string {
  const ids = new Set<string>();
  for (const m of svg.matchAll(/\bid="([^"]+)"/g)) ids.add(m[1]!);
  let out = svg;
  for (const id of ids) {
    const esc = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out
      .replace(new RegExp(`\\bid="${esc}"`, 'g'), `id="${prefix}${id}"`)
      .replace(new RegExp(`url\\(#${esc}\\)`, 'g'), `url(#${prefix}${id})`)
      .replace(new RegExp(`href="#${esc}"`, 'g'), `href="#${prefix}${id}"`);
  }
  return out;
}

/** The chart's SVG as an image with a name and a description for assistive technology. */
function inlineSvg(drawn: DrawnChart): string {
  const id = chartId(drawn.chart.key);
  const svg = prefixSvgIds(drawn.svg.replace(/^<\?xml[^>]*>\s*/, ''), `${id}-`);
  return svg.replace(/^<svg\b/, `<svg role="img" aria-labelledby="${id}-title" aria-describedby="${id}-words" focusable="false"`);
}

/** A chart as a figure: the SVG with its title, its text alternative ("in words") and its notes. */
export function chartFigure(drawn: DrawnChart, labels: WorkbookLabels): string {
  const c = drawn.chart;
  const id = chartId(c.key);
  return (
    `<figure class="chart" id="${id}">` +
    `<span class="visually-hidden" id="${id}-title">${escapeHtml(c.title)}</span>` +
    inlineSvg(drawn) +
    `<figcaption><div id="${id}-words"><p>${escapeHtml(labels.charts.inWords)}:</p><ul>` +
    c.summary.map((line) => `<li>${escapeHtml(line)}</li>`).join('') +
    '</ul></div>' +
    c.notes.map((n) => `<p class="chart-note">${escapeHtml(n)}</p>`).join('') +
    `</figcaption></figure>`
  );
}

/** Where each merge starts (its spans) and which cells it covers. */
function mergeMaps(merges: readonly MergeModel[]) {
  const starts = new Map<string, MergeModel>();
  const covered = new Set<string>();
  for (const m of merges) {
    starts.set(`${m.top}:${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  return { starts, covered };
}

type RowInfo = { readonly row: RowModel; readonly number: number };

function cellHtml(cell: CellModel, tag: 'td' | 'th', attrs: string, labels: WorkbookLabels, extraClass = ''): string {
  const classes: string[] = [];
  if (NUMERIC.has(cell.kind)) classes.push('n');
  if (cell.kind === 'suppressed') classes.push('hidden-value');
  if (cell.kind === 'text' && cell.align === 'center') classes.push('c');
  if (cell.kind === 'text' && cell.indent) classes.push(`indent${Math.min(cell.indent, 3)}`);
  if (extraClass) classes.push(extraClass);
  const cls = classes.length > 0 ? ` class="${classes.join(' ')}"` : '';
  return `<${tag}${attrs}${cls}>${escapeHtml(formatCell(cell, labels.lang))}</${tag}>`;
}

function spanAttrs(m: MergeModel | undefined): string {
  if (!m) return '';
  const cols = m.right - m.left + 1;
  const rows = m.bottom - m.top + 1;
  return (cols > 1 ? ` colspan="${cols}"` : '') + (rows > 1 ? ` rowspan="${rows}"` : '');
}

/** A run of header, group, data and total rows as one table. */
function tableHtml(rows: readonly RowInfo[], maps: ReturnType<typeof mergeMaps>, labels: WorkbookLabels): string {
  const headCount = rows.findIndex((r) => r.row.style !== 'header');
  const headRows = headCount === -1 ? rows : rows.slice(0, headCount);
  const bodyRows = headCount === -1 ? [] : rows.slice(headCount);
  const width = Math.max(1, ...rows.map((r) => r.row.cells.length));
  const line = (info: RowInfo, inHead: boolean): string => {
    const { row, number } = info;
    const cls = row.style === 'data' ? '' : ` class="${row.style}"`;
    let out = `<tr${cls}>`;
    row.cells.forEach((cell, j) => {
      const key = `${number}:${j + 1}`;
      if (maps.covered.has(key)) return;
      const m = maps.starts.get(key);
      if (cell.kind === 'blank') {
        out += '<td class="gap"></td>';
        return;
      }
      if (inHead) {
        const scope = m && m.right > m.left ? 'colgroup' : 'col';
        out += cellHtml(cell, 'th', `${spanAttrs(m)} scope="${scope}"`, labels);
      } else if (row.style === 'group') {
        out += cellHtml(cell, 'th', `${spanAttrs(m ?? { top: number, left: 1, bottom: number, right: width })} scope="rowgroup"`, labels);
      } else if (j === 0 && cell.kind === 'text') {
        out += cellHtml(cell, 'th', `${spanAttrs(m)} scope="row"`, labels);
      } else {
        out += cellHtml(cell, 'td', spanAttrs(m), labels);
      }
    });
    return `${out}</tr>`;
  };
  return (
    '<div class="table-wrap"><table>' +
    (headRows.length > 0 ? `<thead>${headRows.map((r) => line(r, true)).join('')}</thead>` : '') +
    (bodyRows.length > 0 ? `<tbody>${bodyRows.map((r) => line(r, false)).join('')}</tbody>` : '') +
    '</table></div>'
  );
}

function fieldsHtml(rows: readonly RowInfo[], labels: WorkbookLabels): string {
  return (
    '<table class="fields"><tbody>' +
    rows
      .map(({ row }) => {
        const [label, ...values] = row.cells;
        return `<tr>${label ? cellHtml(label, 'th', ' scope="row"', labels) : ''}${values.map((v) => cellHtml(v, 'td', '', labels, 'v')).join('')}</tr>`;
      })
      .join('') +
    '</tbody></table>'
  );
}

const TABLE_STYLES = new Set(['header', 'group', 'data', 'total']);

/** One sheet as a section: headings, paragraphs, tables and its charts in the workbook's order. */
function sectionHtml(sheet: SheetModel, drawn: ReadonlyMap<ChartKey, DrawnChart>, labels: WorkbookLabels): string {
  const maps = mergeMaps(sheet.merges);
  const imagesAt = new Map((sheet.images ?? []).map((i) => [i.row, i] as const));
  const parts: string[] = [];
  let run: RowInfo[] = [];
  let runKind: 'table' | 'fields' | null = null;
  const flush = () => {
    if (run.length > 0) parts.push(runKind === 'fields' ? fieldsHtml(run, labels) : tableHtml(run, maps, labels));
    run = [];
    runKind = null;
  };
  sheet.rows.forEach((row, i) => {
    const number = i + 1;
    const image = imagesAt.get(number);
    if (image) {
      flush();
      const chart = drawn.get(image.chart);
      if (chart && sheet.key === 'charts') parts.push(chartFigure(chart, labels));
      else if (chart) {
        // elsewhere a pointer: the Diagram section holds the chart, so the page draws it once
        parts.push(`<p class="chart-link"><a href="#${chartId(image.chart)}">${escapeHtml(fillLabel(labels.html.chartHere, { title: chart.chart.title }))}</a></p>`);
      }
    }
    const empty = row.cells.length === 0 || row.cells.every((c) => c.kind === 'blank');
    if (empty) return flush();
    const first = row.cells[0];
    switch (row.style) {
      case 'title':
        flush();
        parts.push(`<p class="sheet-title">${escapeHtml(first ? formatCell(first, labels.lang) : '')}</p>`);
        return;
      case 'section':
        flush();
        parts.push(`<h3>${escapeHtml(first ? formatCell(first, labels.lang) : '')}</h3>`);
        return;
      case 'note':
        flush();
        // the text lines under a chart belong to its figure in the Diagram section
        if (sheet.key === 'charts' && i > 1) return;
        parts.push(`<p class="note">${escapeHtml(first ? formatCell(first, labels.lang) : '')}</p>`);
        return;
      case 'field':
        if (runKind !== 'fields') flush();
        runKind = 'fields';
        run.push({ row, number });
        return;
      default:
        if (!TABLE_STYLES.has(row.style)) return;
        // a header row after body rows starts a new table
        if (runKind !== 'table' || (row.style === 'header' && run.some((r) => r.row.style !== 'header'))) flush();
        runKind = 'table';
        run.push({ row, number });
    }
  });
  flush();
  return `<section id="${sectionId(sheet)}" aria-labelledby="${sectionId(sheet)}-h"><h2 id="${sectionId(sheet)}-h">${escapeHtml(sheet.name)}</h2>${parts.join('')}</section>`;
}

/** The whole page. The same model as the workbook, so no figure can differ between the two. */
export function renderHtml(model: WorkbookModel, charts: readonly DrawnChart[], labels: WorkbookLabels, provenance: HtmlProvenance): string {
  const drawn = new Map(charts.map((c) => [c.chart.key, c] as const));
  const p = model.properties;
  const nav =
    `<nav aria-labelledby="contents-h"><h2 id="contents-h">${escapeHtml(labels.html.contents)}</h2><ol>` +
    model.sheets.map((s) => `<li><a href="#${sectionId(s)}">${escapeHtml(s.name)}</a></li>`).join('') +
    '</ol></nav>';
  const footer = fillLabel(labels.html.footer, {
    version: provenance.toolVersion,
    file: provenance.inputName ?? '–',
    sha256: provenance.sha256,
    generatedAt: formatCell({ kind: 'datetime', value: provenance.generatedAt }, labels.lang),
  });
  return (
    `<!DOCTYPE html>\n<html lang="${labels.lang}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="generator" content="esf-report ${escapeHtml(provenance.toolVersion)}">\n` +
    `<meta name="description" content="${escapeHtml(p.subject)}">\n` +
    `<title>${escapeHtml(p.title)}</title>\n<style>${REPORT_CSS}</style>\n</head>\n<body>\n` +
    `<header><h1>${escapeHtml(p.title)}</h1><p>${escapeHtml(p.subject)}</p></header>\n${nav}\n<main>\n` +
    model.sheets.map((s) => sectionHtml(s, drawn, labels)).join('\n') +
    `\n</main>\n<footer><p>${escapeHtml(footer)}</p></footer>\n</body>\n</html>\n`
  );
}
