import { daysInMonth, ymdToIso } from '../core/dates.js';
import { formatOre } from '../core/format.js';
import type { ProjectProfile } from '../project/profile.js';
import { fillLabel } from '../report/labels.js';
import { BLANK, EMPTY, money, text, type CellModel, type SheetModel, type WorkbookModel } from '../report/model.js';
import { escapeHeaderFooter } from '../report/sheet-context.js';
import { SheetBuilder } from '../report/sheet-builder.js';
import { dayOff, HOLIDAY_NAMES, isoWeekday } from './holidays.js';
import { QUARTERS_PER_HOUR } from './hours.js';
import type { TimeReportLabels } from './labels.js';
import type { ParticipantMonth, RateSource, TimeReport } from './time-report.js';

/** What the workbook states about its own making (no clock read here). */
export interface TimeWorkbookMeta {
  /** The attendance file's name as shown (no folders). */
  readonly attendanceFile: string;
  /** ISO 8601 UTC: the document's created and modified time. */
  readonly generatedAt: string;
}

const COLUMNS = 5;
/** Excel forbids these in sheet names; 31 characters at most. */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
const SHEET_NAME_MAX = 31;

const hours = (quarters: number): CellModel => ({ kind: 'hours', value: quarters / QUARTERS_PER_HOUR });

/** The sheet name of a participant's month: `P-0001 2026-09`, made safe and unique. */
export function timeSheetName(participantId: string, month: string, taken: Set<string>): string {
  const suffix = ` ${month}`;
  const base = participantId.replace(SHEET_NAME_FORBIDDEN, '_').slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const tag = ` (${n})`;
    name = base.slice(0, SHEET_NAME_MAX - tag.length) + tag;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** The rate as the workbook states it: one line per dated rate, or why there is none. */
export function rateLines(r: RateSource, l: TimeReportLabels): string[] {
  if (r.kind === 'option') return [fillLabel(l.summary.rateOption, { rate: formatOre(r.ore) })];
  if (r.kind === 'profile' && r.rates.length > 0) {
    return r.rates.map((x) => fillLabel(l.summary.rateProfile, { rate: formatOre(x.ore), from: x.from }));
  }
  return [l.summary.rateNone];
}

function summarySheet(report: TimeReport, profile: ProjectProfile, l: TimeReportLabels, meta: TimeWorkbookMeta): SheetModel {
  const s = l.summary;
  const w = report.window;
  const b = new SheetBuilder();
  b.addSpanning('title', text(s.title), COLUMNS);
  b.addSpanning(
    'note',
    text(`${profile.id} ${profile.name} · ${s.period} ${w.label} (${w.start} – ${w.end}) · ${s.asOf} ${w.asOf} · ${s.rate}: ${rateLines(report.rate, l).join('; ')}`),
    COLUMNS,
  );
  b.add('header', s.headers.map((h) => text(h)));
  for (const m of report.months) {
    b.add('data', [text(m.participantId), { kind: 'month', value: m.month }, { kind: 'integer', value: m.days.length }, hours(m.quarters), m.valueOre === null ? EMPTY : money(m.valueOre)]);
  }
  const days = report.months.reduce((n, m) => n + m.days.length, 0);
  b.add('total', [text(s.total), EMPTY, { kind: 'integer', value: days }, hours(report.total.quarters), report.total.valueOre === null ? EMPTY : money(report.total.valueOre)]);
  b.blank();
  b.add('field', [text(s.attendanceFile), text(meta.attendanceFile)]);
  if (report.rate.kind !== 'option' && report.rate.source !== null && report.rate.source !== '') {
    b.add('field', [text(s.rateSource), text(report.rate.source)]);
  }
  b.blank();
  b.addSpanning('note', text(s.note), COLUMNS);
  return b.build({
    key: 'timeSummary',
    name: s.sheetName,
    headerRows: 3,
    wrap: [{ column: 2, maxWidth: 60 }],
    print: printSetup(profile, l, s.sheetName, `${s.period} ${w.label}`),
  });
}

function printSetup(profile: ProjectProfile, l: TimeReportLabels, sheetName: string, centre: string): SheetModel['print'] {
  const values = { projectId: escapeHeaderFooter(profile.id) };
  return {
    header: `&L&B${escapeHeaderFooter(sheetName)}&B&R${escapeHeaderFooter(profile.name)}`,
    footer: `&L${fillLabel(l.page.footerLeft, values)}&C${escapeHeaderFooter(centre)}&R${fillLabel(l.page.footerRight, values)}`,
  };
}

/** The printable time report of one participant and month: every day of the month, the total, lines to sign. */
function participantSheet(m: ParticipantMonth, name: string, profile: ProjectProfile, l: TimeReportLabels, lang: 'sv' | 'en'): SheetModel {
  const r = l.report;
  const b = new SheetBuilder();
  b.addSpanning('title', text(r.title), COLUMNS);
  b.blank();
  // Labels span the date and weekday columns, values the rest: the form's labels never widen the date column.
  const field = (label: string, value: CellModel) => {
    const row = b.add('field', [text(label), EMPTY, value, EMPTY, EMPTY]);
    b.merge(row, 1, row, 2);
    b.merge(row, 3, row, COLUMNS);
  };
  field(r.project, text(profile.name));
  field(r.projectNumber, text(profile.id));
  field(r.owner, text(`${profile.owner.name} (${profile.owner.orgNr})`));
  field(r.participant, text(m.participantId));
  field(r.month, { kind: 'month', value: m.month });
  b.blank();
  b.add('header', r.headers.map((h) => text(h)));
  const byDate = new Map(m.days.map((d) => [d.date, d] as const));
  const y = Number(m.month.slice(0, 4));
  const mo = Number(m.month.slice(5, 7));
  for (let d = 1; d <= daysInMonth(y, mo); d++) {
    const date = ymdToIso(y, mo, d);
    const day = byDate.get(date);
    const off = dayOff(date);
    const note = off?.kind === 'holiday' ? HOLIDAY_NAMES[off.holiday][lang] : '';
    b.add('data', [
      { kind: 'date', value: date },
      text(r.weekdays[isoWeekday(date) - 1]!),
      day ? hours(day.quarters) : EMPTY,
      day && day.activity !== '' ? text(day.activity) : EMPTY,
      note === '' ? EMPTY : text(note),
    ]);
  }
  b.add('total', [text(r.total), EMPTY, hours(m.quarters), EMPTY, EMPTY]);
  if (m.valueOre !== null) b.add('total', [text(r.value), EMPTY, money(m.valueOre), EMPTY, EMPTY]);
  b.blank();
  b.addSpanning('note', text(r.certify), COLUMNS);
  const signature = (caption: string) => {
    const line = b.add('signature', [EMPTY, EMPTY, EMPTY, BLANK, EMPTY]);
    b.merge(line, 1, line, 3);
    const under = b.add('note', [text(caption), EMPTY, EMPTY, BLANK, text(r.date)]);
    b.merge(under, 1, under, 3);
    const clarification = b.add('signature', [EMPTY, EMPTY, EMPTY, BLANK, BLANK]);
    b.merge(clarification, 1, clarification, 3);
    const under2 = b.add('note', [text(r.nameClarification), EMPTY, EMPTY]);
    b.merge(under2, 1, under2, 3);
  };
  signature(r.participantSignature);
  b.blank();
  signature(r.projectSignature);
  return b.build({
    key: 'timeReport',
    name,
    headerRows: 0,
    wrap: [{ column: 4, maxWidth: 40 }],
    print: printSetup(profile, l, name, `${m.participantId} ${m.month}`),
    pagesTall: 1,
    orientation: 'portrait',
  });
}

/**
 * Plans the time report workbook: the summary of all participants and months first, then one
 * printable A4 time report (närvarorapport) per participant and month. Pure: no I/O, no clock.
 */
export function buildTimeWorkbookModel(report: TimeReport, profile: ProjectProfile, labels: TimeReportLabels, meta: TimeWorkbookMeta): WorkbookModel {
  const taken = new Set<string>([labels.summary.sheetName.toLowerCase()]);
  const sheets: SheetModel[] = [summarySheet(report, profile, labels, meta)];
  for (const m of report.months) sheets.push(participantSheet(m, timeSheetName(m.participantId, m.month, taken), profile, labels, labels.lang));
  const w = report.window;
  const values = { projectId: profile.id, projectName: profile.name, period: w.label, start: w.start, end: w.end };
  return {
    properties: {
      title: fillLabel(labels.document.title, values),
      subject: fillLabel(labels.document.subject, values),
      keywords: fillLabel(labels.document.keywords, values),
      company: profile.owner.name,
      creator: 'esf-report',
      created: meta.generatedAt,
    },
    sheets,
  };
}
