import { isPeriodError, resolvePeriod, type ReportingPeriod } from '../core/period.js';
import { periodProblemText } from './period-text.js';
import type { IsoDate } from '../core/dates.js';
import { checkLedger, type LedgerCheck } from '../finance/check-ledger.js';
import type { Lang } from '../findings/catalogue.js';
import type { Finding } from '../findings/finding.js';
import { groupByCode } from '../findings/group.js';
import { readingSummary, type ReadingSummary } from '../findings/reading-summary.js';
import { findingHint, findingMessage } from '../findings/render.js';
import { indicatorsJson } from '../indicators/json.js';
import { computeIndicators, type IndicatorsOutcome } from '../indicators/run.js';
import type { ProjectProfile } from '../project/profile.js';
import type { ByteSource } from '../read/source.js';
import type { Notice } from '../read/table.js';
import { buildWorkbookModel, type ReportExtensions, type WorkbookMeta } from '../report/build-model.js';
import type { WorkbookLabels } from '../report/labels.js';
import type { WorkbookModel } from '../report/model.js';
import { registryNames } from '../report/names.js';
import { financingSheet, ledgerFindingCuts, type UsableLedgerCheck } from '../report/sheets/financing.js';
import { writeWorkbook } from '../report/write-workbook.js';
import { buildTemplateModel } from '../template/model.js';
import { writeTemplateWorkbook } from '../template/xlsx.js';
import { INDICATOR_CODES, CONTEXT_CODES, TARGET_RESULT_IDS, type IndicatorsResult } from '../indicators/result.js';
export { latestEndedQuarter } from './default-period.js';
import { PAGE_EXTENSIONS } from './extensions.js';
import { builtInProfile, templateTexts, TOOL_VERSION, workbookLabels } from './assets.js';

/**
 * The web page's engine: the same modules the CLI runs (reading, validation, indicators, finance,
 * workbook), driven from in-memory files instead of paths. No DOM and no Node module here, so the
 * Web Worker runs it and the tests run the very same bundle in Node.
 */

/** A file the user dropped or picked: its name (shown in findings, as the CLI shows the path) and its bytes. */
export interface InputFile {
  readonly name: string;
  /** Size in bytes, for the progress. */
  readonly size: number;
  /** A fresh stream of the bytes from the start. */
  open(): AsyncIterable<Uint8Array>;
}

/** An input file over bytes held in memory (tests, and the Node check of the bundle). */
export function bytesFile(name: string, bytes: Uint8Array, chunkSize = 256 * 1024): InputFile {
  return {
    name,
    size: bytes.length,
    async *open() {
      for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
    },
  };
}

export interface AnalysisRequest {
  readonly participants: InputFile;
  readonly ledger?: InputFile | null | undefined;
  readonly budget?: InputFile | null | undefined;
  /** `2026-Q3`, `2026-H1`, `2026-05`, `2026`, `project`: as `--period`. */
  readonly period: string;
  /** As `--as-of`; empty or undefined: the period end, or today if earlier. */
  readonly asOf?: string | undefined;
  readonly today: IsoDate;
  /** The language of the messages (and of the JSON's messages, as `--lang`). */
  readonly lang: Lang;
}

/** Progress of reading: bytes read so far of the file being read. */
export type ProgressListener = (file: string, read: number, total: number) => void;

/** Everything one analysis gave; kept by the worker for the downloads. */
export interface Analysis {
  readonly request: AnalysisRequest;
  readonly profile: ProjectProfile;
  readonly period: ReportingPeriod;
  readonly outcome: IndicatorsOutcome;
  /** The ledger check, when a ledger was given (null figures: the ledger or budget is unusable). */
  readonly ledger: LedgerCheck | null;
}

export type AnalysisOutcome = { readonly ok: true; readonly analysis: Analysis } | { readonly ok: false; readonly periodError: string };

function withProgress(file: InputFile, onProgress: ProgressListener | undefined): ByteSource {
  return {
    name: file.name,
    async *open() {
      let read = 0;
      for await (const chunk of file.open()) {
        read += chunk.length;
        onProgress?.(file.name, read, file.size);
        yield chunk;
      }
    },
  };
}

/** Reads, validates and computes as `esf-report indicators` (and `report --ledger`) do. */
export async function analyse(request: AnalysisRequest, onProgress?: ProgressListener): Promise<AnalysisOutcome> {
  const profile = builtInProfile();
  const asOf = request.asOf?.trim() ? request.asOf.trim() : undefined;
  const period = resolvePeriod(profile.period, { period: request.period, asOf }, request.today);
  if (isPeriodError(period)) return { ok: false, periodError: periodProblemText(period.problem, request.lang) };
  const outcome = await computeIndicators(withProgress(request.participants, onProgress), profile, {
    period,
    asOf: period.asOf,
    today: request.today,
    lang: request.lang,
  });
  let ledger: LedgerCheck | null = null;
  if (request.ledger) {
    ledger = await checkLedger(
      withProgress(request.ledger, onProgress),
      request.budget ? withProgress(request.budget, onProgress) : null,
      { profile, period: { label: period.label, start: period.start, end: period.end }, asOf: period.asOf, today: request.today },
      {},
    );
  }
  return { ok: true, analysis: { request, profile, period, outcome, ledger } };
}

/** The `esf-report/indicators@1` document, byte for byte what `indicators --format json` prints. */
export function analysisJson(analysis: Analysis): string {
  return indicatorsJson(analysis.outcome.result);
}

// ---------------------------------------------------------------------------------------------
// What the page shows: plain data (it crosses from the worker to the page), already in the language.

export interface FindingItem {
  readonly file: string | null;
  readonly line: number | null;
  readonly column: string | null;
  readonly participantId: string | null;
  readonly message: string;
}

export interface FindingGroup {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly hint: string;
  readonly count: number;
  /** The first `FINDINGS_SHOWN_PER_CODE` findings of the code. */
  readonly items: FindingItem[];
}

export interface FileView extends ReadingSummary {
  readonly role: 'participants' | 'ledger' | 'budget';
  readonly file: string;
  readonly format: 'csv' | 'xlsx' | null;
  readonly unusable: boolean;
  readonly encodingFallback: boolean;
}

export interface AnalysisView {
  readonly lang: Lang;
  readonly period: ReportingPeriod;
  readonly files: FileView[];
  readonly groups: FindingGroup[];
  /** Null when the participant file gives no figures. */
  readonly result: IndicatorsResult | null;
  /** Indicator, context and target names in the language (the JSON keeps the English ones). */
  readonly names: Record<string, string>;
  /** Can the workbook be made (a usable participant file, and a usable ledger when one is given)? */
  readonly workbook: boolean;
  readonly financing: boolean;
  /** The report's targets chart as a figure (inline SVG and its text alternative), from the page extensions; null when none. */
  readonly targetsChart: string | null;
  /** Is an HTML report renderer plugged in (see `extensions.ts`)? */
  readonly htmlReport: boolean;
}

export const FINDINGS_SHOWN_PER_CODE = 200;

function groupFindings(findings: readonly Finding[], lang: Lang): FindingGroup[] {
  // errors first, then warnings; within each, the order the codes first appear in
  return groupByCode(findings, { bySeverity: true, byLine: false }).map((g) => ({
    code: g.code,
    severity: g.severity,
    count: g.findings.length,
    items: g.findings.slice(0, FINDINGS_SHOWN_PER_CODE).map((f) => ({
      file: f.file,
      line: f.line,
      column: f.column,
      participantId: f.participantId ?? null,
      message: findingMessage(f, lang),
    })),
    hint: findingHint(g.code, lang),
  }));
}

function fileView(
  role: FileView['role'],
  s: { file: string; encoding: string | null; delimiter: string | null; rows: number; errors: number; warnings: number; excludedRows: number; unusable: boolean; notices: readonly Notice[]; format?: 'csv' | 'xlsx' },
): FileView {
  return {
    role,
    file: s.file,
    format: s.format ?? null,
    ...readingSummary(s),
    unusable: s.unusable,
    encodingFallback: s.notices.some((n) => n.kind === 'encoding-fallback'),
  };
}

/** What the page shows of an analysis; `targetsChart` is from `targetsChartHtml` (drawing is asynchronous). */
export function analysisView(analysis: Analysis, targetsChart: string | null = null): AnalysisView {
  const { outcome, ledger, period } = analysis;
  const lang = analysis.request.lang;
  const files: FileView[] = [fileView('participants', outcome.summary)];
  const findings: Finding[] = [...outcome.summary.findings];
  if (ledger) {
    files.push(fileView('ledger', ledger.ledger));
    findings.push(...ledger.ledger.findings);
    if (ledger.budget) {
      files.push(fileView('budget', ledger.budget));
      findings.push(...ledger.budget.findings);
    }
  }
  const names = registryNames(lang);
  const nameMap: Record<string, string> = {};
  for (const c of INDICATOR_CODES) nameMap[c] = names.indicator(c);
  for (const c of CONTEXT_CODES) nameMap[c] = names.context(c);
  for (const t of TARGET_RESULT_IDS) nameMap[t] = names.target(t);
  return {
    lang,
    period,
    files,
    groups: groupFindings(findings, lang),
    result: outcome.usable ? outcome.result : null,
    names: nameMap,
    workbook: outcome.usable && (ledger === null || ledger.figures !== null),
    financing: ledger !== null && ledger.figures !== null,
    targetsChart: outcome.usable ? targetsChart : null,
    htmlReport: outcome.usable && PAGE_EXTENSIONS.htmlReport !== null,
  };
}

// ---------------------------------------------------------------------------------------------
// Downloads

export interface WorkbookRequest {
  readonly lang: Lang;
  /** As `--suppress-below N` (the shared copy); null for the funder's workbook. */
  readonly suppressBelow: number | null;
  /** When the workbook is made (ISO 8601 UTC), from the page's clock. */
  readonly generatedAt: string;
  /** SHA-256 (hex) of the participant file, the ledger and the budget, as the About sheet lists them. */
  readonly sha256: { readonly participants: string; readonly ledger?: string | undefined; readonly budget?: string | undefined };
}

/** The options the About sheet lists, as the CLI would have been called. */
function optionsUsed(analysis: Analysis, req: WorkbookRequest): string[] {
  const r = analysis.request;
  const list = [`--period ${r.period.trim()}`];
  if (r.asOf?.trim()) list.push(`--as-of ${r.asOf.trim()}`);
  list.push(`--lang ${req.lang}`);
  if (req.suppressBelow !== null) list.push(`--suppress-below ${req.suppressBelow}`);
  if (r.ledger) list.push(`--ledger ${r.ledger.name}`);
  if (r.budget && r.ledger) list.push(`--budget ${r.budget.name}`);
  return list;
}

/** The report as `esf-report report` builds it for the request: the workbook model and what it was built from. */
interface ReportParts {
  readonly model: WorkbookModel;
  readonly result: IndicatorsResult;
  readonly labels: WorkbookLabels;
  readonly meta: WorkbookMeta;
}

/** Builds the report's workbook model as the CLI does. Throws when the analysis gives no workbook. */
async function reportParts(analysis: Analysis, req: WorkbookRequest): Promise<ReportParts> {
  const { outcome, ledger, profile } = analysis;
  if (!outcome.usable) throw new Error('the participant file gives no figures, so there is no workbook');
  if (ledger && ledger.figures === null) throw new Error('the ledger cannot be used, so there is no workbook');
  const r = analysis.request;
  // the workbook's words follow its language: recompute the finding messages when the page speaks another
  let result: IndicatorsResult = outcome.result;
  if (req.lang !== r.lang) {
    const again = await analyse({ ...r, lang: req.lang });
    if (again.ok && again.analysis.outcome.usable) result = again.analysis.outcome.result;
  }
  const meta: WorkbookMeta = {
    toolVersion: TOOL_VERSION,
    input: { name: r.participants.name, sha256: req.sha256.participants },
    ledger: r.ledger ? { name: r.ledger.name, sha256: req.sha256.ledger ?? '' } : null,
    budget: r.ledger && r.budget ? { name: r.budget.name, sha256: req.sha256.budget ?? '' } : null,
    options: optionsUsed(analysis, req),
    profileFile: null,
    generatedAt: req.generatedAt,
    suppressBelow: req.suppressBelow,
  };
  const extensions: { financeSheet?: NonNullable<ReportExtensions['financeSheet']>; financeFindingCuts?: ReportExtensions['financeFindingCuts'] } = {};
  if (ledger && ledger.figures !== null) {
    const usable: UsableLedgerCheck = { ...ledger, figures: ledger.figures };
    extensions.financeSheet = (input) => financingSheet(usable, input);
    extensions.financeFindingCuts = ledgerFindingCuts(usable);
  }
  const labels = workbookLabels(req.lang);
  const model = buildWorkbookModel(result, profile, labels, meta, extensions);
  return { model, result, labels, meta };
}

/**
 * The funder's workbook (`esf-report report`), or with `suppressBelow` the shared copy: the same
 * workbook builder and writer as the CLI. Throws when the analysis gives no workbook.
 */
export async function workbookBytes(analysis: Analysis, req: WorkbookRequest): Promise<Uint8Array> {
  return new Uint8Array(await writeWorkbook((await reportParts(analysis, req)).model));
}

/**
 * The HTML report, byte for byte what `esf-report report --out FILE.html` writes for the same input
 * and options, when a renderer is plugged in (`extensions.ts`); null otherwise.
 */
export async function htmlReportBytes(analysis: Analysis, req: WorkbookRequest): Promise<Uint8Array | null> {
  const render = PAGE_EXTENSIONS.htmlReport;
  if (render === null || !analysis.outcome.usable) return null;
  const p = await reportParts(analysis, req);
  return new TextEncoder().encode(await render(p.model, p.result, analysis.profile, p.labels, p.meta));
}

/** The report's targets chart as a figure for the page, when a renderer is plugged in and the report has one; null otherwise. */
export async function targetsChartHtml(analysis: Analysis, req: WorkbookRequest): Promise<string | null> {
  const render = PAGE_EXTENSIONS.targetsChart;
  if (render === null || !analysis.outcome.usable || (analysis.ledger !== null && analysis.ledger.figures === null)) return null;
  const p = await reportParts(analysis, req);
  return render(p.model, p.result, analysis.profile, p.labels, p.meta);
}

/** The blank participant workbook (`esf-report template --out deltagare.xlsx`). */
export function templateBytes(lang: Lang, today: IsoDate): Promise<Uint8Array> {
  return writeTemplateWorkbook(buildTemplateModel(lang, templateTexts(lang)), { created: today });
}

/** The download names: as the CLI's default, with the shared copy marked. */
export function downloadName(analysis: Analysis, kind: 'workbook' | 'shared' | 'json' | 'html'): string {
  const base = `esf-report-${analysis.profile.id}-${analysis.period.label}`.replace(/[^A-Za-z0-9._-]/g, '_');
  if (kind === 'json') return `${base}.json`;
  if (kind === 'html') return `${base}.html`;
  if (kind === 'shared') return `${base}-${analysis.request.lang === 'sv' ? 'delad' : 'shared'}.xlsx`;
  return `${base}.xlsx`;
}
