import type { Lang } from '../findings/catalogue.js';
import { PARTICIPANT_COLUMNS, swedishHeader, type ParticipantColumn } from '../participants/columns.js';
import { columnList, listValues, TEMPLATE_LIST_IDS, type TemplateListId } from './lists.js';
import { VALUES_PLACEHOLDER, type TemplateTexts } from './texts.js';

/**
 * The input template as plain data: columns with their header, note and input rule, the dropdown
 * lists, and the document texts. The CSV and the workbook are both rendered from it.
 */

/** How a column is typed in: the workbook gives each kind its cell format and validation. */
export type TemplateColumnKind = 'id' | 'text' | 'date' | 'whole' | 'list';

/** Every column's kind; a new column without one does not compile. */
const COLUMN_KINDS: { readonly [K in ParticipantColumn]: TemplateColumnKind } = {
  participant_id: 'id',
  personnummer: 'id',
  protected_identity: 'list',
  gender: 'list',
  birth_date: 'date',
  entry_date: 'date',
  exit_date: 'date',
  cohort: 'text',
  employment_status: 'list',
  unemployment_months: 'whole',
  isced: 'list',
  disability: 'list',
  third_country_national: 'list',
  foreign_background: 'list',
  minority: 'list',
  homeless: 'list',
  rural: 'list',
  exit_status: 'list',
  qualification_gained: 'list',
  status_6m: 'list',
  improved_situation_6m: 'list',
  work_training_start: 'date',
  studies_start: 'date',
  employment_start: 'date',
  network_expanded: 'list',
  competence_improved: 'list',
  understanding_improved: 'list',
};

/** Rows 2 … 1 + TEMPLATE_DATA_ROWS carry the formats and validations: ample for one project's participants. */
export const TEMPLATE_DATA_ROWS = 1000;

/** Dates a date column accepts in Excel: anything outside is a typing mistake. */
export const TEMPLATE_DATE_RANGE = { min: '1900-01-01', max: '2100-12-31' } as const;

/** unemployment_months: whole months 0–600 (`participants.md`). */
export const UNEMPLOYMENT_MONTHS_RANGE = { min: 0, max: 600 } as const;

/** The input rule of a column in the workbook, with the error box Excel shows when it is broken. */
export type TemplateValidation =
  | { readonly type: 'list'; readonly list: TemplateListId; readonly errorTitle: string; readonly error: string }
  | { readonly type: 'date'; readonly min: string; readonly max: string; readonly errorTitle: string; readonly error: string }
  | { readonly type: 'whole'; readonly min: number; readonly max: number; readonly errorTitle: string; readonly error: string };

export interface TemplateColumn {
  readonly name: ParticipantColumn;
  /** The header cell: the Swedish alias in a Swedish template, the canonical name in an English one. */
  readonly header: string;
  /** The header's note: what the field is, its allowed values, whether it is required. */
  readonly note: string;
  readonly kind: TemplateColumnKind;
  readonly validation: TemplateValidation | undefined;
}

export interface TemplateList {
  readonly id: TemplateListId;
  readonly title: string;
  readonly values: readonly (string | number)[];
}

export interface TemplateModel {
  readonly lang: Lang;
  /** The CSV delimiter: `;` as Swedish Excel expects, `,` in English. */
  readonly delimiter: ';' | ',';
  readonly sheets: TemplateTexts['sheets'];
  readonly document: TemplateTexts['document'];
  readonly columns: readonly TemplateColumn[];
  /** The lists the columns use, in the order of their columns on the list sheet. */
  readonly lists: readonly TemplateList[];
}

/** The kind of a column (exported for tests and other renderers). */
export function columnKind(column: ParticipantColumn): TemplateColumnKind {
  return COLUMN_KINDS[column];
}

function listText(values: readonly (string | number)[]): string {
  return values.join(', ');
}

/** Builds the template for a language from its texts (`templates/input-columns-<lang>.json`). */
export function buildTemplateModel(lang: Lang, texts: TemplateTexts): TemplateModel {
  const v = texts.validation;
  const columns = PARTICIPANT_COLUMNS.map((c): TemplateColumn => {
    const kind = COLUMN_KINDS[c.name];
    const list = columnList(c.name);
    const values = list === undefined ? '' : listText(listValues(list, lang));
    const t = texts.columns[c.name];
    let validation: TemplateValidation | undefined;
    if (list !== undefined) {
      validation = { type: 'list', list, errorTitle: v.listTitle, error: v.list.replaceAll(VALUES_PLACEHOLDER, values) };
    } else if (kind === 'date') {
      validation = { type: 'date', ...TEMPLATE_DATE_RANGE, errorTitle: v.dateTitle, error: v.date };
    } else if (kind === 'whole') {
      validation = { type: 'whole', ...UNEMPLOYMENT_MONTHS_RANGE, errorTitle: v.wholeTitle, error: v.whole };
    }
    return {
      name: c.name,
      header: lang === 'sv' ? swedishHeader(c.name) : c.name,
      note: [t.about, t.values.replaceAll(VALUES_PLACEHOLDER, values), t.required].join('\n'),
      kind,
      validation,
    };
  });
  const used = new Set(columns.flatMap((c) => (c.validation?.type === 'list' ? [c.validation.list] : [])));
  const lists = TEMPLATE_LIST_IDS.filter((id) => used.has(id)).map((id) => ({
    id,
    title: texts.lists[id],
    values: listValues(id, lang),
  }));
  return {
    lang,
    delimiter: lang === 'sv' ? ';' : ',',
    sheets: texts.sheets,
    document: texts.document,
    columns,
    lists,
  };
}
