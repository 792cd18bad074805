import * as z from 'zod';
import { LANGS } from '../findings/catalogue.js';
import { PARTICIPANT_COLUMNS, type ParticipantColumn } from '../participants/columns.js';
import { columnList, TEMPLATE_LIST_IDS, type TemplateListId } from './lists.js';

/**
 * Every word of the input template lives in `templates/input-columns-<lang>.json`; this schema
 * makes a missing column description or label fail loudly when the file is loaded.
 */

/** The placeholder a note's `values` text may use for the column's dropdown values. */
export const VALUES_PLACEHOLDER = '{values}';

const text = z.string().trim().min(1);

/** Excel's sheet-name rules: 1–31 characters, none of `[ ] : * ? / \`, no leading or trailing apostrophe. */
const sheetName = z
  .string()
  .min(1)
  .max(31)
  .regex(/^[^[\]:*?/\\]+$/, { message: 'a sheet name must not contain [ ] : * ? / \\' })
  .refine((s) => !s.startsWith("'") && !s.endsWith("'"), { message: 'a sheet name must not start or end with an apostrophe' });

/** Excel shows at most 32 characters of a validation error's title and 255 of its message. */
const errorTitle = text.max(32);
const errorMessage = text.max(200);

/** The header note of one column: what the field is, its allowed values, and whether it is required. */
const ColumnTextSchema = z
  .object({
    about: text,
    /** May contain `{values}`, replaced by the dropdown's values, so the note never drifts from the list. */
    values: text,
    required: text,
  })
  .strict();

const columnShape = Object.fromEntries(PARTICIPANT_COLUMNS.map((c) => [c.name, ColumnTextSchema])) as {
  [K in ParticipantColumn]: typeof ColumnTextSchema;
};
const listShape = Object.fromEntries(TEMPLATE_LIST_IDS.map((id) => [id, text])) as { [K in TemplateListId]: typeof text };

export const TemplateTextsSchema = z
  .object({
    lang: z.enum(LANGS),
    document: z.object({ title: text, subject: text, description: text, keywords: text }).strict(),
    sheets: z.object({ participants: sheetName, lists: sheetName }).strict(),
    /** Headings of the columns of the hidden list sheet. */
    lists: z.object(listShape).strict(),
    /** Error boxes of the data validations; `{values}` in `list` is replaced by the list's values. */
    validation: z
      .object({
        listTitle: errorTitle,
        list: errorMessage,
        dateTitle: errorTitle,
        date: errorMessage,
        wholeTitle: errorTitle,
        whole: errorMessage,
      })
      .strict(),
    columns: z.object(columnShape).strict(),
  })
  .strict()
  .superRefine((texts, ctx) => {
    for (const c of PARTICIPANT_COLUMNS) {
      const values = texts.columns[c.name].values;
      if (values.includes(VALUES_PLACEHOLDER) && columnList(c.name) === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', c.name, 'values'],
          message: `${VALUES_PLACEHOLDER} is only for columns with a dropdown list`,
        });
      }
    }
  });
export type TemplateTexts = z.infer<typeof TemplateTextsSchema>;

/** Checks a parsed `input-columns-<lang>.json` into texts, or the problems that make it incomplete. */
export function parseTemplateTexts(data: unknown): { texts: TemplateTexts } | { problems: string[] } {
  const result = TemplateTextsSchema.safeParse(data);
  if (result.success) return { texts: result.data };
  return { problems: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}
