import { FILE_LEVEL_CODES, FINDING_CODES, type FindingCode } from '../../src/findings/codes.js';
import { CATALOGUES } from '../../src/findings/render.js';
import { GENERATED_NOTE } from './markdown.js';

/** What each code means, for the page (the fix comes from the message catalogue). A new code without a line here does not compile. */
const MEANINGS: { readonly [C in FindingCode]: string } = {
  FILE_UNREADABLE: 'The file cannot be opened or read: it does not exist, is a folder, is not readable, or is an old .xls or a damaged workbook.',
  FILE_EMPTY: 'The file has no bytes, only a byte-order mark, or no header row.',
  ENCODING_INVALID: 'The bytes do not decode as text in the encoding given with `--encoding` (or detected), or the file is binary.',
  COLUMN_MISSING: 'The header has no column for a field every row needs (participant_id, gender, entry_date, employment_status, isced, and birth_date or personnummer). The file cannot be used.',
  COLUMN_DUPLICATE: 'Two header cells mean the same column (for example `startdatum` and `entry_date`). The file cannot be used.',
  COLUMN_UNKNOWN: 'A header the tool does not know; its values are ignored. Often a typing mistake in a column name.',
  QUOTE_NOT_CLOSED: 'A field opened with `"` never closes, so the rest of the file would be one field.',
  QUOTE_INVALID: 'A `"` inside a field that is not doubled (`""`), or text after a closing quote.',
  RECORD_TOO_LONG: 'One record (a row, or an open quoted field running on) is longer than 1 MiB (1,048,576 characters): no real export has such a row, so the file is refused before it can exhaust memory.',
  FIELD_COUNT: 'A row has non-empty fields beyond the header\'s columns, usually a delimiter inside an unquoted value.',
  VALUE_MISSING: 'A value every row needs is empty.',
  VALUE_INVALID: 'A value is not one of the accepted forms of its column ([the participant file](participant-file.md) lists them).',
  DATE_INVALID: 'Not a date in an accepted form (YYYY-MM-DD or YYYYMMDD), or a day the calendar does not have.',
  DATE_AFTER_TODAY: 'A date that has not happened yet (after today, or after `--as-of`).',
  DATE_OUTSIDE_PROJECT: 'An entry or exit date outside the project period of the profile.',
  ID_INVALID: 'participant_id is not 1–64 letters, digits, `-` and `_`.',
  ID_DUPLICATE: 'The same participant_id on an earlier row.',
  ID_IS_PERSONNUMMER: 'participant_id is a valid personnummer. The ID names the participant in every output, so it must be a pseudonym.',
  PNR_INVALID: 'The personnummer is malformed, has an impossible or future date, or a wrong check digit. It is never printed.',
  PNR_BIRTH_DATE_MISMATCH: 'The personnummer and birth_date give different dates of birth.',
  PNR_GENDER_MISMATCH: 'The personnummer\'s gender digit and the gender column disagree (a warning: gender is what the participant states).',
  PNR_DUPLICATE: 'The same personnummer under a different participant_id on an earlier row: one person entered twice.',
  EXIT_BEFORE_ENTRY: 'exit_date is before entry_date.',
  RESULT_DATE_BEFORE_ENTRY: 'A work training, studies or employment start is before the participant entered.',
  EXIT_ANSWER_WITHOUT_EXIT: 'An answer given at exit (exit_status, qualification, six-month status, survey) on a row with no exit_date.',
  EXIT_STATUS_MISSING: 'No exit_status 28 days or more after the exit date: the result indicators EECR01–EECR04 need it.',
  STATUS_6M_MISSING: 'No status_6m six months or more after the exit date: the six-month follow-up (EECR05, EECR06) is due.',
  UNEMPLOYMENT_MONTHS_TOO_HIGH: 'More months of unemployment than there have been months since the participant\'s 16th birthday.',
  UNEMPLOYMENT_MONTHS_IGNORED: 'unemployment_months given for a participant who was not unemployed at entry; it is not used.',
  IMPROVED_NOT_EMPLOYED: 'improved_situation_6m is yes for a participant not employed at entry; EECR06 only counts the employed, so it cannot count.',
  AGE_OUTSIDE_WORKING_AGE: 'The age at entry is below 15 or above 66: often a mistyped birth date.',
  COHORT_INVALID: 'The cohort is not of the form 2025-VT or 2024-HT.',
  COHORT_MISMATCH: 'The entry date lies outside the cohort\'s half-year (VT January–June, HT July–December).',
  AMOUNT_INVALID: 'A ledger amount is not a number in a Swedish form (`1 234,50`, `-500`); `1.234` and `1,234` are ambiguous and rejected.',
  CATEGORY_INVALID: 'A ledger category that is not one of the [finance categories](finance.md#categories).',
  CATEGORY_TYPE_MISMATCH: 'A cost category on a financing row, or a financing source on a cost row.',
  BOOKING_OUTSIDE_PROJECT: 'A booking dated outside the project period.',
  REFERENCE_DUPLICATE: 'The same verification number (verifikation) on two bookings: possibly booked twice.',
  EU_SHARE_ABOVE_RATE: 'More EU financing booked than the decided EU rate of the eligible cost (a warning in one quarter, an error cumulatively).',
  FLAT_RATE_MISMATCH: 'The booked flat rate (schablon) is not the decided rate of the same quarter\'s staff costs (1 SEK tolerance).',
  IN_KIND_MISMATCH: 'In-kind costs (bidrag i annat än pengar) and in-kind financing differ in a quarter.',
  OTHER_DIRECT_WITH_FLAT_RATE: 'Other direct costs booked in a project with a flat rate, which covers them.',
  UNFUNDED: 'The eligible cost of a quarter is not covered by the financing booked.',
  BUDGET_EXCEEDED: 'A category\'s cumulative cost is above its budget (`--budget`).',
  PARTICIPANT_UNKNOWN: 'A row of the attendance file (`time`, `--attendance`) names a participant_id that is not in the participant file.',
  DATE_OUTSIDE_PARTICIPATION: 'Attendance dated before the participant entered the project or after they left it (or after the project end).',
  HOURS_INVALID: 'The hours of an attendance row are not a number of hours such as 7,5 (or 7:30), or not in whole quarter hours.',
  HOURS_OUT_OF_RANGE: 'A day\'s hours are 0 or less, or more than a day can hold (13 hours).',
  ATTENDANCE_DUPLICATE: 'The same participant on the same day on two rows of the attendance file.',
  DAY_OFF: 'Attendance on a Saturday, a Sunday or a public holiday: unusual, worth a check.',
  PARTICIPANT_TIME_IN_LEDGER: 'Participants\' time is counted twice: added from the attendance file and also booked as an in-kind cost in the ledger.',
  SCB_PNR_MISSING: 'A participant on a month\'s SCB participant list (`esf-report month`) has no valid personnummer and no protected identity, so SCB cannot identify them.',
  SCB_PROTECTED_CODE_UNKNOWN: 'A participant with a protected identity on a month\'s SCB list whose SCB code cannot be made: it needs a legal gender (woman or man) when there is no personnummer.',
};

const GROUPS: readonly { readonly title: string; readonly codes: readonly FindingCode[] }[] = [
  { title: 'The file as a whole', codes: ['FILE_UNREADABLE', 'FILE_EMPTY', 'ENCODING_INVALID', 'COLUMN_MISSING', 'COLUMN_DUPLICATE', 'COLUMN_UNKNOWN'] },
  { title: 'Rows and quoting', codes: ['QUOTE_NOT_CLOSED', 'QUOTE_INVALID', 'FIELD_COUNT', 'RECORD_TOO_LONG'] },
  { title: 'Values', codes: ['VALUE_MISSING', 'VALUE_INVALID', 'DATE_INVALID', 'DATE_AFTER_TODAY', 'DATE_OUTSIDE_PROJECT'] },
  {
    title: 'Participants',
    codes: ['ID_INVALID', 'ID_DUPLICATE', 'ID_IS_PERSONNUMMER', 'PNR_INVALID', 'PNR_BIRTH_DATE_MISMATCH', 'PNR_GENDER_MISMATCH', 'PNR_DUPLICATE', 'EXIT_BEFORE_ENTRY', 'RESULT_DATE_BEFORE_ENTRY', 'EXIT_ANSWER_WITHOUT_EXIT', 'EXIT_STATUS_MISSING', 'STATUS_6M_MISSING', 'UNEMPLOYMENT_MONTHS_TOO_HIGH', 'UNEMPLOYMENT_MONTHS_IGNORED', 'IMPROVED_NOT_EMPLOYED', 'AGE_OUTSIDE_WORKING_AGE', 'COHORT_INVALID', 'COHORT_MISMATCH'],
  },
  { title: 'The co-financing ledger', codes: ['AMOUNT_INVALID', 'CATEGORY_INVALID', 'CATEGORY_TYPE_MISMATCH', 'BOOKING_OUTSIDE_PROJECT', 'REFERENCE_DUPLICATE'] },
  { title: 'The finance checks', codes: ['EU_SHARE_ABOVE_RATE', 'FLAT_RATE_MISMATCH', 'IN_KIND_MISMATCH', 'OTHER_DIRECT_WITH_FLAT_RATE', 'UNFUNDED', 'BUDGET_EXCEEDED'] },
  {
    title: 'Participants\' time (attendance)',
    codes: ['PARTICIPANT_UNKNOWN', 'DATE_OUTSIDE_PARTICIPATION', 'HOURS_INVALID', 'HOURS_OUT_OF_RANGE', 'ATTENDANCE_DUPLICATE', 'DAY_OFF', 'PARTICIPANT_TIME_IN_LEDGER'],
  },
  { title: 'The monthly SCB list', codes: ['SCB_PNR_MISSING', 'SCB_PROTECTED_CODE_UNKNOWN'] },
];

/** The groups, for the test that every code is on the page once. */
export const FINDING_GROUPS = GROUPS;

/** `docs/findings.md`: every finding code, what it means and how to fix it (the hints the terminal shows). */
export function findingsPage(): string {
  const L: string[] = [];
  L.push('# Finding codes (felkoder)', '', GENERATED_NOTE, '');
  L.push(
    'Every problem esf-report finds has a stable code, a severity, the file, the line (the header is',
    'line 1; in a workbook the Excel row) and the column. **Errors** leave the row out of every figure',
    '(exit code 1); an error about the whole file makes the file unusable (exit code 2). **Warnings**',
    'change no figure (exit 0, or 1 with `--strict`). The text output prints the fix under each code',
    'with a link to its heading here; `--lang sv` prints it in Swedish.',
    '',
  );
  for (const g of GROUPS) {
    L.push(`## ${g.title}`, '');
    for (const code of g.codes) {
      const severity = FINDING_CODES[code];
      const level = FILE_LEVEL_CODES.has(code) ? 'error: the file cannot be used (exit 2)' : severity === 'error' ? 'error: the row counts in no figure' : 'warning';
      L.push(`### ${code}`, '');
      L.push(`*${level}*`, '');
      L.push(MEANINGS[code], '');
      L.push(`**How to fix:** ${CATALOGUES.en[code].hint}`, '');
      L.push(`**Åtgärd:** ${CATALOGUES.sv[code].hint}`, '');
    }
  }
  return L.join('\n');
}
