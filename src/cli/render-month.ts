import type { ChalkInstance } from 'chalk';
import { ageAtEntry, type IsoDate } from '../core/dates.js';
import type { Lang } from '../findings/catalogue.js';
import { columnLabel } from '../findings/column-names.js';
import type { Finding } from '../findings/finding.js';
import { findingHint, findingMessage, renderFinding } from '../findings/render.js';
import type { ListedRecord, MonthList } from '../month/month-list.js';
import type { MonthStatus, ResendReason } from '../month/sent-file.js';
import type { ParticipantFileSummary } from '../participants/read-participants.js';

/** What the month's list shows of a starter; never a personnummer, and age rather than the birth date. */
function starterJson(r: ListedRecord) {
  return {
    participant_id: r.participantId,
    start_date: r.entryDate,
    line: r.line,
    gender: r.gender,
    age_at_entry: r.birthDate === null ? null : ageAtEntry(r.birthDate, r.entryDate),
    employment_status: r.employmentStatus,
    unemployment_months: r.unemploymentMonths,
    isced: r.isced,
    disability: r.disability,
    third_country_national: r.thirdCountryNational,
    foreign_background: r.foreignBackground,
    minority: r.minority,
    homeless: r.homeless,
    rural: r.rural,
    protected_identity: r.protectedIdentity,
  };
}

function leaverJson(r: ListedRecord) {
  return {
    participant_id: r.participantId,
    end_date: r.exitDate!,
    line: r.line,
    start_date: r.entryDate,
    exit_status: r.exitStatus,
    protected_identity: r.protectedIdentity,
  };
}

export interface MonthView {
  readonly file: string;
  readonly project: { readonly id: string; readonly name: string };
  readonly asOf: IsoDate;
  readonly summary: ParticipantFileSummary;
  readonly list: MonthList;
  /** Before-sending warnings about the listed participants (SCB cannot identify one, …). */
  readonly scbFindings: readonly Finding[];
}

/** `month --format json`: the `esf-report/month@1` document. */
export function renderMonthJson(v: MonthView, lang: Lang): string {
  const doc = {
    schema: 'esf-report/month@1',
    project: v.project.id,
    file: v.file,
    month: v.list.month,
    opens: v.list.opens,
    due: v.list.due,
    as_of: v.asOf,
    rows: v.summary.rows,
    errors: v.summary.errors,
    warnings: v.summary.warnings + v.scbFindings.length,
    starters: v.list.starters.map(starterJson),
    leavers: v.list.leavers.map(leaverJson),
    excluded: v.list.excluded.map((x) => ({
      line: x.line,
      participant_id: x.participantId,
      findings: x.findings.map((f) => renderFinding(f, lang)),
    })),
    findings: [...v.list.excluded.flatMap((x) => x.findings), ...v.scbFindings].map((f) => renderFinding(f, lang)),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const T = {
  en: {
    title: (m: string, opens: string, due: string, asOf: string) => `SCB participant list ${m} · opens ${opens}, due ${due} · as of ${asOf}`,
    file: (s: ParticipantFileSummary) =>
      `${s.file}: ${s.rows} rows, ${s.excludedRows} excluded; ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}`,
    starters: 'Starters',
    leavers: 'Leavers',
    none: '  none',
    age: 'age',
    months: 'mo',
    protected: 'protected identity',
    exitUnknown: 'exit status not yet known',
    excluded: 'Not listed: rows with errors that may belong to this month',
    otherErrors: (n: number, file: string) => `${n} other row${n === 1 ? '' : 's'} with errors elsewhere in the export (esf-report validate ${file} shows them)`,
    before: 'Before sending',
    line: 'line',
    fix: 'Fix',
    values: {
      woman: 'woman',
      man: 'man',
      non_binary: 'non-binary',
      unemployed: 'unemployed',
      inactive: 'inactive',
      employed: 'employed',
      self_employed: 'self-employed',
      education_training: 'education/training',
      job_searching: 'job searching',
      other: 'other',
    } as Record<string, string>,
    sensitiveYes: 'yes:',
    state: {
      'not-open': 'not yet open',
      open: 'open, not sent',
      overdue: 'OVERDUE, not sent',
      sent: 'sent',
      resend: 'MUST BE RE-SENT',
    },
    statusTitle: (asOf: string, sentFile: string) => `SCB monthly participant reports · as of ${asOf} · sent file ${sentFile}`,
    head: ['Month', 'Opens', 'Due', 'State'],
    sentOn: (d: string) => `sent ${d}`,
    reason: (r: ResendReason) =>
      r.kind === 'changed'
        ? r.personnummer
          ? 'content changed: a personnummer changed (not shown whose)'
          : `content changed: ${r.participants.join(', ')}`
        : r.kind === 'earlier-changed'
          ? `${r.month} was corrected, so every later month is read in again`
          : `${r.month} was sent after it; months are read in order`,
    summaryResend: (n: number, from: string) => `${n} month${n === 1 ? '' : 's'} must be re-sent, in order from ${from}`,
    summaryOverdue: (n: number) => `${n} month${n === 1 ? '' : 's'} overdue`,
    summaryOpen: (m: string, due: string) => `${m} is open: send it by ${due}`,
    allClear: 'Nothing to send now.',
    rowsWithErrors: (n: number) => `${n} row${n === 1 ? '' : 's'} with errors are left out of every month's content (esf-report validate shows them)`,
  },
  sv: {
    title: (m: string, opens: string, due: string, asOf: string) => `Deltagarlista till SCB ${m} · öppnar ${opens}, senast ${due} · per ${asOf}`,
    file: (s: ParticipantFileSummary) =>
      `${s.file}: ${s.rows} rader, ${s.excludedRows} utesluts; ${s.errors} fel, ${s.warnings} ${s.warnings === 1 ? 'varning' : 'varningar'}`,
    starters: 'Startande',
    leavers: 'Avslutade',
    none: '  inga',
    age: 'ålder',
    months: 'mån',
    protected: 'skyddad identitet',
    exitUnknown: 'status vid avslut ännu okänd',
    excluded: 'Listas inte: rader med fel som kan höra till månaden',
    otherErrors: (n: number, file: string) => `${n} ${n === 1 ? 'annan rad' : 'andra rader'} med fel på andra ställen i exporten (esf-report validate ${file} visar dem)`,
    before: 'Innan du skickar',
    line: 'rad',
    fix: 'Åtgärd',
    values: {
      woman: 'kvinna',
      man: 'man',
      non_binary: 'icke-binär',
      unemployed: 'arbetslös',
      inactive: 'inaktiv',
      employed: 'sysselsatt',
      self_employed: 'egen företagare',
      education_training: 'studier',
      job_searching: 'arbetssökande',
      other: 'annat',
    } as Record<string, string>,
    sensitiveYes: 'ja:',
    state: {
      'not-open': 'inte öppen än',
      open: 'öppen, inte skickad',
      overdue: 'FÖRSENAD, inte skickad',
      sent: 'skickad',
      resend: 'SKA SKICKAS OM',
    },
    statusTitle: (asOf: string, sentFile: string) => `Månadsrapporter till SCB · per ${asOf} · fil över skickat ${sentFile}`,
    head: ['Månad', 'Öppnar', 'Senast', 'Läge'],
    sentOn: (d: string) => `skickad ${d}`,
    reason: (r: ResendReason) =>
      r.kind === 'changed'
        ? r.personnummer
          ? 'innehållet ändrat: ett personnummer har ändrats (visas inte vems)'
          : `innehållet ändrat: ${r.participants.join(', ')}`
        : r.kind === 'earlier-changed'
          ? `${r.month} har rättats, så alla senare månader läses in igen`
          : `${r.month} skickades efter den; månaderna läses in i ordning`,
    summaryResend: (n: number, from: string) => `${n} ${n === 1 ? 'månad' : 'månader'} ska skickas om, i ordning från ${from}`,
    summaryOverdue: (n: number) => `${n} ${n === 1 ? 'månad' : 'månader'} försenade`,
    summaryOpen: (m: string, due: string) => `${m} är öppen: skicka senast ${due}`,
    allClear: 'Inget att skicka just nu.',
    rowsWithErrors: (n: number) => `${n} ${n === 1 ? 'rad' : 'rader'} med fel ingår inte i någon månads innehåll (esf-report validate visar dem)`,
  },
} as const;

const SENSITIVE_KEYS = [
  ['disability', 'disability'],
  ['thirdCountryNational', 'third_country_national'],
  ['foreignBackground', 'foreign_background'],
  ['minority', 'minority'],
  ['homeless', 'homeless'],
  ['rural', 'rural'],
] as const;

function findingLines(findings: readonly Finding[], lang: Lang, c: ChalkInstance): string[] {
  const t = T[lang];
  const lines: string[] = [];
  const hinted = new Set<string>();
  for (const f of findings) {
    const who = f.participantId ? ` (${f.participantId})` : '';
    const label = f.severity === 'error' ? c.red(f.code) : c.yellow(f.code);
    lines.push(`  ${t.line} ${f.line ?? '–'}${who}: ${label} ${findingMessage(f, lang)}`);
  }
  for (const f of findings) {
    if (hinted.has(f.code)) continue;
    hinted.add(f.code);
    lines.push(`  ${c.cyan(`${t.fix} (${f.code}):`)} ${findingHint(f.code, lang)}`);
  }
  return lines;
}

/** `month` for a person: the month's starters and leavers by participant ID, what is left out, what to fix. */
export function renderMonthText(v: MonthView, lang: Lang, c: ChalkInstance): string {
  const t = T[lang];
  const word = (x: string | null) => (x === null ? '–' : (t.values[x] ?? x));
  const lines = [`${v.project.name} · ${v.project.id}`, c.bold(t.title(v.list.month, v.list.opens, v.list.due, v.asOf)), t.file(v.summary), ''];
  lines.push(c.bold(`${t.starters} (${v.list.starters.length})`));
  if (v.list.starters.length === 0) lines.push(t.none);
  for (const r of v.list.starters) {
    const age = r.birthDate === null ? '' : `${t.age} ${ageAtEntry(r.birthDate, r.entryDate)}`;
    const status = `${word(r.employmentStatus)}${r.unemploymentMonths === null ? '' : ` ${r.unemploymentMonths} ${t.months}`}`;
    const yes = SENSITIVE_KEYS.filter(([k]) => r[k] === 'yes').map(([, name]) => columnLabel(name, lang));
    const extra = [yes.length > 0 ? `${t.sensitiveYes} ${yes.join(', ')}` : '', r.protectedIdentity ? t.protected : ''].filter(Boolean).join('; ');
    lines.push(`  ${r.entryDate}  ${r.participantId.padEnd(12)} ${word(r.gender).padEnd(10)} ${age.padEnd(9)} ${status.padEnd(20)} ISCED ${r.isced ?? '–'}${extra ? `  ${extra}` : ''}`);
  }
  lines.push('', c.bold(`${t.leavers} (${v.list.leavers.length})`));
  if (v.list.leavers.length === 0) lines.push(t.none);
  for (const r of v.list.leavers) {
    const exit = r.exitStatus === null ? c.dim(t.exitUnknown) : word(r.exitStatus);
    lines.push(`  ${r.exitDate}  ${r.participantId.padEnd(12)} ${exit}${r.protectedIdentity ? `  ${t.protected}` : ''}`);
  }
  if (v.list.excluded.length > 0) {
    lines.push('', c.bold.red(`${t.excluded} (${v.list.excluded.length})`));
    lines.push(...findingLines(v.list.excluded.flatMap((x) => x.findings.filter((f) => f.severity === 'error')), lang, c));
  }
  const others = v.summary.excludedRows - v.list.excluded.length;
  if (others > 0) lines.push('', c.dim(t.otherErrors(others, v.file)));
  if (v.scbFindings.length > 0) {
    lines.push('', c.bold.yellow(`${t.before} (${v.scbFindings.length})`));
    lines.push(...findingLines(v.scbFindings, lang, c));
  }
  return `${lines.join('\n')}\n`;
}

export interface StatusView {
  readonly file: string;
  readonly project: { readonly id: string; readonly name: string };
  readonly asOf: IsoDate;
  readonly sentFile: string;
  readonly months: readonly MonthStatus[];
  readonly excludedRows: number;
}

/** `month --status --format json`: the `esf-report/month-status@1` document. */
export function renderStatusJson(v: StatusView): string {
  const resend = v.months.filter((m) => m.state === 'resend');
  const doc = {
    schema: 'esf-report/month-status@1',
    project: v.project.id,
    file: v.file,
    sent_file: v.sentFile,
    as_of: v.asOf,
    excluded_rows: v.excludedRows,
    resend_from: resend[0]?.month ?? null,
    months: v.months.map((m) => ({
      month: m.month,
      opens: m.opens,
      due: m.due,
      state: m.state,
      sent_on: m.sentOn,
      reason:
        m.reason === null
          ? null
          : m.reason.kind === 'changed'
            ? { kind: m.reason.kind, participants: m.reason.participants, personnummer_changed: m.reason.personnummer }
            : { kind: m.reason.kind, month: m.reason.month },
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** `month --status` for a person: one line per month, then what to do. */
export function renderStatusText(v: StatusView, lang: Lang, c: ChalkInstance): string {
  const t = T[lang];
  const lines = [`${v.project.name} · ${v.project.id}`, c.bold(t.statusTitle(v.asOf, v.sentFile)), ''];
  lines.push(c.bold(`${t.head[0]!.padEnd(8)} ${t.head[1]!.padEnd(11)} ${t.head[2]!.padEnd(11)} ${t.head[3]}`));
  for (const m of v.months) {
    let state: string = t.state[m.state];
    if (m.state === 'sent') state = c.green(t.sentOn(m.sentOn!));
    else if (m.state === 'resend') state = `${c.red.bold(state)} (${t.sentOn(m.sentOn!)}): ${t.reason(m.reason!)}`;
    else if (m.state === 'overdue') state = c.red(state);
    else if (m.state === 'open') state = c.yellow(state);
    else state = c.dim(state);
    lines.push(`${m.month.padEnd(8)} ${m.opens.padEnd(11)} ${m.due.padEnd(11)} ${state}`);
  }
  lines.push('');
  const resend = v.months.filter((m) => m.state === 'resend');
  const overdue = v.months.filter((m) => m.state === 'overdue');
  const open = v.months.filter((m) => m.state === 'open');
  if (resend.length > 0) lines.push(c.red.bold(t.summaryResend(resend.length, resend[0]!.month)));
  if (overdue.length > 0) lines.push(c.red(t.summaryOverdue(overdue.length)));
  for (const m of open) lines.push(t.summaryOpen(m.month, m.due));
  if (resend.length + overdue.length + open.length === 0) lines.push(t.allClear);
  if (v.excludedRows > 0) lines.push(c.dim(t.rowsWithErrors(v.excludedRows)));
  return `${lines.join('\n')}\n`;
}
