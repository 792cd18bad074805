import type { ChalkInstance } from 'chalk';
import type { Lang } from '../findings/catalogue.js';
import type { FindingCode } from '../findings/codes.js';
import type { Finding } from '../findings/finding.js';
import { findingHint, findingMessage, renderFinding } from '../findings/render.js';
import type { Notice } from '../read/table.js';

/** A file's summary as the renderers need it (participants, ledger or attendance). */
export interface FileSummaryView {
  readonly file: string;
  readonly kind: 'participants' | 'ledger' | 'attendance';
  readonly format?: 'csv' | 'xlsx';
  readonly encoding: string | null;
  readonly delimiter: string | null;
  readonly rows: number;
  readonly errors: number;
  readonly warnings: number;
  readonly excludedRows: number;
  readonly unusable: boolean;
  readonly findings: readonly Finding[];
  readonly notices: readonly Notice[];
}

const SHOWN_PER_CODE = 5;

const T = {
  en: {
    summary: (s: FileSummaryView) =>
      s.unusable
        ? `${s.file}: cannot be used (${s.errors} file error${s.errors === 1 ? '' : 's'})`
        : `${s.file}: ${s.rows} rows, ${s.rows - s.excludedRows} counted, ${s.excludedRows} excluded; ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}`,
    read: (s: FileSummaryView) =>
      s.format === 'xlsx' ? 'read as an Excel workbook (lines are Excel row numbers)' : `read as ${s.encoding ?? '?'}, delimiter ${delimiterName(s.delimiter)}`,
    ok: 'No problems found.',
    errors: 'Errors',
    warnings: 'Warnings',
    line: 'line',
    more: (n: number) => `… and ${n} more`,
    fix: 'Fix',
    total: (files: number, errors: number, warnings: number) =>
      `${files} files: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
    fallback: (file: string) =>
      `notice: ${file} is not UTF-8; read as Windows-1252 (as Swedish Excel saves "CSV (semikolonavgränsad)").`,
  },
  sv: {
    summary: (s: FileSummaryView) =>
      s.unusable
        ? `${s.file}: kan inte användas (${s.errors} fel i filen)`
        : `${s.file}: ${s.rows} rader, ${s.rows - s.excludedRows} räknas, ${s.excludedRows} utesluts; ${s.errors} fel, ${s.warnings} ${s.warnings === 1 ? 'varning' : 'varningar'}`,
    read: (s: FileSummaryView) =>
      s.format === 'xlsx' ? 'läst som Excel-arbetsbok (rader är Excels radnummer)' : `läst som ${s.encoding ?? '?'}, avgränsare ${delimiterName(s.delimiter)}`,
    ok: 'Inga problem hittades.',
    errors: 'Fel',
    warnings: 'Varningar',
    line: 'rad',
    more: (n: number) => `… och ${n} till`,
    fix: 'Åtgärd',
    total: (files: number, errors: number, warnings: number) =>
      `${files} filer: ${errors} fel, ${warnings} ${warnings === 1 ? 'varning' : 'varningar'}`,
    fallback: (file: string) =>
      `notis: ${file} är inte UTF-8; läst som Windows-1252 (som svenska Excel sparar ”CSV (semikolonavgränsad)”).`,
  },
} as const;

function delimiterName(d: string | null): string {
  return d === '\t' ? 'tab' : d === null ? '?' : `"${d}"`;
}

export function noticeText(n: Notice, lang: Lang): string {
  return T[lang].fallback(n.file);
}

/** Findings grouped by code, errors first, each group in line order. */
function groupByCode(findings: readonly Finding[]): Map<FindingCode, Finding[]> {
  const groups = new Map<FindingCode, Finding[]>();
  const sorted = [...findings].sort(
    (a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || (a.line ?? 0) - (b.line ?? 0),
  );
  for (const f of sorted) {
    const list = groups.get(f.code);
    if (list) list.push(f);
    else groups.set(f.code, [f]);
  }
  return groups;
}

/** The text report of `validate` for a person: a summary line per file, findings grouped by code, a fix hint per code. */
export function renderValidationText(files: readonly FileSummaryView[], lang: Lang, c: ChalkInstance): string {
  const t = T[lang];
  const lines: string[] = [];
  for (const s of files) {
    const head = t.summary(s);
    lines.push(s.unusable || s.errors > 0 ? c.bold.red(head) : s.warnings > 0 ? c.bold.yellow(head) : c.bold.green(head));
    if (s.encoding || s.format === 'xlsx') lines.push(c.dim(`  ${t.read(s)}`));
    if (s.findings.length === 0) {
      lines.push(`  ${t.ok}`);
      lines.push('');
      continue;
    }
    for (const [code, list] of groupByCode(s.findings)) {
      const severity = list[0]!.severity;
      const label = severity === 'error' ? c.red(code) : c.yellow(code);
      lines.push('');
      lines.push(`  ${label} (${list.length})`);
      for (const f of list.slice(0, SHOWN_PER_CODE)) {
        const where = f.line === null ? '' : `${t.line} ${f.line}: `;
        lines.push(`    ${where}${findingMessage(f, lang)}`);
      }
      if (list.length > SHOWN_PER_CODE) lines.push(c.dim(`    ${t.more(list.length - SHOWN_PER_CODE)}`));
      lines.push(`    ${c.cyan(`${t.fix}:`)} ${findingHint(code, lang)}`);
    }
    lines.push('');
  }
  if (files.length > 1) {
    const errors = files.reduce((n, s) => n + s.errors, 0);
    const warnings = files.reduce((n, s) => n + s.warnings, 0);
    lines.push(c.bold(t.total(files.length, errors, warnings)));
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

/** `validate --format json`: one document, `esf-report/validation@1`. */
export function renderValidationJson(files: readonly FileSummaryView[], lang: Lang): string {
  const doc = {
    schema: 'esf-report/validation@1',
    files: files.map((s) => ({
      file: s.file,
      kind: s.kind,
      format: s.format ?? 'csv',
      encoding: s.encoding,
      delimiter: s.delimiter,
      rows: s.rows,
      errors: s.errors,
      warnings: s.warnings,
      excludedRows: s.excludedRows,
    })),
    findings: files.flatMap((s) => s.findings.map((f) => renderFinding(f, lang))),
    notices: files.flatMap((s) => s.notices.map((n) => ({ kind: n.kind, file: n.file, message: noticeText(n, lang) }))),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Escapes workflow-command data and properties (GitHub Actions' rules). */
function ghData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function ghProp(s: string): string {
  return ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `validate --format github`: one workflow command per finding, then the summary lines. */
export function renderValidationGithub(files: readonly FileSummaryView[], lang: Lang): string {
  const lines: string[] = [];
  for (const s of files) {
    for (const f of s.findings) {
      const props = [`file=${ghProp(f.file ?? s.file)}`];
      if (f.line !== null) props.push(`line=${f.line}`);
      props.push(`title=${ghProp(f.code)}`);
      lines.push(`::${f.severity} ${props.join(',')}::${ghData(findingMessage(f, lang))}`);
    }
  }
  for (const s of files) lines.push(T[lang].summary(s));
  return `${lines.join('\n')}\n`;
}

function csvField(value: string | number | null, delimiter: string): string {
  const s = value === null ? '' : String(value);
  return s.includes('"') || s.includes(delimiter) || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `validate --format csv`: the findings as a CSV that opens in Excel (UTF-8 with BOM; `;` in Swedish). */
export function renderValidationCsv(files: readonly FileSummaryView[], lang: Lang): string {
  const d = lang === 'sv' ? ';' : ',';
  const header =
    lang === 'sv'
      ? ['allvarlighet', 'kod', 'fil', 'rad', 'kolumn', 'meddelande']
      : ['severity', 'code', 'file', 'line', 'column', 'message'];
  const rows = [header.join(d)];
  for (const s of files) {
    for (const f of s.findings) {
      const r = renderFinding(f, lang);
      rows.push([r.severity, r.code, r.file, r.line, r.column, r.message].map((v) => csvField(v, d)).join(d));
    }
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/** Exit code for a set of files: 2 if any is unusable, 1 for errors (or warnings with --strict), else 0. */
export function validationExitCode(files: readonly FileSummaryView[], strict: boolean): 0 | 1 | 2 {
  let code: 0 | 1 | 2 = 0;
  for (const s of files) {
    if (s.unusable) return 2;
    if (s.errors > 0 || (strict && s.warnings > 0)) code = 1;
  }
  return code;
}
