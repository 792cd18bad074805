import type { IsoDate } from '../core/dates.js';
import { normalizeToken } from '../read/header.js';

export const GENDERS = ['woman', 'man', 'non_binary'] as const;
export type Gender = (typeof GENDERS)[number];
export const ENTRY_STATUSES = ['unemployed', 'inactive', 'employed'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
export const EXIT_STATUSES = ['employed', 'self_employed', 'education_training', 'job_searching', 'inactive', 'other'] as const;
export type ExitStatus = (typeof EXIT_STATUSES)[number];
export const STATUSES_6M = [...EXIT_STATUSES, 'unknown'] as const;
export type Status6m = (typeof STATUSES_6M)[number];
export const SENSITIVE_ANSWERS = ['yes', 'no', 'declined', 'unknown'] as const;
export type SensitiveAnswer = (typeof SENSITIVE_ANSWERS)[number];
export const SURVEY_ANSWERS = ['yes', 'no', 'unknown'] as const;
export type SurveyAnswer = (typeof SURVEY_ANSWERS)[number];

/** An enumeration: canonical values with the spellings accepted for each (matched like headers). */
export interface Vocabulary<T extends string> {
  readonly values: readonly T[];
  /** Spellings by canonical value, canonical first; shown to the user as the allowed forms. */
  readonly forms: Readonly<Record<T, readonly string[]>>;
  readonly lookup: ReadonlyMap<string, T>;
  /**
   * The accepted spellings met so far, with what each means, the canonical values first. An
   * export repeats a handful of spellings a million times: comparing a field with these few
   * strings is several times faster than hashing it for `lookup`.
   */
  readonly seen: string[];
  readonly seenValue: T[];
}

/** How many distinct spellings of one vocabulary `parseEnum` remembers. */
const SEEN_LIMIT = 16;

function vocabulary<T extends string>(forms: Record<T, readonly string[]>): Vocabulary<T> {
  const lookup = new Map<string, T>();
  const values = Object.keys(forms) as T[];
  for (const v of values) {
    lookup.set(normalizeToken(v), v);
    for (const f of forms[v]) lookup.set(normalizeToken(f), v);
  }
  const seen = values.filter((v) => lookup.get(v) === v);
  return { values, forms, lookup, seen, seenValue: seen.slice() };
}

export const GENDER_VOCAB = vocabulary<Gender>({
  woman: ['kvinna', 'k', 'female', 'f'],
  man: ['m', 'male'],
  non_binary: ['icke-binär', 'ickebinär', 'x', 'non-binary'],
});

export const ENTRY_STATUS_VOCAB = vocabulary<EntryStatus>({
  unemployed: ['arbetslös'],
  inactive: ['inaktiv', 'utanför arbetskraften'],
  employed: ['sysselsatt', 'self-employed', 'egen företagare'],
});

const EXIT_FORMS = {
  employed: ['anställd'],
  self_employed: ['egen företagare', 'egenföretagare'],
  education_training: ['studier', 'utbildning'],
  job_searching: ['arbetssökande'],
  inactive: ['inaktiv'],
  other: ['annat'],
} as const;

export const EXIT_STATUS_VOCAB = vocabulary<ExitStatus>(EXIT_FORMS);
export const STATUS_6M_VOCAB = vocabulary<Status6m>({ ...EXIT_FORMS, unknown: ['okänt'] });

const YES = ['ja', '1', 'true', 'j', 'y', 'sant'];
const NO = ['nej', '0', 'false', 'n', 'falskt'];

export const YES_NO_VOCAB = vocabulary<'yes' | 'no'>({ yes: YES, no: NO });
export const SENSITIVE_VOCAB = vocabulary<SensitiveAnswer>({
  yes: YES,
  no: NO,
  declined: ['vill ej uppge', 'avböjt', 'avböjer'],
  unknown: ['okänt'],
});
export const SURVEY_VOCAB = vocabulary<SurveyAnswer>({ yes: YES, no: NO, unknown: ['okänt', 'vet ej'] });

/** Looks a value up in a vocabulary; undefined when it is none of the accepted forms. */
export function parseEnum<T extends string>(vocab: Vocabulary<T>, value: string): T | undefined {
  const { seen } = vocab;
  for (let i = 0; i < seen.length; i++) if (seen[i] === value) return vocab.seenValue[i];
  const parsed = vocab.lookup.get(value) ?? vocab.lookup.get(normalizeToken(value));
  if (parsed !== undefined && seen.length < SEEN_LIMIT) {
    // only accepted spellings, so that a file's wrong values cannot fill the list for good (it lives
    // as long as the process: the web page's worker reads file after file); a copy of its own, as
    // the field may be a slice that keeps a whole chunk of the file alive
    seen.push(flatCopy(value));
    vocab.seenValue.push(parsed);
  }
  return parsed;
}

/** A string in memory of its own, not a slice of a larger one. */
function flatCopy(text: string): string {
  return (' ' + text).slice(1);
}

/** The accepted forms as one line, for messages: `woman (kvinna, k, female, f), man (m, male), …`. */
export function describeForms<T extends string>(vocab: Vocabulary<T>): string {
  return vocab.values.map((v) => (vocab.forms[v].length ? `${v} (${vocab.forms[v].join(', ')})` : v)).join('; ');
}

/** Parses a whole number written with digits only (no sign, no decimals); undefined otherwise. */
export function parseWholeNumber(value: string): number | undefined {
  if (!/^\d{1,9}$/.test(value)) return undefined;
  return Number(value);
}

export interface Cohort {
  readonly year: number;
  readonly half: 'VT' | 'HT';
}

/** `2025-VT`, `VT2025`, `HT 2024`, `ht-2024`: any case, any separator. */
const cohortCache = new Map<string, Cohort | undefined>();

export function parseCohort(value: string): Cohort | undefined {
  if (cohortCache.has(value)) return cohortCache.get(value);
  const cohort = parseCohortText(value);
  if (cohortCache.size < 1000) cohortCache.set(value, cohort);
  return cohort;
}

function parseCohortText(value: string): Cohort | undefined {
  const v = value.toUpperCase().replace(/[-\s_]+/g, '');
  const m = /^(\d{4})(VT|HT)$/.exec(v) ?? /^(VT|HT)(\d{4})$/.exec(v);
  if (!m) return undefined;
  const yearText = /^\d/.test(m[1]!) ? m[1]! : m[2]!;
  const half = (/^\d/.test(m[1]!) ? m[2] : m[1]) as 'VT' | 'HT';
  return { year: Number(yearText), half };
}

export function cohortLabel(c: Cohort): string {
  return `${c.year}-${c.half}`;
}

/** The cohort (half-year) a date falls in: VT = January–June, HT = July–December. */
export function cohortOf(date: IsoDate): Cohort {
  return { year: Number(date.slice(0, 4)), half: Number(date.slice(5, 7)) <= 6 ? 'VT' : 'HT' };
}
