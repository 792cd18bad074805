import type { Lang } from '../findings/catalogue.js';
import type { GenderSplit, IndicatorsResult, TargetResult } from '../indicators/result.js';
import type { AnalysisView, FindingGroup } from './engine.js';
import { latestEndedQuarter } from './default-period.js';
import { PAGE_TEXTS, type PageTexts } from './i18n.js';
import { formatPercent, PERCENT } from '../core/format.js';
import type { DownloadKind, FromWorker, ToWorker } from './protocol.js';
import SAMPLE from '../../fixtures/participants.csv';

/**
 * The page: files in, period in, figures and findings out, downloads. All computing happens in the
 * Web Worker (its code is inlined in the page and started from a Blob URL, so the single file works
 * from file:// with a Content-Security-Policy that allows no network at all).
 */

declare const WORKER_SOURCE: string;
declare const ESF_REPORT_VERSION: string;
declare const PROJECT_LABEL: string;
declare const PERIOD_OPTIONS: readonly string[];

const SAMPLE_NAME = 'participants.csv';
const SAMPLE_AS_OF = '2026-11-20';

function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

/** Today as the browser's calendar has it (the user's own day, as the CLI's today is). */
function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** `#period=2026-Q3&as-of=2026-11-20&lang=en`: a link that opens the page ready. */
function readHash(): { period?: string; asOf?: string; lang?: Lang } {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const out: { period?: string; asOf?: string; lang?: Lang } = {};
  const period = params.get('period');
  const asOf = params.get('as-of');
  const lang = params.get('lang');
  if (period) out.period = period.trim();
  if (asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf.trim())) out.asOf = asOf.trim();
  if (lang === 'en' || lang === 'sv') out.lang = lang;
  return out;
}

function writeHash(): void {
  const params = new URLSearchParams();
  if (periodInput.value.trim()) params.set('period', periodInput.value.trim());
  if (asOfInput.value) params.set('as-of', asOfInput.value);
  if (lang !== 'sv') params.set('lang', lang);
  history.replaceState(null, '', `#${params.toString()}`);
}

// ---------------------------------------------------------------------------------------------
// State

const hash = readHash();
let lang: Lang = hash.lang ?? 'sv';
let t: PageTexts = PAGE_TEXTS[lang];
let view: AnalysisView | null = null;
let participants: File | null = null;
let ledger: File | null = null;
let budget: File | null = null;
let nextId = 1;
let currentAnalysis = 0;
let startedAt = 0;
const pending = new Map<number, (msg: FromWorker) => void>();

const periodInput = $<HTMLInputElement>('period');
const asOfInput = $<HTMLInputElement>('as-of');
const statusText = $('status-text');
const progress = $<HTMLProgressElement>('progress');
const progressBox = $('progress-box');
const progressText = $('progress-text');
const DOWNLOAD_BUTTONS = ['dl-workbook', 'dl-shared', 'dl-json', 'dl-html'];

const worker = new Worker(URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' })));
worker.onmessage = (event: MessageEvent<FromWorker>) => {
  const msg = event.data;
  if (msg.type === 'progress') {
    if (msg.id !== currentAnalysis) return;
    const pct = msg.total > 0 ? Math.min(100, Math.floor((msg.read / msg.total) * 100)) : 0;
    // the percentage goes beside the bar, not into the live status line, so a screen reader is not flooded
    progressBox.hidden = false;
    progress.value = pct;
    progressText.textContent = pct >= 100 ? t.computing : t.readingPercent(msg.file, pct);
    return;
  }
  const resolve = pending.get(msg.id);
  pending.delete(msg.id);
  resolve?.(msg);
};
worker.onerror = (event) => {
  event.preventDefault();
  setStatus(t.failed(event.message || 'worker'), true);
};

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

function ask(message: WithoutId<ToWorker>): { id: number; reply: Promise<FromWorker> } {
  const id = nextId++;
  const reply = new Promise<FromWorker>((resolve) => pending.set(id, resolve));
  worker.postMessage({ ...message, id } as ToWorker);
  return { id, reply };
}

function setStatus(text: string, problem = false): void {
  statusText.textContent = text;
  statusText.className = problem ? 'problem' : '';
}

// ---------------------------------------------------------------------------------------------
// Words

function applyTexts(): void {
  t = PAGE_TEXTS[lang];
  document.documentElement.lang = t.htmlLang;
  document.title = t.title;
  for (const node of document.querySelectorAll<HTMLElement>('[data-t]')) {
    const value = t[node.dataset.t as keyof PageTexts];
    if (typeof value === 'string') node.textContent = value;
  }
  for (const node of document.querySelectorAll<HTMLElement>('[data-t-label]')) {
    const value = t[node.dataset.tLabel as keyof PageTexts];
    if (typeof value === 'string') node.setAttribute('aria-label', value);
  }
  $('lang-switch').setAttribute('lang', lang === 'sv' ? 'en' : 'sv');
  $('project').textContent = PROJECT_LABEL;
  $('footer').textContent = t.footer(ESF_REPORT_VERSION);
  showChosen();
}

function showChosen(): void {
  $('participants-chosen').textContent = participants ? t.chosen(participants.name) : '';
  $('ledger-clear').hidden = ledger === null;
  $('budget-clear').hidden = budget === null;
}

// ---------------------------------------------------------------------------------------------
// Running

async function run(): Promise<void> {
  if (!participants) {
    setStatus(t.noFile, true);
    return;
  }
  writeHash();
  startedAt = performance.now();
  progress.value = 0;
  progressText.textContent = '';
  progressBox.hidden = false;
  // the downloads belong to the last result: none while a new one is being computed
  for (const b of DOWNLOAD_BUTTONS) $<HTMLButtonElement>(b).disabled = true;
  setStatus(t.reading(participants.name));
  const { id, reply } = ask({
    type: 'analyse',
    participants,
    ledger,
    budget: ledger ? budget : null,
    period: periodInput.value.trim() || latestEndedQuarter(todayIso()),
    asOf: asOfInput.value,
    today: todayIso(),
    lang,
  });
  currentAnalysis = id;
  const msg = await reply;
  if (id !== currentAnalysis) return; // a newer run has started
  progressBox.hidden = true;
  if (msg.type === 'period-error' || msg.type === 'failed') {
    // the figures on screen no longer answer the question asked: take them away
    $('results').hidden = true;
    setStatus(msg.type === 'period-error' ? t.periodProblem(msg.message) : t.failed(msg.message), true);
    return;
  }
  if (msg.type !== 'analysed') return;
  view = msg.view;
  const ms = performance.now() - startedAt;
  document.body.dataset.lastRunMs = String(Math.round(ms));
  render(view);
  const unusable = view.files.find((f) => f.unusable);
  // an unusable file: say why right here, where the eye is (the findings below say it again, with the fix)
  const why = view.groups.find((g) => g.severity === 'error')?.items[0]?.message;
  const errors = view.files.reduce((n, f) => n + f.errors, 0);
  const warnings = view.files.reduce((n, f) => n + f.warnings, 0);
  setStatus(unusable ? (why ? t.unusableBecause(why) : t.unusableFile) : `${t.done(ms)} ${t.counts(errors, warnings)}`, unusable !== undefined);
}

async function download(kind: DownloadKind): Promise<void> {
  const status = $('download-status');
  let suppressBelow: number | null = null;
  if (kind === 'shared') {
    const raw = $<HTMLInputElement>('suppress').value.trim();
    suppressBelow = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(suppressBelow >= 2)) {
      status.textContent = t.suppressInvalid;
      status.className = 'problem';
      $('suppress').focus();
      return;
    }
  }
  status.textContent = t.preparing;
  status.className = '';
  const { reply } = ask({ type: 'download', kind, lang, today: todayIso(), suppressBelow, generatedAt: new Date().toISOString() });
  const msg = await reply;
  if (msg.type === 'failed') {
    status.textContent = t.failed(msg.message);
    status.className = 'problem';
    return;
  }
  if (msg.type !== 'file') return;
  const url = URL.createObjectURL(new Blob([msg.bytes as BlobPart], { type: msg.mime }));
  const a = el('a', { href: url, download: msg.name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  status.textContent = t.downloaded(msg.name);
}

// ---------------------------------------------------------------------------------------------
// Rendering the results

function render(v: AnalysisView): void {
  $('results').hidden = false;
  const r = v.result;
  $('period-line').textContent = r
    ? `${t.periodLine(r.period.label, r.period.start, r.period.end, r.period.asOf)}${r.period.preliminary ? ` ${t.preliminary}` : ''}`
    : t.periodLine(v.period.label, v.period.start, v.period.end, v.period.asOf);

  const files = $('file-list');
  files.replaceChildren(
    ...v.files.map((f) => {
      const li = el('li', {}, el('strong', {}, `${t.roles[f.role]}: ${f.file}`), ' – ');
      if (f.unusable) li.append(el('span', { class: 'problem' }, t.unusableFile));
      else li.append(`${t.fileLine(f.rows, f.errors, f.warnings, f.excludedRows)} (${t.readAs(f.format ?? 'csv', f.encoding, f.delimiter)})`);
      if (f.encodingFallback) li.append(el('br'), t.encodingFallback);
      return li;
    }),
  );

  $('no-workbook').hidden = v.workbook;
  for (const id of DOWNLOAD_BUTTONS) $<HTMLButtonElement>(id).disabled = id === 'dl-json' ? false : id === 'dl-html' ? !v.htmlReport : !v.workbook;
  $('dl-html-item').hidden = !v.htmlReport;

  renderFindings(v.groups);
  $('indicators-section').hidden = r === null;
  $('targets-section').hidden = r === null;
  if (r) {
    renderIndicators(r, v);
    renderTargets(r, v);
  }
}

function renderFindings(groups: readonly FindingGroup[]): void {
  const box = $('findings');
  if (groups.length === 0) {
    box.replaceChildren(el('p', {}, t.noFindings));
    return;
  }
  box.replaceChildren(
    ...groups.map((g, i) => {
      const details = el('details', { class: `group ${g.severity}` });
      if (g.severity === 'error' && i < 3) details.open = true;
      details.append(el('summary', {}, `${g.code} (${g.count})`, el('span', { class: 'severity' }, g.severity === 'error' ? t.error : t.warning)));
      const list = el('ul');
      for (const item of g.items) {
        const where = [item.file, item.line === null ? null : `${t.line} ${item.line}`].filter((s) => s !== null).join(', ');
        const who = item.participantId ? ` (${item.participantId})` : '';
        list.append(el('li', {}, where ? `${where}${who}: ${item.message}` : item.message));
      }
      const body = el('div', { class: 'body' }, list);
      if (g.count > g.items.length) body.append(el('p', { class: 'help' }, t.more(g.count - g.items.length)));
      body.append(el('p', { class: 'fix' }, el('strong', {}, `${t.fix}: `), g.hint));
      details.append(body);
      return details;
    }),
  );
}

const GENDERS = ['women', 'men', 'nonBinary', 'total'] as const satisfies readonly (keyof GenderSplit)[];

function genderHeaders(scope: string): HTMLTableCellElement[] {
  const short = [t.womenShort, t.menShort, t.nonBinaryShort, t.total];
  const long = [t.women, t.men, t.nonBinary, t.total];
  return GENDERS.map((g, i) => {
    const th = el('th', { scope: 'col', class: `${g === 'total' ? 'total' : ''}${i === 0 ? ' gap' : ''}`.trim() }, el('abbr', { title: long[i]! }, short[i]!));
    th.setAttribute('aria-label', `${long[i]}, ${scope}`);
    return th;
  });
}

function splitCells(s: GenderSplit): HTMLTableCellElement[] {
  return GENDERS.map((g, i) => el('td', { class: `${g === 'total' ? 'total' : ''}${i === 0 ? ' gap' : ''}`.trim() }, String(s[g])));
}

function renderIndicators(r: IndicatorsResult, v: AnalysisView): void {
  const table = el('table');
  table.append(el('caption', {}, t.indicatorsCaption(r.period.label)));
  const head = el('thead');
  const periodTh = el('th', { scope: 'colgroup', colspan: '4', class: 'gap' }, `${t.periodCol} ${r.period.label}`);
  const cumTh = el('th', { scope: 'colgroup', colspan: '4', class: 'gap' }, t.cumulativeCol);
  head.append(
    el('tr', {}, el('td', { colspan: '2' }), periodTh, cumTh),
    el('tr', {}, el('th', { scope: 'col', class: 'name' }, t.code), el('th', { scope: 'col', class: 'name' }, t.indicator), ...genderHeaders(t.periodCol), ...genderHeaders(t.cumulativeCol)),
  );
  table.append(head);
  const body = el('tbody');
  let kind = '';
  for (const ind of r.indicators) {
    if (ind.kind !== kind) {
      kind = ind.kind;
      body.append(el('tr', { class: 'kind' }, el('th', { scope: 'rowgroup', colspan: '10' }, t.kinds[ind.kind])));
    }
    body.append(el('tr', {}, el('th', { scope: 'row' }, ind.code), el('td', { class: 'name' }, v.names[ind.code] ?? ind.name), ...splitCells(ind.period), ...splitCells(ind.cumulative)));
  }
  body.append(el('tr', { class: 'kind' }, el('th', { scope: 'rowgroup', colspan: '10' }, t.kinds.context)));
  for (const c of r.context) {
    body.append(el('tr', {}, el('th', { scope: 'row' }, c.code), el('td', { class: 'name' }, v.names[c.code] ?? c.name), ...splitCells(c.period), ...splitCells(c.cumulative)));
  }
  table.append(body);
  $('indicators').replaceChildren(table);
  const failed = r.consistency.filter((c) => !c.holds);
  const consistency = $('consistency');
  consistency.textContent = failed.length === 0 ? t.consistencyOk(r.consistency.length) : t.consistencyFailed(failed.map((c) => c.test).join('; '));
  consistency.className = failed.length === 0 ? '' : 'problem';
}

function onTrackCell(target: TargetResult): HTMLTableCellElement {
  if (target.onTrack === null) return el('td', {}, '–');
  return el('td', { class: target.onTrack ? 'on-track-yes' : 'on-track-no' }, target.onTrack ? t.yes : t.no);
}

function renderTargets(r: IndicatorsResult, v: AnalysisView): void {
  const table = el('table');
  table.append(el('caption', {}, t.targetsCaption(r.period.end < r.period.asOf ? r.period.end : r.period.asOf)));
  table.append(
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col', class: 'name' }, t.target),
        el('th', { scope: 'col' }, t.goal),
        el('th', { scope: 'col' }, t.goalCount),
        el('th', { scope: 'col' }, t.base),
        ...genderHeaders(t.target),
        el('th', { scope: 'col' }, t.rate),
        el('th', { scope: 'col' }, t.onTrack),
      ),
    ),
  );
  const body = el('tbody');
  const notes: string[] = [];
  for (const target of r.targets) {
    const name = v.names[target.id] ?? target.name;
    const nameCell = el('th', { scope: 'row', class: 'name' }, `${target.id} ${name}`);
    if (target.unanswered && target.unanswered.total > 0) nameCell.append(el('br'), el('span', { class: 'help' }, `${target.unanswered.total} ${t.unanswered}`));
    body.append(
      el(
        'tr',
        {},
        nameCell,
        el('td', {}, target.targetRate === null ? '–' : formatPercent(target.targetRate, PERCENT.web(lang))),
        el('td', {}, target.targetCount === null ? '–' : String(target.targetCount)),
        el('td', {}, String(target.base)),
        ...splitCells(target.achieved),
        el('td', {}, target.rate === null ? '–' : formatPercent(target.rate, PERCENT.web(lang))),
        onTrackCell(target),
      ),
    );
    if (target.reference) {
      const { name, rate, women } = target.reference;
      const web = PERCENT.web(lang);
      notes.push(t.reference(name, formatPercent(rate, web), women === null ? null : formatPercent(women, web)));
    }
  }
  table.append(body);
  $('targets').replaceChildren(table, ...notes.map((n) => el('p', { class: 'help' }, n)));
  // the report's targets chart, drawn in the worker: its SVG, title and text alternative as the HTML report has them
  const chart = $('targets-chart');
  chart.innerHTML = v.targetsChart ?? '';
  chart.hidden = v.targetsChart === null;
}

// ---------------------------------------------------------------------------------------------
// Wiring

function choose(kind: 'participants' | 'ledger' | 'budget', file: File | null): void {
  if (kind === 'participants') participants = file;
  else if (kind === 'ledger') ledger = file;
  else budget = file;
  showChosen();
  if (participants) void run();
}

function wireFileInput(kind: 'participants' | 'ledger' | 'budget'): void {
  const input = $<HTMLInputElement>(kind);
  input.addEventListener('change', () => choose(kind, input.files?.[0] ?? null));
  const zone = $(`drop-${kind}`);
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    const file = e.dataTransfer?.files[0];
    if (file) choose(kind, file);
  });
  if (kind !== 'participants') {
    $(`${kind}-clear`).addEventListener('click', () => {
      input.value = '';
      choose(kind, null);
      input.focus();
    });
  }
}

function init(): void {
  const today = todayIso();
  periodInput.value = hash.period ?? latestEndedQuarter(today);
  if (hash.asOf) asOfInput.value = hash.asOf;
  asOfInput.max = today;
  $('period-list').replaceChildren(...PERIOD_OPTIONS.map((p) => el('option', { value: p })));
  applyTexts();

  // a file dropped beside a drop zone must not replace the page
  document.addEventListener('dragover', (e) => e.preventDefault());
  document.addEventListener('drop', (e) => e.preventDefault());
  wireFileInput('participants');
  wireFileInput('ledger');
  wireFileInput('budget');

  $('sample').addEventListener('click', () => {
    if (!asOfInput.value) asOfInput.value = SAMPLE_AS_OF;
    choose('participants', new File([SAMPLE as BlobPart], SAMPLE_NAME, { type: 'text/csv' }));
  });
  $('period-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  periodInput.addEventListener('change', () => (participants ? void run() : writeHash()));
  asOfInput.addEventListener('change', () => (participants ? void run() : writeHash()));
  $('lang-switch').addEventListener('click', () => {
    lang = lang === 'sv' ? 'en' : 'sv';
    applyTexts();
    writeHash();
    if (participants) void run();
  });
  $('dl-workbook').addEventListener('click', () => void download('workbook'));
  $('dl-shared').addEventListener('click', () => void download('shared'));
  $('dl-json').addEventListener('click', () => void download('json'));
  $('dl-html').addEventListener('click', () => void download('html'));
  $('dl-template').addEventListener('click', () => void download('template'));
  window.addEventListener('hashchange', () => {
    const h = readHash();
    if (h.period) periodInput.value = h.period;
    if (h.asOf) asOfInput.value = h.asOf;
    if (h.lang && h.lang !== lang) {
      lang = h.lang;
      applyTexts();
    }
    if (participants) void run();
  });
}

init();
