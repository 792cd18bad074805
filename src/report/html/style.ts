/**
 * The report page's CSS, inline in the page: readable on a screen, and on A4 paper one section a
 * page, table headers repeated, rows and charts never split, charts scaled to the page width.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #8ea9db; --head: #d9e1f2; --group: #f2f2f2; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; color: var(--ink); background: #fff; font-size: 15px; line-height: 1.45; }
body { margin: 0 auto; padding: 1.5rem; max-width: 1200px; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
header p { color: var(--muted); margin: 0 0 1rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--rule); padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
nav ol { columns: 2; padding-left: 1.4rem; }
.sheet-title { font-weight: bold; font-size: 1.1rem; }
.note, .chart-note, figcaption p, figcaption ul { max-width: 60rem; }
figcaption ul { margin: .2rem 0 .5rem; padding-left: 1.4rem; }
.chart-note { color: var(--muted); font-style: italic; }
.chart-link { margin: 1rem 0 .3rem; }
.table-wrap { overflow-x: auto; margin: .5rem 0 1rem; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { padding: .2rem .5rem; border-bottom: 1px solid #d0d0d0; vertical-align: top; text-align: left; }
thead th { background: var(--head); border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); text-align: center; vertical-align: middle; }
tr.group th { background: var(--group); text-align: left; }
tr.total th, tr.total td { font-weight: bold; border-top: 1px solid var(--rule); }
tbody th { font-weight: normal; }
.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.c { text-align: center; }
.indent1 { padding-left: 1.5rem; } .indent2 { padding-left: 2.5rem; } .indent3 { padding-left: 3.5rem; }
.hidden-value { color: var(--muted); }
td.gap { border: none; width: 1.5rem; }
table.fields th { font-weight: normal; color: var(--muted); padding-right: 1.5rem; }
table.fields td.n { text-align: left; }
figure.chart { margin: 1rem 0 2rem; max-width: 900px; }
figure.chart svg { display: block; width: 100%; height: auto; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; border-top: 1px solid #d0d0d0; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  html { font-size: 10pt; }
  body { padding: 0; max-width: none; }
  section + section { break-before: page; }
  h2, h3 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, figure.chart { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  table { font-size: 8pt; }
  th, td { padding: 1px 4px; }
  figure.chart { max-width: 100%; }
  a { color: inherit; text-decoration: none; }
}
`;
