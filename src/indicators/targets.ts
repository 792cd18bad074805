import { daysBetween, type IsoDate } from '../core/dates.js';
import { exactDecimal, share4, tenThousandths } from '../core/decimal.js';
import type { ProjectProfile } from '../project/profile.js';
import { GenderCounts, noOne, type GenderCell } from './counting.js';
import { GENDER_BAND_POINTS, TARGETS, type CountedRecord, type RecordFacts, type TargetDefinition } from './registry.js';
import type { GenderSplit, TargetResult } from './result.js';

/**
 * The project's own targets (`indicators.md`, `domain.md`): who achieved each one up to the window
 * end, over its base, and whether the project is on track, every rate and comparison done exactly.
 */
export class TargetCounts {
  private readonly achieved = TARGETS.map(() => new GenderCounts());
  private readonly unanswered = TARGETS.map(() => new GenderCounts());
  private readonly amongLeavers = TARGETS.map((d) => d.base === 'leavers');
  /** The bases other than the profile's planned participants: entered, and left, by the window end. */
  private entered = 0;
  private leavers = 0;

  constructor(private readonly windowEnd: IsoDate) {}

  /**
   * Counts one participant who entered by the window end; `enteredInWindow` and `leftInWindow` say
   * whether the entry and exit fall in the window (from the project start), as EECO01 and LEAVERS count them.
   */
  add(r: CountedRecord, facts: RecordFacts, g: GenderCell, enteredInWindow: boolean, leftInWindow: boolean): void {
    if (enteredInWindow) this.entered++;
    if (leftInWindow) this.leavers++;
    for (let i = 0; i < TARGETS.length; i++) {
      if (this.amongLeavers[i] && !facts.left) continue;
      const def = TARGETS[i]!;
      if (def.achieved(r, this.windowEnd)) this.achieved[i]!.add(g);
      else if (def.unanswered?.(r)) this.unanswered[i]!.add(g);
    }
  }

  /** The targets the profile sets (and every reference-only one), in the registry's order. */
  results(profile: ProjectProfile): TargetResult[] {
    // Elapsed share of the project period, counting days inclusively at both ends: the first
    // project day is one elapsed day, and on the last day (or later) the share is exactly 1.
    const projectDays = daysBetween(profile.period.start, profile.period.end) + 1;
    const elapsedDays = Math.min(projectDays, Math.max(0, daysBetween(profile.period.start, this.windowEnd) + 1));
    const bases = { planned: profile.plannedParticipants, entered: this.entered, leavers: this.leavers };
    const out: TargetResult[] = [];
    TARGETS.forEach((def, i) => {
      const targetRate = def.referenceOnly ? null : (profile.targets.find((t) => t.id === def.id)?.rate ?? undefined);
      if (targetRate === undefined) return; // the profile sets no such target
      out.push(
        targetResult(
          def,
          { targetRate, base: bases[def.base], achieved: this.achieved[i]!.value(), planned: profile.plannedParticipants, elapsedDays, projectDays },
          { unanswered: this.unanswered[i]!.value(), reference: profile.reference },
        ),
      );
    });
    return out;
  }
}

/** targetRate × planned, rounded up, exactly (7 % of 100 is 7, not 8). */
export function targetCountOf(rate: number, planned: number): number {
  const { numerator, denominator } = exactDecimal(rate);
  return Number((numerator * BigInt(planned) + denominator - 1n) / denominator);
}

interface TargetFigures {
  readonly targetRate: number | null;
  readonly base: number;
  readonly achieved: GenderSplit;
  readonly planned: number;
  readonly elapsedDays: number;
  readonly projectDays: number;
}

/** One target's result from its figures, with every rate and comparison done exactly. */
export function targetResult(
  def: TargetDefinition,
  fig: TargetFigures,
  extra: { unanswered?: GenderSplit; reference?: ProjectProfile['reference'] } = {},
): TargetResult {
  const { targetRate, base, achieved } = fig;
  const numerator = achieved[def.rateOf];
  const rate = share4(numerator, base);
  const targetCount = def.hasTargetCount && targetRate !== null ? targetCountOf(targetRate, fig.planned) : null;
  let onTrack: boolean | null = null;
  if (base > 0 && targetRate !== null) {
    // the reported rate (4 decimals) as q/10000, the target rate as num/den: compared in units of 1/(10000·den)
    const q = BigInt(tenThousandths(numerator, base));
    const { numerator: num, denominator: den } = exactDecimal(targetRate);
    switch (def.onTrack) {
      case 'elapsed':
        // achieved ≥ targetCount × elapsedDays / projectDays, multiplied out
        onTrack = targetCount === null ? null : achieved.total * fig.projectDays >= targetCount * fig.elapsedDays;
        break;
      case 'gender-band': {
        // the reported rate within targetRate ± the band
        const band = BigInt(GENDER_BAND_POINTS * 100) * den;
        onTrack = q * den >= num * 10000n - band && q * den <= num * 10000n + band;
        break;
      }
      case 'rate':
        onTrack = q * den >= num * 10000n;
        break;
      case 'none':
        onTrack = null;
    }
  }
  return {
    id: def.id,
    name: def.name.en,
    targetRate,
    targetCount,
    base,
    achieved,
    ...(def.unanswered ? { unanswered: extra.unanswered ?? noOne() } : {}),
    rate,
    onTrack,
    ...(def.referenceOnly ? { reference: extra.reference ?? null } : {}),
  };
}
