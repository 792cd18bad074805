import type { IndicatorKind, PeriodAndCumulative } from '../../indicators/result.js';
import { fillLabel } from '../labels.js';
import { EMPTY, text, type CellModel, type SheetModel } from '../model.js';
import { SheetBuilder } from '../sheet-builder.js';
import type { SheetContext } from '../sheet-context.js';
import { contextPrefix, indicatorPrefix } from '../suppress/table.js';

/** Columns: code, name, then period and cumulative, each women / men / non-binary / total. */
export const INDICATOR_COLUMNS = 10;
/** Where the charts read an indicator's figures (1-based columns): each split starts women, men, non-binary, total. */
export const INDICATOR_CELLS = { code: 1, name: 2, period: 3, cumulative: 7 } as const;

const GROUPS: readonly { kind: IndicatorKind; label: 'output' | 'result' | 'longerTermResult' }[] = [
  { kind: 'output', label: 'output' },
  { kind: 'result', label: 'result' },
  { kind: 'longer-term-result', label: 'longerTermResult' },
];

/** Indicators: EECO01–EECO17 and EECR01–EECR06 grouped by kind, EECO12–17's declined and unknown beneath them, then the context rows. */
export function indicatorsSheet(ctx: SheetContext): SheetModel {
  const { result, labels, names } = ctx;
  const l = labels.indicators;
  const b = new SheetBuilder();
  const figures = (v: PeriodAndCumulative, prefix: (scope: 'p' | 'c') => string): CellModel[] => [
    ...ctx.split(prefix('p'), v.period),
    ...ctx.split(prefix('c'), v.cumulative),
  ];

  const top = b.add('header', [
    text(l.columns.code),
    text(l.columns.name),
    text(fillLabel(l.columns.period, { period: result.period.label })),
    EMPTY,
    EMPTY,
    EMPTY,
    text(l.columns.cumulative),
  ]);
  b.add('header', [EMPTY, EMPTY, ...ctx.genderHeaders(), ...ctx.genderHeaders()]);
  b.merge(top, 1, top + 1, 1);
  b.merge(top, 2, top + 1, 2);
  b.merge(top, 3, top, 6);
  b.merge(top, 7, top, 10);

  for (const group of GROUPS) {
    const rows = result.indicators.filter((i) => i.kind === group.kind);
    if (rows.length === 0) continue;
    b.addSpanning('group', text(l.groups[group.label]), INDICATOR_COLUMNS);
    for (const i of rows) {
      b.add('data', [text(i.code), text(names.indicator(i.code)), ...figures(i, (s) => indicatorPrefix(i.code, s))]);
      if (i.declined) b.add('data', [EMPTY, text(names.declined, 1), ...figures(i.declined, (s) => indicatorPrefix(i.code, s, 'declined'))]);
      if (i.unknown) b.add('data', [EMPTY, text(names.unknown, 1), ...figures(i.unknown, (s) => indicatorPrefix(i.code, s, 'unknown'))]);
    }
  }
  if (result.context.length > 0) {
    b.addSpanning('group', text(l.groups.context), INDICATOR_COLUMNS);
    for (const c of result.context) b.add('data', [text(c.code), text(names.context(c.code)), ...figures(c, (s) => contextPrefix(c.code, s))]);
  }
  const name = labels.sheetNames.indicators;
  return b.build({ key: 'indicators', name, headerRows: 2, frozenColumns: 2, wrap: [{ column: 2, maxWidth: 62 }], print: ctx.print(name) });
}
