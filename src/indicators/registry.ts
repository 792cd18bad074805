import { ageAtEntry, sixMonthPoint, type IsoDate } from '../core/dates.js';
import type { ParticipantRecord } from '../participants/record.js';
import { cohortOf, type Cohort, type SensitiveAnswer } from '../participants/values.js';
import type { TargetId } from '../project/profile.js';
import type { ContextCode, IndicatorCode, IndicatorKind, TargetResultId } from './result.js';

/**
 * The one definition of every ESF+ indicator, context row and project target (`indicators.md`,
 * `domain.md`). The computation, the JSON result, the text/CSV renderers and the workbook all
 * read this file; nothing else knows a rule.
 */

export interface Names {
  readonly en: string;
  readonly sv: string;
}

/** Which date an indicator's event falls on. */
export type EventDate = 'entry' | 'exit' | 'six-month-point';

/** What the rules need beyond the record, up to a window end, computed once per record (`factsUpTo`). */
export interface RecordFacts {
  /** The age at entry (`ageAtEntry`: whole years from birth_date to entry_date). */
  readonly age: number;
  /** Whether the participant has left by the window end (an exit_date on or before it): a leaver. */
  readonly left: boolean;
  /**
   * The six-month follow-up point of a leaver (`sixMonthPoint`: exit_date + 6 calendar months, the
   * day clamped to the month's end). Null for someone who has not left by the window end: their
   * six-month point is later still, so it falls in no window.
   */
  readonly sixMonthPoint: IsoDate | null;
}

/** The facts of a counted record up to a window end: its age at entry, whether it has left by then and, if so, the six-month point. */
export function factsUpTo(r: CountedRecord, windowEnd: IsoDate): RecordFacts {
  const left = r.exitDate !== null && r.exitDate <= windowEnd;
  return { age: ageAtEntry(r.birthDate, r.entryDate), left, sixMonthPoint: left ? sixMonthPoint(r.exitDate!) : null };
}

/**
 * A complete record: every field the contract requires is present. Only such records reach the
 * rules (`complete` rows always have them; `countable` checks it once).
 */
export type CountedRecord = ParticipantRecord & {
  readonly gender: NonNullable<ParticipantRecord['gender']>;
  readonly birthDate: IsoDate;
  readonly entryDate: IsoDate;
  readonly employmentStatus: NonNullable<ParticipantRecord['employmentStatus']>;
  readonly isced: number;
};

export function isCountable(r: ParticipantRecord): r is CountedRecord {
  return r.complete && r.gender !== null && r.birthDate !== null && r.entryDate !== null && r.employmentStatus !== null && r.isced !== null;
}

/** Long-term unemployed: more than 6 months when under 25 at entry, more than 12 from 25 (`indicators.md`). */
export function isLongTermUnemployed(r: CountedRecord, f: RecordFacts): boolean {
  if (r.employmentStatus !== 'unemployed' || r.unemploymentMonths === null) return false;
  return r.unemploymentMonths > (f.age < 25 ? 6 : 12);
}

/** The two extra answers of a sensitive indicator (EECO12–EECO17), reported beside its `yes`. */
export type SensitiveMeasure = 'declined' | 'unknown';

/** A count the cohort view states for each cohort. */
export type CohortCount = 'starters' | 'leavers' | CohortOutcome['key'];

/**
 * A count in a relation a reader knows (`KnownRelation`): a figure (an indicator or a context row),
 * one of the two extra answers of a sensitive indicator (`EECO12:declined`), a target's achieved
 * count (`T-EMP`), or a cohort count summed over all cohorts (`cohorts:employed`).
 */
export type KnownCount = FigureCode | `${IndicatorCode}:${SensitiveMeasure}` | TargetResultId | `cohorts:${CohortCount}`;

/**
 * A linear relation between counts that any reader of the figures knows, because the rules make it
 * so (`indicators.md`, `domain.md`): Σ left = Σ right or Σ left ≤ Σ right, for each gender and the
 * total, in each of `scopes` (a target's and the cohorts' counts are cumulative). It is declared
 * beside the definition whose rule it follows from; a shared copy's small-cell protection
 * (`report/suppress/table.ts`) hides enough that none of them gives a hidden count back.
 */
export interface KnownRelation {
  readonly left: readonly KnownCount[];
  readonly relation: '=' | '<=';
  readonly right: readonly KnownCount[];
  readonly scopes: readonly ConsistencyScope[];
}

const BOTH_SCOPES = ['period', 'cumulative'] as const;
const CUMULATIVE = ['cumulative'] as const;

function known(
  left: readonly KnownCount[],
  relation: '=' | '<=',
  right: readonly KnownCount[],
  scopes: readonly ConsistencyScope[] = BOTH_SCOPES,
): KnownRelation {
  return { left, relation, right, scopes };
}

export interface IndicatorDefinition {
  readonly code: IndicatorCode;
  readonly name: Names;
  /** A shorter name for fixed-width tables (text output); the full name everywhere else. */
  readonly shortName: Names;
  readonly kind: IndicatorKind;
  readonly event: EventDate;
  /**
   * EECO12–EECO17: the sensitive answer behind the indicator. The indicator counts exactly the
   * `yes` answers (`applies` is `sensitive(r) === 'yes'`, made by `sensitive()` below, so counting
   * may read the answer once); `declined` and `unknown` are reported beside it.
   */
  readonly sensitive?: (r: CountedRecord) => SensitiveAnswer;
  /**
   * Whether the participant counts, given that the event date lies in the window. Results count
   * only with a recorded answer; the window (≤ window end ≤ asOf) does the rest.
   */
  readonly applies: (r: CountedRecord, f: RecordFacts) => boolean;
  /** The relations to other counts that follow from this indicator's rule. */
  readonly relations?: readonly KnownRelation[];
}

/** A sensitive indicator: its answer, counting a `yes`, and what its answers add up to at most. */
function sensitive(
  code: IndicatorCode,
  answer: (r: CountedRecord) => SensitiveAnswer,
): Pick<IndicatorDefinition, 'code' | 'sensitive' | 'applies' | 'relations'> {
  return {
    code,
    sensitive: answer,
    applies: (r) => answer(r) === 'yes',
    // yes, declined and unknown are three of the four answers ("no" is the fourth): one per participant
    relations: [known([code, `${code}:declined`, `${code}:unknown`], '<=', ['EECO01'])],
  };
}

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: 'EECO01',
    name: { en: 'Total number of participants', sv: 'Totalt antal deltagare' },
    shortName: { en: 'Participants, total', sv: 'Deltagare totalt' },
    kind: 'output',
    event: 'entry',
    applies: () => true,
    // every participant has one employment status and one ISCED level at entry
    relations: [known(['EECO01'], '=', ['EECO02', 'EECO04', 'EECO05']), known(['EECO01'], '=', ['EECO09', 'EECO10', 'EECO11'])],
  },
  {
    code: 'EECO02',
    name: { en: 'Unemployed, including long-term unemployed', sv: 'Arbetslösa, inklusive långtidsarbetslösa' },
    shortName: { en: 'Unemployed (incl. long-term)', sv: 'Arbetslösa (inkl. långtids-)' },
    kind: 'output',
    event: 'entry',
    applies: (r) => r.employmentStatus === 'unemployed',
  },
  {
    code: 'EECO03',
    name: { en: 'Long-term unemployed', sv: 'Långtidsarbetslösa' },
    shortName: { en: 'Long-term unemployed', sv: 'Långtidsarbetslösa' },
    kind: 'output',
    event: 'entry',
    applies: isLongTermUnemployed,
    relations: [known(['EECO03'], '<=', ['EECO02'])],
  },
  {
    code: 'EECO04',
    name: { en: 'Inactive', sv: 'Personer utanför arbetskraften' },
    shortName: { en: 'Inactive', sv: 'Utanför arbetskraften' },
    kind: 'output',
    event: 'entry',
    applies: (r) => r.employmentStatus === 'inactive',
  },
  {
    code: 'EECO05',
    name: { en: 'Employed, including self-employed', sv: 'Sysselsatta, inklusive egenföretagare' },
    shortName: { en: 'Employed (incl. self-employed)', sv: 'Sysselsatta (inkl. egenföretagare)' },
    kind: 'output',
    event: 'entry',
    applies: (r) => r.employmentStatus === 'employed',
  },
  {
    code: 'EECO06',
    name: { en: 'Below 18 years of age', sv: 'Personer under 18 år' },
    shortName: { en: 'Below 18', sv: 'Under 18 år' },
    kind: 'output',
    event: 'entry',
    applies: (_r, f) => f.age < 18,
    // one age at entry: the three age groups are exclusive
    relations: [known(['EECO06', 'EECO07', 'EECO08'], '<=', ['EECO01'])],
  },
  {
    code: 'EECO07',
    name: { en: '18–29 years of age', sv: 'Personer 18–29 år' },
    shortName: { en: 'Aged 18–29', sv: '18–29 år' },
    kind: 'output',
    event: 'entry',
    applies: (_r, f) => f.age >= 18 && f.age <= 29,
  },
  {
    code: 'EECO08',
    name: { en: '55 years of age and above', sv: 'Personer 55 år och äldre' },
    shortName: { en: 'Aged 55 and above', sv: '55 år och äldre' },
    kind: 'output',
    event: 'entry',
    applies: (_r, f) => f.age >= 55,
  },
  {
    code: 'EECO09',
    name: { en: 'Lower secondary education or less (ISCED 0–2)', sv: 'Högst förgymnasial utbildning (ISCED 0–2)' },
    shortName: { en: 'ISCED 0–2', sv: 'ISCED 0–2' },
    kind: 'output',
    event: 'entry',
    applies: (r) => r.isced <= 2,
  },
  {
    code: 'EECO10',
    name: { en: 'Upper secondary or post-secondary (ISCED 3–4)', sv: 'Gymnasial eller eftergymnasial utbildning (ISCED 3–4)' },
    shortName: { en: 'ISCED 3–4', sv: 'ISCED 3–4' },
    kind: 'output',
    event: 'entry',
    applies: (r) => r.isced >= 3 && r.isced <= 4,
  },
  {
    code: 'EECO11',
    name: { en: 'Tertiary education (ISCED 5–8)', sv: 'Eftergymnasial utbildning på högskolenivå (ISCED 5–8)' },
    shortName: { en: 'ISCED 5–8', sv: 'ISCED 5–8' },
    kind: 'output',
    event: 'entry',
    applies: (r) => r.isced >= 5,
  },
  {
    ...sensitive('EECO12', (r) => r.disability),
    name: { en: 'Participants with disabilities', sv: 'Deltagare med funktionsnedsättning' },
    shortName: { en: 'With disabilities', sv: 'Med funktionsnedsättning' },
    kind: 'output',
    event: 'entry',
  },
  {
    ...sensitive('EECO13', (r) => r.thirdCountryNational),
    name: { en: 'Third-country nationals', sv: 'Tredjelandsmedborgare' },
    shortName: { en: 'Third-country nationals', sv: 'Tredjelandsmedborgare' },
    kind: 'output',
    event: 'entry',
  },
  {
    ...sensitive('EECO14', (r) => r.foreignBackground),
    name: { en: 'Participants with a foreign background', sv: 'Deltagare med utländsk bakgrund' },
    shortName: { en: 'Foreign background', sv: 'Utländsk bakgrund' },
    kind: 'output',
    event: 'entry',
  },
  {
    ...sensitive('EECO15', (r) => r.minority),
    name: {
      en: 'Minorities (incl. marginalised communities such as Roma)',
      sv: 'Minoriteter (inklusive marginaliserade grupper såsom romer)',
    },
    shortName: { en: 'Minorities (incl. Roma)', sv: 'Minoriteter (inkl. romer)' },
    kind: 'output',
    event: 'entry',
  },
  {
    ...sensitive('EECO16', (r) => r.homeless),
    name: { en: 'Homeless or affected by housing exclusion', sv: 'Hemlösa eller personer som drabbats av bostadsmässigt utanförskap' },
    shortName: { en: 'Homeless / housing exclusion', sv: 'Hemlösa / bostadslösa' },
    kind: 'output',
    event: 'entry',
  },
  {
    ...sensitive('EECO17', (r) => r.rural),
    name: { en: 'Participants from rural areas', sv: 'Deltagare från landsbygdsområden' },
    shortName: { en: 'From rural areas', sv: 'Från landsbygden' },
    kind: 'output',
    event: 'entry',
  },
  {
    code: 'EECR01',
    name: { en: 'Engaged in job searching upon leaving', sv: 'Deltagare som söker arbete när de lämnar insatsen' },
    shortName: { en: 'Job searching on leaving', sv: 'Arbetssökande vid avslut' },
    kind: 'result',
    event: 'exit',
    // decision (domain.md): only the inactive newly search; unemployed people already do
    applies: (r) => r.employmentStatus === 'inactive' && r.exitStatus === 'job_searching',
    relations: [
      // exit_status is one value: job searching, education or training, employed are exclusive
      known(['EECR01', 'EECR02', 'EECR04'], '<=', ['LEAVERS']),
      // only the inactive count; one who entered before the period can leave in it: on cumulative values only
      known(['EECR01'], '<=', ['EECO04'], CUMULATIVE),
    ],
  },
  {
    code: 'EECR02',
    name: { en: 'In education or training upon leaving', sv: 'Deltagare i utbildning när de lämnar insatsen' },
    shortName: { en: 'In education on leaving', sv: 'I utbildning vid avslut' },
    kind: 'result',
    event: 'exit',
    applies: (r) => r.exitStatus === 'education_training',
  },
  {
    code: 'EECR03',
    name: { en: 'Gaining a qualification upon leaving', sv: 'Deltagare som erhåller en kvalifikation när de lämnar insatsen' },
    shortName: { en: 'Qualification on leaving', sv: 'Kvalifikation vid avslut' },
    kind: 'result',
    event: 'exit',
    applies: (r) => r.qualificationGained === true,
    relations: [known(['EECR03'], '<=', ['LEAVERS'])],
  },
  {
    code: 'EECR04',
    name: {
      en: 'In employment, including self-employment, upon leaving',
      sv: 'Deltagare i sysselsättning, inklusive egenföretagare, när de lämnar insatsen',
    },
    shortName: { en: 'Employed on leaving', sv: 'I arbete vid avslut' },
    kind: 'result',
    event: 'exit',
    applies: (r) => r.exitStatus === 'employed' || r.exitStatus === 'self_employed',
  },
  {
    code: 'EECR05',
    name: {
      en: 'In employment, incl. self-employment, six months after leaving',
      sv: 'Deltagare i sysselsättning, inklusive egenföretagare, sex månader efter att de lämnat insatsen',
    },
    shortName: { en: 'Employed 6 months after', sv: 'I arbete 6 mån efter' },
    kind: 'longer-term-result',
    event: 'six-month-point',
    applies: (r) => r.status6m === 'employed' || r.status6m === 'self_employed',
    // status_6m employed and status_6m missing are exclusive answers of those due
    relations: [known(['EECR05', 'FOLLOWUP_MISSING'], '<=', ['FOLLOWUP_DUE'])],
  },
  {
    code: 'EECR06',
    name: {
      en: 'Improved labour market situation six months after leaving',
      sv: 'Deltagare med en förbättrad situation på arbetsmarknaden sex månader efter att de lämnat insatsen',
    },
    shortName: { en: 'Improved situation 6 months after', sv: 'Förbättrad situation 6 mån efter' },
    kind: 'longer-term-result',
    event: 'six-month-point',
    // status_6m is deliberately not consulted (indicators.md)
    applies: (r) => r.employmentStatus === 'employed' && r.improvedSituation6m === true,
    relations: [
      known(['EECR06'], '<=', ['FOLLOWUP_DUE']),
      // only the employed at entry count; one who entered before the period: on cumulative values only
      known(['EECR06'], '<=', ['EECO05'], CUMULATIVE),
    ],
  },
];

/** Names of the two extra measures of EECO12–EECO17. */
export const SENSITIVE_MEASURE_NAMES: Readonly<Record<'declined' | 'unknown', Names>> = {
  declined: { en: 'declined to answer', sv: 'vill ej uppge' },
  unknown: { en: 'unknown or no answer', sv: 'okänt eller inget svar' },
};

export interface ContextDefinition {
  readonly code: ContextCode;
  readonly name: Names;
  readonly event: EventDate;
  readonly applies: (r: CountedRecord, f: RecordFacts) => boolean;
}

export const CONTEXT_ROWS: readonly ContextDefinition[] = [
  {
    code: 'LEAVERS',
    name: { en: 'Leavers', sv: 'Avslutade deltagare' },
    event: 'exit',
    applies: () => true,
  },
  {
    code: 'FOLLOWUP_DUE',
    name: { en: 'Six-month follow-up due', sv: 'Uppföljning efter 6 mån att göra' },
    event: 'six-month-point',
    applies: () => true,
  },
  {
    code: 'FOLLOWUP_MISSING',
    name: { en: 'Six-month follow-up missing', sv: 'Uppföljning efter 6 mån saknas' },
    event: 'six-month-point',
    applies: (r) => r.status6m === null || r.status6m === 'unknown',
  },
];

/**
 * The cohort a participant is counted in (`indicators.md`, cohort view): the cohort recorded in the
 * export (a late joiner stays in it), else the half-year of entry (VT January–June, HT July–December).
 */
export function cohortOfRecord(r: CountedRecord): Cohort {
  return r.cohort ?? cohortOf(r.entryDate);
}

/** What a cohort outcome is counted among: those who have left by the window end, or all starters. */
export type CohortOutcomeBase = 'leavers' | 'starters';

export interface CohortOutcome {
  readonly key: 'employed' | 'studies' | 'workTraining';
  readonly among: CohortOutcomeBase;
  /** Whether the participant achieved it, up to the window end. */
  readonly achieved: (r: CountedRecord, windowEnd: IsoDate) => boolean;
  /** The relations of its sum over all cohorts to other counts. */
  readonly relations?: readonly KnownRelation[];
}

/**
 * The outcomes counted per cohort (`indicators.md`, cohort view), each with its rule: in work or in
 * studies among those who have left by the window end, in work training among all starters.
 */
export const COHORT_OUTCOMES: readonly CohortOutcome[] = [
  {
    key: 'employed',
    among: 'leavers',
    achieved: (r, windowEnd) =>
      r.exitStatus === 'employed' || r.exitStatus === 'self_employed' || (r.employmentStart !== null && r.employmentStart <= windowEnd),
    relations: [known(['EECR04'], '<=', ['cohorts:employed'], CUMULATIVE)],
  },
  {
    key: 'studies',
    among: 'leavers',
    achieved: (r, windowEnd) => r.exitStatus === 'education_training' || (r.studiesStart !== null && r.studiesStart <= windowEnd),
    relations: [known(['EECR02'], '<=', ['cohorts:studies'], CUMULATIVE)],
  },
  {
    key: 'workTraining',
    among: 'starters',
    achieved: (r, windowEnd) => r.workTrainingStart !== null && r.workTrainingStart <= windowEnd,
  },
];

/**
 * Whom a target's rate is taken over: the planned participants of the profile; those who entered
 * by the window end (EECO01 cumulative); those who left by it (LEAVERS cumulative).
 */
export type TargetBase = 'planned' | 'entered' | 'leavers';

/**
 * The figures that count, cumulative by the window end, everyone who entered (EECO01) and everyone
 * who left (LEAVERS): the base of a target on those entered or on leavers, and what the monthly and
 * the cohort starters and leavers add up to.
 */
export const POPULATION_FIGURES: Readonly<Record<Exclude<TargetBase, 'planned'>, FigureCode>> = { entered: 'EECO01', leavers: 'LEAVERS' };

/** How `onTrack` is judged (`indicators.md`). */
export type OnTrackRule =
  /** achieved.total ≥ targetCount × elapsed share of the project period */
  | 'elapsed'
  /** the women's share within targetRate ± 5 percentage points (45–55 % for 50 %) */
  | 'gender-band'
  /** rate ≥ targetRate */
  | 'rate'
  /** reference only: always null */
  | 'none';

export interface TargetDefinition {
  readonly id: TargetResultId;
  readonly name: Names;
  readonly base: TargetBase;
  /** Whose count the rate is taken of: everyone who achieved it, or (the gender balance) the women among them. */
  readonly rateOf: 'total' | 'women';
  readonly onTrack: OnTrackRule;
  /** Whether targetCount (= targetRate × planned, rounded up) is reported; null for targets on leavers. */
  readonly hasTargetCount: boolean;
  /**
   * Whether the participant achieved it, up to the window end. Called only for participants in the
   * base: entered by the window end (T-PART … T-STU) or left by it (T-NET … T-TRANS).
   */
  readonly achieved: (r: CountedRecord, windowEnd: IsoDate) => boolean;
  /** T-NET, T-COMP, T-SOC: a leaver without an answer (unknown or empty); stays in the base. */
  readonly unanswered?: (r: CountedRecord) => boolean;
  /**
   * A reference, not a target: no target rate (whatever the profile says) and reported beside the
   * earlier project's figures from the profile (T-TRANS beside Rekrytera).
   */
  readonly referenceOnly?: true;
  /** The relations of its achieved count (cumulative) to other counts. */
  readonly relations?: readonly KnownRelation[];
}

const on = (d: IsoDate | null, windowEnd: IsoDate) => d !== null && d <= windowEnd;
type ExitStatus = NonNullable<CountedRecord['exitStatus']>;
const leftAs = (r: CountedRecord, windowEnd: IsoDate, statuses: readonly ExitStatus[]) =>
  on(r.exitDate, windowEnd) && r.exitStatus !== null && statuses.includes(r.exitStatus);
/** Exit statuses in work, in studies, and in either (made once, not for every participant). */
const IN_WORK: readonly ExitStatus[] = ['employed', 'self_employed'];
const IN_STUDIES: readonly ExitStatus[] = ['education_training'];
const IN_WORK_OR_STUDIES: readonly ExitStatus[] = [...IN_WORK, ...IN_STUDIES];

export const TARGETS: readonly TargetDefinition[] = [
  {
    id: 'T-PART',
    name: { en: 'Participants', sv: 'Deltagare' },
    base: 'planned',
    rateOf: 'total',
    onTrack: 'elapsed',
    hasTargetCount: true,
    achieved: () => true,
    // everyone who entered is a participant
    relations: [known(['EECO01'], '=', ['T-PART'], CUMULATIVE)],
  },
  {
    id: 'T-GEN',
    name: { en: 'Gender balance', sv: 'Jämn könsfördelning' },
    base: 'entered',
    rateOf: 'women',
    onTrack: 'gender-band',
    hasTargetCount: true,
    achieved: () => true,
    // everyone who entered counts (the rate is the women's share)
    relations: [known(['EECO01'], '=', ['T-GEN'], CUMULATIVE)],
  },
  {
    id: 'T-EMP',
    name: { en: 'Employment', sv: 'Anställning' },
    base: 'entered',
    rateOf: 'total',
    onTrack: 'elapsed',
    hasTargetCount: true,
    achieved: (r, w) =>
      r.employmentStatus !== 'employed' && (on(r.employmentStart, w) || leftAs(r, w, IN_WORK)),
    // only those not employed at entry
    relations: [known(['T-EMP'], '<=', ['EECO02', 'EECO04'], CUMULATIVE)],
  },
  {
    id: 'T-WT',
    name: { en: 'Work training', sv: 'Praktisk arbetslivsträning' },
    base: 'entered',
    rateOf: 'total',
    onTrack: 'elapsed',
    hasTargetCount: true,
    achieved: (r, w) => on(r.workTrainingStart, w),
    // the cohorts' work training has the same rule
    relations: [known(['T-WT'], '=', ['cohorts:workTraining'], CUMULATIVE)],
  },
  {
    id: 'T-STU',
    name: { en: 'Studies', sv: 'Studier' },
    base: 'entered',
    rateOf: 'total',
    onTrack: 'elapsed',
    hasTargetCount: true,
    achieved: (r, w) => on(r.studiesStart, w) || leftAs(r, w, IN_STUDIES),
    // in education on leaving, or a cohort's leaver in studies: both count here
    relations: [known(['EECR02'], '<=', ['T-STU'], CUMULATIVE), known(['cohorts:studies'], '<=', ['T-STU'], CUMULATIVE)],
  },
  {
    id: 'T-NET',
    name: { en: 'Wider network', sv: 'Utökat nätverk' },
    base: 'leavers',
    rateOf: 'total',
    onTrack: 'rate',
    hasTargetCount: false,
    achieved: (r) => r.networkExpanded === 'yes',
    unanswered: (r) => r.networkExpanded === 'unknown',
  },
  {
    id: 'T-COMP',
    name: { en: 'Labour-market competence', sv: 'Arbetsmarknadskompetens' },
    base: 'leavers',
    rateOf: 'total',
    onTrack: 'rate',
    hasTargetCount: false,
    achieved: (r) => r.competenceImproved === 'yes',
    unanswered: (r) => r.competenceImproved === 'unknown',
  },
  {
    id: 'T-SOC',
    name: { en: 'Understanding of society', sv: 'Förståelse för samhället' },
    base: 'leavers',
    rateOf: 'total',
    onTrack: 'rate',
    hasTargetCount: false,
    achieved: (r) => r.understandingImproved === 'yes',
    unanswered: (r) => r.understandingImproved === 'unknown',
  },
  {
    id: 'T-TRANS',
    name: { en: 'Work or studies', sv: 'Arbete eller studier' },
    base: 'leavers',
    rateOf: 'total',
    onTrack: 'none',
    hasTargetCount: false,
    referenceOnly: true,
    achieved: (r, w) =>
      (r.exitStatus !== null && IN_WORK_OR_STUDIES.includes(r.exitStatus)) ||
      on(r.employmentStart, w) ||
      on(r.studiesStart, w),
    relations: [
      known(['EECR02', 'EECR04'], '<=', ['T-TRANS'], CUMULATIVE),
      known(['cohorts:employed'], '<=', ['T-TRANS'], CUMULATIVE),
      known(['cohorts:studies'], '<=', ['T-TRANS'], CUMULATIVE),
      // in work or in studies: a leaver counted in either cohort outcome
      known(['T-TRANS'], '<=', ['cohorts:employed', 'cohorts:studies'], CUMULATIVE),
    ],
  },
];

/** T-GEN: the women's share counts as balanced within this many percentage points of the target rate. */
export const GENDER_BAND_POINTS = 5;

/** A figure a consistency test reads: an indicator or a context row. */
export type FigureCode = IndicatorCode | ContextCode;

/** Which of a figure's two scopes a consistency test compares. */
export type ConsistencyScope = 'period' | 'cumulative';

/** The rule of one consistency test (`indicators.md`). */
export type ConsistencyRule =
  /** sum(left) = or ≤ sum(right), for each gender and the total, in each of `scopes` (a figure the result lacks reads 0) */
  | {
      readonly kind: 'relation';
      readonly left: readonly FigureCode[];
      readonly relation: '=' | '<=';
      readonly right: readonly FigureCode[];
      readonly scopes: readonly ConsistencyScope[];
    }
  /** every gender split of the result (figures, their declined/unknown, targets' achieved/unanswered) adds up to its total */
  | { readonly kind: 'genders-add-up' }
  /** no cell of a figure (or its declined/unknown) is smaller in the cumulative scope than in the period */
  | { readonly kind: 'cumulative-covers-period' };

export interface ConsistencyDefinition {
  /** The test in the spec's wording, as reported. */
  readonly test: string;
  readonly rule: ConsistencyRule;
}

/** A relation between sums of figures; its wording is its rule written out (`EECO03 <= EECO02`). */
function relation(
  left: readonly FigureCode[],
  rel: '=' | '<=',
  right: readonly FigureCode[],
  scopes: readonly ConsistencyScope[] = BOTH_SCOPES,
): ConsistencyDefinition {
  return { test: `${left.join(' + ')} ${rel} ${right.join(' + ')}`, rule: { kind: 'relation', left, relation: rel, right, scopes } };
}

/** The consistency tests of `indicators.md`, in the spec's order and wording, each with its rule. */
export const CONSISTENCY_DEFINITIONS: readonly ConsistencyDefinition[] = [
  relation(['EECO01'], '=', ['EECO02', 'EECO04', 'EECO05']),
  relation(['EECO03'], '<=', ['EECO02']),
  relation(['EECO06', 'EECO07', 'EECO08'], '<=', ['EECO01']),
  relation(['EECO09', 'EECO10', 'EECO11'], '=', ['EECO01']),
  relation(['EECO12'], '<=', ['EECO01']),
  relation(['EECO13'], '<=', ['EECO01']),
  relation(['EECO14'], '<=', ['EECO01']),
  relation(['EECO15'], '<=', ['EECO01']),
  relation(['EECO16'], '<=', ['EECO01']),
  relation(['EECO17'], '<=', ['EECO01']),
  relation(['EECR01'], '<=', ['LEAVERS']),
  relation(['EECR02'], '<=', ['LEAVERS']),
  relation(['EECR03'], '<=', ['LEAVERS']),
  relation(['EECR04'], '<=', ['LEAVERS']),
  relation(['EECR05'], '<=', ['FOLLOWUP_DUE']),
  relation(['EECR06'], '<=', ['FOLLOWUP_DUE']),
  // a six-month result of someone who entered before the period: judged on cumulative values only
  relation(['EECR06'], '<=', ['EECO05'], ['cumulative']),
  { test: 'women + men + nonBinary = total', rule: { kind: 'genders-add-up' } },
  { test: 'cumulative >= period', rule: { kind: 'cumulative-covers-period' } },
];

/** The names of the consistency tests, in the spec's order. */
export const CONSISTENCY_TESTS: readonly string[] = CONSISTENCY_DEFINITIONS.map((d) => d.test);

/** Swedish and English names of the gender columns (`W/M/X` in tables). */
export const GENDER_LABELS: Readonly<Record<'women' | 'men' | 'nonBinary' | 'total', Names & { short: Names }>> = {
  women: { en: 'Women', sv: 'Kvinnor', short: { en: 'W', sv: 'K' } },
  men: { en: 'Men', sv: 'Män', short: { en: 'M', sv: 'M' } },
  nonBinary: { en: 'Non-binary', sv: 'Icke-binära', short: { en: 'X', sv: 'X' } },
  total: { en: 'Total', sv: 'Totalt', short: { en: 'Total', sv: 'Totalt' } },
};

export function targetDefinition(id: TargetResultId | TargetId): TargetDefinition {
  return TARGETS.find((d) => d.id === id)!;
}
