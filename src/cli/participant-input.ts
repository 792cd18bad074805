import { computeIndicators, unusableIndicatorsResult, type ComputeIndicatorsOptions, type IndicatorsOutcome } from '../indicators/run.js';
import type { ParticipantFileSummary } from '../participants/read-participants.js';
import type { ProjectProfile } from '../project/profile.js';
import { unreadableFileSummary } from '../read/table.js';
import { fileSize, fileSource, progressFor, unreadableReason, type Output } from './io.js';

/** The summary of a participant file that cannot be opened at all: one FILE_UNREADABLE finding (exit 2). */
export function unreadableParticipantFile(file: string, reason: string): ParticipantFileSummary {
  return { ...unreadableFileSummary(file, reason), kind: 'participants' };
}

/**
 * Computes the indicators of a participant file on disk, with progress on a terminal; a file that
 * cannot be opened gives the unusable outcome, as an unreadable one does, so callers handle one case.
 * `onRecord` hears each record as read (`diff` collects its entries in the same pass).
 */
export async function indicatorsOfFile(
  file: string,
  profile: ProjectProfile,
  opts: ComputeIndicatorsOptions,
  terminal?: { readonly output: Output; readonly quiet: boolean },
  onRecord?: Parameters<typeof computeIndicators>[3],
): Promise<IndicatorsOutcome> {
  const reason = await unreadableReason(file);
  if (reason) {
    const summary = unreadableParticipantFile(file, reason);
    return { usable: false, result: unusableIndicatorsResult(profile, summary, opts.lang), summary };
  }
  const progress = terminal ? progressFor(terminal.output, terminal.quiet, `reading ${file}`, await fileSize(file)) : undefined;
  const outcome = await computeIndicators(fileSource(file, progress?.tick), profile, opts, onRecord);
  progress?.done();
  return outcome;
}
