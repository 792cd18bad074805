import * as z from 'zod';
import { normalizeToken } from '../read/header.js';
import { PARTICIPANT_COLUMNS, type ParticipantColumn } from './columns.js';
import {
  ENTRY_STATUS_VOCAB,
  EXIT_STATUS_VOCAB,
  GENDER_VOCAB,
  SENSITIVE_VOCAB,
  STATUS_6M_VOCAB,
  SURVEY_VOCAB,
  YES_NO_VOCAB,
  type Vocabulary,
} from './values.js';

/**
 * The participant row as other tools see it: one object per row, canonical column names, values
 * as the export writes them. Built from the same column table and vocabularies the validator uses,
 * so the JSON Schema (`esf-report schema`) cannot drift from the rules. The validator itself does
 * more (dates that exist, check digits, cross-row rules); JSON Schema cannot express those.
 */

/** Every spelling a vocabulary accepts, as typed and in normalised form (`egen företagare`, `egen_företagare`). */
function spellings<T extends string>(vocab: Vocabulary<T>): string[] {
  const all = new Set<string>();
  for (const v of vocab.values) {
    for (const form of [v, ...vocab.forms[v]]) {
      all.add(form);
      all.add(normalizeToken(form));
    }
  }
  return [...all];
}

const DATE_PATTERN = '^\\d{4}-?\\d{2}-?\\d{2}([ T]00:00(:00)?)?$';
const empty = z.literal('');

function enumColumn<T extends string>(vocab: Vocabulary<T>, description: string, required: boolean) {
  const values = z.enum(spellings(vocab) as [string, ...string[]]);
  return (required ? values : values.or(empty)).describe(
    `${description} Matching ignores case, and treats -, space and _ alike. Canonical values: ${vocab.values.join(', ')}.`,
  );
}

const date = (description: string, required: boolean) => {
  const d = z.string().regex(new RegExp(DATE_PATTERN));
  return (required ? d : d.or(empty)).describe(`${description} Date YYYY-MM-DD (also YYYYMMDD, or with a zero time).`);
};

const sensitive = (what: string) => enumColumn(SENSITIVE_VOCAB, `${what} (sensitive; may be declined; empty = unknown).`, false);
const survey = (what: string) => enumColumn(SURVEY_VOCAB, `${what} (exit survey).`, false);

const COLUMN_SCHEMAS = {
  participant_id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .describe('Pseudonymous participant ID, unique in the file; never a personnummer.'),
  personnummer: z
    .string()
    .regex(/^(\d{2})?\d{6}[-+]?\d{4}$/)
    .or(empty)
    .describe('Personnummer or samordningsnummer, 10 or 12 digits; never appears in any output.'),
  protected_identity: enumColumn(
    YES_NO_VOCAB,
    'Protected identity (skyddade personuppgifter): SCB\'s monthly list gets SCB\'s code in place of the personnummer.',
    false,
  ),
  gender: enumColumn(GENDER_VOCAB, 'Gender.', true),
  birth_date: date('Birth date; may be empty when personnummer is given.', false),
  entry_date: date('Entry date, within the project period.', true),
  exit_date: date('Exit date, on or after entry.', false),
  cohort: z.string().describe('Cohort such as 2025-VT or 2024-HT (informational).'),
  employment_status: enumColumn(ENTRY_STATUS_VOCAB, 'Labour-market status at entry.', true),
  unemployment_months: z
    .string()
    .regex(/^\d{1,3}$/)
    .or(empty)
    .describe('Whole months of continuous unemployment at entry (required when unemployed), 0–600.'),
  isced: z.string().regex(/^[0-8]$/).describe('Highest completed ISCED 2011 level at entry, 0–8.'),
  disability: sensitive('Participant with disabilities'),
  third_country_national: sensitive('Third-country national'),
  foreign_background: sensitive('Foreign background'),
  minority: sensitive('Minority'),
  homeless: sensitive('Homeless or affected by housing exclusion'),
  rural: sensitive('From a rural area'),
  exit_status: enumColumn(EXIT_STATUS_VOCAB, 'Status within four weeks of leaving.', false),
  qualification_gained: enumColumn(YES_NO_VOCAB, 'Qualification gained upon leaving.', false),
  status_6m: enumColumn(STATUS_6M_VOCAB, 'Status six months after leaving.', false),
  improved_situation_6m: enumColumn(YES_NO_VOCAB, 'Improved labour-market situation six months after leaving (employed at entry only).', false),
  work_training_start: date('Start of practical work training.', false),
  studies_start: date('Start of studies.', false),
  employment_start: date('Start of employment.', false),
  network_expanded: survey('Professional network widened'),
  competence_improved: survey('Labour-market competence improved'),
  understanding_improved: survey('Understanding of Swedish society and the labour market improved'),
} satisfies Record<ParticipantColumn, z.ZodType>;

/** One participant row, canonical names; unknown columns are allowed (the validator warns about them). */
export const ParticipantRowSchema = z
  .object(
    Object.fromEntries(
      PARTICIPANT_COLUMNS.map((c) => {
        const schema = COLUMN_SCHEMAS[c.name];
        const required = ['participant_id', 'gender', 'entry_date', 'employment_status', 'isced'].includes(c.name);
        return [c.name, (required ? schema : schema.optional()).meta({ title: c.name, 'x-swedish-header': c.aliases[0] })];
      }),
    ) as unknown as { [K in ParticipantColumn]: z.ZodType },
  )
  .loose()
  .refine((row) => Boolean(row.birth_date || row.personnummer), { message: 'birth_date or personnummer is required' })
  .meta({ title: 'esf-report participant row', anyOf: [{ required: ['birth_date'] }, { required: ['personnummer'] }] })
  .describe(
    'esf-report participant export: one row per participant (participants.md). Values are as the export writes them; the validator also checks that dates exist, check digits, the project period and cross-row rules.',
  );
