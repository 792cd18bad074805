import * as z from 'zod';
import { FINDING_CODES } from '../findings/codes.js';

/**
 * The `esf-report/indicators@1` result: the zod schemas are the one definition; the TypeScript
 * types are inferred from them and `esf-report schema indicators` prints them as JSON Schema.
 */

const count = z.number().int().nonnegative();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const rate4 = z.number().describe('rounded half up to 4 decimals');

/** A count split by gender, as every figure is (`indicators.md`). */
export const GenderSplitSchema = z.object({ women: count, men: count, nonBinary: count, total: count });
export type GenderSplit = z.infer<typeof GenderSplitSchema>;

export const PeriodAndCumulativeSchema = z.object({ period: GenderSplitSchema, cumulative: GenderSplitSchema });
export type PeriodAndCumulative = z.infer<typeof PeriodAndCumulativeSchema>;

export const INDICATOR_KINDS = ['output', 'result', 'longer-term-result'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const INDICATOR_CODES = [
  'EECO01', 'EECO02', 'EECO03', 'EECO04', 'EECO05', 'EECO06', 'EECO07', 'EECO08', 'EECO09',
  'EECO10', 'EECO11', 'EECO12', 'EECO13', 'EECO14', 'EECO15', 'EECO16', 'EECO17',
  'EECR01', 'EECR02', 'EECR03', 'EECR04', 'EECR05', 'EECR06',
] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

export const CONTEXT_CODES = ['LEAVERS', 'FOLLOWUP_DUE', 'FOLLOWUP_MISSING'] as const;
export type ContextCode = (typeof CONTEXT_CODES)[number];

export const IndicatorValueSchema = PeriodAndCumulativeSchema.extend({
  code: z.enum(INDICATOR_CODES),
  /** English name (JSON names are English whatever `--lang`). */
  name: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  /** EECO12–EECO17 only: participants who declined, and whose answer is unknown or empty. */
  declined: PeriodAndCumulativeSchema.optional(),
  unknown: PeriodAndCumulativeSchema.optional(),
});
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;

export const ContextValueSchema = PeriodAndCumulativeSchema.extend({ code: z.enum(CONTEXT_CODES), name: z.string() });
export type ContextValue = z.infer<typeof ContextValueSchema>;

export const TARGET_RESULT_IDS = ['T-PART', 'T-GEN', 'T-EMP', 'T-WT', 'T-STU', 'T-NET', 'T-COMP', 'T-SOC', 'T-TRANS'] as const;
export type TargetResultId = (typeof TARGET_RESULT_IDS)[number];

export const TargetResultSchema = z.object({
  id: z.enum(TARGET_RESULT_IDS),
  name: z.string(),
  /** Null for T-TRANS (reference only). */
  targetRate: z.number().nullable(),
  /** targetRate × planned participants, rounded up exactly; null for targets on leavers. */
  targetCount: count.nullable(),
  base: count,
  achieved: GenderSplitSchema,
  /** T-NET, T-COMP, T-SOC only: leavers without an answer. */
  unanswered: GenderSplitSchema.optional(),
  rate: rate4.nullable(),
  onTrack: z.boolean().nullable(),
  /** T-TRANS only: the earlier project's reported figures, from the profile. */
  reference: z.object({ name: z.string(), rate: z.number(), women: z.number().nullable() }).nullable().optional(),
});
export type TargetResult = z.infer<typeof TargetResultSchema>;

export const ConsistencyResultSchema = z.object({ test: z.string(), holds: z.boolean() });
export type ConsistencyResult = z.infer<typeof ConsistencyResultSchema>;

export const ExcludedRowSchema = z.object({
  line: z.number().int().positive(),
  participantId: z.string().nullable(),
  codes: z.array(z.string()),
});
export type ExcludedRow = z.infer<typeof ExcludedRowSchema>;

export const RenderedFindingSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.enum(Object.keys(FINDING_CODES) as [keyof typeof FINDING_CODES, ...(keyof typeof FINDING_CODES)[]]),
  file: z.string().nullable(),
  line: z.number().int().positive().nullable(),
  column: z.string().nullable(),
  message: z.string(),
  /** Extra field: the row's participant ID when it is valid (never a personnummer). */
  participantId: z.string().nullable().optional(),
});

/** Starters and leavers of one calendar month (the rhythm of SCB's participant reports). */
export const MonthRowSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  starters: GenderSplitSchema,
  leavers: GenderSplitSchema,
});
export type MonthRow = z.infer<typeof MonthRowSchema>;

/** One cohort's figures (cumulative up to the window end). */
export const CohortRowSchema = z.object({
  cohort: z.string(),
  starters: GenderSplitSchema,
  leavers: GenderSplitSchema,
  /** Leavers in work (employed/self-employed upon leaving or employment_start). */
  employed: GenderSplitSchema,
  /** Leavers in education or training upon leaving, or studies_start. */
  studies: GenderSplitSchema,
  /** Work training started. */
  workTraining: GenderSplitSchema,
});
export type CohortRow = z.infer<typeof CohortRowSchema>;

export const IndicatorsResultSchema = z
  .object({
    schema: z.literal('esf-report/indicators@1'),
    project: z.object({ id: z.string(), name: z.string() }),
    period: z.object({ label: z.string(), start: isoDate, end: isoDate, asOf: isoDate, preliminary: z.boolean() }),
    records: z.object({ rows: count, counted: count, excluded: count, notYetEntered: count }),
    indicators: z.array(IndicatorValueSchema),
    context: z.array(ContextValueSchema),
    targets: z.array(TargetResultSchema),
    consistency: z.array(ConsistencyResultSchema),
    excluded: z.array(ExcludedRowSchema),
    findings: z.array(RenderedFindingSchema),
    /** Extra field: the full count per finding code; `findings` lists at most 1,000 of each. */
    findingCounts: z.record(z.string(), count).optional(),
    /** Extra fields (allowed by the spec): the monthly and cohort views. */
    monthly: z.array(MonthRowSchema),
    cohorts: z.array(CohortRowSchema),
  })
  .describe('esf-report indicators result (indicators.md): ESF+ common indicators, context rows, project targets, consistency tests');
export type IndicatorsResult = z.infer<typeof IndicatorsResultSchema>;
