import type { IsoDate } from '../core/dates.js';
import type { Cohort, EntryStatus, ExitStatus, Gender, SensitiveAnswer, Status6m, SurveyAnswer } from './values.js';

/**
 * One participant row after validation, in typed form. It carries no personnummer: the number is
 * checked and then forgotten, so nothing downstream can leak it. Fields are null where the value
 * was empty or invalid; `complete` is false when the row has any error (it then counts nowhere).
 */
export interface ParticipantRecord {
  readonly line: number;
  /** Null when empty, invalid, or itself a personnummer. */
  readonly participantId: string | null;
  readonly complete: boolean;
  /**
   * The participant has a protected identity (skyddade personuppgifter): SCB's monthly list gets
   * SCB's code in place of the personnummer. False when the column is absent or empty.
   */
  readonly protectedIdentity: boolean;
  readonly gender: Gender | null;
  readonly birthDate: IsoDate | null;
  readonly entryDate: IsoDate | null;
  readonly exitDate: IsoDate | null;
  readonly cohort: Cohort | null;
  readonly employmentStatus: EntryStatus | null;
  readonly unemploymentMonths: number | null;
  readonly isced: number | null;
  readonly disability: SensitiveAnswer;
  readonly thirdCountryNational: SensitiveAnswer;
  readonly foreignBackground: SensitiveAnswer;
  readonly minority: SensitiveAnswer;
  readonly homeless: SensitiveAnswer;
  readonly rural: SensitiveAnswer;
  readonly exitStatus: ExitStatus | null;
  readonly qualificationGained: boolean | null;
  readonly status6m: Status6m | null;
  readonly improvedSituation6m: boolean | null;
  readonly workTrainingStart: IsoDate | null;
  readonly studiesStart: IsoDate | null;
  readonly employmentStart: IsoDate | null;
  readonly networkExpanded: SurveyAnswer;
  readonly competenceImproved: SurveyAnswer;
  readonly understandingImproved: SurveyAnswer;
}
