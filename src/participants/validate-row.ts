import { daysBetween, monthsBetween, plusMonths, yearsBetween, type IsoDate } from '../core/dates.js';
import { finding, type Finding, type FindingArgs } from '../findings/finding.js';
import type { FindingCode } from '../findings/codes.js';
import type { TableRow } from '../read/table.js';
import { COL, type ParticipantColumn } from './columns.js';
import { parsePersonnummer, type Personnummer } from './personnummer.js';
import type { ParticipantRecord } from './record.js';
import {
  cohortLabel,
  cohortOf,
  describeForms,
  ENTRY_STATUS_VOCAB,
  EXIT_STATUS_VOCAB,
  GENDER_VOCAB,
  parseCohort,
  parseDate,
  parseEnum,
  parseWholeNumber,
  SENSITIVE_VOCAB,
  STATUS_6M_VOCAB,
  SURVEY_VOCAB,
  YES_NO_VOCAB,
  type SensitiveAnswer,
  type SurveyAnswer,
  type Vocabulary,
} from './values.js';

/** What the row rules need to know about the world; injected, never read from the clock. */
export interface ValidationContext {
  readonly file: string;
  /** Any date after it has not happened: DATE_AFTER_TODAY. */
  readonly today: IsoDate;
  /** The reference date: "when required" rules are judged on it. */
  readonly asOf: IsoDate;
  readonly projectStart: IsoDate;
  readonly projectEnd: IsoDate;
}

const ID_FORM = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_UNEMPLOYMENT_MONTHS = 600;
const EXIT_STATUS_DAYS = 28;
const EXIT_ANSWER_COLUMNS = [
  'exit_status',
  'qualification_gained',
  'status_6m',
  'improved_situation_6m',
  'network_expanded',
  'competence_improved',
  'understanding_improved',
] as const satisfies readonly ParticipantColumn[];

export interface RowResult {
  readonly record: ParticipantRecord;
  readonly findings: Finding[];
}

/**
 * Applies the participant contract to one row after another. Holds only what the cross-row rules
 * need (IDs and personnummer seen), so memory grows with the number of participants, not the file.
 */
export class ParticipantValidator {
  private readonly ids = new Map<string, number>();
  private readonly pnrs = new Map<number, string>();

  constructor(private readonly ctx: ValidationContext) {}

  validate(row: TableRow): RowResult {
    const { file, today, asOf } = this.ctx;
    const v = row.values;
    const line = row.line;
    const findings: Finding[] = row.problems.slice();
    const add = (code: FindingCode, column: ParticipantColumn | null, args: FindingArgs = {}) => {
      findings.push(finding(code, { file, line, column }, args));
    };
    const raw = (c: ParticipantColumn) => v[COL[c]]!;

    const enumValue = <T extends string>(c: ParticipantColumn, vocab: Vocabulary<T>, required: boolean): T | null => {
      const text = raw(c);
      if (text === '') {
        if (required) add('VALUE_MISSING', c);
        return null;
      }
      const parsed = parseEnum(vocab, text);
      if (parsed === undefined) {
        add('VALUE_INVALID', c, { found: text, expected: describeForms(vocab) });
        return null;
      }
      return parsed;
    };
    const dateValue = (c: ParticipantColumn, required: boolean): IsoDate | null => {
      const text = raw(c);
      if (text === '') {
        if (required) add('VALUE_MISSING', c);
        return null;
      }
      const parsed = parseDate(text);
      if (parsed === 'form' || parsed === 'day') {
        add('DATE_INVALID', c, { found: text, reason: parsed });
        return null;
      }
      if (parsed > today) {
        add('DATE_AFTER_TODAY', c, { found: parsed, today });
        return null;
      }
      return parsed;
    };
    const sensitive = (c: ParticipantColumn): SensitiveAnswer => enumValue(c, SENSITIVE_VOCAB, false) ?? 'unknown';
    const survey = (c: ParticipantColumn): SurveyAnswer => enumValue(c, SURVEY_VOCAB, false) ?? 'unknown';
    const yesNo = (c: ParticipantColumn): boolean | null => {
      const a = enumValue(c, YES_NO_VOCAB, false);
      return a === null ? null : a === 'yes';
    };

    // participant_id: pseudonymous, well-formed, unique
    let participantId: string | null = null;
    const idText = raw('participant_id');
    if (idText === '') add('VALUE_MISSING', 'participant_id');
    else if (typeof parsePersonnummer(idText, today) === 'object') add('ID_IS_PERSONNUMMER', 'participant_id');
    else if (!ID_FORM.test(idText)) add('ID_INVALID', 'participant_id', { found: idText });
    else {
      participantId = idText;
      const first = this.ids.get(idText);
      if (first !== undefined) add('ID_DUPLICATE', 'participant_id', { id: idText, firstLine: first });
      else this.ids.set(idText, line);
    }

    // personnummer: checked, compared, then forgotten
    let pnr: Personnummer | null = null;
    const pnrText = raw('personnummer');
    if (pnrText !== '') {
      const parsed = parsePersonnummer(pnrText, today);
      if (typeof parsed === 'string') add('PNR_INVALID', 'personnummer', { reason: parsed });
      else pnr = parsed;
    }

    const gender = enumValue('gender', GENDER_VOCAB, true);

    let birthDate = dateValue('birth_date', pnrText === '');
    if (pnr) {
      if (birthDate === null && raw('birth_date') === '') birthDate = pnr.birthDate;
      else if (birthDate !== null && birthDate !== pnr.birthDate) add('PNR_BIRTH_DATE_MISMATCH', 'personnummer');
      if ((gender === 'woman' || gender === 'man') && gender !== pnr.legalGender) {
        add('PNR_GENDER_MISMATCH', 'personnummer', { gender });
      }
      const other = this.pnrs.get(pnr.key);
      if (other === undefined) {
        if (participantId !== null) this.pnrs.set(pnr.key, participantId);
      } else if (participantId !== null && other !== participantId) {
        add('PNR_DUPLICATE', 'personnummer', { otherId: other });
      }
    }

    const { projectStart, projectEnd } = this.ctx;
    const inProject = (c: ParticipantColumn, d: IsoDate | null): IsoDate | null => {
      if (d !== null && (d < projectStart || d > projectEnd)) {
        add('DATE_OUTSIDE_PROJECT', c, { found: d, start: projectStart, end: projectEnd });
        return null;
      }
      return d;
    };
    const entryDate = inProject('entry_date', dateValue('entry_date', true));
    let exitDate = inProject('exit_date', dateValue('exit_date', false));
    if (entryDate !== null && exitDate !== null && exitDate < entryDate) {
      add('EXIT_BEFORE_ENTRY', 'exit_date', { exit: exitDate, entry: entryDate });
      exitDate = null;
    }

    let cohort = null;
    const cohortText = raw('cohort');
    if (cohortText !== '') {
      cohort = parseCohort(cohortText) ?? null;
      if (cohort === null) add('COHORT_INVALID', 'cohort', { found: cohortText });
      else if (entryDate !== null) {
        const actual = cohortOf(entryDate);
        if (actual.year !== cohort.year || actual.half !== cohort.half) {
          add('COHORT_MISMATCH', 'cohort', { cohort: cohortLabel(cohort), entry: entryDate, expected: cohortLabel(actual) });
        }
      }
    }

    const employmentStatus = enumValue('employment_status', ENTRY_STATUS_VOCAB, true);

    let unemploymentMonths: number | null = null;
    const monthsText = raw('unemployment_months');
    if (monthsText === '') {
      if (employmentStatus === 'unemployed') add('VALUE_MISSING', 'unemployment_months');
    } else {
      const n = parseWholeNumber(monthsText);
      if (n === undefined || n > MAX_UNEMPLOYMENT_MONTHS) {
        add('VALUE_INVALID', 'unemployment_months', { found: monthsText, expected: `0–${MAX_UNEMPLOYMENT_MONTHS}` });
      } else if (employmentStatus !== null && employmentStatus !== 'unemployed') {
        add('UNEMPLOYMENT_MONTHS_IGNORED', 'unemployment_months', { found: n, status: employmentStatus });
      } else {
        unemploymentMonths = n;
        if (birthDate !== null && entryDate !== null) {
          const max = Math.max(0, monthsBetween(plusMonths(birthDate, 16 * 12), entryDate));
          if (n > max) {
            add('UNEMPLOYMENT_MONTHS_TOO_HIGH', 'unemployment_months', { found: n, max });
            unemploymentMonths = null;
          }
        }
      }
    }

    let isced: number | null = null;
    const iscedText = raw('isced');
    if (iscedText === '') add('VALUE_MISSING', 'isced');
    else {
      const n = /^\d$/.test(iscedText) ? Number(iscedText) : undefined;
      if (n === undefined || n > 8) add('VALUE_INVALID', 'isced', { found: iscedText, expected: '0–8' });
      else isced = n;
    }

    if (birthDate !== null && entryDate !== null) {
      const age = yearsBetween(birthDate, entryDate);
      if (age < 15 || age > 66) add('AGE_OUTSIDE_WORKING_AGE', 'birth_date', { age });
    }

    const disability = sensitive('disability');
    const thirdCountryNational = sensitive('third_country_national');
    const foreignBackground = sensitive('foreign_background');
    const minority = sensitive('minority');
    const homeless = sensitive('homeless');
    const rural = sensitive('rural');

    const exitStatus = enumValue('exit_status', EXIT_STATUS_VOCAB, false);
    const qualificationGained = yesNo('qualification_gained');
    const status6m = enumValue('status_6m', STATUS_6M_VOCAB, false);
    const improvedSituation6m = yesNo('improved_situation_6m');
    const networkExpanded = survey('network_expanded');
    const competenceImproved = survey('competence_improved');
    const understandingImproved = survey('understanding_improved');

    if (raw('exit_date') === '') {
      for (const c of EXIT_ANSWER_COLUMNS) if (raw(c) !== '') add('EXIT_ANSWER_WITHOUT_EXIT', c);
    } else if (exitDate !== null && exitDate <= asOf) {
      if (exitStatus === null && raw('exit_status') === '' && daysBetween(exitDate, asOf) >= EXIT_STATUS_DAYS) {
        add('EXIT_STATUS_MISSING', 'exit_status', { exit: exitDate, days: daysBetween(exitDate, asOf) });
      }
      const due = plusMonths(exitDate, 6);
      if (raw('status_6m') === '' && due <= asOf) add('STATUS_6M_MISSING', 'status_6m', { exit: exitDate, due });
    }
    if (improvedSituation6m === true && employmentStatus !== null && employmentStatus !== 'employed') {
      add('IMPROVED_NOT_EMPLOYED', 'improved_situation_6m', { status: employmentStatus });
    }

    const resultDate = (c: ParticipantColumn): IsoDate | null => {
      const d = dateValue(c, false);
      if (d !== null && entryDate !== null && d < entryDate) {
        add('RESULT_DATE_BEFORE_ENTRY', c, { found: d, entry: entryDate });
        return null;
      }
      return d;
    };
    const workTrainingStart = resultDate('work_training_start');
    const studiesStart = resultDate('studies_start');
    const employmentStart = resultDate('employment_start');

    let complete = true;
    for (const f of findings) {
      if (f.severity === 'error') {
        complete = false;
        break;
      }
    }
    const record: ParticipantRecord = {
      line,
      participantId,
      complete,
      gender,
      birthDate,
      entryDate,
      exitDate,
      cohort,
      employmentStatus,
      unemploymentMonths,
      isced,
      disability,
      thirdCountryNational,
      foreignBackground,
      minority,
      homeless,
      rural,
      exitStatus,
      qualificationGained,
      status6m,
      improvedSituation6m,
      workTrainingStart,
      studiesStart,
      employmentStart,
      networkExpanded,
      competenceImproved,
      understandingImproved,
    };
    return { record, findings };
  }
}
