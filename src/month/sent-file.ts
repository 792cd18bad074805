import * as z from 'zod';
import { parseIsoDate, type IsoDate } from '../core/dates.js';
import { dueOn, monthRange, opensOn, type Month } from './calendar.js';
import type { MonthFingerprint } from './fingerprint.js';

export const SENT_FILE_SCHEMA = 'esf-report/scb-sent@1';

const isoDate = z.string().refine((s) => parseIsoDate(s) !== undefined, { message: 'expected a date YYYY-MM-DD' });

/**
 * The record of the months sent to SCB. It holds no personal data: months, dates, fingerprints,
 * and the project's pseudonymous participant IDs with a short digest each (never a personnummer).
 */
export const SentFileSchema = z
  .object({
    schema: z.literal(SENT_FILE_SCHEMA),
    project: z.string().min(1),
    months: z.array(
      z
        .object({
          month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'expected a month YYYY-MM' }),
          /** Order of sending: a month sent after a later one makes the later one out of order. */
          seq: z.number().int().positive(),
          sentOn: isoDate,
          fingerprint: z.string().regex(/^[0-9a-f]{64}$/, { message: 'expected a SHA-256 fingerprint (64 hex digits)' }),
          participants: z.record(z.string(), z.string().regex(/^[0-9a-f]{1,64}$/)),
        })
        .strict(),
    ),
  })
  .strict();

export type SentFile = z.infer<typeof SentFileSchema>;
export type SentMonth = SentFile['months'][number];

/** An empty record for a project. */
export function emptySentFile(project: string): SentFile {
  return { schema: SENT_FILE_SCHEMA, project, months: [] };
}

/** Checks a parsed sent file; returns it or readable problems (path: message). */
export function parseSentFile(data: unknown): { sent: SentFile } | { problems: string[] } {
  const result = SentFileSchema.safeParse(data);
  if (!result.success) return { problems: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
  const seen = new Set<string>();
  for (const m of result.data.months) {
    if (seen.has(m.month)) return { problems: [`months: ${m.month} appears twice`] };
    seen.add(m.month);
  }
  return { sent: result.data };
}

/** The record after sending a month (again): its fingerprint is replaced and it becomes the latest sent. */
export function markSent(sent: SentFile, month: Month, content: MonthFingerprint, sentOn: IsoDate): SentFile {
  const seq = sent.months.reduce((max, m) => Math.max(max, m.seq), 0) + 1;
  const months = sent.months.filter((m) => m.month !== month);
  months.push({ month, seq, sentOn, fingerprint: content.fingerprint, participants: { ...content.participants } });
  months.sort((a, b) => (a.month < b.month ? -1 : 1));
  return { ...sent, months };
}

/** The sent file as written: stable key order, one month per entry, a final newline. */
export function serializeSentFile(sent: SentFile): string {
  return `${JSON.stringify(sent, null, 2)}\n`;
}

export type MonthState = 'not-open' | 'open' | 'overdue' | 'sent' | 'resend';

/** Why a sent month must be sent again. */
export type ResendReason =
  | { readonly kind: 'changed'; readonly participants: readonly string[]; readonly personnummer: boolean }
  | { readonly kind: 'earlier-changed'; readonly month: Month }
  | { readonly kind: 'earlier-sent-later'; readonly month: Month };

export interface MonthStatus {
  readonly month: Month;
  readonly opens: IsoDate;
  readonly due: IsoDate;
  readonly state: MonthState;
  readonly sentOn: IsoDate | null;
  /** Only for state "resend". */
  readonly reason: ResendReason | null;
}

/** Participant IDs whose rows in the month differ: changed, added or removed. */
function changedParticipants(was: Readonly<Record<string, string>>, now: Readonly<Record<string, string>>): string[] {
  const ids = new Set([...Object.keys(was), ...Object.keys(now)]);
  return [...ids].filter((id) => was[id] !== now[id]).sort();
}

/**
 * Every month from the project start to the reference date (at most to the project end), with what
 * is due and what must be re-sent. SCB takes the months in order and a corrected month means every
 * later month is read in again: a sent month must be re-sent when its own content changed, when an
 * earlier sent month changed, or when an earlier month was sent after it.
 */
export function monthStatuses(args: {
  readonly projectStart: IsoDate;
  readonly projectEnd: IsoDate;
  readonly asOf: IsoDate;
  readonly sent: SentFile;
  /** The current content of a month, from the export. */
  readonly current: (month: Month) => MonthFingerprint;
}): MonthStatus[] {
  const last = args.asOf < args.projectEnd ? args.asOf : args.projectEnd;
  const sentBy = new Map(args.sent.months.map((m) => [m.month, m]));
  const out: MonthStatus[] = [];
  let firstChanged: Month | null = null;
  let latestBefore: SentMonth | null = null; // the earlier sent month with the highest seq
  for (const month of monthRange(args.projectStart.slice(0, 7), last.slice(0, 7))) {
    const opens = opensOn(month);
    const due = dueOn(month);
    const s = sentBy.get(month);
    if (!s) {
      const state: MonthState = args.asOf < opens ? 'not-open' : args.asOf <= due ? 'open' : 'overdue';
      out.push({ month, opens, due, state, sentOn: null, reason: null });
      continue;
    }
    const now = args.current(month);
    let reason: ResendReason | null = null;
    if (now.fingerprint !== s.fingerprint) {
      const participants = changedParticipants(s.participants, now.participants);
      reason = { kind: 'changed', participants, personnummer: participants.length === 0 };
    } else if (firstChanged !== null) {
      reason = { kind: 'earlier-changed', month: firstChanged };
    } else if (latestBefore !== null && latestBefore.seq > s.seq) {
      reason = { kind: 'earlier-sent-later', month: latestBefore.month };
    }
    if (reason?.kind === 'changed' && firstChanged === null) firstChanged = month;
    if (latestBefore === null || s.seq > latestBefore.seq) latestBefore = s;
    out.push({ month, opens, due, state: reason ? 'resend' : 'sent', sentOn: s.sentOn, reason });
  }
  return out;
}
