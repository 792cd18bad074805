import type { ChalkInstance } from 'chalk';
import type { RedactedText } from '../core/redact.js';
import type { Lang } from '../findings/catalogue.js';
import {
  CONTEXT_ROWS,
  GENDER_LABELS,
  INDICATORS,
  SENSITIVE_MEASURE_NAMES,
  TARGETS,
  type Names,
} from '../indicators/registry.js';
import type { GenderSplit, IndicatorsResult, PeriodAndCumulative, TargetResult } from '../indicators/result.js';
import type { UnusableIndicatorsResult } from '../indicators/run.js';
import { csvField } from '../core/csv.js';
import { formatPercent, PERCENT } from '../core/format.js';
import { indicatorsJson } from '../indicators/json.js';
import { textTable, type TextColumn, type TextRow } from './text-table.js';

const GENDERS = ['women', 'men', 'nonBinary', 'total'] as const;

const T = {
  en: {
    title: 'ESF+ indicators',
    period: 'Period',
    asOf: 'as of',
    preliminary: 'PRELIMINARY: the period has not ended',
    records: (r: IndicatorsResult['records'], errors: number, warnings: number) =>
      `Records: ${r.rows} rows, ${r.counted} counted, ${r.excluded} excluded, ${r.notYetEntered} not yet entered; ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
    code: 'Code',
    indicator: 'Indicator',
    periodHead: 'Period',
    cumulativeHead: 'Cumulative (project)',
    context: 'Context',
    targets: (end: string) => `Project targets (cumulative up to ${end})`,
    target: 'Target',
    goal: 'Goal',
    count: 'Count',
    base: 'Base',
    rate: 'Rate',
    onTrack: 'On track',
    unanswered: 'No answer',
    yes: 'yes',
    no: 'no',
    reference: (name: string, rate: string, women: string | null) =>
      `reference: ${name} reported ${rate}${women === null ? '' : ` (women ${women})`}; not a target`,
    consistencyOk: (n: number) => `Consistency: all ${n} aggregate tests hold.`,
    consistencyFail: (failed: number, n: number) => `Consistency: ${failed} of ${n} aggregate tests FAIL (a bug or a contradiction in the data):`,
    fails: 'fails',
    excluded: (n: number, lines: string, file: string) =>
      `${n} row${n === 1 ? '' : 's'} excluded from every figure because of errors (line${n === 1 ? '' : 's'} ${lines}); run \`esf-report validate ${file}\` to see why.`,
    noneExcluded: 'No rows excluded.',
    warningsOnly: (n: number, file: string) =>
      `No rows excluded; ${n} warning${n === 1 ? '' : 's'} (a warning changes no figure): run \`esf-report validate ${file}\` to see ${n === 1 ? 'it' : 'them'}.`,
    monthly: 'Starters and leavers per month (SCB reporting months)',
    month: 'Month',
    starters: 'Starters',
    leavers: 'Leavers',
    cohorts: 'Cohorts (cumulative up to the window end; cells: total (W/M/X))',
    cohort: 'Cohort',
    employed: 'Leavers in work',
    studies: 'Leavers in studies',
    workTraining: 'Work training',
    notice: (label: string, end: string, today: string, asOf: string) =>
      `notice: the period ${label} ends on ${end}, after today (${today}); the figures are preliminary (as of ${asOf}).`,
  },
  sv: {
    title: 'ESF+-indikatorer',
    period: 'Period',
    asOf: 'per',
    preliminary: 'PRELIMINÄRT: perioden har inte slutat',
    records: (r: IndicatorsResult['records'], errors: number, warnings: number) =>
      `Rader: ${r.rows} rader, ${r.counted} räknas, ${r.excluded} utesluts, ${r.notYetEntered} har ännu inte börjat; ${errors} fel, ${warnings} ${warnings === 1 ? 'varning' : 'varningar'}`,
    code: 'Kod',
    indicator: 'Indikator',
    periodHead: 'Perioden',
    cumulativeHead: 'Ackumulerat (projektet)',
    context: 'Sammanhang',
    targets: (end: string) => `Projektmål (ackumulerat till och med ${end})`,
    target: 'Mål',
    goal: 'Målvärde',
    count: 'Antal',
    base: 'Bas',
    rate: 'Andel',
    onTrack: 'I fas',
    unanswered: 'Ej svar',
    yes: 'ja',
    no: 'nej',
    reference: (name: string, rate: string, women: string | null) =>
      `referens: ${name} redovisade ${rate}${women === null ? '' : ` (kvinnor ${women})`}; inget mål`,
    consistencyOk: (n: number) => `Konsistens: alla ${n} aggregerade kontroller håller.`,
    consistencyFail: (failed: number, n: number) =>
      `Konsistens: ${failed} av ${n} aggregerade kontroller FALLERAR (ett fel i verktyget eller en motsägelse i data):`,
    fails: 'fallerar',
    excluded: (n: number, lines: string, file: string) =>
      `${n} ${n === 1 ? 'rad utesluts' : 'rader utesluts'} ur alla siffror på grund av fel (rad ${lines}); kör \`esf-report validate ${file}\` för att se varför.`,
    noneExcluded: 'Inga rader utesluts.',
    warningsOnly: (n: number, file: string) =>
      `Inga rader utesluts; ${n} ${n === 1 ? 'varning' : 'varningar'} (en varning ändrar ingen siffra): kör \`esf-report validate ${file}\` för att se ${n === 1 ? 'den' : 'dem'}.`,
    monthly: 'Startade och avslutade per månad (SCB:s rapporteringsmånader)',
    month: 'Månad',
    starters: 'Startade',
    leavers: 'Avslutade',
    cohorts: 'Kohorter (ackumulerat till fönstrets slut; celler: totalt (K/M/X))',
    cohort: 'Kohort',
    employed: 'Avslutade i arbete',
    studies: 'Avslutade i studier',
    workTraining: 'Praktik',
    notice: (label: string, end: string, today: string, asOf: string) =>
      `notis: perioden ${label} slutar ${end}, efter i dag (${today}); siffrorna är preliminära (per ${asOf}).`,
  },
} as const;

/** The window end of a result: min(period end, asOf). */
function windowEnd(r: IndicatorsResult): string {
  return r.period.end < r.period.asOf ? r.period.end : r.period.asOf;
}

/**
 * The four gender columns of a figure block, all as wide as the widest figure of the table (at
 * least 3), the total at least as wide as its header; one blank between them, `gap` before the block.
 */
function genderBlock(gap = '  '): TextColumn[] {
  return GENDERS.map((_, i) => ({ align: 'right', gap: i === 0 ? gap : ' ', minWidth: 3, sameWidth: 'figures' }));
}

function splitCells(s: GenderSplit): string[] {
  return GENDERS.map((k) => String(s[k]));
}

interface FigureRow {
  readonly code: string;
  readonly name: string;
  readonly values: PeriodAndCumulative;
}

export interface IndicatorsTextOptions {
  /** The input file as the user named it (for the validate hint). */
  readonly file: string;
  readonly monthly?: boolean;
  readonly cohorts?: boolean;
}

/** The text report of `indicators`: a fixed-width table a coordinator can paste into an email. */
export function renderIndicatorsText(r: IndicatorsResult, lang: Lang, c: ChalkInstance, opts: IndicatorsTextOptions): string {
  const t = T[lang];
  const g = (k: (typeof GENDERS)[number]) => GENDER_LABELS[k].short[lang];
  const lines: string[] = [];
  lines.push(c.bold(`${r.project.name} · ${r.project.id}`));
  lines.push(
    `${t.title} · ${t.period} ${r.period.label}: ${r.period.start} – ${r.period.end}, ${t.asOf} ${r.period.asOf}` +
      (r.period.preliminary ? ` · ${c.yellow(t.preliminary)}` : ''),
  );
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  const warnings = r.findings.length - errors;
  lines.push(t.records(r.records, errors, warnings));
  lines.push('');

  // indicators and context in one aligned table
  const rows: (FigureRow | 'gap')[] = [];
  for (const v of r.indicators) {
    const def = INDICATORS.find((d) => d.code === v.code);
    rows.push({ code: v.code, name: def ? def.shortName[lang] : v.name, values: v });
    if (v.declined) rows.push({ code: '', name: `  ${SENSITIVE_MEASURE_NAMES.declined[lang]}`, values: v.declined });
    if (v.unknown) rows.push({ code: '', name: `  ${SENSITIVE_MEASURE_NAMES.unknown[lang]}`, values: v.unknown });
  }
  rows.push('gap');
  for (const v of r.context) {
    const def = CONTEXT_ROWS.find((d) => d.code === v.code);
    rows.push({ code: v.code, name: def ? def.name[lang] : v.name, values: v });
  }
  lines.push(
    ...textTable({
      columns: [{ align: 'left' }, { align: 'left' }, ...genderBlock(), ...genderBlock('   ')],
      header: [
        ['', '', { text: t.periodHead, span: GENDERS.length }, { text: t.cumulativeHead, span: GENDERS.length }],
        [t.code, t.indicator, ...GENDERS.map(g), ...GENDERS.map(g)],
      ],
      rows: rows.map((x): TextRow =>
        x === 'gap'
          ? { note: t.context, paint: (s) => c.bold(s) }
          : { cells: [x.code, x.name, ...splitCells(x.values.period), ...splitCells(x.values.cumulative)], ...(x.code === '' ? { paint: (s: string) => c.dim(s) } : {}) },
      ),
      paint: { header: (s) => c.bold(s) },
    }),
  );
  lines.push('');

  lines.push(...renderTargets(r, lang, c));
  lines.push('');

  const failed = r.consistency.filter((x) => !x.holds);
  if (failed.length === 0) lines.push(c.green(t.consistencyOk(r.consistency.length)));
  else {
    lines.push(c.bold.red(t.consistencyFail(failed.length, r.consistency.length)));
    for (const f of failed) lines.push(c.red(`  ${f.test}: ${t.fails}`));
  }
  if (r.excluded.length === 0) lines.push(warnings > 0 ? t.warningsOnly(warnings, opts.file) : t.noneExcluded);
  else {
    const shown = r.excluded.slice(0, 10).map((e) => String(e.line));
    const list = r.excluded.length > 10 ? `${shown.join(', ')}, …` : shown.join(', ');
    lines.push(c.yellow(t.excluded(r.excluded.length, list, opts.file)));
  }

  if (opts.monthly) {
    lines.push('');
    lines.push(...renderMonthly(r, lang, c));
  }
  if (opts.cohorts) {
    lines.push('');
    lines.push(...renderCohorts(r, lang, c));
  }
  return `${lines.join('\n')}\n`;
}

function renderTargets(r: IndicatorsResult, lang: Lang, c: ChalkInstance): string[] {
  const t = T[lang];
  const g = (k: (typeof GENDERS)[number]) => GENDER_LABELS[k].short[lang];
  const name = (x: TargetResult) => TARGETS.find((d) => d.id === x.id)?.name[lang] ?? x.name;
  const onTrack = (x: TargetResult) => (x.onTrack === null ? '–' : x.onTrack ? t.yes : t.no);
  const cells = r.targets.map((x) => [
    x.id,
    name(x),
    x.targetRate === null ? '–' : formatPercent(x.targetRate, PERCENT.terminalShort(lang)),
    x.targetCount === null ? '–' : String(x.targetCount),
    String(x.base),
    String(x.achieved.women),
    String(x.achieved.men),
    String(x.achieved.nonBinary),
    String(x.achieved.total),
    x.rate === null ? '–' : formatPercent(x.rate, PERCENT.terminal(lang)),
    onTrack(x),
    x.unanswered ? String(x.unanswered.total) : '',
  ]);
  const head = [t.target, '', t.goal, t.count, t.base, g('women'), g('men'), g('nonBinary'), g('total'), t.rate, t.onTrack, t.unanswered];
  const rows = r.targets.flatMap((x, i): TextRow[] => [
    { cells: cells[i]!, ...(x.onTrack === false ? { paint: (s: string) => c.yellow(s) } : {}) },
    ...(x.reference
      ? [
          {
            note: t.reference(
              x.reference.name,
              formatPercent(x.reference.rate, PERCENT.terminalShort(lang)),
              x.reference.women === null ? null : formatPercent(x.reference.women, PERCENT.terminalShort(lang)),
            ),
            under: 1,
            paint: (s: string) => c.dim(s),
          },
        ]
      : []),
  ]);
  const columns = head.map((_, i): TextColumn => ({ align: i < 2 ? 'left' : 'right' }));
  return [c.bold(t.targets(windowEnd(r))), ...textTable({ columns, header: [head], rows, paint: { header: (s) => c.bold(s) } })];
}

function renderMonthly(r: IndicatorsResult, lang: Lang, c: ChalkInstance): string[] {
  const t = T[lang];
  const g = (k: (typeof GENDERS)[number]) => GENDER_LABELS[k].short[lang];
  const table = textTable({
    columns: [{ align: 'left', minWidth: 7 }, ...genderBlock(), ...genderBlock('   ')],
    header: [
      ['', { text: t.starters, span: GENDERS.length }, { text: t.leavers, span: GENDERS.length }],
      [t.month, ...GENDERS.map(g), ...GENDERS.map(g)],
    ],
    rows: r.monthly.map((m) => ({ cells: [m.month, ...splitCells(m.starters), ...splitCells(m.leavers)] })),
    paint: { header: (s) => c.bold(s) },
  });
  return [c.bold(t.monthly), ...table];
}

function renderCohorts(r: IndicatorsResult, lang: Lang, c: ChalkInstance): string[] {
  const t = T[lang];
  const cell = (s: GenderSplit) => `${s.total} (${s.women}/${s.men}/${s.nonBinary})`;
  const head = [t.cohort, t.starters, t.leavers, t.employed, t.studies, t.workTraining];
  const rows = r.cohorts.map((x) => ({ cells: [x.cohort, cell(x.starters), cell(x.leavers), cell(x.employed), cell(x.studies), cell(x.workTraining)] }));
  const columns = head.map((_, i): TextColumn => ({ align: i === 0 ? 'left' : 'right' }));
  return [c.bold(t.cohorts), ...textTable({ columns, header: [head], rows, paint: { header: (s) => c.bold(s) } })];
}

/** `indicators --format json`: exactly the `esf-report/indicators@1` document (or the unusable one). */
export function renderIndicatorsJson(result: IndicatorsResult | UnusableIndicatorsResult): RedactedText {
  return indicatorsJson(result);
}

/**
 * `indicators --format csv`: one row per figure, gender and scope, for a pivot table in Excel
 * (UTF-8 with BOM; `;` and decimal comma in Swedish). Columns: code, name, kind, scope, measure,
 * gender, value. Codes and the scope/measure/gender keys stay English in both languages so that
 * filters and formulas keep working; names and headers follow `--lang`.
 */
export function renderIndicatorsCsv(r: IndicatorsResult, lang: Lang): string {
  const d = lang === 'sv' ? ';' : ',';
  const num = (n: number) => (lang === 'sv' ? String(n).replace('.', ',') : String(n));
  const header =
    lang === 'sv'
      ? ['kod', 'namn', 'typ', 'omfattning', 'mått', 'kön', 'värde']
      : ['code', 'name', 'kind', 'scope', 'measure', 'gender', 'value'];
  const out: string[] = [header.join(d)];
  const row = (code: string, name: string, kind: string, scope: string, measure: string, gender: string, value: string) =>
    out.push([code, name, kind, scope, measure, gender, value].map((v) => csvField(v, d)).join(d));
  const splits = (code: string, name: string, kind: string, measure: string, v: PeriodAndCumulative) => {
    for (const scope of ['period', 'cumulative'] as const) for (const k of GENDERS) row(code, name, kind, scope, measure, k, String(v[scope][k]));
  };
  const nameOf = (names: Names | undefined, fallback: string) => (names ? names[lang] : fallback);

  for (const v of r.indicators) {
    const name = nameOf(INDICATORS.find((x) => x.code === v.code)?.name, v.name);
    splits(v.code, name, v.kind, 'value', v);
    if (v.declined) splits(v.code, name, v.kind, 'declined', v.declined);
    if (v.unknown) splits(v.code, name, v.kind, 'unknown', v.unknown);
  }
  for (const v of r.context) splits(v.code, nameOf(CONTEXT_ROWS.find((x) => x.code === v.code)?.name, v.name), 'context', 'value', v);
  const yesNo = (b: boolean | null) => (b === null ? '' : b ? T[lang].yes : T[lang].no);
  for (const x of r.targets) {
    const name = nameOf(TARGETS.find((d) => d.id === x.id)?.name, x.name);
    const one = (measure: string, gender: string, value: string) => row(x.id, name, 'target', 'cumulative', measure, gender, value);
    one('targetRate', 'total', x.targetRate === null ? '' : num(x.targetRate));
    one('targetCount', 'total', x.targetCount === null ? '' : String(x.targetCount));
    one('base', 'total', String(x.base));
    for (const k of GENDERS) one('achieved', k, String(x.achieved[k]));
    if (x.unanswered) for (const k of GENDERS) one('unanswered', k, String(x.unanswered[k]));
    one('rate', 'total', x.rate === null ? '' : num(x.rate));
    one('onTrack', 'total', yesNo(x.onTrack));
    if (x.reference) {
      one('referenceRate', 'total', num(x.reference.rate));
      if (x.reference.women !== null) one('referenceRate', 'women', num(x.reference.women));
    }
  }
  return `\uFEFF${out.join('\r\n')}\r\n`;
}

/** The notice on stderr for a period that has not ended. */
export function preliminaryNotice(r: IndicatorsResult, today: string, lang: Lang): string {
  return T[lang].notice(r.period.label, r.period.end, today, r.period.asOf);
}
