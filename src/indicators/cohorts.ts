import type { IsoDate } from '../core/dates.js';
import { cohortLabel, type Cohort } from '../participants/values.js';
import { GenderCounts, type GenderCell } from './counting.js';
import { COHORT_OUTCOMES, cohortOfRecord, type CountedRecord, type RecordFacts } from './registry.js';
import type { CohortRow } from './result.js';

interface CohortEntry {
  readonly cohort: Cohort;
  readonly starters: GenderCounts;
  readonly leavers: GenderCounts;
  /** One counter per registry `COHORT_OUTCOMES` entry, in its order. */
  readonly outcomes: GenderCounts[];
}

/**
 * The cohort view (`indicators.md`): per cohort (registry `cohortOfRecord`), its starters, its
 * leavers by the window end and the outcomes of `COHORT_OUTCOMES`, cumulative up to the window end.
 */
export class CohortCounts {
  /** Keyed year × 2 + half (VT 0, HT 1), so a cohort is found by number, in calendar order. */
  private readonly cohorts = new Map<number, CohortEntry>();
  private readonly amongLeavers = COHORT_OUTCOMES.map((o) => o.among === 'leavers');
  private lastKey = -1;
  private last: CohortEntry | undefined;

  constructor(private readonly windowEnd: IsoDate) {}

  /** Counts a participant who entered by the window end. */
  add(r: CountedRecord, facts: RecordFacts, g: GenderCell): void {
    const c = this.entry(cohortOfRecord(r));
    c.starters.add(g);
    if (facts.left) c.leavers.add(g);
    for (let i = 0; i < COHORT_OUTCOMES.length; i++) {
      if ((facts.left || !this.amongLeavers[i]) && COHORT_OUTCOMES[i]!.achieved(r, this.windowEnd)) c.outcomes[i]!.add(g);
    }
  }

  /** One row per cohort with a starter, earliest first. */
  rows(): CohortRow[] {
    return [...this.cohorts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, c]): CohortRow => {
        const outcome = (key: (typeof COHORT_OUTCOMES)[number]['key']) => c.outcomes[COHORT_OUTCOMES.findIndex((o) => o.key === key)]!.value();
        return {
          cohort: cohortLabel(c.cohort),
          starters: c.starters.value(),
          leavers: c.leavers.value(),
          employed: outcome('employed'),
          studies: outcome('studies'),
          workTraining: outcome('workTraining'),
        };
      });
  }

  private entry(cohort: Cohort): CohortEntry {
    const key = cohort.year * 2 + (cohort.half === 'HT' ? 1 : 0);
    // exports list participants in runs of one cohort: the last one found is usually the next
    if (key === this.lastKey) return this.last!;
    let c = this.cohorts.get(key);
    if (!c) {
      c = { cohort, starters: new GenderCounts(), leavers: new GenderCounts(), outcomes: COHORT_OUTCOMES.map(() => new GenderCounts()) };
      this.cohorts.set(key, c);
    }
    this.lastKey = key;
    this.last = c;
    return c;
  }
}
