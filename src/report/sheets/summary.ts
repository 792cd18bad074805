import { targetDefinition } from '../../indicators/registry.js';
import type { TargetResult } from '../../indicators/result.js';
import { fillLabel } from '../labels.js';
import { EMPTY, mark, text, type CellModel, type SheetModel } from '../model.js';
import { SheetBuilder } from '../sheet-builder.js';
import type { SheetContext } from '../sheet-context.js';
import type { SuppressionPlan } from '../suppress/protect.js';
import { recordKey, splitKey, targetBaseKey, targetPrefix } from '../suppress/table.js';

const WIDTH = 7;

/** The count a target's rate is taken of (registry `rateOf`): women for the gender balance, everyone achieved otherwise. */
export function rateNumerator(t: TargetResult): number {
  return t.achieved[targetDefinition(t.id).rateOf];
}

/** The numbers the shared-copy notes of Summary and About state. */
export function sharedCopyValues(plan: SuppressionPlan, hidden: string): Record<string, string | number> {
  return {
    n: plan.threshold,
    max: plan.threshold - 1,
    total: plan.primary + plan.secondary,
    primary: plan.primary,
    secondary: plan.secondary,
    hidden,
  };
}

/** The key of the count a target's rate is taken of (`suppress/table.ts`). */
export function rateNumeratorKey(t: TargetResult): string {
  return splitKey(targetPrefix(t.id, 'achieved'), targetDefinition(t.id).rateOf);
}

/**
 * The counts a target's rate and on-track mark follow from: the numerator and, except for a target
 * over the planned participants (T-PART, a constant of the profile), the base. Either one hidden hides the rate, since the other
 * and the rate would give it back.
 */
export function rateBuiltOn(t: TargetResult): string[] {
  return targetDefinition(t.id).base === 'planned' ? [rateNumeratorKey(t)] : [rateNumeratorKey(t), targetBaseKey(t.id)];
}

/** Summary: project identity, the period and reference date, record counts, and every target's progress. */
export function summarySheet(ctx: SheetContext): SheetModel {
  const { result, profile, labels, figures } = ctx;
  const l = labels.summary;
  const f = l.fields;
  const na = mark(labels.common.notApplicable);
  const b = new SheetBuilder();
  const field = (label: string, value: CellModel) => b.add('field', [text(label), value]);

  b.addSpanning('title', text(fillLabel(l.title, { projectName: profile.name, projectId: profile.id })), WIDTH);
  const plan = figures.plan;
  if (plan) {
    b.blank();
    b.addSpanning('note', text(fillLabel(l.sharedCopy, sharedCopyValues(plan, labels.common.hidden))), WIDTH);
  }
  b.blank();
  b.add('section', [text(l.sections.project)]);
  field(f.diarienummer, text(profile.id));
  field(f.name, text(profile.name));
  field(f.owner, text(profile.owner.name));
  field(f.orgNr, text(profile.owner.orgNr));
  field(f.fund, text(profile.fund));
  field(f.cci, text(profile.cci));
  field(f.programmeArea, text(profile.programmeArea));
  field(f.specificObjective, text(profile.specificObjective));
  field(f.nuts2, text(profile.nuts2));
  field(f.region, text(profile.region));
  field(f.interventionType, text(profile.interventionType));
  field(f.projectStart, { kind: 'date', value: profile.period.start });
  field(f.projectEnd, { kind: 'date', value: profile.period.end });

  b.blank();
  b.add('section', [text(l.sections.period)]);
  field(f.period, text(result.period.label));
  field(f.periodStart, { kind: 'date', value: result.period.start });
  field(f.periodEnd, { kind: 'date', value: result.period.end });
  field(f.asOf, { kind: 'date', value: result.period.asOf });
  field(f.preliminary, ctx.yesNo(result.period.preliminary));

  b.blank();
  b.add('section', [text(l.sections.records)]);
  field(f.rows, figures.count(recordKey('rows'), result.records.rows));
  field(f.counted, figures.count(recordKey('counted'), result.records.counted));
  field(f.excluded, figures.count(recordKey('excluded'), result.records.excluded));
  field(f.notYetEntered, figures.count(recordKey('notYetEntered'), result.records.notYetEntered));
  field(f.consistency, ctx.yesNo(result.consistency.every((c) => c.holds)));

  b.blank();
  b.add('section', [text(l.sections.targets)]);
  const tc = l.targetColumns;
  // The target's name spans the label and value columns, so the figures stay close to it whatever the width of the values above.
  const header = b.add('header', [tc.target, '', tc.targetRate, tc.targetCount, tc.achieved, tc.rate, tc.onTrack].map((s) => (s ? text(s) : EMPTY)));
  b.merge(header, 1, header, 2);
  for (const t of result.targets) {
    const row = b.add('data', [
      text(ctx.names.target(t.id)),
      EMPTY,
      t.targetRate === null ? na : { kind: 'rate', value: t.targetRate },
      t.targetCount === null ? na : { kind: 'count', value: t.targetCount },
      figures.count(rateNumeratorKey(t), rateNumerator(t)),
      figures.rate(t.rate, rateBuiltOn(t)),
      figures.derived(ctx.yesNo(t.onTrack), rateBuiltOn(t)),
    ]);
    b.merge(row, 1, row, 2);
  }
  const name = labels.sheetNames.summary;
  return b.build({ key: 'summary', name, headerRows: 1, print: ctx.print(name), pagesTall: 1 });
}
