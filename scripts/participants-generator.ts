/**
 * Deterministic generator of synthetic participant exports (participants.md) for 23-073-S10.
 *
 * Pure: no clock, no Math.random, no I/O. The same options always yield the same rows, one at a
 * time, so a million rows stream in constant memory. Every personnummer is synthetic: the
 * individual number (NNN) is always 980–999, a range the generator alone uses.
 */

/** The 26 canonical columns, in the order of the table in participants.md. */
export const CANONICAL_COLUMNS = [
  'participant_id',
  'personnummer',
  'gender',
  'birth_date',
  'entry_date',
  'exit_date',
  'cohort',
  'employment_status',
  'unemployment_months',
  'isced',
  'disability',
  'third_country_national',
  'foreign_background',
  'minority',
  'homeless',
  'rural',
  'exit_status',
  'qualification_gained',
  'status_6m',
  'improved_situation_6m',
  'work_training_start',
  'studies_start',
  'employment_start',
  'network_expanded',
  'competence_improved',
  'understanding_improved',
] as const;

export type CanonicalColumn = (typeof CANONICAL_COLUMNS)[number];
export type ParticipantRow = Record<CanonicalColumn, string>;

/** The Swedish alias of each canonical column, exactly as in participants.md, same order. */
export const SWEDISH_COLUMNS = [
  'deltagar_id',
  'personnummer',
  'kön',
  'födelsedatum',
  'startdatum',
  'slutdatum',
  'kohort',
  'arbetsmarknadsstatus',
  'arbetslös_månader',
  'utbildningsnivå',
  'funktionsnedsättning',
  'tredjelandsmedborgare',
  'utländsk_bakgrund',
  'minoritet',
  'hemlös',
  'landsbygd',
  'status_vid_avslut',
  'kvalifikation',
  'status_6_mån',
  'förbättrad_situation_6_mån',
  'praktik_start',
  'studier_start',
  'anställning_start',
  'utökat_nätverk',
  'ökad_kompetens',
  'ökad_förståelse',
] as const satisfies { length: (typeof CANONICAL_COLUMNS)['length'] };

/** Project period of 23-073-S10 (domain.md). */
export const PROJECT_START = '2024-08-01';
export const PROJECT_END = '2027-07-31';

/** Up to this many rows the generator builds realistic 12-week cohorts; above, entries are spread. */
export const COHORT_MODE_MAX_COUNT = 2000;

export interface GeneratorOptions {
  /** Number of rows. */
  count: number;
  /** PRNG seed (any integer). */
  seed: number;
  /** The day the export was taken (YYYY-MM-DD); no date in the data is after it. */
  exportDate: string;
}

// ---------------------------------------------------------------------------------------------
// Seeded PRNG

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Picks a value by relative weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of choices) total += w;
    let r = this.next() * total;
    for (const [value, w] of choices) {
      r -= w;
      if (r < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }
}

// ---------------------------------------------------------------------------------------------
// Calendar dates as day numbers (days since 1970-01-01), free of time zones

interface Ymd {
  y: number;
  m: number; // 1–12
  d: number;
}

const MS_PER_DAY = 86_400_000;

function dayOf(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

function ymdOf(day: number): Ymd {
  const dt = new Date(day * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** YYYY-MM-DD of a day number. */
export function isoOf(day: number): string {
  const { y, m, d } = ymdOf(day);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** Day number of a YYYY-MM-DD string; throws on anything else (generator input only). */
export function parseIso(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`expected a date YYYY-MM-DD, got "${iso}"`);
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  const day = dayOf(y, m, d);
  const back = ymdOf(day);
  if (back.y !== y || back.m !== m || back.d !== d) throw new Error(`no such day: "${iso}"`);
  return day;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Adds calendar months, clamping to the month's last day (as date-fns addMonths does). */
export function addMonthsDay(day: number, months: number): number {
  const { y, m, d } = ymdOf(day);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return dayOf(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Whole years from `from` to `to` (age), as date-fns differenceInYears for from ≤ to. */
export function wholeYears(from: number, to: number): number {
  const a = ymdOf(from);
  const b = ymdOf(to);
  let years = b.y - a.y;
  if (b.m < a.m || (b.m === a.m && b.d < a.d)) years -= 1;
  return years;
}

/** Whole months from `from` to `to` (from ≤ to), counting a month only when its day is reached. */
export function wholeMonths(from: number, to: number): number {
  const a = ymdOf(from);
  const b = ymdOf(to);
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  if (b.d < a.d) months -= 1;
  return months;
}

/** Day of week, 0 = Monday … 6 = Sunday. */
function weekday(day: number): number {
  // 1970-01-01 was a Thursday (3).
  return (((day + 3) % 7) + 7) % 7;
}

/** The same day if it is Monday–Friday, else the following Monday. */
function onWeekday(day: number): number {
  const wd = weekday(day);
  return wd === 5 ? day + 2 : wd === 6 ? day + 1 : day;
}

/** The same day if it is Monday–Friday, else the Friday before. */
function onWeekdayBefore(day: number): number {
  const wd = weekday(day);
  return wd === 5 ? day - 1 : wd === 6 ? day - 2 : day;
}

// ---------------------------------------------------------------------------------------------
// Personnummer

/** Luhn (mod 10) check digit over a string of digits (the 9 digits YYMMDDNNN). */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let v = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * A 12-digit personnummer `YYYYMMDD-NNNC` for a birth date (YYYY-MM-DD) and individual number
 * NNN (000–999); `dayOffset` 60 makes a samordningsnummer.
 */
export function makePersonnummer(birthDate: string, individual: number, dayOffset = 0): string {
  const [y, m, d] = birthDate.split('-');
  const dd = pad(Number(d) + dayOffset, 2);
  const nnn = pad(individual, 3);
  const check = luhnCheckDigit(`${y!.slice(2)}${m}${dd}${nnn}`);
  return `${y}${m}${dd}-${nnn}${check}`;
}

/** Lowest individual number the generator uses; 980–999 marks the numbers as synthetic. */
export const SYNTHETIC_INDIVIDUAL_MIN = 980;
const SYNTHETIC_SERIALS = 20; // 980–999: ten even (women), ten odd (men)

/** Birth dates the personnummer registry covers (ages 16–66 over any export date up to 2030). */
const REGISTRY_FIRST_DAY = dayOf(1955, 1, 1);
const REGISTRY_LAST_DAY = dayOf(2015, 12, 31);

/**
 * Hands out each synthetic personnummer at most once. One byte per (birth date, serial): about
 * 440 kB whatever the row count, so memory stays constant. When a birth date's serials for a
 * gender are used up, the row gets no personnummer (duplicates are errors).
 */
class PersonnummerRegistry {
  private readonly used = new Uint8Array((REGISTRY_LAST_DAY - REGISTRY_FIRST_DAY + 1) * SYNTHETIC_SERIALS);

  take(birthDay: number, gender: Gender, rng: Rng): string | null {
    if (birthDay < REGISTRY_FIRST_DAY || birthDay > REGISTRY_LAST_DAY) return null;
    const base = (birthDay - REGISTRY_FIRST_DAY) * SYNTHETIC_SERIALS;
    // Women get even gender digits, men odd; a non-binary person may have either (legal gender).
    const parity = gender === 'woman' ? 0 : gender === 'man' ? 1 : rng.int(0, 1);
    const start = rng.int(0, 9);
    for (let k = 0; k < 10; k++) {
      const serial = ((start + k) % 10) * 2 + parity;
      if (this.used[base + serial] === 0) {
        this.used[base + serial] = 1;
        return makePersonnummer(isoOf(birthDay), SYNTHETIC_INDIVIDUAL_MIN + serial);
      }
    }
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Value sets

type Gender = 'woman' | 'man' | 'non_binary';
type EmploymentStatus = 'unemployed' | 'inactive' | 'employed';
type ExitStatus = 'employed' | 'self_employed' | 'education_training' | 'job_searching' | 'inactive' | 'other';

const ISCED_WEIGHTS: readonly (readonly [number, number])[] = [
  [0, 5],
  [1, 9],
  [2, 19],
  [3, 27],
  [4, 10],
  [5, 6],
  [6, 14],
  [7, 8],
  [8, 2],
];

/** Age bands at entry (weights): some 18–29 (EECO07), some 55+ (EECO08). */
const AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[18, 24], 13],
  [[25, 29], 13],
  [[30, 54], 58],
  [[55, 64], 16],
];

/** Continuous unemployment at entry in months; long spells are common in this target group. */
const UNEMPLOYMENT_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[0, 5], 18],
  [[6, 12], 22],
  [[13, 24], 27],
  [[25, 60], 33],
];

/** A sensitive answer: yes/no with a realistic share declined, unknown or left empty. */
function sensitiveAnswer(rng: Rng, pYes: number): string {
  const r = rng.float();
  if (r < 0.05) return '';
  if (r < 0.09) return 'declined';
  if (r < 0.12) return 'unknown';
  return rng.chance(pYes) ? 'yes' : 'no';
}

/** An exit-survey answer (yes/no/unknown/empty). */
function surveyAnswer(rng: Rng, pYes: number, pEmpty: number): string {
  const r = rng.float();
  if (r < pEmpty) return '';
  if (r < pEmpty + 0.03) return 'unknown';
  return rng.chance(pYes) ? 'yes' : 'no';
}

// ---------------------------------------------------------------------------------------------
// Cohorts

interface Cohort {
  label: string; // 2025-VT
  firstEntry: number; // day numbers
  lastEntry: number;
}

/** The cohorts (VT: intake late Jan–Feb; HT: late Aug–Sep) whose intake has begun by `exportDay`. */
function cohortsUpTo(exportDay: number): Cohort[] {
  const cohorts: Cohort[] = [];
  const projectStart = parseIso(PROJECT_START);
  const projectEnd = parseIso(PROJECT_END);
  for (let year = 2024; year <= 2027; year++) {
    for (const half of ['VT', 'HT'] as const) {
      const first = half === 'VT' ? dayOf(year, 1, 19) : dayOf(year, 8, 25);
      const last = half === 'VT' ? dayOf(year, 2, 20) : dayOf(year, 9, 30);
      const firstEntry = Math.max(first, projectStart);
      const lastEntry = Math.min(last, exportDay, projectEnd);
      if (firstEntry <= lastEntry) cohorts.push({ label: `${year}-${half}`, firstEntry, lastEntry });
    }
  }
  return cohorts;
}

/** The cohort label of the half-year an entry date falls in (VT = Jan–Jun, HT = Jul–Dec). */
export function cohortOfDate(day: number): string {
  const { y, m } = ymdOf(day);
  return `${y}-${m <= 6 ? 'VT' : 'HT'}`;
}

// ---------------------------------------------------------------------------------------------
// The generator

/**
 * Yields `count` synthetic participants keyed by canonical column, values as canonical English
 * strings. Up to COHORT_MODE_MAX_COUNT rows form realistic 12-week VT/HT cohorts; larger counts
 * spread entries evenly over the project period up to the export date. No date is after
 * `exportDate`, and the rows hold no error-level finding (participants.md) for a reference date
 * from the export date up to two weeks after it.
 */
export function* generateParticipants(opts: GeneratorOptions): Generator<ParticipantRow> {
  const { count, seed } = opts;
  if (!Number.isInteger(count) || count < 0) throw new Error(`count must be a whole number ≥ 0, got ${count}`);
  const exportDay = parseIso(opts.exportDate);
  const projectStart = parseIso(PROJECT_START);
  const projectEnd = parseIso(PROJECT_END);
  if (exportDay < projectStart) throw new Error(`exportDate ${opts.exportDate} is before the project start ${PROJECT_START}`);
  const lastDay = Math.min(exportDay, projectEnd);

  const rng = new Rng(seed);
  const registry = new PersonnummerRegistry();
  const cohorts = cohortsUpTo(lastDay);
  const cohortMode = count <= COHORT_MODE_MAX_COUNT && cohorts.length > 0;
  const idWidth = Math.max(4, String(count).length);
  const spreadDays = lastDay - projectStart + 1;

  let pairWomanFirst = false;
  for (let i = 0; i < count; i++) {
    // --- Entry and cohort
    let entry: number;
    let cohortLabel: string;
    if (cohortMode) {
      const cohort = cohorts[Math.floor((i * cohorts.length) / count)]!;
      entry = onWeekday(rng.int(cohort.firstEntry, cohort.lastEntry));
      if (entry > cohort.lastEntry) entry = cohort.lastEntry; // a weekend at the very end
      cohortLabel = cohort.label;
    } else {
      entry = projectStart + Math.floor(((i + rng.float()) * spreadDays) / count);
      const wd = onWeekday(entry);
      if (wd <= lastDay) entry = wd;
      cohortLabel = cohortOfDate(entry);
    }

    // --- Gender: exactly balanced pairs of women and men, one in forty non-binary
    let gender: Gender;
    if (i % 40 === 17) {
      gender = 'non_binary';
    } else {
      if (i % 2 === 0) pairWomanFirst = rng.chance(0.5);
      gender = (i % 2 === 0) === pairWomanFirst ? 'woman' : 'man';
    }

    // --- Age and birth date
    const [ageLo, ageHi] = rng.weighted(AGE_BANDS);
    const age = rng.int(ageLo, ageHi);
    const latestBirth = addMonthsDay(entry, -12 * age);
    const earliestBirth = addMonthsDay(entry, -12 * (age + 1)) + 1;
    const birth = rng.int(earliestBirth, latestBirth);

    // --- Status at entry: a few inactive, one or two in a hundred employed (EECR01, EECR06)
    const employmentStatus: EmploymentStatus = i % 60 === 7 ? 'employed' : i % 20 === 4 ? 'inactive' : 'unemployed';
    let unemploymentMonths = '';
    if (employmentStatus === 'unemployed') {
      const [lo, hi] = rng.weighted(UNEMPLOYMENT_BANDS);
      // A whole month below the limit of participants.md, whatever month arithmetic is used.
      const limit = Math.max(0, wholeMonths(addMonthsDay(birth, 16 * 12), entry) - 1);
      unemploymentMonths = String(Math.min(rng.int(lo, hi), limit));
    }

    const isced = rng.weighted(ISCED_WEIGHTS);

    // --- Sensitive answers (a Helsingborg integration project: many born abroad)
    const foreignBackground = sensitiveAnswer(rng, 0.72);
    const thirdCountry = foreignBackground === 'yes' ? sensitiveAnswer(rng, 0.6) : foreignBackground === 'no' ? 'no' : sensitiveAnswer(rng, 0.3);
    const disability = sensitiveAnswer(rng, 0.14);
    const minority = sensitiveAnswer(rng, 0.06);
    const homeless = sensitiveAnswer(rng, 0.05);
    const rural = sensitiveAnswer(rng, 0.04);

    // --- Exit: 12 weeks after entry, a few early drop-outs; none after the export date
    const dropOut = rng.chance(0.08);
    const plannedExit = onWeekdayBefore(dropOut ? entry + rng.int(10, 70) : entry + rng.int(81, 88));
    const exit = plannedExit <= lastDay ? plannedExit : null;
    // --- Dated outcomes (T-WT ~40 %, T-STU ~20 %, T-EMP ~25–30 %), none after the export date
    const outcomeEnd = lastDay;
    let workTrainingStart: number | null = null;
    if (!dropOut && rng.chance(0.5)) workTrainingStart = onWeekday(entry + rng.int(14, 63));
    else if (dropOut && rng.chance(0.1)) workTrainingStart = onWeekday(entry + rng.int(5, 20));
    if (workTrainingStart !== null && (workTrainingStart > outcomeEnd || (exit !== null && workTrainingStart > exit))) {
      workTrainingStart = null;
    }

    let studiesStart: number | null = null;
    if (rng.chance(0.22)) studiesStart = onWeekday(entry + rng.int(35, 130));
    if (studiesStart !== null && studiesStart > outcomeEnd) studiesStart = null;

    let employmentStart: number | null = null;
    if (employmentStatus !== 'employed' && studiesStart === null && rng.chance(employmentStatus === 'inactive' ? 0.2 : 0.42)) {
      employmentStart = onWeekday(entry + rng.int(40, 140));
    }
    if (employmentStart !== null && employmentStart > outcomeEnd) employmentStart = null;

    // --- Exit answers, only for leavers
    let exitStatus = '';
    let qualificationGained = '';
    let status6m = '';
    let improved6m = '';
    let network = '';
    let competence = '';
    let understanding = '';
    if (exit !== null) {
      const upon = exit + 28;
      let status: ExitStatus;
      if (employmentStart !== null && employmentStart <= upon) status = rng.chance(0.1) ? 'self_employed' : 'employed';
      else if (studiesStart !== null && studiesStart <= upon) status = 'education_training';
      else if (employmentStatus === 'employed') status = rng.weighted<ExitStatus>([['employed', 8], ['self_employed', 1], ['education_training', 1]]);
      else if (employmentStatus === 'inactive')
        status = rng.weighted<ExitStatus>([['job_searching', 8], ['inactive', 1], ['other', 1]]);
      else status = rng.weighted<ExitStatus>([['job_searching', 85], ['other', 6], ['inactive', 6], ['education_training', 3]]);

      // Required once the exit is 28 days old; given for everyone two weeks after exit, so the
      // data stays free of EXIT_STATUS_MISSING for a reference date up to two weeks after export.
      if (lastDay - exit >= 14 || rng.chance(0.5)) exitStatus = status;

      if (exitStatus !== '' && !dropOut) qualificationGained = rng.weighted([['yes', 22], ['no', 58], ['', 20]]);
      else if (exitStatus !== '') qualificationGained = rng.weighted([['no', 50], ['', 50]]);

      // Six-month follow-up where due by the export date: mostly answered, a few unknown or missing.
      const sixMonths = addMonthsDay(exit, 6);
      if (sixMonths <= lastDay) {
        if (i % 37 === 11) {
          status6m = '';
        } else if (i % 41 === 23) {
          status6m = 'unknown';
        } else if (employmentStart !== null && employmentStart <= sixMonths) {
          status6m = rng.chance(0.9) ? (status === 'self_employed' ? 'self_employed' : 'employed') : 'job_searching';
        } else if (status === 'employed' || status === 'self_employed') {
          status6m = rng.chance(0.85) ? status : 'job_searching';
        } else if (status === 'education_training' || (studiesStart !== null && studiesStart <= sixMonths)) {
          status6m = rng.weighted<ExitStatus>([['education_training', 6], ['employed', 3], ['job_searching', 1]]);
        } else {
          status6m = rng.weighted<ExitStatus>([['job_searching', 50], ['employed', 28], ['education_training', 8], ['self_employed', 3], ['inactive', 6], ['other', 5]]);
        }
        // Improved situation: asked only of those employed at entry (EECR06).
        if (employmentStatus === 'employed' && status6m !== '' && status6m !== 'unknown') {
          improved6m = rng.chance(0.7) ? 'yes' : 'no';
        }
      }

      const pEmpty = dropOut ? 0.4 : 0.05;
      network = surveyAnswer(rng, 0.93, pEmpty);
      competence = surveyAnswer(rng, 0.88, pEmpty);
      understanding = surveyAnswer(rng, 0.9, pEmpty);
    }

    // --- Identity: most rows give both; a few only the personnummer, a few only the birth date
    const idForm = rng.float();
    let personnummer = idForm < 0.87 ? registry.take(birth, gender, rng) : null;
    let birthDate = isoOf(birth);
    if (personnummer !== null && idForm < 0.06) birthDate = '';
    if (personnummer === null) personnummer = '';

    const cohort = rng.chance(0.03) ? '' : cohortLabel;

    yield {
      participant_id: `P-${pad(i + 1, idWidth)}`,
      personnummer,
      gender,
      birth_date: birthDate,
      entry_date: isoOf(entry),
      exit_date: exit === null ? '' : isoOf(exit),
      cohort,
      employment_status: employmentStatus,
      unemployment_months: unemploymentMonths,
      isced: String(isced),
      disability,
      third_country_national: thirdCountry,
      foreign_background: foreignBackground,
      minority,
      homeless,
      rural,
      exit_status: exitStatus,
      qualification_gained: qualificationGained,
      status_6m: status6m,
      improved_situation_6m: improved6m,
      work_training_start: workTrainingStart === null ? '' : isoOf(workTrainingStart),
      studies_start: studiesStart === null ? '' : isoOf(studiesStart),
      employment_start: employmentStart === null ? '' : isoOf(employmentStart),
      network_expanded: network,
      competence_improved: competence,
      understanding_improved: understanding,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Swedish values

const SWEDISH_VALUES: Readonly<Record<string, string>> = {
  woman: 'kvinna',
  man: 'man',
  non_binary: 'icke-binär',
  unemployed: 'arbetslös',
  inactive: 'inaktiv',
  employed: 'sysselsatt', // employment status at entry; exit statuses use EXIT_STATUS_SV
  yes: 'ja',
  no: 'nej',
  declined: 'vill ej uppge',
  unknown: 'okänt',
};

const EXIT_STATUS_SV: Readonly<Record<string, string>> = {
  employed: 'anställd',
  self_employed: 'egen_företagare',
  education_training: 'studier',
  job_searching: 'arbetssökande',
  inactive: 'inaktiv',
  other: 'annat',
  unknown: 'okänt',
};

const EXIT_STATUS_COLUMNS: ReadonlySet<CanonicalColumn> = new Set(['exit_status', 'status_6m']);
const VERBATIM_COLUMNS: ReadonlySet<CanonicalColumn> = new Set([
  'participant_id',
  'personnummer',
  'birth_date',
  'entry_date',
  'exit_date',
  'cohort',
  'unemployment_months',
  'isced',
  'work_training_start',
  'studies_start',
  'employment_start',
]);

/** Translates one value of a canonical column to its Swedish form (dates, IDs and numbers stay). */
export function toSwedishValue(column: CanonicalColumn, value: string): string {
  if (value === '' || VERBATIM_COLUMNS.has(column)) return value;
  const table = EXIT_STATUS_COLUMNS.has(column) ? EXIT_STATUS_SV : SWEDISH_VALUES;
  const sv = table[value];
  if (sv === undefined) throw new Error(`no Swedish form for ${column} = "${value}"`);
  return sv;
}

/** The row with Swedish values, still keyed by canonical column (pair with SWEDISH_COLUMNS). */
export function toSwedishRow(row: Readonly<Partial<Record<CanonicalColumn, string>>>): Partial<Record<CanonicalColumn, string>> {
  const out: Partial<Record<CanonicalColumn, string>> = {};
  for (const column of CANONICAL_COLUMNS) {
    const value = row[column];
    if (value !== undefined) out[column] = toSwedishValue(column, value);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// CSV text

/** One CSV field, quoted per RFC 4180 when it holds the delimiter, a quote, a line break or edge spaces. */
export function csvField(value: string, delimiter: string): string {
  if (value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim()) {
    return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}

/** One CSV record (without its line ending). */
export function csvRecord(values: readonly string[], delimiter: string): string {
  return values.map((v) => csvField(v, delimiter)).join(delimiter);
}
