import { computeIndicators, unusableIndicatorsResult, type ComputeIndicatorsOptions, type IndicatorsOutcome } from '../indicators/run.js';
import type { ParticipantFileSummary } from '../participants/read-participants.js';
import type { ProjectProfile } from '../project/profile.js';
import type { ValidatedFile } from '../read/read-validated.js';
import { openInput } from './input-file.js';
import { fileSize, progressFor, type Output } from './io.js';

/** A participant file that cannot be opened, as a participant summary (one FILE_UNREADABLE finding, exit 2). */
export function unreadableParticipants(summary: ValidatedFile): ParticipantFileSummary {
  return { ...summary, kind: 'participants' };
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
  const progress = terminal ? progressFor(terminal.output, terminal.quiet, `reading ${file}`, await fileSize(file)) : undefined;
  const input = await openInput(file, progress?.tick);
  if (!input.source) {
    const summary = unreadableParticipants(input.unreadable);
    return { usable: false, result: unusableIndicatorsResult(profile, summary, opts.lang), summary };
  }
  const outcome = await computeIndicators(input.source, profile, opts, onRecord);
  progress?.done();
  return outcome;
}
