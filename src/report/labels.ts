import * as z from 'zod';
import { LANGS } from '../findings/catalogue.js';
import { CONTEXT_CODES, INDICATOR_CODES } from '../indicators/result.js';

/**
 * Every label of the workbook lives in `templates/workbook-<lang>.json`; this schema makes a missing
 * or empty label fail loudly when the template is loaded, never show up as a blank cell.
 */

const label = z.string().min(1);

/** Excel's sheet-name rules: 1–31 characters, none of `[ ] : * ? / \`, no leading or trailing apostrophe. */
const sheetName = z
  .string()
  .min(1)
  .max(31)
  .regex(/^[^[\]:*?/\\]+$/, { message: 'a sheet name must not contain [ ] : * ? / \\' })
  .refine((s) => !s.startsWith("'") && !s.endsWith("'"), { message: 'a sheet name must not start or end with an apostrophe' });

const DEFINITION_CODES = [...INDICATOR_CODES, ...CONTEXT_CODES] as const;

export const WorkbookLabelsSchema = z.object({
  lang: z.enum(LANGS),
  sheetNames: z.object({
    summary: sheetName,
    /** The Diagram sheet: every chart of the report, one a page. */
    charts: sheetName,
    indicators: sheetName,
    targets: sheetName,
    /** The Financing sheet, present with `report --ledger` (see `ReportExtensions`). */
    financing: sheetName,
    monthly: sheetName,
    cohorts: sheetName,
    dataQuality: sheetName,
    about: sheetName,
  }),
  common: z.object({
    yes: label,
    no: label,
    notApplicable: label,
    /** What a rate built on a suppressed count shows instead. */
    hidden: label,
    women: label,
    men: label,
    nonBinary: label,
    total: label,
  }),
  document: z.object({ title: label, subject: label, keywords: label }),
  /** Page header and footer texts; `&P` and `&N` are Excel's page number and page count. */
  page: z.object({ header: label, footerLeft: label, footerCenter: label, footerRight: label }),
  summary: z.object({
    title: label,
    sections: z.object({ project: label, period: label, records: label, targets: label }),
    fields: z.object({
      diarienummer: label,
      name: label,
      owner: label,
      orgNr: label,
      fund: label,
      cci: label,
      programmeArea: label,
      specificObjective: label,
      nuts2: label,
      region: label,
      interventionType: label,
      projectStart: label,
      projectEnd: label,
      period: label,
      periodStart: label,
      periodEnd: label,
      asOf: label,
      preliminary: label,
      rows: label,
      counted: label,
      excluded: label,
      notYetEntered: label,
      consistency: label,
    }),
    targetColumns: z.object({ target: label, targetRate: label, targetCount: label, achieved: label, rate: label, onTrack: label }),
    /** A shared copy (`--suppress-below`): what is hidden and that it is not the funder's copy. */
    sharedCopy: label,
  }),
  indicators: z.object({
    columns: z.object({ code: label, name: label, period: label, cumulative: label }),
    groups: z.object({ output: label, result: label, longerTermResult: label, context: label }),
  }),
  targets: z.object({
    columns: z.object({
      id: label,
      name: label,
      targetRate: label,
      targetCount: label,
      base: label,
      achieved: label,
      rate: label,
      onTrack: label,
    }),
    unanswered: label,
    reference: label,
    referenceWomen: label,
  }),
  monthly: z.object({
    columns: z.object({ month: label, starters: label, leavers: label, cumulative: label, planned: label }),
    total: label,
  }),
  cohorts: z.object({
    columns: z.object({ cohort: label, measure: label }),
    measures: z.object({ starters: label, leavers: label, employed: label, studies: label, workTraining: label }),
    none: label,
  }),
  /** The charts (`src/report/charts/`), on their sheets, on the Diagram sheet and in the HTML report. */
  charts: z.object({
    /** Title of the Diagram sheet. */
    title: label,
    intro: label,
    /** Twelve short month names, January first: chart axes and texts. */
    months: z.array(label).length(12),
    /** Under a chart that leaves hidden values out (`--suppress-below`). */
    hiddenNote: label,
    /** The segment drawn when a figure's split by gender is hidden but its total is shown. */
    totalUnsplit: label,
    /** Above each chart's text alternative. */
    inWords: label,
    targets: z.object({
      title: label,
      axis: label,
      target: label,
      /** `{name}`: the earlier project, e.g. Rekrytera. */
      reference: label,
      referenceWomen: label,
      /** One line of the text alternative: `{name}`, `{rate}`, `{target}`. */
      line: label,
      lineNoTarget: label,
      lineHidden: label,
    }),
    participants: z.object({ title: label, axis: label, cumulative: label, planned: label, goal: label, line: label }),
    flow: z.object({ title: label, axis: label, starters: label, leavers: label, line: label }),
    results: z.object({ title: label, axis: label, period: label, cumulative: label, line: label }),
  }),
  /** The HTML report (`report --out FILE.html`): what the workbook says through its sheet tabs and print setup. */
  html: z.object({
    contents: label,
    /** Where a table's chart is, in a section that has one: `{title}`. */
    chartHere: label,
    footer: label,
  }),
  /** The Financing sheet (`report --ledger [--budget]`), planned by `src/report/sheets/financing.ts`. */
  financing: z.object({
    title: label,
    /** Lines under the title: the files, the period and reference date, the rates, the bookings counted, the unit. */
    notes: z.object({
      files: label,
      filesWithBudget: label,
      period: label,
      preliminary: label,
      rates: label,
      ratesNoFlatRate: label,
      records: label,
      unit: label,
    }),
    sections: z.object({ costs: label, financing: label, shares: label, budget: label, checks: label, findings: label }),
    /** First column of the quarter tables, and the label of the cumulative row. */
    quarter: label,
    cumulative: label,
    /** Cost categories: column headers of the costs table and the rows of the budget table. */
    costs: z.object({ staff: label, flatRate: label, participantAllowance: label, inKind: label, otherDirect: label, total: label }),
    financingColumns: z.object({
      eu: label,
      state: label,
      publicCash: label,
      publicInKind: label,
      privateCash: label,
      privateInKind: label,
      total: label,
    }),
    /** `{rate}` is the decided rate from the project profile, e.g. `40 %`. */
    shareColumns: z.object({
      euShare: label,
      expectedEu: label,
      euDifference: label,
      bookedFlatRate: label,
      expectedFlatRate: label,
      flatRateDifference: label,
      unfunded: label,
      checked: label,
    }),
    /** The checked mark: a whole quarter, a partial one, and the cumulative range `{date}` it is checked through. */
    checkedValues: z.object({ whole: label, partial: label, cumulativeThrough: label, cumulativeNone: label }),
    partialNote: label,
    cumulativeNote: label,
    cumulativeNoteNoChecks: label,
    budgetColumns: z.object({ category: label, planned: label, used: label, utilisation: label, remaining: label }),
    budgetTotal: label,
    checkColumns: z.object({ euShare: label, flatRate: label, inKind: label, unfunded: label, budget: label }),
    checksNote: label,
    findingColumns: z.object({ file: label, line: label, column: label, severity: label, code: label, message: label }),
    noFindings: label,
    /** Under a list cut at 1,000 findings of a code: `{listed}` and `{counts}` (per file, each code cut short with its full count). */
    truncated: label,
  }),
  dataQuality: z.object({
    columns: z.object({
      line: label,
      participantId: label,
      excluded: label,
      severity: label,
      code: label,
      column: label,
      message: label,
    }),
    severity: z.object({ error: label, warning: label }),
    noFindings: label,
    /** Under a list cut at 1,000 findings of a code: `{listed}` and `{counts}` (each code cut short with its full count). */
    truncated: label,
    /** When the ledger's or the budget's findings were cut on the Financing sheet: `{sheet}`, `{listed}` and `{counts}`. */
    otherInputsTruncated: label,
    consistencyColumns: z.object({ test: label, holds: label }),
    /** A shared copy lists findings per code only. */
    sharedColumns: z.object({ code: label, severity: label, count: label, hint: label }),
    sharedNote: label,
  }),
  about: z.object({
    title: label,
    fields: z.object({
      tool: label,
      inputFile: label,
      sha256: label,
      ledgerFile: label,
      ledgerSha256: label,
      budgetFile: label,
      budgetSha256: label,
      profile: label,
      options: label,
      rulesVersion: label,
      generatedAt: label,
    }),
    builtInProfile: label,
    definitionsTitle: label,
    definitionColumns: z.object({ code: label, name: label, definition: label }),
    /** One line per indicator and context row; zod's enum-keyed record requires every code. */
    definitions: z.record(z.enum(DEFINITION_CODES), label),
    periodRule: label,
    completenessTitle: label,
    completeness: label,
    privacy: label,
    preliminary: label,
    suppression: label,
    privacyShared: label,
    /** In place of the input file's name in a shared copy. */
    notStated: label,
  }),
});

export type WorkbookLabels = z.infer<typeof WorkbookLabelsSchema>;

/** Checks a parsed template; the problems name the path of each missing or bad label. */
export function parseWorkbookLabels(data: unknown): { labels: WorkbookLabels } | { problems: string[] } {
  const result = WorkbookLabelsSchema.safeParse(data);
  if (result.success) return { labels: result.data };
  return { problems: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}

/**
 * Fills `{name}` placeholders of a label. A placeholder without a value is a bug in a template
 * and throws, so a label never reaches the workbook with a literal `{…}` in it.
 */
export function fillLabel(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (_m, key: string) => {
    const v = values[key];
    if (v === undefined) throw new Error(`workbook template: no value for {${key}} in "${template}"`);
    return String(v);
  });
}
