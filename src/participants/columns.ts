import type { ColumnSpec } from '../read/header.js';

/** The participant export's columns (`participants.md`), canonical name first, then accepted aliases. */
export const PARTICIPANT_COLUMNS = [
  { name: 'participant_id', aliases: ['deltagar_id', 'deltagarid', 'deltagare_id', 'id'] },
  { name: 'personnummer', aliases: ['personnummer', 'personal_identity_number', 'pnr', 'samordningsnummer'] },
  { name: 'protected_identity', aliases: ['skyddad_identitet', 'skyddade_personuppgifter', 'sekretessmarkering'] },
  { name: 'gender', aliases: ['kön', 'kon', 'sex'] },
  { name: 'birth_date', aliases: ['födelsedatum', 'fodelsedatum', 'date_of_birth'] },
  { name: 'entry_date', aliases: ['startdatum', 'start_date', 'inskrivningsdatum'] },
  { name: 'exit_date', aliases: ['slutdatum', 'end_date', 'utskrivningsdatum'] },
  { name: 'cohort', aliases: ['kohort'] },
  { name: 'employment_status', aliases: ['arbetsmarknadsstatus'] },
  { name: 'unemployment_months', aliases: ['arbetslös_månader', 'arbetslos_manader'] },
  { name: 'isced', aliases: ['utbildningsnivå', 'utbildningsniva'] },
  { name: 'disability', aliases: ['funktionsnedsättning', 'funktionsnedsattning'] },
  { name: 'third_country_national', aliases: ['tredjelandsmedborgare'] },
  { name: 'foreign_background', aliases: ['utländsk_bakgrund', 'utlandsk_bakgrund'] },
  { name: 'minority', aliases: ['minoritet'] },
  { name: 'homeless', aliases: ['hemlös', 'hemlos'] },
  { name: 'rural', aliases: ['landsbygd'] },
  { name: 'exit_status', aliases: ['status_vid_avslut'] },
  { name: 'qualification_gained', aliases: ['kvalifikation'] },
  { name: 'status_6m', aliases: ['status_6_mån', 'status_6_man'] },
  { name: 'improved_situation_6m', aliases: ['förbättrad_situation_6_mån', 'forbattrad_situation_6_man'] },
  { name: 'work_training_start', aliases: ['praktik_start'] },
  { name: 'studies_start', aliases: ['studier_start'] },
  { name: 'employment_start', aliases: ['anställning_start', 'anstallning_start'] },
  { name: 'network_expanded', aliases: ['utökat_nätverk', 'utokat_natverk'] },
  { name: 'competence_improved', aliases: ['ökad_kompetens', 'okad_kompetens'] },
  { name: 'understanding_improved', aliases: ['ökad_förståelse', 'okad_forstaelse'] },
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
