import type { IndicatorsResult } from '../../indicators/result.js';

type RenderedFinding = IndicatorsResult['findings'][number];
import { FINDING_CODES, type FindingCode } from '../../findings/codes.js';
import { findingHint } from '../../findings/render.js';
import { redact } from '../../core/redact.js';
import { BLANK, EMPTY, integer, text, type CellModel, type SheetModel } from '../model.js';
import { KEPT_PER_CODE, type CutCode } from '../../findings/tally.js';
import { fillLabel } from '../labels.js';
import { SheetBuilder } from '../sheet-builder.js';
import type { SheetContext } from '../sheet-context.js';
import { findingCountKey, findingCounts } from '../suppress/table.js';

/** Columns of the findings: line, participant ID, row excluded, severity, code, column, message; then a blank column, the test and whether it holds. */
const FINDINGS_COLUMNS = 7;
const MESSAGE_COLUMN = 7;

/** File-level findings first, then by line; errors before warnings on a line; then by code. Deterministic whatever the engine's order. */
export function sortFindings(findings: readonly RenderedFinding[]): RenderedFinding[] {
  return [...findings].sort(
    (a, b) =>
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      a.code.localeCompare(b.code) ||
      (a.column ?? '').localeCompare(b.column ?? ''),
  );
}

/** The codes of another input (the ledger, the budget) whose findings were cut at 1,000 on the sheet that lists them. */
export interface InputFindingsCut {
  /** The file's base name. */
  readonly file: string;
  readonly cut: readonly CutCode[];
}

/**
 * The full counts of the codes cut short, as the notes under a cut list give them: `ledger.csv:
 * AMOUNT_INVALID 1200, DATE_INVALID 1500; budget.csv: …`; without `withFiles` (a shared copy names
 * no file) the codes only.
 */
export function cutCountsText(cuts: readonly InputFindingsCut[], withFiles: boolean): string {
  const codes = (c: InputFindingsCut) => c.cut.map((x) => `${x.code} ${x.total}`).join(', ');
  return withFiles ? cuts.map((c) => `${c.file}: ${codes(c)}`).join('; ') : cuts.map(codes).join(', ');
}

/**
 * Data quality: every finding of the file (with the row's participant ID when it is valid;
 * nothing personal beyond that ID), and beside it, after a blank column, the aggregate consistency
 * tests with whether they hold. Side by side, both tables share the frozen, repeated header row, and
 * a long list of findings never pushes the tests onto a page under the findings' headings.
 */
export function dataQualitySheet(ctx: SheetContext, otherCuts: readonly InputFindingsCut[] = []): SheetModel {
  if (ctx.figures.plan) return sharedDataQualitySheet(ctx, otherCuts);
  const { result, labels } = ctx;
  const l = labels.dataQuality;
  const c = l.columns;
  const excludedByLine = new Map(result.excluded.map((e) => [e.line, e] as const));
  const b = new SheetBuilder();
  b.add('header', [
    ...[c.line, c.participantId, c.excluded, c.severity, c.code, c.column, c.message].map((s) => text(s)),
    BLANK,
    text(l.consistencyColumns.test),
    text(l.consistencyColumns.holds),
  ]);
  const findings = sortFindings(result.findings).map((f): CellModel[] => {
    const excluded = f.line === null ? undefined : excludedByLine.get(f.line);
    const participantId = f.participantId ?? excluded?.participantId ?? null;
    return [
      f.line === null ? EMPTY : integer(f.line),
      participantId ? text(redact(participantId)) : EMPTY,
      f.line === null ? EMPTY : ctx.yesNo(excluded !== undefined),
      text(l.severity[f.severity]),
      text(f.code),
      f.column === null ? EMPTY : text(f.column),
      // The engine masks messages already; masking again costs nothing and keeps the workbook safe whatever fed it.
      text(redact(f.message)),
    ];
  });
  // at most 1,000 findings of a code reach the sheet; a note under them gives the full counts
  const counts = result.findingCounts ?? {};
  const listed = new Map<string, number>();
  for (const f of result.findings) listed.set(f.code, (listed.get(f.code) ?? 0) + 1);
  const cut = Object.entries(counts).filter(([code, n]) => n > (listed.get(code) ?? 0));
  const noteAt = cut.length > 0 ? findings.length : -1;
  if (cut.length > 0) {
    const counted = cut.map(([code, n]) => `${code} ${n}`).join(', ');
    findings.push([text(fillLabel(l.truncated, { listed: KEPT_PER_CODE, counts: counted })), ...Array.from({ length: FINDINGS_COLUMNS - 1 }, () => BLANK)]);
  }
  const tests = result.consistency.map((t): CellModel[] => [text(t.test), ctx.yesNo(t.holds)]);
  const rows = Math.max(findings.length, 1, tests.length);
  const none = Array.from({ length: FINDINGS_COLUMNS }, () => BLANK);
  for (let i = 0; i < rows; i++) {
    const left = findings[i] ?? (i === 0 ? [text(l.noFindings), ...none.slice(1)] : none);
    const row = b.add('data', [...left, BLANK, ...(tests[i] ?? [BLANK, BLANK])]);
    if ((i === 0 && findings.length === 0) || i === noteAt) b.merge(row, 1, row, FINDINGS_COLUMNS);
  }
  otherInputsNote(b, ctx, otherCuts, FINDINGS_COLUMNS);
  const name = labels.sheetNames.dataQuality;
  return b.build({ key: 'dataQuality', name, headerRows: 1, wrap: [{ column: MESSAGE_COLUMN, maxWidth: 70 }], print: ctx.print(name) });
}

/** Columns of the shared copy's findings: code, severity, count, what it means; then a blank column, the test and whether it holds. */
const SHARED_COLUMNS = 4;

/**
 * Data quality in a shared copy: how many findings of each code, with what the code means, and the
 * consistency tests; no line, participant ID, column value or file name, so no row can be traced.
 */
function sharedDataQualitySheet(ctx: SheetContext, otherCuts: readonly InputFindingsCut[]): SheetModel {
  const { result, labels, figures } = ctx;
  const l = labels.dataQuality;
  const c = l.sharedColumns;
  const b = new SheetBuilder();
  b.add('header', [...[c.code, c.severity, c.count, c.hint].map((s) => text(s)), BLANK, text(l.consistencyColumns.test), text(l.consistencyColumns.holds)]);
  const findings = [...findingCounts(result)].map(([code, n]): CellModel[] => [
    text(code),
    text(l.severity[FINDING_CODES[code as FindingCode]]),
    figures.count(findingCountKey(code), n),
    text(findingHint(code as FindingCode, labels.lang)),
  ]);
  const tests = result.consistency.map((t): CellModel[] => [text(t.test), ctx.yesNo(t.holds)]);
  const none = Array.from({ length: SHARED_COLUMNS }, () => BLANK);
  const rows = Math.max(findings.length, 1, tests.length);
  for (let i = 0; i < rows; i++) {
    const left = findings[i] ?? (i === 0 ? [text(l.noFindings), ...none.slice(1)] : none);
    const row = b.add('data', [...left, BLANK, ...(tests[i] ?? [BLANK, BLANK])]);
    if (i === 0 && findings.length === 0) b.merge(row, 1, row, SHARED_COLUMNS);
  }
  otherInputsNote(b, ctx, otherCuts, SHARED_COLUMNS);
  b.blank();
  b.addSpanning('note', text(l.sharedNote), SHARED_COLUMNS);
  const name = labels.sheetNames.dataQuality;
  return b.build({ key: 'dataQuality', name, headerRows: 1, wrap: [{ column: SHARED_COLUMNS, maxWidth: 70 }], print: ctx.print(name) });
}

/**
 * Under the findings: when the ledger's or the budget's findings were cut at 1,000 of a code on the
 * Financing sheet, a note with their full counts. These count bookings, not people, and no audited
 * figure is made from them, so a shared copy states them too (without the file names it never shows).
 */
function otherInputsNote(b: SheetBuilder, ctx: SheetContext, cuts: readonly InputFindingsCut[], width: number): void {
  if (cuts.length === 0) return;
  const { labels } = ctx;
  b.blank();
  const counts = cutCountsText(cuts, ctx.figures.plan === null);
  b.addSpanning('note', text(fillLabel(labels.dataQuality.otherInputsTruncated, { sheet: labels.sheetNames.financing, listed: KEPT_PER_CODE, counts })), width);
}
