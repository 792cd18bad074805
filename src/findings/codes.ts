/** Every finding code the tool can report, with its severity. Codes are stable: CI users rely on them. */
export const FINDING_CODES = {
  // file level (participants and ledger)
  FILE_UNREADABLE: 'error',
  FILE_EMPTY: 'error',
  ENCODING_INVALID: 'error',
  COLUMN_MISSING: 'error',
  COLUMN_DUPLICATE: 'error',
  COLUMN_UNKNOWN: 'warning',
  RECORD_TOO_LONG: 'error',
  // record structure
  QUOTE_NOT_CLOSED: 'error',
  QUOTE_INVALID: 'error',
  FIELD_COUNT: 'error',
  // values
  VALUE_MISSING: 'error',
  VALUE_INVALID: 'error',
  DATE_INVALID: 'error',
  DATE_AFTER_TODAY: 'error',
  DATE_OUTSIDE_PROJECT: 'error',
  // participant rules
  ID_INVALID: 'error',
  ID_DUPLICATE: 'error',
  ID_IS_PERSONNUMMER: 'error',
  PNR_INVALID: 'error',
  PNR_BIRTH_DATE_MISMATCH: 'error',
  PNR_GENDER_MISMATCH: 'warning',
  PNR_DUPLICATE: 'error',
  EXIT_BEFORE_ENTRY: 'error',
  RESULT_DATE_BEFORE_ENTRY: 'error',
  EXIT_ANSWER_WITHOUT_EXIT: 'error',
  EXIT_STATUS_MISSING: 'error',
  STATUS_6M_MISSING: 'warning',
  UNEMPLOYMENT_MONTHS_TOO_HIGH: 'error',
  UNEMPLOYMENT_MONTHS_IGNORED: 'warning',
  IMPROVED_NOT_EMPLOYED: 'warning',
  AGE_OUTSIDE_WORKING_AGE: 'warning',
  COHORT_INVALID: 'warning',
  COHORT_MISMATCH: 'warning',
  // ledger (finance.md)
  AMOUNT_INVALID: 'error',
  CATEGORY_INVALID: 'error',
  CATEGORY_TYPE_MISMATCH: 'error',
  BOOKING_OUTSIDE_PROJECT: 'error',
  REFERENCE_DUPLICATE: 'warning',
  EU_SHARE_ABOVE_RATE: 'error',
  FLAT_RATE_MISMATCH: 'error',
  IN_KIND_MISMATCH: 'error',
  OTHER_DIRECT_WITH_FLAT_RATE: 'error',
  UNFUNDED: 'error',
  BUDGET_EXCEEDED: 'warning',
  // attendance and participants' time (docs/time-reports.md)
  PARTICIPANT_UNKNOWN: 'error',
  DATE_OUTSIDE_PARTICIPATION: 'error',
  HOURS_INVALID: 'error',
  HOURS_OUT_OF_RANGE: 'error',
  ATTENDANCE_DUPLICATE: 'error',
  DAY_OFF: 'warning',
  PARTICIPANT_TIME_IN_LEDGER: 'error',
  // SCB's monthly participant list (esf-report month)
  SCB_PNR_MISSING: 'warning',
  SCB_PROTECTED_CODE_UNKNOWN: 'warning',
} as const satisfies Record<string, Severity>;

export type Severity = 'error' | 'warning';
export type FindingCode = keyof typeof FINDING_CODES;
export const ALL_FINDING_CODES = Object.keys(FINDING_CODES) as FindingCode[];

/** Codes whose finding concerns the whole file; such an error makes the file unusable (exit 2). */
export const FILE_LEVEL_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'FILE_UNREADABLE',
  'FILE_EMPTY',
  'ENCODING_INVALID',
  'COLUMN_MISSING',
  'COLUMN_DUPLICATE',
  'RECORD_TOO_LONG',
]);
