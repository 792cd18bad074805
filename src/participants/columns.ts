import { SWEDISH_COLUMN_NAMES as SV } from '../findings/column-names.js';
import type { ColumnSpec } from '../read/header.js';

/** The participant export's columns (`participants.md`), canonical name first, then accepted aliases. */
export const PARTICIPANT_COLUMNS = [
  { name: 'participant_id', aliases: [SV.participant_id, 'deltagarid', 'deltagare_id', 'id'] },
  { name: 'personnummer', aliases: [SV.personnummer, 'personal_identity_number', 'pnr', 'samordningsnummer'] },
  { name: 'protected_identity', aliases: [SV.protected_identity, 'skyddade_personuppgifter', 'sekretessmarkering'] },
  { name: 'gender', aliases: [SV.gender, 'kon', 'sex'] },
  { name: 'birth_date', aliases: [SV.birth_date, 'fodelsedatum', 'date_of_birth'] },
  { name: 'entry_date', aliases: [SV.entry_date, 'start_date', 'inskrivningsdatum'] },
  { name: 'exit_date', aliases: [SV.exit_date, 'end_date', 'utskrivningsdatum'] },
  { name: 'cohort', aliases: [SV.cohort] },
  { name: 'employment_status', aliases: [SV.employment_status] },
  { name: 'unemployment_months', aliases: [SV.unemployment_months, 'arbetslos_manader'] },
  { name: 'isced', aliases: [SV.isced, 'utbildningsniva'] },
  { name: 'disability', aliases: [SV.disability, 'funktionsnedsattning'] },
  { name: 'third_country_national', aliases: [SV.third_country_national] },
  { name: 'foreign_background', aliases: [SV.foreign_background, 'utlandsk_bakgrund'] },
  { name: 'minority', aliases: [SV.minority] },
  { name: 'homeless', aliases: [SV.homeless, 'hemlos'] },
  { name: 'rural', aliases: [SV.rural] },
  { name: 'exit_status', aliases: [SV.exit_status] },
  { name: 'qualification_gained', aliases: [SV.qualification_gained] },
  { name: 'status_6m', aliases: [SV.status_6m, 'status_6_man'] },
  { name: 'improved_situation_6m', aliases: [SV.improved_situation_6m, 'forbattrad_situation_6_man'] },
  { name: 'work_training_start', aliases: [SV.work_training_start] },
  { name: 'studies_start', aliases: [SV.studies_start] },
  { name: 'employment_start', aliases: [SV.employment_start, 'anstallning_start'] },
  { name: 'network_expanded', aliases: [SV.network_expanded, 'utokat_natverk'] },
  { name: 'competence_improved', aliases: [SV.competence_improved, 'okad_kompetens'] },
  { name: 'understanding_improved', aliases: [SV.understanding_improved, 'okad_forstaelse'] },
] as const satisfies readonly ColumnSpec[];

export type ParticipantColumn = (typeof PARTICIPANT_COLUMNS)[number]['name'];

/** Column index constants, so the hot loop reads `values[COL.gender]` rather than searching by name. */
export const COL = Object.fromEntries(PARTICIPANT_COLUMNS.map((c, i) => [c.name, i])) as {
  readonly [K in ParticipantColumn]: number;
};

/** Header groups of which one column must be present, else the file is unusable (COLUMN_MISSING). */
export const PARTICIPANT_REQUIRED_HEADERS: readonly (readonly ParticipantColumn[])[] = [
  ['participant_id'],
  ['gender'],
  ['entry_date'],
  ['employment_status'],
  ['isced'],
  ['birth_date', 'personnummer'],
];

/** The Swedish header a template or the messages show for a column (the first alias). */
export function swedishHeader(column: ParticipantColumn): string {
  return PARTICIPANT_COLUMNS.find((c) => c.name === column)!.aliases[0];
}
