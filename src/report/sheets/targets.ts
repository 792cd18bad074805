import { targetDefinition } from '../../indicators/registry.js';
import { fillLabel } from '../labels.js';
import { EMPTY, mark, text, type SheetModel } from '../model.js';
import { SheetBuilder } from '../sheet-builder.js';
import type { SheetContext } from '../sheet-context.js';
import { targetPrefix, targetBaseKey } from '../suppress/table.js';
import { rateBuiltOn } from './summary.js';

/** Columns: id, name, target rate, target count, base, achieved W/M/X/total, rate, on track. */
export const TARGET_COLUMNS = 11;
const RATE_COLUMN = 10;
/** Where the charts read a target's figures (1-based columns). */
export const TARGET_CELLS = { id: 1, name: 2, targetRate: 3, base: 5, achieved: 6, rate: RATE_COLUMN } as const;

/**
 * Targets: each project target with its target, base, achieved by gender, rate and on-track mark;
 * leavers without an answer beneath T-NET, T-COMP and T-SOC; the earlier project's figures beneath T-TRANS.
 */
export function targetsSheet(ctx: SheetContext): SheetModel {
  const { result, labels, figures, names } = ctx;
  const l = labels.targets;
  const c = l.columns;
  const na = mark(labels.common.notApplicable);
  const b = new SheetBuilder();

  const top = b.add('header', [
    text(c.id),
    text(c.name),
    text(c.targetRate),
    text(c.targetCount),
    text(c.base),
    text(c.achieved),
    EMPTY,
    EMPTY,
    EMPTY,
    text(c.rate),
    text(c.onTrack),
  ]);
  b.add('header', [EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, ...ctx.genderHeaders(), EMPTY, EMPTY]);
  for (const col of [1, 2, 3, 4, 5, 10, 11]) b.merge(top, col, top + 1, col);
  b.merge(top, 6, top, 9);

  for (const t of result.targets) {
    b.add('data', [
      text(t.id),
      text(names.target(t.id)),
      t.targetRate === null ? na : { kind: 'rate', value: t.targetRate },
      t.targetCount === null ? na : { kind: 'count', value: t.targetCount },
      targetDefinition(t.id).base === 'planned' ? { kind: 'count', value: t.base } : figures.count(targetBaseKey(t.id), t.base),
      ...ctx.split(targetPrefix(t.id, 'achieved'), t.achieved),
      figures.rate(t.rate, rateBuiltOn(t)),
      figures.derived(ctx.yesNo(t.onTrack), rateBuiltOn(t)),
    ]);
    if (t.unanswered) {
      b.add('data', [EMPTY, text(l.unanswered, 1), EMPTY, EMPTY, EMPTY, ...ctx.split(targetPrefix(t.id, 'unanswered'), t.unanswered), EMPTY, EMPTY]);
    }
    if (t.reference) {
      const ref = t.reference;
      const cells = (label: string, rate: number) => {
        const row = Array.from({ length: TARGET_COLUMNS }, () => EMPTY);
        row[1] = text(fillLabel(label, { name: ref.name }), 1);
        row[RATE_COLUMN - 1] = { kind: 'rate', value: rate };
        return row;
      };
      b.add('data', cells(l.reference, ref.rate));
      if (ref.women !== null) b.add('data', cells(l.referenceWomen, ref.women));
    }
  }
  const name = labels.sheetNames.targets;
  return b.build({ key: 'targets', name, headerRows: 2, frozenColumns: 2, wrap: [{ column: 2, maxWidth: 45 }], print: ctx.print(name) });
}
