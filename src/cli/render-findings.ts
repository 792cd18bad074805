import type { ChalkInstance } from 'chalk';
import { containsPersonnummer, redactedJson, type RedactedText } from '../core/redact.js';
import type { Lang } from '../findings/catalogue.js';
import { ALL_FINDING_CODES, type FindingCode } from '../findings/codes.js';
import type { Finding } from '../findings/finding.js';
import { groupByCode } from '../findings/group.js';
import { readingSummary, type ReadingSummary } from '../findings/reading-summary.js';
import { findingHint, findingMessage, renderFinding } from '../findings/render.js';
import { countsOf, cutCodes, KEPT_PER_CODE, type CutCode, type FindingCounts } from '../findings/tally.js';
import type { FindingsOptions } from '../read/read-validated.js';
import type { Notice } from '../read/table.js';
import { csvField } from '../core/csv.js';
import type { Output } from './io.js';

/** A file's summary as the renderers need it (participants, ledger or attendance). */
export interface FileSummaryView extends ReadingSummary {
  readonly file: string;
  readonly kind: 'participants' | 'ledger' | 'budget' | 'attendance';
  readonly format?: 'csv' | 'xlsx';
  readonly unusable: boolean;
  readonly findings: readonly Finding[];
  /** The full count per code when `findings` holds only the first 1,000 of a code (participant files). */
  readonly findingCounts?: FindingCounts | undefined;
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

/**
 * The text report of `validate` for a person: a summary line per file, findings grouped by code, a
 * fix hint per code. Each code shows its first five findings, or (`all`, `--all-findings`) every
 * finding the summaries hold.
 */
export function renderValidationText(files: readonly FileSummaryView[], lang: Lang, c: ChalkInstance, all = false): string {
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
    const counts = countsOf(s);
    // errors first, each code's findings in line order
    for (const { code, severity, findings: list } of groupByCode(s.findings, { bySeverity: false, byLine: true })) {
      const label = severity === 'error' ? c.red(code) : c.yellow(code);
      const total = Math.max(counts[code] ?? 0, list.length);
      lines.push('');
      lines.push(`  ${label} (${total})`);
      const shown = all ? list.length : Math.min(SHOWN_PER_CODE, list.length);
      for (let i = 0; i < shown; i++) {
        const f = list[i]!;
        const where = f.line === null ? '' : `${t.line} ${f.line}: `;
        lines.push(`    ${where}${findingMessage(f, lang)}`);
      }
      if (total > shown) lines.push(c.dim(`    ${t.more(total - shown)}`));
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

/** The machine-readable formats of `validate`; each can stream its findings as they are found. */
export type FindingsFormat = 'json' | 'github' | 'csv';

/** Where a findings document goes: plain text (redacted on the way out) and redacted JSON. */
export type FindingsSink = Pick<Output, 'out' | 'json'>;

/**
 * Writes a findings document piece by piece: `begin`, then `finding` for each finding (as it is
 * found, with `--all-findings`), then `end` with the files' summaries. Unless `all`, at most 1,000
 * findings of a code per file are written; the full counts and a `truncated` marker say what was left out.
 */
export interface FindingsWriter {
  begin(): void;
  finding(f: Finding, file: string): void;
  end(files: readonly FileSummaryView[]): void;
}

/** Counts per file and code what the writer has listed, to cut each code at 1,000 unless every finding is wanted. */
class ListedCounter {
  private readonly byFile = new Map<string, Map<FindingCode, number>>();
  constructor(readonly all: boolean) {}
  /** True when the finding is to be listed (and counts it). */
  take(file: string, code: FindingCode): boolean {
    let m = this.byFile.get(file);
    if (!m) this.byFile.set(file, (m = new Map()));
    const n = (m.get(code) ?? 0) + 1;
    m.set(code, n);
    return this.all || n <= KEPT_PER_CODE;
  }
  listed(file: string, code: FindingCode): number {
    const n = this.byFile.get(file)?.get(code) ?? 0;
    return this.all ? n : Math.min(n, KEPT_PER_CODE);
  }
}

/** Codes whose findings were not all listed for a file, as the writer listed them. */
function truncatedCodes(s: FindingsOfFile, listed: ListedCounter): CutCode[] {
  return cutCodes(s, (code) => listed.listed(s.file, code));
}

/** The counts in the catalogue's order of codes (a stable key order for JSON). */
function orderedCounts(counts: FindingCounts): Record<string, number> {
  const out: Record<string, number> = {};
  for (const code of ALL_FINDING_CODES) if (counts[code]) out[code] = counts[code];
  return out;
}

const TRUNCATION = {
  en: (code: string, listed: number, total: number) =>
    `${total - listed} more ${code} finding${total - listed === 1 ? '' : 's'} not listed (${listed} of ${total} listed); run with --all-findings to list every one`,
  sv: (code: string, listed: number, total: number) =>
    `${total - listed} ${code} till listas inte (${listed} av ${total} listas); kör med --all-findings för att lista alla`,
} as const;

/** What the notice of codes cut short reads of a file: its kept findings and their full counts. */
type FindingsOfFile = Pick<FileSummaryView, 'file' | 'findings' | 'findingCounts'>;

/** One notice line for stderr when some codes were cut at 1,000, or null when everything was listed. */
export function truncationNotice(files: readonly FindingsOfFile[], lang: Lang): string | null {
  const parts: string[] = [];
  for (const s of files) {
    // what a file kept is what was listed of it
    const cut = cutCodes(s).map((t) => `${t.code} ${t.listed}/${t.total}`);
    if (cut.length > 0) parts.push(`${s.file}: ${cut.join(', ')}`);
  }
  if (parts.length === 0) return null;
  return lang === 'sv'
    ? `notis: bara de första ${KEPT_PER_CODE} avvikelserna per kod listas (${parts.join('; ')}); --all-findings listar alla.`
    : `notice: only the first ${KEPT_PER_CODE} findings of each code are listed (${parts.join('; ')}); --all-findings lists every one.`;
}

function indent(text: string, by: string): string {
  return text.replace(/\n/g, `\n${by}`);
}

/** How many items of a long member list are written at a time. */
const MEMBER_CHUNK = 1000;

/** Top-level members of a document as `JSON.stringify(…, null, 2)` lays them out, without the braces: `"a": 1,\n  "b": […]`. */
function membersText(members: Readonly<Record<string, unknown>>): string {
  return redactedJson(members, 2).slice(4, -2);
}

/**
 * A JSON findings document, written as it goes: `schema`, the findings (at most 1,000 of a code per
 * file unless `all`), then `files` (each with the full `counts` per code and `truncated`),
 * `notices`, `truncated` for the document, and last the command's own `members` (`finance`,
 * `time`: the figures, known only once the files are read). `validate` has no members of its own.
 */
export interface JsonFindingsWriter extends FindingsWriter {
  /** `membersTruncated`: a member lists findings of its own and cut some (`finance`: the double-counting findings). */
  end(files: readonly FileSummaryView[], members?: Readonly<Record<string, unknown>>, membersTruncated?: boolean): void;
}

/** The writer of a JSON findings document (`esf-report/validation@1`, `finance@2`, `time@2`). */
export function jsonFindingsWriter(schema: string, lang: Lang, sink: FindingsSink, all: boolean): JsonFindingsWriter {
  const listed = new ListedCounter(all);
  let first = true;
  return {
    begin() {
      sink.json(`{\n  "schema": ${redactedJson(schema)},\n  "findings": [` as RedactedText);
    },
    finding(f, file) {
      if (!listed.take(file, f.code)) return;
      sink.json(`${first ? '\n    ' : ',\n    '}${indent(redactedJson(renderFinding(f, lang), 2), '    ')}` as RedactedText);
      first = false;
    },
    end(files, members = {}, membersTruncated = false) {
      let truncated = membersTruncated;
      const fileDocs = files.map((s) => {
        const cut = truncatedCodes(s, listed).length > 0;
        truncated ||= cut;
        return {
          file: s.file,
          kind: s.kind,
          format: s.format ?? 'csv',
          ...readingSummary(s),
          counts: orderedCounts(countsOf(s)),
          truncated: cut,
        };
      });
      const notices = files.flatMap((s) => s.notices.map((n) => ({ kind: n.kind, file: n.file, message: noticeText(n, lang) })));
      // the rest of the document after the findings, member by member, as one JSON.stringify would lay it out
      sink.json(`${first ? '' : '\n  '}],\n  ${membersText({ files: fileDocs, notices, truncated })}` as RedactedText);
      for (const [key, value] of Object.entries(members)) {
        if (value === undefined) continue;
        if (!Array.isArray(value) || value.length === 0) {
          sink.json(`,\n  ${membersText({ [key]: value })}` as RedactedText);
          continue;
        }
        // a long list (the ledger's excluded rows) in pieces, so no text of the whole list is ever made
        sink.json(`,\n  ${redactedJson(key)}: [` as RedactedText);
        for (let i = 0; i < value.length; i += MEMBER_CHUNK) {
          const items = value.slice(i, i + MEMBER_CHUNK).map((v: unknown) => `\n    ${indent(redactedJson(v, 2), '    ')}`);
          sink.json(`${i === 0 ? '' : ','}${items.join(',')}` as RedactedText);
        }
        sink.json('\n  ]' as RedactedText);
      }
      sink.json('\n}\n' as RedactedText);
    },
  };
}

/** Escapes workflow-command data (GitHub Actions' rules). */
export function ghData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** Escapes a workflow-command property value (also `:` and `,`). */
export function ghProp(s: string): string {
  return ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `validate --format github`: one workflow command per finding, a notice per code cut short, then the summary lines. */
function githubWriter(lang: Lang, sink: FindingsSink, all: boolean): FindingsWriter {
  const listed = new ListedCounter(all);
  return {
    begin() {},
    finding(f, file) {
      if (!listed.take(file, f.code)) return;
      const name = f.file ?? file;
      // A name holding a personnummer is masked on its way out, and the masked name is no file in the
      // repository: such an annotation gets no file= (GitHub shows it on the run), the name and line
      // (masked) go in front of the message instead.
      const located = !containsPersonnummer(name);
      const props = located ? [`file=${ghProp(name)}`] : [];
      if (located && f.line !== null) props.push(`line=${f.line}`);
      props.push(`title=${ghProp(f.code)}`);
      const where = located ? '' : `${name}${f.line === null ? '' : `:${f.line}`}: `;
      sink.out(`::${f.severity} ${props.join(',')}::${ghData(where + findingMessage(f, lang))}\n`);
    },
    end(files) {
      for (const s of files) {
        for (const t of truncatedCodes(s, listed)) {
          const located = !containsPersonnummer(s.file);
          const props = `${located ? `file=${ghProp(s.file)},` : ''}title=${ghProp(t.code)}`;
          sink.out(`::notice ${props}::${ghData(`${located ? '' : `${s.file}: `}${TRUNCATION[lang](t.code, t.listed, t.total)}`)}\n`);
        }
      }
      // The summary lines are plain log lines. The file name is the only text in them not ours: it is
      // escaped once, as a property (`:` too), so the line can neither start a workflow command
      // (a file named `::error …`) nor break into a second line.
      for (const s of files) sink.out(`${T[lang].summary({ ...s, file: ghProp(s.file) })}\n`);
    },
  };
}

/** `validate --format csv`: the findings as a CSV that opens in Excel (UTF-8 with BOM; `;` in Swedish), a row per code cut short at the end. */
function csvWriter(lang: Lang, sink: FindingsSink, all: boolean): FindingsWriter {
  const listed = new ListedCounter(all);
  const d = lang === 'sv' ? ';' : ',';
  const row = (cells: (string | number | null)[]) => sink.out(`${cells.map((v) => csvField(v, d)).join(d)}\r\n`);
  return {
    begin() {
      sink.out('\uFEFF');
      row(lang === 'sv' ? ['allvarlighet', 'kod', 'fil', 'rad', 'kolumn', 'meddelande'] : ['severity', 'code', 'file', 'line', 'column', 'message']);
    },
    finding(f, file) {
      if (!listed.take(file, f.code)) return;
      const r = renderFinding(f, lang);
      row([r.severity, r.code, r.file ?? file, r.line, r.column, r.message]);
    },
    end(files) {
      for (const s of files) {
        for (const t of truncatedCodes(s, listed)) row([lang === 'sv' ? 'notis' : 'notice', t.code, s.file, null, null, TRUNCATION[lang](t.code, t.listed, t.total)]);
      }
    },
  };
}

/**
 * How a file's findings are kept for the output: streamed (`onFinding`: none kept, each written as
 * it is found), all kept (`--all-findings` in text, which groups them by code), or the first 1,000 of each code.
 */
export function findingsOptions(onFinding: ((f: Finding) => void) | undefined, keepAll = false): FindingsOptions {
  if (onFinding) return { keepPerCode: 0, onFinding };
  return { keepPerCode: keepAll ? Number.POSITIVE_INFINITY : KEPT_PER_CODE };
}

/** The writer of a machine-readable findings document. */
export function findingsWriter(format: FindingsFormat, lang: Lang, sink: FindingsSink, all = false): FindingsWriter {
  return format === 'json' ? jsonFindingsWriter('esf-report/validation@1', lang, sink, all) : format === 'github' ? githubWriter(lang, sink, all) : csvWriter(lang, sink, all);
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
