import type { IndicatorsResult } from '../indicators/result.js';
import type { ProjectProfile } from '../project/profile.js';
import { makeFigures } from './figures.js';
import { fillLabel, type WorkbookLabels } from './labels.js';
import type { SheetModel, WorkbookModel } from './model.js';
import { registryNames, type ReportNames } from './names.js';
import { makeSheetContext, type SheetContext, type WorkbookMeta } from './sheet-context.js';
import { aboutSheet } from './sheets/about.js';
import { cohortsSheet } from './sheets/cohorts.js';
import { dataQualitySheet, type InputFindingsCut } from './sheets/data-quality.js';
import { indicatorsSheet } from './sheets/indicators.js';
import { monthlySheet } from './sheets/monthly.js';
import { summarySheet } from './sheets/summary.js';
import { targetsSheet } from './sheets/targets.js';
import { protectTable, RecoverableCellsError, type SuppressionPlan } from './suppress/protect.js';
import { statTable } from './suppress/table.js';

export type { WorkbookMeta } from './sheet-context.js';

/** What a Financing sheet planner is given: the sheet's name, its print header and footer, and the shared helpers. */
export interface FinanceSheetInput {
  readonly name: string;
  readonly print: SheetModel['print'];
  readonly context: SheetContext;
}

/**
 * Extension points for sheets planned elsewhere. `financeSheet` is where the finance module
 * (`--ledger` / `--budget`) plugs in the Financing sheet; it is placed after Targets and gets
 * the same print setup and formats as every other sheet.
 */
export interface ReportExtensions {
  readonly financeSheet?: (input: FinanceSheetInput) => SheetModel;
  /** The ledger's and the budget's codes cut at 1,000 findings on the Financing sheet: the Data quality sheet gives their full counts. */
  readonly financeFindingCuts?: readonly InputFindingsCut[];
}

/**
 * Plans the whole workbook from the indicator result: pure, no I/O, no clock (the generation time
 * comes in `meta`). The same result, profile, labels and meta always give the same model. With
 * `meta.suppressBelow` it is a shared copy: small cells and the cells that would give them back are
 * hidden (`suppress/`), and the plan is audited before any sheet is planned; a plan that leaves a
 * hidden cell recoverable throws `RecoverableCellsError` and nothing is written.
 */
export function buildWorkbookModel(
  result: IndicatorsResult,
  profile: ProjectProfile,
  labels: WorkbookLabels,
  meta: WorkbookMeta,
  extensions: ReportExtensions = {},
  names: ReportNames = registryNames(labels.lang),
): WorkbookModel {
  if (meta.suppressBelow !== null && (!Number.isInteger(meta.suppressBelow) || meta.suppressBelow < 2)) {
    throw new Error(`suppressBelow must be an integer of at least 2, not ${meta.suppressBelow}`);
  }
  let plan: SuppressionPlan | null = null;
  if (meta.suppressBelow !== null) {
    const outcome = protectTable(statTable(result), meta.suppressBelow);
    if (!outcome.ok) throw new RecoverableCellsError(outcome.recoverable);
    plan = outcome.plan;
  }
  const figures = makeFigures(plan, labels.common);
  const ctx = makeSheetContext(result, profile, labels, meta, names, figures);
  const sheets: SheetModel[] = [summarySheet(ctx), indicatorsSheet(ctx), targetsSheet(ctx)];
  if (extensions.financeSheet) {
    const name = labels.sheetNames.financing;
    sheets.push(extensions.financeSheet({ name, print: ctx.print(name), context: ctx }));
  }
  sheets.push(monthlySheet(ctx), cohortsSheet(ctx), dataQualitySheet(ctx, extensions.financeFindingCuts), aboutSheet(ctx));

  const vars = {
    projectId: result.project.id,
    projectName: result.project.name,
    period: result.period.label,
    start: result.period.start,
    end: result.period.end,
    asOf: result.period.asOf,
  };
  return {
    properties: {
      title: fillLabel(labels.document.title, vars),
      subject: fillLabel(labels.document.subject, vars),
      keywords: fillLabel(labels.document.keywords, vars),
      company: profile.owner.name,
      creator: 'esf-report',
      created: meta.generatedAt,
    },
    sheets,
    sharedCopy: plan === null ? null : { threshold: plan.threshold, primary: plan.primary, secondary: plan.secondary },
  };
}
