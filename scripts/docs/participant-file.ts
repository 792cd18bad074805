import { PARTICIPANT_COLUMNS, PARTICIPANT_REQUIRED_HEADERS, type ParticipantColumn } from '../../src/participants/columns.js';
import { columnKind } from '../../src/template/model.js';
import { columnList, listValues, listVocabulary } from '../../src/template/lists.js';
import { VALUES_PLACEHOLDER, type TemplateTexts } from '../../src/template/texts.js';
import { GENERATED_NOTE } from './markdown.js';

/** One example value per column, as an administrator would type it (a new column without one does not compile). */
const EXAMPLES: { readonly [K in ParticipantColumn]: string } = {
  participant_id: 'P-0042',
  personnummer: 'YYYYMMDD-NNNN (never a real one in an example)',
  protected_identity: 'nej',
  gender: 'kvinna',
  birth_date: '1990-04-12',
  entry_date: '2025-02-03',
  exit_date: '2025-11-28',
  cohort: '2025-VT',
  employment_status: 'arbetslös',
  unemployment_months: '14',
  isced: '3',
  disability: 'vill ej uppge',
  third_country_national: 'ja',
  foreign_background: 'ja',
  minority: 'nej',
  homeless: 'nej',
  rural: 'okänt',
  exit_status: 'anställd',
  qualification_gained: 'nej',
  status_6m: 'anställd',
  improved_situation_6m: 'ja',
  work_training_start: '2025-05-12',
  studies_start: '2025-08-18',
  employment_start: '2025-11-24',
  network_expanded: 'ja',
  competence_improved: 'ja',
  understanding_improved: 'vet ej',
};

const KIND_WORDS = { id: 'text (an identifier)', text: 'text', date: 'date YYYY-MM-DD', whole: 'whole number', list: 'one value from a list' } as const;

/** `docs/participant-file.md`: every column and every accepted value, from the validator's own column and value lists. */
export function participantFilePage(en: TemplateTexts, sv: TemplateTexts): string {
  const L: string[] = [];
  L.push('# The participant file (deltagarfilen)', '', GENERATED_NOTE, '');
  L.push(
    'One row per participant, the first row a header. esf-report reads it as a CSV file (UTF-8 with or',
    'without BOM, UTF-16 with BOM, or the Windows-1252 that Swedish Excel writes for "CSV',
    '(semikolonavgränsad)"; `,` `;` or tab between fields) or as an Excel workbook (.xlsx, the first',
    'visible sheet or `--sheet NAME`). Headers may be English or Swedish, in any order and any case;',
    'values too may be written in English or Swedish. `esf-report template -o deltagare.xlsx` writes a',
    'blank workbook with these columns, a note on every header and dropdown lists that only offer',
    'values the validator accepts.',
    '',
    'The header must have these columns (one of each group), or the file cannot be used at all',
    '([COLUMN_MISSING](findings.md#column_missing)):',
    '',
  );
  for (const group of PARTICIPANT_REQUIRED_HEADERS) L.push(`- ${group.map((c) => `\`${c}\``).join(' or ')}`);
  L.push(
    '',
    'A column the tool does not know is reported once ([COLUMN_UNKNOWN](findings.md#column_unknown))',
    'and otherwise ignored. An empty cell means "not given".',
    '',
    '## The columns at a glance',
    '',
    '| column | Swedish header | required | type |',
    '| --- | --- | --- | --- |',
  );
  for (const c of PARTICIPANT_COLUMNS) {
    L.push(`| [${c.name}](#${c.name}) | ${c.aliases[0]} | ${en.columns[c.name].required.replace(/\.$/, '')} | ${KIND_WORDS[columnKind(c.name)]} |`);
  }
  L.push('', '## Column by column', '');
  for (const c of PARTICIPANT_COLUMNS) {
    const list = columnList(c.name);
    const fill = (lang: 'en' | 'sv') => (s: string) =>
      s.replaceAll(VALUES_PLACEHOLDER, list === undefined ? '' : listValues(list, lang).join(', '));
    const e = en.columns[c.name];
    const s = sv.columns[c.name];
    L.push(`### ${c.name}`, '');
    L.push(`${e.about} ${fill('en')(e.values)} ${e.required}`, '');
    L.push(`*Svenska:* ${s.about} ${fill('sv')(s.values)} ${s.required}`, '');
    L.push(`- Headers accepted: ${[c.name, ...c.aliases].map((h) => `\`${h}\``).join(', ')}`);
    const vocab = list === undefined ? undefined : listVocabulary(list);
    if (vocab) {
      L.push('- Values accepted (any case; the words in brackets mean the same):');
      for (const v of vocab.values) {
        const forms = vocab.forms[v] ?? [];
        L.push(`  - \`${v}\`${forms.length ? ` (${forms.map((f) => `\`${f}\``).join(', ')})` : ''}`);
      }
    } else if (list === 'isced') {
      L.push('- Values accepted: the ISCED 2011 level as a number, 0 to 8');
    }
    L.push(`- Example: \`${EXAMPLES[c.name]}\``, '');
  }
  L.push(
    '## What the checks find',
    '',
    'Every problem is reported with its file, its line (the header is line 1; in a workbook the Excel',
    'row) and its column, under a stable code. A row with an error counts in no figure until it is',
    'corrected; a warning never changes a figure. [Every finding code](findings.md) says what it means',
    'and how to fix it.',
    '',
    'A personnummer is only checked (date, check digit, agreement with the birth date and gender) and',
    'never printed: rows are named by participant_id and line number.',
    '',
  );
  return L.join('\n');
}
