/** `finance` output: the text for finance people (tables per quarter, the cumulative row, the budget) and the JSON document. */

import type { ChalkInstance } from 'chalk';
import { exactDecimal } from '../core/decimal.js';
import { formatExactPercent, formatOre, formatPercent, PERCENT } from '../core/format.js';
import type { Lang } from '../findings/catalogue.js';
import type { LedgerCheck, LedgerFigures } from '../finance/check-ledger.js';
import { financeResult, type CostFigures, type Figures, type FinancingFigures, type RangeChecks } from '../finance/result.js';
import { participantTimeJson, renderParticipantTimeText, type ParticipantTimeOutcome } from './finance-attendance.js';
import { FINANCE_LABELS } from './finance-texts.js';
import { renderValidationText, type FileSummaryView } from './render-findings.js';
import { textTable, type TextCell, type TextColumn, type TextRow } from './text-table.js';

const COST_ORDER = ['staff', 'flatRate', 'participantAllowance', 'inKind', 'otherDirect', 'total'] as const satisfies readonly (keyof CostFigures)[];
const FINANCING_ORDER = ['eu', 'state', 'publicCash', 'publicInKind', 'privateCash', 'privateInKind', 'total'] as const satisfies readonly (keyof FinancingFigures)[];
/** Shares such as 0.4 read `40,00 %`: the Swedish decimal comma, like every amount of `finance`. */
const SHARE = PERCENT.terminal('sv');
const BUDGET_ORDER = ['staff', 'flatRate', 'participantAllowance', 'inKind', 'otherDirect'] as const satisfies readonly (keyof CostFigures)[];

/**
 * The members of `finance --format json` after its findings and files (`jsonFindingsWriter`): the
 * figures when the files are usable, and participants' time when given. Amounts in öre.
 */
export function financeJsonMembers(check: LedgerCheck, lang: Lang, time: ParticipantTimeOutcome | null): Record<string, unknown> {
  const { schema: _schema, findings: _findings, ...members } = financeResult(check, lang);
  const ledgerCoFinancing = check.figures ? check.figures.cumulative.financing : null;
  return time ? { ...members, participantTime: participantTimeJson(time, ledgerCoFinancing, lang) } : members;
}

/** `finance` as text: the figures (when the files are usable), the findings (every one with `all`), and participants' time when given. */
export function renderFinanceText(
  check: LedgerCheck,
  summaries: FileSummaryView[],
  lang: Lang,
  c: ChalkInstance,
  time: ParticipantTimeOutcome | null,
  all = false,
): string {
  const ledgerCoFinancing = check.figures ? check.figures.cumulative.financing : null;
  const findings = renderValidationText(summaries, lang, c, all);
  const timeText = time ? `\n${renderParticipantTimeText(time, ledgerCoFinancing, lang, c, all)}` : '';
  if (!check.figures) return `${findings}${timeText}`;
  return `${renderFiguresText(check, check.figures, lang, c)}\n${findings}${timeText}`;
}

/** A finance table: a two-line header (the second only when some column has one), the label column left, figures right. */
function table(
  headers: readonly (readonly [string, string])[],
  rows: readonly TextRow[],
  c: ChalkInstance,
  leftAligned: ReadonlySet<number> = new Set([0]),
): string[] {
  const columns: TextColumn[] = headers.map((_, i) => ({ align: leftAligned.has(i) ? 'left' : 'right' }));
  const header = [headers.map((h) => h[0])];
  if (headers.some((h) => h[1] !== '')) header.push(headers.map((h) => h[1]));
  return textTable({ columns, header, rows, indent: '  ', ruleUnderHeader: true, paint: { header: (s) => c.bold(s), rule: (s) => c.dim(s) } });
}

function renderFiguresText(check: LedgerCheck, fig: LedgerFigures, lang: Lang, c: ChalkInstance): string {
  const t = FINANCE_LABELS[lang];
  const profile = check.profile;
  const euRate = formatExactPercent(exactDecimal(profile.rates.eu));
  const flatRate = profile.rates.flatRate === null ? null : formatExactPercent(exactDecimal(profile.rates.flatRate));
  const lines: string[] = [];
  lines.push(c.bold(t.title(check.ledger.file)));
  lines.push(t.project(profile.id, profile.name));
  const p = fig.period;
  lines.push(`${t.period(p.label, p.start, p.end, p.asOf)}${p.preliminary ? ` (${t.preliminary})` : ''}`);
  lines.push(t.rates(euRate, flatRate));
  lines.push(t.records(fig.records.counted, fig.windowEnd, fig.records.excluded, fig.records.notYetCounted));
  lines.push(t.unit);

  // each quarter (a partial one marked *), a rule, the cumulative row
  const labelOf = (q: { label: string; checked: boolean }) => (q.checked ? q.label : `${q.label}*`);
  const quarterRows = (row: (f: Figures, label: string) => TextCell[], cumulativeRow: TextCell[]): TextRow[] => [
    ...fig.quarters.map((q) => ({ cells: row(q, labelOf(q)) })),
    'rule',
    { cells: cumulativeRow },
  ];

  lines.push('', c.bold(t.costs));
  const costRow = (f: Figures, label: string) => [label, ...COST_ORDER.map((k) => formatOre(f.costs[k]))];
  lines.push(...table([[t.quarter, ''], ...t.costHeaders], quarterRows(costRow, costRow(fig.cumulative, t.cumulative)), c));

  lines.push('', c.bold(t.financing));
  const financingRow = (f: Figures, label: string) => [label, ...FINANCING_ORDER.map((k) => formatOre(f.financing[k]))];
  lines.push(...table([[t.quarter, ''], ...t.financingHeaders], quarterRows(financingRow, financingRow(fig.cumulative, t.cumulative)), c));

  lines.push('', c.bold(t.checks));
  const status = (checks: RangeChecks | null): TextCell => {
    if (checks === null) return { text: t.notChecked, paint: (x) => c.dim(x) };
    const errors = checks.failed.filter((f) => f.severity === 'error').length;
    const warnings = checks.failed.length - errors;
    if (errors > 0) return { text: warnings > 0 ? `${t.errors(errors)}, ${t.warnings(warnings)}` : t.errors(errors), paint: (x) => c.red(x) };
    if (warnings > 0) return { text: t.warnings(warnings), paint: (x) => c.yellow(x) };
    return { text: t.ok, paint: (x) => c.green(x) };
  };
  const checkRow = (f: Figures & { readonly checks: RangeChecks | null }, label: string): TextCell[] => [
    label,
    f.euShare === null ? '–' : formatPercent(f.euShare, SHARE),
    formatOre(f.expectedEu),
    formatOre(f.euDifference),
    formatOre(f.expectedFlatRate),
    formatOre(f.flatRateDifference),
    formatOre(f.unfunded),
    status(f.checks),
  ];
  const checkRows: TextRow[] = [
    ...fig.quarters.map((q) => ({ cells: checkRow(q, labelOf(q)) })),
    'rule',
    { cells: checkRow(fig.cumulative, t.cumulative) },
  ];
  lines.push(...table([[t.quarter, ''], ...t.checkHeaders], checkRows, c, new Set([0, t.checkHeaders.length])));
  if (fig.quarters.some((q) => !q.checked)) lines.push(c.dim(`  ${t.partial(fig.windowEnd)}`));
  lines.push(c.dim(`  ${t.cumulativeNote(fig.cumulative.start, fig.cumulative.end, fig.cumulative.checkedThrough)}`));

  if (fig.budget && fig.budgetTotal) {
    lines.push('', c.bold(t.budget));
    const budgetRow = (label: string, b: { planned: number; used: number; utilisation: number | null }) => ({
      cells: [label, formatOre(b.planned), formatOre(b.used), b.utilisation === null ? '–' : formatPercent(b.utilisation, SHARE), formatOre(b.planned - b.used)],
    });
    const rows: TextRow[] = [...BUDGET_ORDER.map((k, i) => budgetRow(t.categories[i]!, fig.budget![k])), 'rule', budgetRow(t.total, fig.budgetTotal)];
    lines.push(...table(t.budgetHeaders, rows, c));
  }
  return `${lines.join('\n')}\n`;
}
