import type { CohortRow } from '../../indicators/result.js';
import { text, type SheetModel } from '../model.js';
import { SheetBuilder } from '../sheet-builder.js';
import type { SheetContext } from '../sheet-context.js';
import { cohortPrefix } from '../suppress/table.js';

const MEASURES = ['starters', 'leavers', 'employed', 'studies', 'workTraining'] as const satisfies readonly (keyof CohortRow)[];

/** The engine's name for participants without a cohort. */
const NO_COHORT = '(none)';

/** Cohorts: one row per cohort and measure (the cohort repeated, so the table filters and sorts), women / men / non-binary / total. */
export function cohortsSheet(ctx: SheetContext): SheetModel {
  const { result, labels } = ctx;
  const l = labels.cohorts;
  const b = new SheetBuilder();
  b.add('header', [text(l.columns.cohort), text(l.columns.measure), ...ctx.genderHeaders()]);
  for (const cohort of result.cohorts) {
    const name = cohort.cohort === NO_COHORT || cohort.cohort === '' ? l.none : cohort.cohort;
    for (const m of MEASURES) b.add('data', [text(name), text(l.measures[m]), ...ctx.split(cohortPrefix(cohort.cohort, m), cohort[m])]);
  }
  const name = labels.sheetNames.cohorts;
  return b.build({ key: 'cohorts', name, headerRows: 1, frozenColumns: 2, print: ctx.print(name) });
}
