/**
 * What every input column is called in Swedish: the header the templates write, the first alias a
 * header may use, and the name the Swedish messages give a column. The input contracts
 * (`participants/columns.ts`, `finance/columns.ts`, `attendance/columns.ts`) take their Swedish alias from here, so the
 * messages and the headers cannot drift apart.
 */
export const SWEDISH_COLUMN_NAMES = {
  participant_id: 'deltagar_id',
  personnummer: 'personnummer',
  protected_identity: 'skyddad_identitet',
  gender: 'kön',
  birth_date: 'födelsedatum',
  entry_date: 'startdatum',
  exit_date: 'slutdatum',
  cohort: 'kohort',
  employment_status: 'arbetsmarknadsstatus',
  unemployment_months: 'arbetslös_månader',
  isced: 'utbildningsnivå',
  disability: 'funktionsnedsättning',
  third_country_national: 'tredjelandsmedborgare',
  foreign_background: 'utländsk_bakgrund',
  minority: 'minoritet',
  homeless: 'hemlös',
  rural: 'landsbygd',
  exit_status: 'status_vid_avslut',
  qualification_gained: 'kvalifikation',
  status_6m: 'status_6_mån',
  improved_situation_6m: 'förbättrad_situation_6_mån',
  work_training_start: 'praktik_start',
  studies_start: 'studier_start',
  employment_start: 'anställning_start',
  network_expanded: 'utökat_nätverk',
  competence_improved: 'ökad_kompetens',
  understanding_improved: 'ökad_förståelse',
  date: 'datum',
  type: 'typ',
  category: 'kategori',
  amount: 'belopp',
  party: 'part',
  reference: 'verifikation',
  description: 'beskrivning',
  hours: 'timmar',
  activity: 'aktivitet',
} as const;

export function columnLabel(canonical: string, lang: 'en' | 'sv'): string {
  return lang === 'sv' ? ((SWEDISH_COLUMN_NAMES as Readonly<Record<string, string>>)[canonical] ?? canonical) : canonical;
}
