import * as z from 'zod';
import { parseIsoDate } from '../core/dates.js';

const isoDate = z.string().refine((s) => parseIsoDate(s) !== undefined, { message: 'expected a date YYYY-MM-DD' });
const rate = z.number().min(0).max(1);

/** An amount in SEK with at most two decimals (öre), not negative. */
const sek = z
  .number()
  .min(0)
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, { message: 'expected SEK with at most two decimals' });

/**
 * The hourly rate (unit cost) at which participants' time counts as in-kind co-financing, each
 * from a day on, and where the rate comes from (the decision or the call). No rates: no value.
 */
const ParticipantTimeSchema = z
  .object({
    hourlyRates: z
      .array(z.object({ from: isoDate, sek }).strict())
      .refine((rates) => new Set(rates.map((r) => r.from)).size === rates.length, { message: 'two hourly rates from the same day' }),
    source: z.string(),
  })
  .strict();

export const TARGET_IDS = ['T-PART', 'T-GEN', 'T-EMP', 'T-WT', 'T-STU', 'T-NET', 'T-COMP', 'T-SOC'] as const;
export type TargetId = (typeof TARGET_IDS)[number];

/** An ESF+ project's identity, period, rates and targets: data, so another project needs no code change. */
export const ProjectProfileSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    owner: z.object({ name: z.string().min(1), orgNr: z.string().min(1) }),
    fund: z.string().min(1),
    cci: z.string().min(1),
    programmeArea: z.string(),
    specificObjective: z.string(),
    region: z.string(),
    nuts2: z.string(),
    interventionType: z.string(),
    period: z.object({ start: isoDate, end: isoDate }).refine((p) => p.start <= p.end, {
      message: 'period.start must not be after period.end',
    }),
    plannedParticipants: z.number().int().positive(),
    rates: z.object({
      /** Unionens medfinansieringsgrad: EU share of eligible cost. */
      eu: rate,
      /** Flat rate on staff costs (CPR Art. 56), or null for a project that books other direct costs. */
      flatRate: rate.nullable(),
    }),
    targets: z.array(z.object({ id: z.enum(TARGET_IDS), rate })),
    reference: z.object({ name: z.string(), rate, women: rate.nullable() }).nullable(),
    participantTime: ParticipantTimeSchema.optional(),
    /** The SCB month-list mapping (`esf-report month --out`), a path relative to the profile file; default templates/scb-month-mapping.json. */
    scbMonthMapping: z.string().min(1).optional(),
  })
  .strict();

export type ProjectProfile = z.infer<typeof ProjectProfileSchema>;

/** Validates a parsed profile; returns the profile or readable problems (path: message). */
export function parseProjectProfile(data: unknown): { profile: ProjectProfile } | { problems: string[] } {
  const result = ProjectProfileSchema.safeParse(data);
  if (result.success) return { profile: result.data };
  return { problems: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}
