import type { ContextCode, IndicatorCode, TargetResultId } from '../../src/indicators/result.js';
import { CONSISTENCY_TESTS, CONTEXT_ROWS, GENDER_BAND_POINTS, INDICATORS, SENSITIVE_MEASURE_NAMES, TARGETS, type EventDate, type OnTrackRule, type TargetBase } from '../../src/indicators/registry.js';
import type { ProjectProfile } from '../../src/project/profile.js';
import { cell, GENERATED_NOTE } from './markdown.js';

/** The rule of each indicator in words (the predicate is in the registry; a new code without a rule here does not compile). */
const RULES: { readonly [C in IndicatorCode]: string } = {
  EECO01: 'every participant who entered in the window (= EECO02 + EECO04 + EECO05)',
  EECO02: 'employment_status at entry is `unemployed` (long-term unemployed included)',
  EECO03: 'unemployed at entry for more than 6 months (under 25 at entry) or more than 12 months (25 and over), from `unemployment_months`',
  EECO04: 'employment_status at entry is `inactive` (outside the labour force)',
  EECO05: 'employment_status at entry is `employed` (self-employed included)',
  EECO06: 'below 18 at entry (whole years from birth_date to entry_date)',
  EECO07: '18 to 29 at entry',
  EECO08: '55 or older at entry',
  EECO09: 'ISCED 0–2 at entry',
  EECO10: 'ISCED 3–4 at entry',
  EECO11: 'ISCED 5–8 at entry',
  EECO12: '`disability` answered yes',
  EECO13: '`third_country_national` answered yes',
  EECO14: '`foreign_background` answered yes',
  EECO15: '`minority` answered yes',
  EECO16: '`homeless` answered yes',
  EECO17: '`rural` answered yes',
  EECR01: 'inactive at entry and `exit_status` job_searching',
  EECR02: '`exit_status` education_training',
  EECR03: '`qualification_gained` yes',
  EECR04: '`exit_status` employed or self_employed',
  EECR05: '`status_6m` employed or self_employed',
  EECR06: 'employed at entry and `improved_situation_6m` yes',
};

const CONTEXT_RULES: { readonly [C in ContextCode]: string } = {
  LEAVERS: 'participants whose exit_date lies in the window: the base of EECR01–EECR04',
  FOLLOWUP_DUE: 'participants whose six-month point (exit_date + 6 calendar months) lies in the window: the base of EECR05–EECR06',
  FOLLOWUP_MISSING: 'of those, the ones with no `status_6m` or `unknown`',
};

const TARGET_RULES: { readonly [T in TargetResultId]: string } = {
  'T-PART': 'participants entered so far, against the planned number',
  'T-GEN': 'the share of women among the participants entered',
  'T-EMP': 'participants not employed at entry who got a job: an `employment_start` up to the window end, or left as employed or self-employed',
  'T-WT': 'participants with a `work_training_start` (praktik) up to the window end',
  'T-STU': 'participants with a `studies_start` up to the window end, or who left for education or training',
  'T-NET': 'leavers who answered yes to `network_expanded` in the exit survey; unanswered (`unknown`) leavers stay in the base and are counted beside',
  'T-COMP': 'leavers who answered yes to `competence_improved`; unanswered counted beside',
  'T-SOC': 'leavers who answered yes to `understanding_improved`; unanswered counted beside',
  'T-TRANS': 'leavers who left for work, self-employment or studies, or started a job or studies before leaving',
};

const EVENT_WORDS: { readonly [E in EventDate]: string } = {
  entry: 'entry_date',
  exit: 'exit_date',
  'six-month-point': 'exit_date + 6 calendar months',
};
const BASE_WORDS: { readonly [B in TargetBase]: string } = {
  planned: 'the planned number of participants',
  entered: 'participants entered up to the window end',
  leavers: 'participants who left up to the window end',
};
const ON_TRACK_WORDS: { readonly [R in OnTrackRule]: string } = {
  elapsed: 'achieved ≥ target count × the elapsed share of the project period',
  'gender-band': `the women's share within ±${GENDER_BAND_POINTS} percentage points of the target rate`,
  rate: 'rate ≥ target rate',
  none: 'a reference, not a target',
};
const KIND_WORDS = { output: 'Output indicators (at entry)', result: 'Result indicators (upon leaving, within four weeks)', 'longer-term-result': 'Longer-term result indicators (six months after leaving)' } as const;

const pct = (r: number) => `${Math.round(r * 1000) / 10} %`;

/** `docs/indicators.md`: how every indicator, context row and project target is counted, from the registry. */
export function indicatorsPage(profile: ProjectProfile): string {
  const L: string[] = [];
  L.push('# Indicators and targets (indikatorer och projektmål)', '', GENERATED_NOTE, '');
  L.push(
    '`esf-report indicators` and the Indikatorer sheet of `esf-report report` count the ESF+ common',
    'indicators for participants (EECO01–EECO17, EECR01–EECR06) and the project\'s own targets. Every',
    'figure is split into women, men, non-binary and total, and given for the **period** (events inside',
    'the window) and **cumulatively** (from the project start to the window end).',
    '',
    '## Which participants count',
    '',
    '- A row with any error-level finding counts in no figure (it is listed with its line, ID and',
    '  codes). Warnings never change a figure.',
    '- Each indicator has an event date. A participant counts in the period when the event date lies',
    '  in the window, and cumulatively when it lies between the project start and the window end.',
    '- The window ends at the period end or at the reference date (`--as-of`, by default the period end',
    '  or today if earlier), whichever is first: the export is read as it stood on that day, so an',
    '  entry, exit or answer dated later has not happened yet.',
    '- Periods: `--period 2025-Q2` (quarter), `2025-H1`/`2025-H2`, `2025-05` (month), `2025`,',
    '  `project`, or `--from DATE --to DATE`; without any, the latest calendar quarter that has ended',
    '  by the reference date. A period is clipped to the reporting range, from the project start to six',
    '  months after its end (for the last six-month results).',
    '- EECO12–EECO17 count the answer yes; the answers "declined" (vill ej uppge) and "unknown"',
    `  (okänt or no answer) are reported beside them as "${SENSITIVE_MEASURE_NAMES.declined.en}" and "${SENSITIVE_MEASURE_NAMES.unknown.en}".`,
    '',
  );
  for (const kind of ['output', 'result', 'longer-term-result'] as const) {
    L.push(`## ${KIND_WORDS[kind]}`, '', '| code | indicator | Swedish name | event date | counts when |', '| --- | --- | --- | --- | --- |');
    for (const d of INDICATORS.filter((i) => i.kind === kind)) {
      L.push(`| ${d.code} | ${cell(d.name.en)} | ${cell(d.name.sv)} | ${EVENT_WORDS[d.event]} | ${cell(RULES[d.code])} |`);
    }
    L.push('');
  }
  L.push('## Context rows', '', '| code | name | Swedish name | event date | counts |', '| --- | --- | --- | --- | --- |');
  for (const c of CONTEXT_ROWS) L.push(`| ${c.code} | ${cell(c.name.en)} | ${cell(c.name.sv)} | ${EVENT_WORDS[c.event]} | ${cell(CONTEXT_RULES[c.code])} |`);
  L.push('', `## Project targets (projektmål) of ${profile.id} ${profile.name}`, '');
  L.push(
    `Targets are counted cumulatively up to the window end. The target rates come from the project profile (${profile.plannedParticipants} planned`,
    'participants); a target count is the rate × the planned participants, rounded up.',
    '',
    '| target | name | Swedish name | rate in the profile | base | achieved when | on track when |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const t of TARGETS) {
    const rate = t.id === 'T-TRANS' ? (profile.reference ? `reference: ${profile.reference.name} ${pct(profile.reference.rate)}` : '–') : profile.targets.find((x) => x.id === t.id);
    const rateText = typeof rate === 'string' ? rate : rate ? pct(rate.rate) : 'not a target of this project';
    L.push(`| ${t.id} | ${cell(t.name.en)} | ${cell(t.name.sv)} | ${cell(rateText)} | ${BASE_WORDS[t.base]} | ${cell(TARGET_RULES[t.id])} | ${cell(ON_TRACK_WORDS[t.onTrack])} |`);
  }
  L.push('', '## Consistency tests', '', 'The Commission\'s aggregate tests are run on every result and reported with it (text, JSON and the workbook):', '');
  for (const t of CONSISTENCY_TESTS) L.push(`- \`${t}\``);
  L.push('');
  return L.join('\n');
}
