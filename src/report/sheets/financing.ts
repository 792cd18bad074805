import type { LedgerCheck, LedgerFigures } from '../../finance/check-ledger.js';
import type { CostKey, FinancingKey } from '../../finance/categories.js';
import { exactDecimal } from '../../core/decimal.js';
import { formatExactPercent } from '../../core/format.js';
import { FIGURE_CHECK_CODES, financeResult, type BudgetLine, type CumulativeFigures, type Figures, type QuarterFigures, type RangeChecks } from '../../finance/result.js';
import type { Lang } from '../../findings/catalogue.js';
import type { FinanceSheetInput } from '../build-model.js';
import { fillLabel, type WorkbookLabels } from '../labels.js';
import { displayWidth, textWidth } from '../layout.js';
import { EMPTY, integer, mark, money, text, type CellModel, type RowStyle, type SheetModel, type WrapModel } from '../model.js';
import { SheetBuilder } from '../sheet-builder.js';
import { cutCodes, KEPT_PER_CODE } from '../../findings/tally.js';
import { cutCountsText, type InputFindingsCut } from './data-quality.js';

/**
 * The Financing sheet (`report --ledger [--budget]`): the co-financing figures of `finance.md`
 * as `finance --format json` gives them, one table under the other so the sheet prints one A4
 * page wide at a legible size:
 *
 * 1. eligible costs by category per project quarter, then the cumulative row;
 * 2. financing by category, the same way;
 * 3. EU share, expected EU support and the difference, booked and expected flat rate and the
 *    difference, unfunded, and whether the quarter is checked (partial quarters are not);
 * 4. with a budget: planned, used, utilisation and remaining per cost category;
 * 5. the checks: per scope (each quarter and cumulative) whether each check holds;
 * 6. the findings of the ledger and the budget (row findings and check findings), at most 1,000
 *    of a code per file, with a note giving the full counts of the codes cut short.
 *
 * Amounts are SEK numbers (öre ÷ 100, format `#,##0.00`): `Math.round(value * 100)` is the
 * engine's öre figure. Shares are numbers with `0.00%`.
 */

/** The widest table: quarter + EU share, expected EU, EU difference, booked and expected flat rate, difference, unfunded, checked. */
export const FINANCING_COLUMNS = 9;
/** Findings: the code spans columns 5–6 and the message columns 7–9. */
const CODE_COLUMN = 5;
const MESSAGE_COLUMN = 7;
/** The narrowest a figure column gets, so short labels stay on one line. */
const MIN_FIGURE_WIDTH = 12;
/** As in `layout.ts`: cell padding and the extra width of bold text. */
const PADDING = 2;
const BOLD_FACTOR = 1.07;

export const COST_KEYS = ['staff', 'flatRate', 'participantAllowance', 'inKind', 'otherDirect'] as const satisfies readonly CostKey[];
export const FINANCING_KEYS = ['eu', 'state', 'publicCash', 'publicInKind', 'privateCash', 'privateInKind'] as const satisfies readonly FinancingKey[];

/** A ledger check whose files were usable: it has figures. */
export type UsableLedgerCheck = LedgerCheck & { readonly figures: LedgerFigures };

/** The file name without its directories (the sheet names files as the About sheet does). */
function baseName(path: string): string {
  return path.replace(/^.*[\\/]/, '');
}

/** A decided rate from the profile as `40 %` (decimal comma in Swedish, point in English; a no-break space before %). */
function rateText(rate: number, lang: Lang): string {
  // a no-break space, so a wrapped header never leaves the % sign alone on a line
  return formatExactPercent(exactDecimal(rate), { decimalMark: lang === 'en' ? '.' : ',', space: '\u00A0' });
}

function share(value: number | null, na: CellModel): CellModel {
  return value === null ? na : { kind: 'share', value };
}

/** A file's kept findings and their full counts. */
type FindingsOfFile = { readonly file: string } & Parameters<typeof cutCodes>[0];

/**
 * The ledger's and the budget's codes whose findings were cut at 1,000 (the sheet lists the
 * findings each summary kept), with their full counts: what the Financing and Data quality sheets announce.
 */
export function ledgerFindingCuts(check: {
  readonly ledger: FindingsOfFile;
  readonly budget: FindingsOfFile | null;
}): InputFindingsCut[] {
  return [check.ledger, ...(check.budget ? [check.budget] : [])]
    .map((s) => ({ file: baseName(s.file), cut: cutCodes(s) }))
    .filter((c) => c.cut.length > 0);
}

/** Plans the Financing sheet from a checked ledger (and budget). Pure: no I/O, no clock. */
export function financingSheet(check: UsableLedgerCheck, input: FinanceSheetInput): SheetModel {
  const { context: ctx, name, print } = input;
  const { labels, profile } = ctx;
  const l = labels.financing;
  const lang = labels.lang;
  const na = mark(labels.common.notApplicable);
  const doc = financeResult(check, lang);
  if (!('quarters' in doc)) throw new Error('the Financing sheet needs a usable ledger');
  const fig = check.figures;
  const cumulative = doc.cumulative;
  const euRate = rateText(profile.rates.eu, lang);
  // without a flat rate in the profile, flat-rate bookings are expected to be 0 (as the checks do)
  const flatRate = rateText(profile.rates.flatRate ?? 0, lang);
  const b = new SheetBuilder();
  const W = FINANCING_COLUMNS;
  const note = (value: string) => b.addSpanning('note', text(value), W);
  const section = (value: string) => {
    b.blank();
    b.addSpanning('section', text(value), W);
  };
  const quarterTable = (headers: readonly string[], row: (f: Figures) => CellModel[], extra?: (q: QuarterFigures | null) => CellModel) => {
    b.add('header', [text(l.quarter), ...headers.map((h) => text(h))]);
    for (const q of doc.quarters) b.add('data', [text(q.label), ...row(q), ...(extra ? [extra(q)] : [])]);
    b.add('total', [text(l.cumulative), ...row(cumulative), ...(extra ? [extra(null)] : [])]);
  };

  // Title and what the figures are: the files, the period and reference date, the rates, the bookings, the unit.
  b.addSpanning('title', text(fillLabel(l.title, { projectName: profile.name, projectId: profile.id })), W);
  const ledgerName = baseName(check.ledger.file);
  note(check.budget ? fillLabel(l.notes.filesWithBudget, { ledger: ledgerName, budget: baseName(check.budget.file) }) : fillLabel(l.notes.files, { ledger: ledgerName }));
  const p = doc.period;
  const periodLine = fillLabel(l.notes.period, { period: p.label, start: p.start, end: p.end, asOf: p.asOf, windowEnd: fig.windowEnd });
  note(p.preliminary ? `${periodLine} ${l.notes.preliminary}` : periodLine);
  note(profile.rates.flatRate === null ? fillLabel(l.notes.ratesNoFlatRate, { euRate }) : fillLabel(l.notes.rates, { euRate, flatRate }));
  note(
    `${fillLabel(l.notes.records, {
      counted: doc.records.counted,
      excluded: doc.records.excluded,
      notYetCounted: doc.records.notYetCounted,
      windowEnd: fig.windowEnd,
    })} ${l.notes.unit}`,
  );

  // 1. Eligible costs.
  section(l.sections.costs);
  quarterTable([...COST_KEYS.map((k) => l.costs[k]), l.costs.total], (f) => [...COST_KEYS.map((k) => money(f.costs[k])), money(f.costs.total)]);

  // 2. Financing.
  section(l.sections.financing);
  const fc = l.financingColumns;
  quarterTable([...FINANCING_KEYS.map((k) => fc[k]), fc.total], (f) => [...FINANCING_KEYS.map((k) => money(f.financing[k])), money(f.financing.total)]);

  // 3. EU share, flat rate, unfunded; and whether the quarter is checked.
  section(l.sections.shares);
  const sc = l.shareColumns;
  const through = cumulative.checkedThrough;
  quarterTable(
    [
      sc.euShare,
      fillLabel(sc.expectedEu, { rate: euRate }),
      sc.euDifference,
      sc.bookedFlatRate,
      fillLabel(sc.expectedFlatRate, { rate: flatRate }),
      sc.flatRateDifference,
      sc.unfunded,
      sc.checked,
    ],
    (f) => [
      share(f.euShare, na),
      money(f.expectedEu),
      money(f.euDifference),
      money(f.costs.flatRate),
      money(f.expectedFlatRate),
      money(f.flatRateDifference),
      money(f.unfunded),
    ],
    (q) =>
      mark(
        q
          ? q.checked
            ? l.checkedValues.whole
            : l.checkedValues.partial
          : through === null
            ? l.checkedValues.cumulativeNone
            : fillLabel(l.checkedValues.cumulativeThrough, { date: through }),
      ),
  );
  if (doc.quarters.some((q) => !q.checked)) note(fillLabel(l.partialNote, { start: p.start, windowEnd: fig.windowEnd }));
  note(cumulativeNote(l, cumulative));

  // 4. Budget.
  if (fig.budget && fig.budgetTotal) {
    const budget = fig.budget;
    section(l.sections.budget);
    const bc = l.budgetColumns;
    b.add('header', [bc.category, bc.planned, bc.used, bc.utilisation, bc.remaining].map((h) => text(h)));
    const budgetRow = (label: string, line: BudgetLine) => [text(label), money(line.planned), money(line.used), share(line.utilisation, na), money(line.planned - line.used)];
    for (const k of COST_KEYS) b.add('data', budgetRow(l.costs[k], budget[k]));
    b.add('total', budgetRow(l.budgetTotal, fig.budgetTotal));
  }

  // 5. Checks: per scope, whether each check holds (– where it does not apply).
  section(l.sections.checks);
  const cc = l.checkColumns;
  b.add('header', [
    text(l.quarter),
    text(fillLabel(cc.euShare, { rate: euRate })),
    text(fillLabel(cc.flatRate, { rate: flatRate })),
    text(cc.inKind),
    text(cc.unfunded),
    ...(check.budget ? [text(cc.budget)] : []),
  ]);
  const holds = (checks: RangeChecks | null) =>
    // the columns of the checks table are the checks in their order (FIGURE_CHECK_CODES)
    FIGURE_CHECK_CODES.map((code) => (checks === null ? na : ctx.yesNo(!checks.failed.some((f) => f.code === code))));
  for (const q of fig.quarters) b.add('data', [text(q.label), ...holds(q.checks), ...(check.budget ? [na] : [])]);
  const budgetHolds = check.budget ? [ctx.yesNo(!check.budget.findings.some((f) => f.code === 'BUDGET_EXCEEDED'))] : [];
  b.add('total', [text(l.cumulative), ...holds(fig.cumulative.checks), ...budgetHolds]);
  note(l.checksNote);

  // 6. Findings of the ledger and the budget, in the engine's order (row findings by line, then the checks).
  section(l.sections.findings);
  const fcol = l.findingColumns;
  const findingsHeader = b.add(
    'header',
    [text(fcol.file), text(fcol.line), text(fcol.column), text(fcol.severity), text(fcol.code), EMPTY, text(fcol.message), EMPTY, EMPTY],
  );
  b.merge(findingsHeader, CODE_COLUMN, findingsHeader, CODE_COLUMN + 1);
  b.merge(findingsHeader, MESSAGE_COLUMN, findingsHeader, W);
  if (doc.findings.length === 0) {
    const row = b.add('data', [text(l.noFindings)]);
    b.merge(row, 1, row, W);
  }
  for (const f of doc.findings) {
    const row = b.add('data', [
      text(f.file === null ? '' : baseName(f.file)),
      f.line === null ? EMPTY : integer(f.line),
      f.column === null ? EMPTY : text(f.column),
      text(labels.dataQuality.severity[f.severity]),
      text(f.code),
      EMPTY,
      text(f.message),
      EMPTY,
      EMPTY,
    ]);
    b.merge(row, CODE_COLUMN, row, CODE_COLUMN + 1);
    b.merge(row, MESSAGE_COLUMN, row, W);
  }
  // at most 1,000 findings of a code per file reach the sheet; a note under them gives the full counts
  const cuts = ledgerFindingCuts(check);
  if (cuts.length > 0) note(fillLabel(l.truncated, { listed: KEPT_PER_CODE, counts: cutCountsText(cuts, true) }));

  const sheet = b.build({ key: 'financing', name, headerRows: 0, print });
  return { ...sheet, wrap: figureColumnWraps(sheet) };
}

function cumulativeNote(l: WorkbookLabels['financing'], c: CumulativeFigures): string {
  return c.checkedThrough === null
    ? fillLabel(l.cumulativeNoteNoChecks, { start: c.start, end: c.end })
    : fillLabel(l.cumulativeNote, { start: c.start, end: c.end, through: c.checkedThrough });
}

/**
 * Columns 2… hold figures under long headers ("Summa stödberättigande kostnader"): each wraps its
 * texts at the width of its widest figure or unbreakable word of a header, and data texts stay on
 * one line. So the tables stay narrow enough for one A4 page wide without a word ever broken.
 */
function figureColumnWraps(sheet: SheetModel): WrapModel[] {
  const spanning = new Set<string>();
  for (const m of sheet.merges) {
    if (m.right === m.left) continue;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) spanning.add(`${r}:${c}`);
  }
  const widths = Array.from({ length: FINANCING_COLUMNS + 1 }, () => MIN_FIGURE_WIDTH);
  const bold = (style: RowStyle) => style === 'header' || style === 'total' || style === 'section' || style === 'group';
  sheet.rows.forEach((row, i) => {
    if (row.style === 'title' || row.style === 'note') return;
    const factor = bold(row.style) ? BOLD_FACTOR : 1;
    row.cells.forEach((cell, j) => {
      const c = j + 1;
      if (c === 1 || spanning.has(`${i + 1}:${c}`)) return;
      const w =
        row.style === 'header' && cell.kind === 'text'
          ? Math.max(0, ...cell.value.split(/\s+/).map(textWidth))
          : displayWidth(cell);
      widths[c] = Math.max(widths[c]!, Math.ceil(w * factor + PADDING));
    });
  });
  return widths.slice(2).map((maxWidth, i) => ({ column: i + 2, maxWidth }));
}
