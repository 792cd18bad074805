import { arg, type Catalogue, type MessageInput } from './catalogue.js';

const col = (m: MessageInput) => (m.column ? `${m.column}: ` : '');
const q = (m: MessageInput, key = 'found') => `"${arg(m, key)}"`;

const quarter = (m: MessageInput) => (arg(m, 'scope') === 'cumulative' ? 'cumulatively' : `in ${arg(m, 'scope')}`);
const sek = (m: MessageInput, key: string) => `${arg(m, key)} SEK`;

/** English messages and fix hints for every finding code. */
export const MESSAGES_EN: Catalogue = {
  FILE_UNREADABLE: {
    text: (m) => `the file cannot be read (${arg(m, 'reason')})`,
    hint: 'Check the path and that the file is not open with a lock in another program; save it as CSV (or .xlsx).',
  },
  RECORD_TOO_LONG: {
    text: (m) =>
      `the record starting on line ${m.line ?? ''} holds more than ${arg(m, 'limit')} characters (the limit for one record); the file is not read further`,
    hint: 'A field of a participant export is never that long: the file is probably not a CSV export, or a quote is never closed. Export it again from the case system or Excel.',
  },
  FILE_EMPTY: {
    text: (m) =>
      arg(m, 'reason') === 'no-bytes'
        ? 'the file is empty (0 bytes)'
        : arg(m, 'reason') === 'bom-only'
          ? 'the file holds only a byte-order mark and no header'
          : 'the file has no header row',
    hint: 'Export the file again from the case system or Excel; the first line must be the header row.',
  },
  ENCODING_INVALID: {
    text: (m) =>
      arg(m, 'reason') === 'binary'
        ? 'the file contains NUL bytes: it is not a text (CSV) file, or it is UTF-16 without a byte-order mark'
        : `the bytes near line ${arg(m, 'near')} do not decode as ${arg(m, 'encoding')} (${arg(m, 'detail')})`,
    hint: 'Save the file from Excel as "CSV UTF-8" (or "CSV (semikolonavgränsad)"), or name the encoding with --encoding.',
  },
  COLUMN_MISSING: {
    text: (m) =>
      `the header has no ${arg(m, 'columns')} column (Swedish: ${arg(m, 'aliases')}); the header has: ${arg(m, 'found')}`,
    hint: 'Add the missing column to the header row, with its English or Swedish name (see `esf-report template`).',
  },
  COLUMN_DUPLICATE: {
    text: (m) =>
      `columns ${arg(m, 'otherPosition')} ("${arg(m, 'other')}") and ${arg(m, 'position')} ("${arg(m, 'header')}") both mean ${m.column}`,
    hint: 'Keep one of the two columns and delete the other.',
  },
  COLUMN_UNKNOWN: {
    text: (m) =>
      arg(m, 'header') === ''
        ? `column ${arg(m, 'position')} has no header; its values are ignored`
        : `column ${arg(m, 'position')} "${arg(m, 'header')}" is not part of the contract; it is ignored`,
    hint: 'Nothing needs to be done if the column is extra; if it was meant to be a known column, correct its header.',
  },
  QUOTE_NOT_CLOSED: {
    text: () => 'a quote (") opened on this line never closes; this record and everything after it could not be read',
    hint: 'Find the stray " on that line: close it, or remove it. Text fields with quotes must write them doubled ("").',
  },
  QUOTE_INVALID: {
    text: (m) => `${col(m)}field ${arg(m, 'position')} has text after its closing quote`,
    hint: 'A field that starts with a quote must end with one; write quotes inside a quoted field doubled ("").',
  },
  FIELD_COUNT: {
    text: (m) =>
      `the row has ${arg(m, 'found')} fields but the header has ${arg(m, 'expected')}; ${arg(m, 'extra')} non-empty value(s) beyond the last column`,
    hint: 'A value has probably slipped a column (an extra delimiter in a value?): quote values that contain the delimiter.',
  },
  VALUE_MISSING: {
    text: (m) => `${col(m)}a value is required but the cell is empty`,
    hint: 'Fill in the value; without it the participant cannot be counted.',
  },
  VALUE_INVALID: {
    text: (m) => `${col(m)}${q(m)} is not an accepted value; expected ${arg(m, 'expected')}`,
    hint: 'Use one of the accepted values (any case; `-`, space and `_` are alike).',
  },
  DATE_INVALID: {
    text: (m) =>
      arg(m, 'reason') === 'day'
        ? `${col(m)}${q(m)} is not a day of the calendar`
        : `${col(m)}${q(m)} is not a date in the form YYYY-MM-DD (or YYYYMMDD)`,
    hint: 'Write dates as YYYY-MM-DD, e.g. 2025-03-14; in Excel format the column as a date or as text.',
  },
  DATE_AFTER_TODAY: {
    text: (m) => `${col(m)}${q(m)} is after today (${arg(m, 'today')}): it has not happened yet`,
    hint: 'Check the date for a typing error (year or month); planned dates do not belong in the export.',
  },
  DATE_OUTSIDE_PROJECT: {
    text: (m) => `${col(m)}${q(m)} is outside the project period ${arg(m, 'start')} – ${arg(m, 'end')}`,
    hint: 'Check the date; participants can only enter and leave within the project period.',
  },
  ID_INVALID: {
    text: (m) => `${col(m)}${q(m)} is not a valid participant ID (1–64 letters, digits, - or _)`,
    hint: "Use the case system's pseudonymous participant ID, e.g. P-0042.",
  },
  ID_DUPLICATE: {
    text: (m) => `${col(m)}"${arg(m, 'id')}" already appears on line ${arg(m, 'firstLine')}`,
    hint: 'Each participant has one row; a person who re-enters keeps the first row and its first entry date.',
  },
  ID_IS_PERSONNUMMER: {
    text: (m) => `${col(m)}the participant ID on line ${m.line ?? ''} is a personnummer; IDs must be pseudonymous`,
    hint: 'Replace the ID by the pseudonymous participant ID; the personnummer belongs in the personnummer column only.',
  },
  PNR_INVALID: {
    text: (m) => {
      const reason: Record<string, string> = {
        format: 'is not 10 or 12 digits in the form YYMMDD-NNNN or YYYYMMDD-NNNN',
        date: 'does not contain a valid birth date',
        future: 'has a birth date after today',
        checksum: 'has a wrong check digit (last digit)',
      };
      return `${col(m)}the personnummer on line ${m.line ?? ''} ${reason[arg(m, 'reason')] ?? 'is not valid'}`;
    },
    hint: 'Check the personnummer against the source document; a typing error usually shows in the check digit.',
  },
  PNR_BIRTH_DATE_MISMATCH: {
    text: (m) => `${col(m)}the personnummer on line ${m.line ?? ''} does not agree with birth_date`,
    hint: 'Correct either the personnummer or the birth date; they must name the same day.',
  },
  PNR_GENDER_MISMATCH: {
    text: (m) =>
      `${col(m)}the gender digit of the personnummer on line ${m.line ?? ''} does not match gender "${arg(m, 'gender')}"`,
    hint: 'Legal and self-declared gender may differ; if this is a typing error, correct it. The row still counts.',
  },
  PNR_DUPLICATE: {
    text: (m) =>
      `${col(m)}the personnummer on line ${m.line ?? ''} is the same as that of participant "${arg(m, 'otherId')}"`,
    hint: 'One person has one participant ID: merge the rows, or correct the personnummer.',
  },
  EXIT_BEFORE_ENTRY: {
    text: (m) => `${col(m)}exit date ${arg(m, 'exit')} is before entry date ${arg(m, 'entry')}`,
    hint: 'Check both dates; one of them is probably mistyped.',
  },
  RESULT_DATE_BEFORE_ENTRY: {
    text: (m) => `${col(m)}${q(m)} is before entry date ${arg(m, 'entry')}`,
    hint: 'Only events after entry count as results; check the date.',
  },
  EXIT_ANSWER_WITHOUT_EXIT: {
    text: (m) => `${col(m)}an exit answer is given but exit_date is empty`,
    hint: 'Fill in exit_date for a participant who has left, or clear the exit answers for one who has not.',
  },
  EXIT_STATUS_MISSING: {
    text: (m) =>
      `${col(m)}the participant left on ${arg(m, 'exit')} (${arg(m, 'days')} days ago) but has no status upon leaving`,
    hint: 'Record the status within four weeks of leaving (employed, self_employed, education_training, job_searching, inactive, other).',
  },
  STATUS_6M_MISSING: {
    text: (m) => `${col(m)}the six-month follow-up (due ${arg(m, 'due')}) is not recorded`,
    hint: 'Contact the participant for the six-month follow-up; write "unknown" if they cannot be reached.',
  },
  UNEMPLOYMENT_MONTHS_TOO_HIGH: {
    text: (m) =>
      `${col(m)}${arg(m, 'found')} months is longer than possible since the 16th birthday (at most ${arg(m, 'max')})`,
    hint: 'Give the months of the current unemployment spell at entry, not days or weeks.',
  },
  UNEMPLOYMENT_MONTHS_IGNORED: {
    text: (m) => `${col(m)}${arg(m, 'found')} months given for someone who was ${arg(m, 'status')} at entry; ignored`,
    hint: 'Clear the value, or correct employment_status if the participant was in fact unemployed.',
  },
  IMPROVED_NOT_EMPLOYED: {
    text: (m) => `${col(m)}"yes" for someone ${arg(m, 'status')} at entry; only employed participants count (EECR06)`,
    hint: 'Improved situation applies to participants employed at entry; for others leave it empty.',
  },
  AGE_OUTSIDE_WORKING_AGE: {
    text: (m) => `${col(m)}age at entry is ${arg(m, 'age')}, outside working age 15–66`,
    hint: 'Check the birth date and entry date for typing errors.',
  },
  COHORT_INVALID: {
    text: (m) => `${col(m)}${q(m)} is not a cohort such as 2025-VT or 2024-HT`,
    hint: 'Write the cohort as YYYY-VT (spring) or YYYY-HT (autumn). It is informational only.',
  },
  COHORT_MISMATCH: {
    text: (m) => `${col(m)}cohort ${arg(m, 'cohort')} but entry on ${arg(m, 'entry')} falls in ${arg(m, 'expected')}`,
    hint: 'Check the cohort or the entry date. The cohort is informational only.',
  },
  AMOUNT_INVALID: {
    text: (m) =>
      arg(m, 'reason') === 'ambiguous'
        ? `${col(m)}${q(m)} is ambiguous: it could mean thousands or decimals`
        : `${col(m)}${q(m)} is not an amount in SEK with at most 2 decimals (e.g. 1 234,50)`,
    hint: 'Write amounts as 1234,50 or 1 234,50 (decimal comma) or 1234.50; never a thousands separator alone.',
  },
  CATEGORY_INVALID: {
    text: (m) => `${col(m)}${q(m)} is not an accepted value; expected ${arg(m, 'expected')}`,
    hint: 'Use one of the ledger categories in finance.md (English or Swedish names).',
  },
  CATEGORY_TYPE_MISMATCH: {
    text: (m) => `${col(m)}category ${q(m)} does not belong to type "${arg(m, 'type')}"`,
    hint: 'Cost categories go on cost rows, financing categories on financing rows.',
  },
  BOOKING_OUTSIDE_PROJECT: {
    text: (m) => `${col(m)}${q(m)} is outside the project period ${arg(m, 'start')} – ${arg(m, 'end')}`,
    hint: 'Only bookings inside the project period are eligible; check the date.',
  },
  REFERENCE_DUPLICATE: {
    text: (m) => `${col(m)}voucher ${q(m)} with the same date and amount is already on line ${arg(m, 'firstLine')}`,
    hint: 'Check whether the booking was entered twice.',
  },
  EU_SHARE_ABOVE_RATE: {
    text: (m) =>
      `EU financing ${sek(m, 'booked')} is above ${arg(m, 'rate')} of eligible cost (${sek(m, 'expected')}) ${quarter(m)}, by ${sek(m, 'difference')}`,
    hint: 'Check the EU financing bookings against the decided co-financing rate; a payment booked a quarter late evens out cumulatively.',
  },
  FLAT_RATE_MISMATCH: {
    text: (m) =>
      `booked flat rate ${sek(m, 'booked')} differs from ${arg(m, 'rate')} of staff costs (${sek(m, 'expected')}) ${quarter(m)}, by ${sek(m, 'difference')}`,
    hint: 'Book the flat rate as exactly the decided percentage of the accepted staff costs of the same quarter.',
  },
  IN_KIND_MISMATCH: {
    text: (m) =>
      `in-kind costs ${sek(m, 'costs')} differ from in-kind financing ${sek(m, 'financing')} ${quarter(m)}, by ${sek(m, 'difference')}`,
    hint: 'Every in-kind cost needs matching in-kind financing (public or private) in the same quarter.',
  },
  OTHER_DIRECT_WITH_FLAT_RATE: {
    text: (m) => `${col(m)}an other_direct cost in a project with a flat rate (it already covers other costs)`,
    hint: 'Remove the booking or move it to an eligible category; the flat rate covers all other direct costs.',
  },
  UNFUNDED: {
    text: (m) => `financing falls short of eligible cost ${quarter(m)} by ${sek(m, 'difference')}`,
    hint: 'Book the missing co-financing, or check for costs booked without their financing.',
  },
  BUDGET_EXCEEDED: {
    text: (m) => `${arg(m, 'category')}: cumulative cost ${sek(m, 'used')} is above the budget ${sek(m, 'planned')}`,
    hint: 'Ask for a budget change, or move costs within the budget rules.',
  },
  // attendance and participants' time (docs/time-reports.md)
  PARTICIPANT_UNKNOWN: {
    text: (m) => `${col(m)}${q(m)} is not a participant in ${arg(m, 'participants') || 'the participant file'}`,
    hint: 'Use the participant_id of the participant file exactly (same spelling); add the participant there first if they are new.',
  },
  DATE_OUTSIDE_PARTICIPATION: {
    text: (m) =>
      arg(m, 'reason') === 'before'
        ? `${col(m)}${q(m)} is before ${arg(m, 'participant')} started in the project (entry ${arg(m, 'entry')})`
        : `${col(m)}${q(m)} is after ${arg(m, 'participant')} left the project (${arg(m, 'exit') ? `exit ${arg(m, 'exit')}` : `project end ${arg(m, 'end')}`})`,
    hint: 'Only days inside the participation period (entry_date to exit_date) count: correct the date, or the entry or exit date in the participant file.',
  },
  HOURS_INVALID: {
    text: (m) =>
      arg(m, 'reason') === 'quarter'
        ? `${col(m)}${q(m)} is not in whole quarter hours (…,00 ,25 ,50 ,75)`
        : `${col(m)}${q(m)} is not a number of hours such as 7,5 or 7.5 (or 7:30)`,
    hint: 'Write hours with a decimal comma or point in quarter hours: 3, 3,25, 3,5, 3,75 (or 3:45).',
  },
  HOURS_OUT_OF_RANGE: {
    text: (m) => `${col(m)}${q(m)} hours: a day's time must be more than 0 and at most ${arg(m, 'max') || '13'} hours`,
    hint: 'Remove rows with no time; a day above 13 hours is a typing error (or two days on one row).',
  },
  ATTENDANCE_DUPLICATE: {
    text: (m) => `${arg(m, 'participant')} on ${arg(m, 'date')} is already on line ${arg(m, 'firstLine')}`,
    hint: 'One row per participant and day: add the hours of the two rows into one and delete the other.',
  },
  DAY_OFF: {
    text: (m) => `${col(m)}${q(m)} is ${arg(m, 'holidayEn') || 'a Saturday or Sunday'}; time on a day off is unusual`,
    hint: 'Check the date; if the participant really took part that day, nothing needs to be done.',
  },
  PARTICIPANT_TIME_IN_LEDGER: {
    text: (m) =>
      arg(m, 'reason') === 'described'
        ? `${col(m)}an in-kind booking (${arg(m, 'category')}, ${sek(m, 'amount')}) described as participants' time ("${arg(m, 'found')}") while participants' time is added from the attendance file`
        : `${col(m)}an in-kind booking (${arg(m, 'category')}, ${sek(m, 'amount')}) equals the participants' time of ${arg(m, 'scope')} from the attendance file (${sek(m, 'value')})`,
    hint: "Participants' time is counted once: either from the attendance file (--attendance) or booked in the ledger, never both. Remove the booking, or run without --attendance.",
  },
  SCB_PNR_MISSING: {
    text: (m) => `${col(m)}no valid personnummer for ${arg(m, 'month')}'s SCB list, and no protected identity: SCB cannot identify this participant`,
    hint: 'Add the personnummer (or samordningsnummer) to the export, or mark a protected identity in protected_identity; then make the month\'s list again.',
  },
  SCB_PROTECTED_CODE_UNKNOWN: {
    text: (m) =>
      `${col(m)}protected identity in ${arg(m, 'month')}'s SCB list, but SCB's code needs a legal gender (woman or man) and the export gives ${arg(m, 'gender')} with no personnummer`,
    hint: 'Ask SCB which code to write for this participant and type it into the SCB template by hand; the list leaves the cell empty.',
  },
};
