import { ageAtEntry, calendarMonthsBetween, daysBetween, monthsBetween, parseDate, plusMonths, sixMonthPoint, type IsoDate } from '../core/dates.js';
import { NumberIndex, StringIndex } from '../core/compact-index.js';
import { containsPersonnummer } from '../core/redact.js';
import { finding, type Finding, type FindingArgs } from '../findings/finding.js';
import type { FindingCode } from '../findings/codes.js';
import type { TableRow } from '../read/table.js';
import { COL, PARTICIPANT_COLUMNS, type ParticipantColumn } from './columns.js';
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
const EXIT_ANSWER_COLUMNS = (
  [
    'exit_status',
    'qualification_gained',
    'status_6m',
    'improved_situation_6m',
    'network_expanded',
    'competence_improved',
    'understanding_improved',
  ] as const satisfies readonly ParticipantColumn[]
).map((c) => COL[c]);

/** The findings of a clean row, shared and frozen: no array is made for each of a million clean rows. */
const NO_FINDINGS: Finding[] = Object.freeze([]) as unknown as Finding[];

export interface RowResult {
  readonly record: ParticipantRecord;
  readonly findings: Finding[];
}

/**
 * Applies the participant contract to one row after another. Holds only what the cross-row rules
 * need (IDs and personnummer seen), so memory grows with the number of participants, not the file.
 */
export class ParticipantValidator {
  /** participant IDs seen, each with the line it was first seen on */
  private readonly ids = new StringIndex();
  /** personnummer keys (12 digits as a number) seen, each with the ordinal of its ID in `ids` */
  private readonly pnrs = new NumberIndex();

  constructor(private readonly ctx: ValidationContext) {}

  // state of the row being validated (kept on the instance so the hot loop allocates no closures)
  private v: string[] = [];
  private line = 0;
  private findings: Finding[] = NO_FINDINGS;

  // columns are passed by index (COL.gender), not by name: one function reading `COL[name]` for
  // every field of every row was a megamorphic keyed load in the hottest loop
  private add(code: FindingCode, column: number | null, args: FindingArgs = {}): void {
    const name = column === null ? null : PARTICIPANT_COLUMNS[column]!.name;
    if (this.findings === NO_FINDINGS) this.findings = [];
    this.findings.push(finding(code, { file: this.ctx.file, line: this.line, column: name }, args));
  }

  private raw(c: number): string {
    return this.v[c]!;
  }

  private enumValue<T extends string>(c: number, vocab: Vocabulary<T>, required: boolean): T | null {
    const text = this.raw(c);
    if (text === '') {
      if (required) this.add('VALUE_MISSING', c);
      return null;
    }
    const parsed = parseEnum(vocab, text);
    if (parsed === undefined) {
      this.add('VALUE_INVALID', c, { found: text, expected: describeForms(vocab) });
      return null;
    }
    return parsed;
  }

  private dateValue(c: number, required: boolean): IsoDate | null {
    const text = this.raw(c);
    if (text === '') {
      if (required) this.add('VALUE_MISSING', c);
      return null;
    }
    const parsed = parseDate(text);
    if (parsed === 'form' || parsed === 'day') {
      this.add('DATE_INVALID', c, { found: text, reason: parsed });
      return null;
    }
    if (parsed > this.ctx.today) {
      this.add('DATE_AFTER_TODAY', c, { found: parsed, today: this.ctx.today });
      return null;
    }
    return parsed;
  }

  private sensitive(c: number): SensitiveAnswer {
    return this.enumValue(c, SENSITIVE_VOCAB, false) ?? 'unknown';
  }

  private survey(c: number): SurveyAnswer {
    return this.enumValue(c, SURVEY_VOCAB, false) ?? 'unknown';
  }

  private yesNo(c: number): boolean | null {
    const a = this.enumValue(c, YES_NO_VOCAB, false);
    return a === null ? null : a === 'yes';
  }

  private inProject(c: number, d: IsoDate | null): IsoDate | null {
    const { projectStart, projectEnd } = this.ctx;
    if (d !== null && (d < projectStart || d > projectEnd)) {
      this.add('DATE_OUTSIDE_PROJECT', c, { found: d, start: projectStart, end: projectEnd });
      return null;
    }
    return d;
  }

  private resultDate(c: number, entryDate: IsoDate | null): IsoDate | null {
    const d = this.dateValue(c, false);
    if (d !== null && entryDate !== null && d < entryDate) {
      this.add('RESULT_DATE_BEFORE_ENTRY', c, { found: d, entry: entryDate });
      return null;
    }
    return d;
  }

  validate(row: TableRow): RowResult {
    const { today, asOf } = this.ctx;
    this.v = row.values;
    this.line = row.line;
    const line = row.line;
    this.findings = row.problems.length > 0 ? row.problems.slice() : NO_FINDINGS;

    // participant_id: pseudonymous, well-formed, unique
    let participantId: string | null = null;
    let idOrdinal = -1;
    const idText = this.raw(COL.participant_id);
    if (idText === '') this.add('VALUE_MISSING', COL.participant_id);
    else if (containsPersonnummer(idText)) this.add('ID_IS_PERSONNUMMER', COL.participant_id);
    else if (!ID_FORM.test(idText)) this.add('ID_INVALID', COL.participant_id, { found: idText });
    else {
      participantId = idText;
      idOrdinal = this.ids.find(idText);
      if (idOrdinal !== -1) this.add('ID_DUPLICATE', COL.participant_id, { id: idText, firstLine: this.ids.value(idOrdinal) });
      else idOrdinal = this.ids.add(idText, line);
    }

    // personnummer: checked, compared, then forgotten
    let pnr: Personnummer | null = null;
    const pnrText = this.raw(COL.personnummer);
    if (pnrText !== '') {
      const parsed = parsePersonnummer(pnrText, today);
      if (typeof parsed === 'string') this.add('PNR_INVALID', COL.personnummer, { reason: parsed });
      else pnr = parsed;
    }

    const protectedIdentity = this.yesNo(COL.protected_identity) === true;
    const gender = this.enumValue(COL.gender, GENDER_VOCAB, true);

    let birthDate = this.dateValue(COL.birth_date, pnrText === '');
    if (pnr) {
      if (birthDate === null && this.raw(COL.birth_date) === '') birthDate = pnr.birthDate;
      else if (birthDate !== null && birthDate !== pnr.birthDate) this.add('PNR_BIRTH_DATE_MISMATCH', COL.personnummer);
      if ((gender === 'woman' || gender === 'man') && gender !== pnr.legalGender) {
        this.add('PNR_GENDER_MISMATCH', COL.personnummer, { gender });
      }
      const other = this.pnrs.get(pnr.key);
      if (other === undefined) {
        if (idOrdinal !== -1) this.pnrs.set(pnr.key, idOrdinal);
      } else if (idOrdinal !== -1 && other !== idOrdinal) {
        this.add('PNR_DUPLICATE', COL.personnummer, { otherId: this.ids.key(other) });
      }
    }

    const entryDate = this.inProject(COL.entry_date, this.dateValue(COL.entry_date, true));
    let exitDate = this.inProject(COL.exit_date, this.dateValue(COL.exit_date, false));
    if (entryDate !== null && exitDate !== null && exitDate < entryDate) {
      this.add('EXIT_BEFORE_ENTRY', COL.exit_date, { exit: exitDate, entry: entryDate });
      exitDate = null;
    }

    let cohort = null;
    const cohortText = this.raw(COL.cohort);
    if (cohortText !== '') {
      cohort = parseCohort(cohortText) ?? null;
      if (cohort === null) this.add('COHORT_INVALID', COL.cohort, { found: cohortText });
      else if (entryDate !== null) {
        const actual = cohortOf(entryDate);
        if (actual.year !== cohort.year || actual.half !== cohort.half) {
          this.add('COHORT_MISMATCH', COL.cohort, { cohort: cohortLabel(cohort), entry: entryDate, expected: cohortLabel(actual) });
        }
      }
    }

    const employmentStatus = this.enumValue(COL.employment_status, ENTRY_STATUS_VOCAB, true);

    let unemploymentMonths: number | null = null;
    const monthsText = this.raw(COL.unemployment_months);
    if (monthsText === '') {
      if (employmentStatus === 'unemployed') this.add('VALUE_MISSING', COL.unemployment_months);
    } else {
      const n = parseWholeNumber(monthsText);
      if (n === undefined || n > MAX_UNEMPLOYMENT_MONTHS) {
        this.add('VALUE_INVALID', COL.unemployment_months, { found: monthsText, expected: `0–${MAX_UNEMPLOYMENT_MONTHS}` });
      } else if (employmentStatus !== null && employmentStatus !== 'unemployed') {
        this.add('UNEMPLOYMENT_MONTHS_IGNORED', COL.unemployment_months, { found: n, status: employmentStatus });
      } else {
        unemploymentMonths = n;
        if (birthDate !== null && entryDate !== null) {
          // full months differ from calendar months by at most one: ask date-fns only near the limit
          const sixteen = plusMonths(birthDate, 16 * 12);
          const calendar = calendarMonthsBetween(sixteen, entryDate);
          const max = n < calendar ? calendar : Math.max(0, monthsBetween(sixteen, entryDate));
          if (n > max) {
            this.add('UNEMPLOYMENT_MONTHS_TOO_HIGH', COL.unemployment_months, { found: n, max });
            unemploymentMonths = null;
          }
        }
      }
    }

    let isced: number | null = null;
    const iscedText = this.raw(COL.isced);
    if (iscedText === '') this.add('VALUE_MISSING', COL.isced);
    else {
      const n = /^\d$/.test(iscedText) ? Number(iscedText) : undefined;
      if (n === undefined || n > 8) this.add('VALUE_INVALID', COL.isced, { found: iscedText, expected: '0–8' });
      else isced = n;
    }

    if (birthDate !== null && entryDate !== null) {
      const age = ageAtEntry(birthDate, entryDate);
      if (age < 15 || age > 66) this.add('AGE_OUTSIDE_WORKING_AGE', COL.birth_date, { age });
    }

    const disability = this.sensitive(COL.disability);
    const thirdCountryNational = this.sensitive(COL.third_country_national);
    const foreignBackground = this.sensitive(COL.foreign_background);
    const minority = this.sensitive(COL.minority);
    const homeless = this.sensitive(COL.homeless);
    const rural = this.sensitive(COL.rural);

    const exitStatus = this.enumValue(COL.exit_status, EXIT_STATUS_VOCAB, false);
    const qualificationGained = this.yesNo(COL.qualification_gained);
    const status6m = this.enumValue(COL.status_6m, STATUS_6M_VOCAB, false);
    const improvedSituation6m = this.yesNo(COL.improved_situation_6m);
    const networkExpanded = this.survey(COL.network_expanded);
    const competenceImproved = this.survey(COL.competence_improved);
    const understandingImproved = this.survey(COL.understanding_improved);

    if (this.raw(COL.exit_date) === '') {
      for (const c of EXIT_ANSWER_COLUMNS) if (this.raw(c) !== '') this.add('EXIT_ANSWER_WITHOUT_EXIT', c);
    } else if (exitDate !== null && exitDate <= asOf) {
      if (exitStatus === null && this.raw(COL.exit_status) === '' && daysBetween(exitDate, asOf) >= EXIT_STATUS_DAYS) {
        this.add('EXIT_STATUS_MISSING', COL.exit_status, { exit: exitDate, days: daysBetween(exitDate, asOf) });
      }
      const due = sixMonthPoint(exitDate);
      if (this.raw(COL.status_6m) === '' && due <= asOf) this.add('STATUS_6M_MISSING', COL.status_6m, { exit: exitDate, due });
    }
    if (improvedSituation6m === true && employmentStatus !== null && employmentStatus !== 'employed') {
      this.add('IMPROVED_NOT_EMPLOYED', COL.improved_situation_6m, { status: employmentStatus });
    }

    const workTrainingStart = this.resultDate(COL.work_training_start, entryDate);
    const studiesStart = this.resultDate(COL.studies_start, entryDate);
    const employmentStart = this.resultDate(COL.employment_start, entryDate);

    let complete = true;
    const findings = this.findings;
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i]!;
      if (f.severity === 'error') complete = false;
      // the data-quality lists name the participant by ID beside the line
      if (participantId !== null) findings[i] = { ...f, participantId };
    }
    const record: ParticipantRecord = {
      line,
      participantId,
      complete,
      protectedIdentity,
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
