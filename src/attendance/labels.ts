import * as z from 'zod';
import { LANGS } from '../findings/catalogue.js';

const text = z.string().min(1);

/** The wording of the time report workbook, from `templates/time-report-<lang>.json`. */
export const TimeReportLabelsSchema = z
  .object({
    lang: z.enum(LANGS),
    document: z.object({ title: text, subject: text, keywords: text }).strict(),
    page: z.object({ footerLeft: text, footerRight: text }).strict(),
    summary: z
      .object({
        sheetName: text,
        title: text,
        period: text,
        asOf: text,
        attendanceFile: text,
        rate: text,
        rateOption: text,
        rateProfile: text,
        rateNone: text,
        rateSource: text,
        headers: z.tuple([text, text, text, text, text]),
        total: text,
        note: text,
      })
      .strict(),
    report: z
      .object({
        title: text,
        project: text,
        projectNumber: text,
        owner: text,
        participant: text,
        month: text,
        headers: z.tuple([text, text, text, text, text]),
        weekdays: z.tuple([text, text, text, text, text, text, text]),
        total: text,
        value: text,
        certify: text,
        participantSignature: text,
        projectSignature: text,
        nameClarification: text,
        date: text,
      })
      .strict(),
    financing: z
      .object({
        section: text,
        source: text,
        headers: z.tuple([text, text, text]),
        cumulative: text,
        coHeaders: z.tuple([text, text, text, text]),
        through: text,
        noDoubleCount: text,
        doubleCount: text,
        /** Under a double-counting list cut at 1,000 findings of a code: `{listed}` and `{counts}`. */
        truncated: text,
        line: text,
      })
      .strict(),
  })
  .strict();

export type TimeReportLabels = z.infer<typeof TimeReportLabelsSchema>;

export function parseTimeReportLabels(data: unknown): { labels: TimeReportLabels } | { problems: string[] } {
  const result = TimeReportLabelsSchema.safeParse(data);
  if (result.success) return { labels: result.data };
  return { problems: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}
