import { ScopedCountRow, Scope, type GenderCell } from './counting.js';
import { CONTEXT_ROWS, INDICATORS, type CountedRecord, type EventDate, type RecordFacts } from './registry.js';
import type { ContextValue, IndicatorValue } from './result.js';

/** Where each of a record's event dates falls in the window, by `EventScopes` index. */
export type EventScopes = [entry: Scope, exit: Scope, sixMonthPoint: Scope];

/** The index of an event date in `EventScopes`. */
const EVENT_INDEX: Readonly<Record<EventDate, 0 | 1 | 2>> = { entry: 0, exit: 1, 'six-month-point': 2 };

/**
 * The common indicators (EECO, EECR) and the context rows, counted by gender for the period and
 * cumulatively: each counts a participant whose event date falls in the window and whom its rule
 * (registry `applies`) takes. EECO12–EECO17 also count the declined and unknown answers.
 */
export class CommonIndicatorCounts {
  private readonly indicators = new ScopedCountRow(INDICATORS.length);
  private readonly declined = new ScopedCountRow(INDICATORS.length);
  private readonly unknown = new ScopedCountRow(INDICATORS.length);
  private readonly context = new ScopedCountRow(CONTEXT_ROWS.length);
  private readonly indicatorEvents = INDICATORS.map((d) => EVENT_INDEX[d.event]);
  private readonly contextEvents = CONTEXT_ROWS.map((d) => EVENT_INDEX[d.event]);

  add(r: CountedRecord, facts: RecordFacts, scopes: EventScopes, g: GenderCell): void {
    for (let i = 0; i < INDICATORS.length; i++) {
      const scope = scopes[this.indicatorEvents[i]!];
      if (scope === Scope.None) continue;
      const def = INDICATORS[i]!;
      if (def.sensitive) {
        // the answer read once: `yes` is what `applies` counts, declined and unknown go beside it
        const answer = def.sensitive(r);
        if (answer === 'yes') this.indicators.add(i, scope, g);
        else if (answer === 'declined') this.declined.add(i, scope, g);
        else if (answer === 'unknown') this.unknown.add(i, scope, g);
      } else if (def.applies(r, facts)) this.indicators.add(i, scope, g);
    }
    for (let i = 0; i < CONTEXT_ROWS.length; i++) {
      const scope = scopes[this.contextEvents[i]!];
      if (scope !== Scope.None && CONTEXT_ROWS[i]!.applies(r, facts)) this.context.add(i, scope, g);
    }
  }

  indicatorValues(): IndicatorValue[] {
    return INDICATORS.map((def, i) => ({
      code: def.code,
      name: def.name.en,
      kind: def.kind,
      ...this.indicators.both(i),
      ...(def.sensitive ? { declined: this.declined.both(i), unknown: this.unknown.both(i) } : {}),
    }));
  }

  contextValues(): ContextValue[] {
    return CONTEXT_ROWS.map((def, i) => ({ code: def.code, name: def.name.en, ...this.context.both(i) }));
  }
}
