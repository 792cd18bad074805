import type { IsoDate } from '../core/dates.js';
import type { Lang } from '../findings/catalogue.js';
import { renderFinding, type RenderedFinding } from '../findings/render.js';
import { readParticipants, type ParticipantFileSummary } from '../participants/read-participants.js';
import type { ProjectProfile } from '../project/profile.js';
import type { EncodingName } from '../read/encoding.js';
import type { ByteSource } from '../read/source.js';
import type { Delimiter, TableRow } from '../read/table.js';
import type { ParticipantRecord } from '../participants/record.js';
import { createIndicatorAccumulator, INDICATORS_SCHEMA } from './compute.js';
import type { PeriodRange } from '../core/period.js';
import type { IndicatorsResult } from './result.js';

export interface ComputeIndicatorsOptions {
  /** The period, clipped (`resolvePeriod`); a `ReportingPeriod` fits. */
  readonly period: PeriodRange;
  /** The reference date: the data is read as it stood on it. */
  readonly asOf: IsoDate;
  /** Today, injected. */
  readonly today: IsoDate;
  /** Language of the finding messages (default English). */
  readonly lang?: Lang | undefined;
  readonly encoding?: EncodingName | undefined;
  readonly delimiter?: Delimiter | undefined;
  /** The sheet of an .xlsx input (default: the first visible sheet). */
  readonly sheet?: string | undefined;
}

/** The document of an unusable file (`indicators.md`): only schema, project and findings. */
export interface UnusableIndicatorsResult {
  readonly schema: typeof INDICATORS_SCHEMA;
  readonly project: { readonly id: string; readonly name: string };
  readonly findings: RenderedFinding[];
}

/** What computing the indicators of one file gave: figures, or an unusable file (exit 2). */
export type IndicatorsOutcome =
  | { readonly usable: true; readonly result: IndicatorsResult; readonly summary: ParticipantFileSummary }
  | { readonly usable: false; readonly result: UnusableIndicatorsResult; readonly summary: ParticipantFileSummary };

/** The document for a file that gives no figures, from its findings. */
export function unusableIndicatorsResult(profile: ProjectProfile, summary: Pick<ParticipantFileSummary, 'findings'>, lang: Lang = 'en'): UnusableIndicatorsResult {
  return {
    schema: INDICATORS_SCHEMA,
    project: { id: profile.id, name: profile.name },
    findings: summary.findings.map((f) => renderFinding(f, lang)),
  };
}

/**
 * Reads a participant export once and computes its indicators, targets, consistency tests and
 * monthly/cohort views for a period, without holding the rows in memory. `onRecord` hears each
 * record and its row as read, for a caller that needs more of the same pass (`diff`).
 */
export async function computeIndicators(
  source: ByteSource,
  profile: ProjectProfile,
  opts: ComputeIndicatorsOptions,
  onRecord?: (record: ParticipantRecord, row: TableRow) => void,
): Promise<IndicatorsOutcome> {
  const accumulator = createIndicatorAccumulator(profile, { period: opts.period, asOf: opts.asOf, today: opts.today, lang: opts.lang });
  const summary = await readParticipants(
    source,
    { today: opts.today, asOf: opts.asOf, projectStart: profile.period.start, projectEnd: profile.period.end },
    { encoding: opts.encoding, delimiter: opts.delimiter, sheet: opts.sheet },
    (record, row, findings) => {
      accumulator.add(record, findings);
      onRecord?.(record, row);
    },
  );
  if (summary.unusable) return { usable: false, result: unusableIndicatorsResult(profile, summary, opts.lang), summary };
  return { usable: true, result: accumulator.finish(summary), summary };
}
