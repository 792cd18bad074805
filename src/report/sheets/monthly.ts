import type { GenderSplit } from '../../indicators/result.js';
import { EMPTY, text, type SheetModel } from '../model.js';
import { SheetBuilder } from '../sheet-builder.js';
import { GENDER_KEYS, type SheetContext } from '../sheet-context.js';
import { MONTH_TOTAL, monthPrefix } from '../suppress/table.js';

function sum(splits: readonly GenderSplit[]): GenderSplit {
  const total: GenderSplit = { women: 0, men: 0, nonBinary: 0, total: 0 };
  for (const s of splits) for (const k of GENDER_KEYS) total[k] += s[k];
  return total;
}

/** Monthly: starters and leavers per calendar month by gender (the rhythm of SCB's participant reports), and their totals. */
export function monthlySheet(ctx: SheetContext): SheetModel {
  const { result, labels } = ctx;
  const l = labels.monthly;
  const b = new SheetBuilder();
  const top = b.add('header', [text(l.columns.month), text(l.columns.starters), EMPTY, EMPTY, EMPTY, text(l.columns.leavers)]);
  b.add('header', [EMPTY, ...ctx.genderHeaders(), ...ctx.genderHeaders()]);
  b.merge(top, 1, top + 1, 1);
  b.merge(top, 2, top, 5);
  b.merge(top, 6, top, 9);
  for (const m of result.monthly) {
    b.add('data', [
      { kind: 'month', value: m.month },
      ...ctx.split(monthPrefix(m.month, 'starters'), m.starters),
      ...ctx.split(monthPrefix(m.month, 'leavers'), m.leavers),
    ]);
  }
  b.add('total', [
    text(l.total),
    ...ctx.split(monthPrefix(MONTH_TOTAL, 'starters'), sum(result.monthly.map((m) => m.starters))),
    ...ctx.split(monthPrefix(MONTH_TOTAL, 'leavers'), sum(result.monthly.map((m) => m.leavers))),
  ]);
  const name = labels.sheetNames.monthly;
  return b.build({ key: 'monthly', name, headerRows: 2, frozenColumns: 1, print: ctx.print(name) });
}
