import { ScopedCounts, Scope, type GenderCell } from './counting.js';
import { CONTEXT_ROWS, INDICATORS, type CountedRecord, type EventDate, type RecordFacts } from './registry.js';
import type { ContextValue, IndicatorValue } from './result.js';

/** Where each of a record's event dates falls in the window, by `EventScopes` index. */
export type EventScopes = [entry: Scope, exit: Scope, sixMonthPoint: Scope];

/** The index of an event date in `EventScopes`. */
export const EVENT_INDEX: Readonly<Record<EventDate, 0 | 1 | 2>> = { entry: 0, exit: 1, 'six-month-point': 2 };

/**
 * The common indicators (EECO, EECR) and the context rows, counted by gender for the period and
 * cumulatively: each counts a participant whose event date falls in the window and whom its rule
 * (registry `applies`) takes. EECO12–EECO17 also count the declined and unknown answers.
 */
export class CommonIndicatorCounts {
  private readonly indicators = INDICATORS.map(() => new ScopedCounts());
  private readonly declined = INDICATORS.map(() => new ScopedCounts());
  private readonly unknown = INDICATORS.map(() => new ScopedCounts());
  private readonly context = CONTEXT_ROWS.map(() => new ScopedCounts());
  private readonly indicatorEvents = INDICATORS.map((d) => EVENT_INDEX[d.event]);
  private readonly contextEvents = CONTEXT_ROWS.map((d) => EVENT_INDEX[d.event]);

  add(r: CountedRecord, facts: RecordFacts, scopes: EventScopes, g: GenderCell): void {
    for (let i = 0; i < INDICATORS.length; i++) {
      const scope = scopes[this.indicatorEvents[i]!];
      if (scope === Scope.None) continue;
      const def = INDICATORS[i]!;
      if (def.applies(r, facts)) this.indicators[i]!.add(scope, g);
      if (def.sensitive) {
        const answer = def.sensitive(r);
        if (answer === 'declined') this.declined[i]!.add(scope, g);
        else if (answer === 'unknown') this.unknown[i]!.add(scope, g);
      }
    }
    for (let i = 0; i < CONTEXT_ROWS.length; i++) {
      const scope = scopes[this.contextEvents[i]!];
      if (scope !== Scope.None && CONTEXT_ROWS[i]!.applies(r, facts)) this.context[i]!.add(scope, g);
    }
  }

  indicatorValues(): IndicatorValue[] {
    return INDICATORS.map((def, i) => ({
      code: def.code,
      name: def.name.en,
      kind: def.kind,
      ...this.indicators[i]!.both(),
      ...(def.sensitive ? { declined: this.declined[i]!.both(), unknown: this.unknown[i]!.both() } : {}),
    }));
  }

  contextValues(): ContextValue[] {
    return CONTEXT_ROWS.map((def, i) => ({ code: def.code, name: def.name.en, ...this.context[i]!.both() }));
  }
}
