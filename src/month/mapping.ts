import * as z from 'zod';
import {
  ENTRY_STATUSES,
  EXIT_STATUSES,
  GENDERS,
  SENSITIVE_ANSWERS,
} from '../participants/values.js';

/**
 * Where an output column of SCB's monthly list takes its value from. Dates are SCB's words
 * (startdatum, slutdatum); the rest are the export's fields at entry, and the exit status.
 */
export const MAPPING_SOURCES = [
  'personnummer',
  'participant_id',
  'project_id',
  'row_kind',
  'start_date',
  'end_date',
  'gender',
  'birth_date',
  'employment_status',
  'unemployment_months',
  'isced',
  'disability',
  'third_country_national',
  'foreign_background',
  'minority',
  'homeless',
  'rural',
  'protected_identity',
  'exit_status',
] as const;
export type MappingSource = (typeof MAPPING_SOURCES)[number];

/** The values an enumerated source can take: a column's `values` must give a code for each. */
export const SOURCE_VALUES: Partial<Record<MappingSource, readonly string[]>> = {
  row_kind: ['start', 'end', 'start_end'],
  gender: GENDERS,
  employment_status: ENTRY_STATUSES,
  isced: ['0', '1', '2', '3', '4', '5', '6', '7', '8'],
  disability: SENSITIVE_ANSWERS,
  third_country_national: SENSITIVE_ANSWERS,
  foreign_background: SENSITIVE_ANSWERS,
  minority: SENSITIVE_ANSWERS,
  homeless: SENSITIVE_ANSWERS,
  rural: SENSITIVE_ANSWERS,
  protected_identity: ['yes', 'no'],
  exit_status: EXIT_STATUSES,
};

/** Sources that are dates: written as real date cells. */
export const DATE_SOURCES: ReadonlySet<MappingSource> = new Set<MappingSource>(['start_date', 'end_date', 'birth_date']);

export const PERSONNUMMER_FORMS = ['YYYYMMDDNNNN', 'YYYYMMDD-NNNN', 'YYMMDD-NNNN'] as const;
export type PersonnummerForm = (typeof PERSONNUMMER_FORMS)[number];

const code = z.union([z.string(), z.number()]);

const ColumnSchema = z
  .object({
    header: z.string().min(1),
    source: z.enum(MAPPING_SOURCES, { message: `source must be one of: ${MAPPING_SOURCES.join(', ')}` }),
    /** Which rows get a value: a starter's characteristics stay empty on a leaver's row. */
    rows: z.enum(['all', 'starters', 'leavers']).default('all'),
    /** Output code for each value of an enumerated source (all of them), e.g. { "woman": "K" }. */
    values: z.record(z.string(), code).optional(),
    /** Where the column comes from: SCB's public instructions, or an assumption to check against SCB's template. */
    basis: z.enum(['scb', 'assumption']).default('assumption'),
    note: z.string().optional(),
  })
  .strict();

export const MappingSchema = z
  .object({
    schema: z.literal('esf-report/scb-month-mapping@1'),
    name: z.string().min(1),
    note: z.string().optional(),
    sheet: z.string().min(1).max(31),
    dateFormat: z.string().min(1).default('yyyy-mm-dd'),
    personnummer: z
      .object({
        form: z.enum(PERSONNUMMER_FORMS).default('YYYYMMDDNNNN'),
        /**
         * What follows the birth date (ÅÅÅÅMMDD) for a protected identity, by legal gender; null where
         * the code is not known (the cell is then left empty, with a finding).
         */
        protected: z.object({ woman: z.string().min(1).nullable(), man: z.string().min(1).nullable() }).strict(),
        basis: z.enum(['scb', 'assumption']).default('assumption'),
        note: z.string().optional(),
      })
      .strict(),
    columns: z.array(ColumnSchema).min(1),
  })
  .strict()
  .superRefine((m, ctx) => {
    const headers = new Set<string>();
    m.columns.forEach((c, i) => {
      if (headers.has(c.header)) ctx.addIssue({ code: 'custom', path: ['columns', i, 'header'], message: `"${c.header}" appears twice` });
      headers.add(c.header);
      const allowed = SOURCE_VALUES[c.source];
      if (c.values === undefined) return;
      if (!allowed) {
        ctx.addIssue({ code: 'custom', path: ['columns', i, 'values'], message: `${c.source} takes no value codes` });
        return;
      }
      const unknown = Object.keys(c.values).filter((k) => !allowed.includes(k));
      const missing = allowed.filter((v) => !(v in c.values!));
      if (unknown.length > 0) {
        ctx.addIssue({ code: 'custom', path: ['columns', i, 'values'], message: `${unknown.join(', ')} is not a value of ${c.source} (${allowed.join(', ')})` });
      }
      if (missing.length > 0) {
        ctx.addIssue({ code: 'custom', path: ['columns', i, 'values'], message: `no code for ${missing.join(', ')} (${c.source} takes ${allowed.join(', ')})` });
      }
    });
  });

export type Mapping = z.infer<typeof MappingSchema>;
export type MappingColumn = Mapping['columns'][number];

/** Checks a parsed mapping; returns it or readable problems (path: message). */
export function parseMapping(data: unknown): { mapping: Mapping } | { problems: string[] } {
  const result = MappingSchema.safeParse(data);
  if (result.success) return { mapping: result.data };
  return { problems: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}
