import type { Lang } from '../findings/catalogue.js';
import type { ParticipantColumn } from '../participants/columns.js';
import {
  ENTRY_STATUS_VOCAB,
  EXIT_STATUS_VOCAB,
  GENDER_VOCAB,
  SENSITIVE_VOCAB,
  STATUS_6M_VOCAB,
  SURVEY_VOCAB,
  YES_NO_VOCAB,
  type Vocabulary,
} from '../participants/values.js';

/**
 * The dropdown lists of the input template. Each lists, per language, one spelling of every
 * canonical value of a vocabulary the validator uses: Swedish words for the Swedish template (not
 * the first accepted form, which for `man` is `m`), the canonical English values for the English
 * one. Every listed spelling must be one the validator accepts (a unit test feeds each one through
 * `parseEnum`), so a value picked from a dropdown can never be an error.
 */
interface ListSpec<T extends string> {
  readonly vocab: Vocabulary<T>;
  readonly labels: Readonly<Record<Lang, Readonly<Record<T, string>>>>;
}

function list<T extends string>(vocab: Vocabulary<T>, sv: Readonly<Record<T, string>>): ListSpec<T> {
  const en = Object.fromEntries(vocab.values.map((v): [T, string] => [v, v])) as Record<T, string>;
  return { vocab, labels: { sv, en } };
}

const YES_NO_SV = { yes: 'ja', no: 'nej' } as const;
const EXIT_SV = {
  employed: 'anställd',
  self_employed: 'egen företagare',
  education_training: 'studier',
  job_searching: 'arbetssökande',
  inactive: 'inaktiv',
  other: 'annat',
} as const;

const ENUM_LISTS = {
  gender: list(GENDER_VOCAB, { woman: 'kvinna', man: 'man', non_binary: 'icke-binär' }),
  employment_status: list(ENTRY_STATUS_VOCAB, { unemployed: 'arbetslös', inactive: 'inaktiv', employed: 'sysselsatt' }),
  sensitive: list(SENSITIVE_VOCAB, { ...YES_NO_SV, declined: 'vill ej uppge', unknown: 'okänt' }),
  exit_status: list(EXIT_STATUS_VOCAB, EXIT_SV),
  yes_no: list(YES_NO_VOCAB, YES_NO_SV),
  status_6m: list(STATUS_6M_VOCAB, { ...EXIT_SV, unknown: 'okänt' }),
  survey: list(SURVEY_VOCAB, { ...YES_NO_SV, unknown: 'okänt' }),
};

/** ISCED 2011 levels, written as numbers so that a level typed by hand matches the list in Excel. */
export const ISCED_LEVELS = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;

/** The lists, in the order of their columns on the hidden list sheet. */
export const TEMPLATE_LIST_IDS = [
  'gender',
  'employment_status',
  'isced',
  'sensitive',
  'exit_status',
  'yes_no',
  'status_6m',
  'survey',
] as const;
export type TemplateListId = (typeof TEMPLATE_LIST_IDS)[number];

/** The dropdown list of each enumerated participant column. */
export const COLUMN_LISTS = {
  protected_identity: 'yes_no',
  gender: 'gender',
  employment_status: 'employment_status',
  isced: 'isced',
  disability: 'sensitive',
  third_country_national: 'sensitive',
  foreign_background: 'sensitive',
  minority: 'sensitive',
  homeless: 'sensitive',
  rural: 'sensitive',
  exit_status: 'exit_status',
  qualification_gained: 'yes_no',
  status_6m: 'status_6m',
  improved_situation_6m: 'yes_no',
  network_expanded: 'survey',
  competence_improved: 'survey',
  understanding_improved: 'survey',
} as const satisfies Partial<Record<ParticipantColumn, TemplateListId>>;

/** The list of a column, or undefined for a column without a dropdown. */
export function columnList(column: ParticipantColumn): TemplateListId | undefined {
  return (COLUMN_LISTS as Partial<Record<ParticipantColumn, TemplateListId>>)[column];
}

/** The values of a list in the template's language, in the vocabulary's order. */
export function listValues(id: TemplateListId, lang: Lang): readonly (string | number)[] {
  if (id === 'isced') return ISCED_LEVELS;
  const spec: ListSpec<string> = ENUM_LISTS[id];
  return spec.vocab.values.map((v) => spec.labels[lang][v]!);
}

/** The vocabulary the validator reads a list's column with (undefined for ISCED, a number 0–8). */
export function listVocabulary(id: TemplateListId): Vocabulary<string> | undefined {
  return id === 'isced' ? undefined : ENUM_LISTS[id].vocab;
}
