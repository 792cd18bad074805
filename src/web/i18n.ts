import { formatDecimal } from '../core/format.js';
import type { Lang } from '../findings/catalogue.js';

/** Every word the page itself says, in Swedish (the default) and English. */
export interface PageTexts {
  readonly htmlLang: string;
  readonly title: string;
  readonly lead: string;
  readonly privacy: string;
  readonly switchLang: string;
  readonly switchLangLabel: string;
  readonly filesHeading: string;
  readonly participantsLabel: string;
  readonly participantsHelp: string;
  readonly dropHere: string;
  readonly sample: string;
  readonly sampleNote: string;
  readonly financeHeading: string;
  readonly ledgerLabel: string;
  readonly budgetLabel: string;
  readonly financeHelp: string;
  readonly clearFile: string;
  readonly periodHeading: string;
  readonly periodLabel: string;
  readonly periodHelp: string;
  readonly asOfLabel: string;
  readonly asOfHelp: string;
  readonly run: string;
  readonly reading: (file: string) => string;
  readonly readingPercent: (file: string, pct: number) => string;
  readonly computing: string;
  readonly done: (ms: number) => string;
  readonly counts: (errors: number, warnings: number) => string;
  readonly noFile: string;
  readonly periodProblem: (msg: string) => string;
  readonly failed: (msg: string) => string;
  readonly filesSummaryHeading: string;
  readonly roles: { readonly participants: string; readonly ledger: string; readonly budget: string };
  readonly fileLine: (rows: number, errors: number, warnings: number, excluded: number) => string;
  readonly readAs: (format: string, encoding: string | null, delimiter: string | null) => string;
  readonly encodingFallback: string;
  readonly unusableFile: string;
  readonly unusableBecause: (message: string) => string;
  readonly chosen: (name: string) => string;
  readonly periodLine: (label: string, start: string, end: string, asOf: string) => string;
  readonly preliminary: string;
  readonly findingsHeading: string;
  readonly noFindings: string;
  readonly error: string;
  readonly warning: string;
  readonly fix: string;
  readonly line: string;
  readonly more: (n: number) => string;
  readonly indicatorsHeading: string;
  readonly indicatorsCaption: (period: string) => string;
  readonly code: string;
  readonly indicator: string;
  readonly periodCol: string;
  readonly cumulativeCol: string;
  readonly women: string;
  readonly men: string;
  readonly nonBinary: string;
  readonly total: string;
  readonly womenShort: string;
  readonly menShort: string;
  readonly nonBinaryShort: string;
  readonly kinds: { readonly output: string; readonly result: string; readonly 'longer-term-result': string; readonly context: string };
  readonly consistencyOk: (n: number) => string;
  readonly consistencyFailed: (tests: string) => string;
  readonly targetsHeading: string;
  readonly targetsCaption: (end: string) => string;
  readonly target: string;
  readonly goal: string;
  readonly goalCount: string;
  readonly base: string;
  readonly rate: string;
  readonly onTrack: string;
  readonly unanswered: string;
  readonly yes: string;
  readonly no: string;
  readonly reference: (name: string, rate: string, women: string | null) => string;
  readonly downloadsHeading: string;
  readonly workbook: string;
  readonly workbookHelp: string;
  readonly shared: string;
  readonly sharedHelp: string;
  readonly suppressLabel: string;
  readonly json: string;
  readonly jsonHelp: string;
  readonly html: string;
  readonly htmlHelp: string;
  readonly template: string;
  readonly templateHelp: string;
  readonly noWorkbook: string;
  readonly preparing: string;
  readonly downloaded: (name: string) => string;
  readonly suppressInvalid: string;
  readonly footer: (version: string) => string;
}

const SV: PageTexts = {
  htmlLang: 'sv',
  title: 'esf-report: ESF+-rapporten i webbläsaren',
  lead: 'Välj deltagarfilen, välj period och få indikatorerna per kön, avvikelserna med radnummer och arbetsboken till ESF-rådet.',
  privacy: 'Allt räknas på den här datorn. Sidan skickar inga uppgifter någonstans och fungerar utan nätverk.',
  switchLang: 'English',
  switchLangLabel: 'Switch to English',
  filesHeading: '1. Filer',
  participantsLabel: 'Deltagarfil (CSV eller Excel)',
  participantsHelp: 'Exporten från ärendesystemet eller den ifyllda mallen. Alla teckenkodningar som Excel sparar går bra.',
  dropHere: 'Släpp filen här, eller välj den med knappen.',
  sample: 'Prova med exempelfilen',
  sampleNote: 'Exempelfilen är påhittad: en export av 2026-11-20 med 110 deltagare.',
  financeHeading: 'Medfinansiering (valfritt)',
  ledgerLabel: 'Medfinansieringsliggare (CSV eller Excel)',
  budgetLabel: 'Budget (CSV, kategori;belopp)',
  financeHelp: 'Med liggaren får arbetsboken bladet Finansiering och liggarens kontroller.',
  clearFile: 'Ta bort',
  periodHeading: '2. Period',
  periodLabel: 'Rapportperiod',
  periodHelp: 'Kvartal 2026-Q3, halvår 2026-H1, månad 2026-05, år 2026 eller project för hela projektet.',
  asOfLabel: 'Avläsningsdag (valfri)',
  asOfHelp: 'Dagen siffrorna beskriver. Tom: periodens sista dag, eller i dag om den är tidigare.',
  run: 'Beräkna',
  reading: (f) => `Läser ${f} …`,
  readingPercent: (f, p) => `Läser ${f}: ${p} %`,
  computing: 'Räknar …',
  done: (ms) => `Klart på ${formatDecimal(ms / 1000, 1, 'sv', false)} s.`,
  counts: (e, w) => (e + w === 0 ? 'Inga avvikelser.' : `${e} fel och ${w} ${w === 1 ? 'varning' : 'varningar'}: se Avvikelser nedan.`),
  noFile: 'Välj först en deltagarfil.',
  periodProblem: (m) => `Perioden går inte att använda: ${m}`,
  failed: (m) => `Något gick fel i esf-report (ett programfel, inte ett fel i filen): ${m}`,
  filesSummaryHeading: 'Inlästa filer',
  roles: { participants: 'Deltagarfil', ledger: 'Liggare', budget: 'Budget' },
  fileLine: (r, e, w, x) => `${r} rader, ${r - x} räknas, ${x} utesluts; ${e} fel, ${w} ${w === 1 ? 'varning' : 'varningar'}`,
  readAs: (f, e, d) => (f === 'xlsx' ? 'läst som Excel-arbetsbok' : `läst som ${e ?? '?'}, avgränsare ${d === '\t' ? 'tabb' : `”${d ?? '?'}”`}`),
  encodingFallback: 'Filen var inte UTF-8 och lästes som Windows-1252 (det Excel sparar). Kontrollera å, ä och ö nedan.',
  unusableFile: 'Filen går inte att använda: se felet nedan.',
  unusableBecause: (m) => `Filen går inte att använda: ${m}`,
  chosen: (n) => `Vald fil: ${n}`,
  periodLine: (l, s, e, a) => `Period ${l}: ${s} – ${e}, avläst ${a}`,
  preliminary: 'Perioden är inte slut: siffrorna är preliminära.',
  findingsHeading: 'Avvikelser',
  noFindings: 'Inga avvikelser: filen följer reglerna.',
  error: 'fel',
  warning: 'varning',
  fix: 'Så rättar du',
  line: 'rad',
  more: (n) => `… och ${n} till av samma slag (alla finns på bladet Datakvalitet).`,
  indicatorsHeading: 'ESF+-indikatorer',
  indicatorsCaption: (p) => `ESF+-indikatorer per kön, perioden ${p} och kumulativt från projektstart`,
  code: 'Kod',
  indicator: 'Indikator',
  periodCol: 'Perioden',
  cumulativeCol: 'Kumulativt',
  women: 'Kvinnor',
  men: 'Män',
  nonBinary: 'Icke-binära',
  total: 'Totalt',
  womenShort: 'K',
  menShort: 'M',
  nonBinaryShort: 'X',
  kinds: {
    output: 'Utfallsindikatorer (vid start)',
    result: 'Resultatindikatorer (vid avslut)',
    'longer-term-result': 'Långsiktiga resultatindikatorer (sex månader efter avslut)',
    context: 'Sammanhang',
  },
  consistencyOk: (n) => `Alla ${n} summakontroller håller.`,
  consistencyFailed: (t) => `Summakontroller som inte håller: ${t}`,
  targetsHeading: 'Projektmål',
  targetsCaption: (e) => `Projektmålen, kumulativt till och med ${e}`,
  target: 'Mål',
  goal: 'Målnivå',
  goalCount: 'Mål (antal)',
  base: 'Bas',
  rate: 'Andel',
  onTrack: 'I fas',
  unanswered: 'utan svar',
  yes: 'ja',
  no: 'nej',
  reference: (n, r, w) => `Jämförelse, inte mål: ${n} redovisade ${r}${w ? ` (kvinnor ${w})` : ''}.`,
  downloadsHeading: '3. Ladda ner',
  workbook: 'Arbetsboken till ESF-rådet (.xlsx)',
  workbookHelp: 'Sammanfattning, indikatorer, projektmål, per månad, kohorter, datakvalitet och om rapporten.',
  shared: 'Delad kopia (.xlsx)',
  sharedHelp: 'För styrgrupp och andra utanför ESF-rådet: antal under N, och det som skulle avslöja dem, visas som ”dolt”.',
  suppressLabel: 'Dölj antal under',
  json: 'Indikatorerna som JSON',
  jsonHelp: 'Samma dokument som esf-report indicators --format json.',
  html: 'HTML-rapport',
  htmlHelp: 'Rapporten som en webbsida att skriva ut eller skicka.',
  template: 'Tom mall för deltagarfilen (.xlsx)',
  templateHelp: 'Med rullgardinslistor och förklaringar i varje kolumn.',
  noWorkbook: 'Ingen arbetsbok: rätta först felen som gör filen oanvändbar.',
  preparing: 'Skapar filen …',
  downloaded: (n) => `${n} är nedladdad.`,
  suppressInvalid: 'Gränsen är ett heltal, minst 2.',
  footer: (v) => `esf-report ${v}. Sidan fungerar utan nätverk; inga uppgifter lämnar datorn.`,
};

const EN: PageTexts = {
  htmlLang: 'en',
  title: 'esf-report: the ESF+ report in your browser',
  lead: 'Pick the participant export, choose the period, and get the indicators by gender, the problems with their line numbers and the workbook for ESF-rådet.',
  privacy: 'Everything is computed on this computer. The page sends no data anywhere and works without a network.',
  switchLang: 'Svenska',
  switchLangLabel: 'Byt till svenska',
  filesHeading: '1. Files',
  participantsLabel: 'Participant export (CSV or Excel)',
  participantsHelp: 'The case system’s export or the filled template. Any encoding Excel writes is fine.',
  dropHere: 'Drop the file here, or pick it with the button.',
  sample: 'Try the sample file',
  sampleNote: 'The sample is synthetic: an export of 2026-11-20 with 110 participants.',
  financeHeading: 'Co-financing (optional)',
  ledgerLabel: 'Co-financing ledger (CSV or Excel)',
  budgetLabel: 'Budget (CSV, category;amount)',
  financeHelp: 'With the ledger the workbook gets the Financing sheet and the ledger’s checks.',
  clearFile: 'Remove',
  periodHeading: '2. Period',
  periodLabel: 'Reporting period',
  periodHelp: 'Quarter 2026-Q3, half-year 2026-H1, month 2026-05, year 2026, or project for the whole project.',
  asOfLabel: 'Reference date (optional)',
  asOfHelp: 'The day the figures describe. Empty: the period end, or today if that is earlier.',
  run: 'Compute',
  reading: (f) => `Reading ${f} …`,
  readingPercent: (f, p) => `Reading ${f}: ${p} %`,
  computing: 'Computing …',
  done: (ms) => `Done in ${formatDecimal(ms / 1000, 1, 'en', false)} s.`,
  counts: (e, w) => (e + w === 0 ? 'No problems.' : `${e} error${e === 1 ? '' : 's'} and ${w} warning${w === 1 ? '' : 's'}: see Problems below.`),
  noFile: 'Pick a participant export first.',
  periodProblem: (m) => `The period cannot be used: ${m}`,
  failed: (m) => `Something went wrong in esf-report (a bug, not a problem with the file): ${m}`,
  filesSummaryHeading: 'Files read',
  roles: { participants: 'Participant export', ledger: 'Ledger', budget: 'Budget' },
  fileLine: (r, e, w, x) => `${r} rows, ${r - x} counted, ${x} excluded; ${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`,
  readAs: (f, e, d) => (f === 'xlsx' ? 'read as an Excel workbook' : `read as ${e ?? '?'}, delimiter ${d === '\t' ? 'tab' : `"${d ?? '?'}"`}`),
  encodingFallback: 'The file was not UTF-8 and was read as Windows-1252 (what Excel writes). Check å, ä and ö below.',
  unusableFile: 'The file cannot be used: see the error below.',
  unusableBecause: (m) => `The file cannot be used: ${m}`,
  chosen: (n) => `Chosen: ${n}`,
  periodLine: (l, s, e, a) => `Period ${l}: ${s} – ${e}, as of ${a}`,
  preliminary: 'The period has not ended: the figures are preliminary.',
  findingsHeading: 'Problems',
  noFindings: 'No problems: the file follows the rules.',
  error: 'error',
  warning: 'warning',
  fix: 'How to fix',
  line: 'line',
  more: (n) => `… and ${n} more of the same kind (all are on the Data quality sheet).`,
  indicatorsHeading: 'ESF+ indicators',
  indicatorsCaption: (p) => `ESF+ indicators by gender, period ${p} and cumulative from the project start`,
  code: 'Code',
  indicator: 'Indicator',
  periodCol: 'Period',
  cumulativeCol: 'Cumulative',
  women: 'Women',
  men: 'Men',
  nonBinary: 'Non-binary',
  total: 'Total',
  womenShort: 'W',
  menShort: 'M',
  nonBinaryShort: 'X',
  kinds: {
    output: 'Output indicators (at entry)',
    result: 'Result indicators (upon leaving)',
    'longer-term-result': 'Longer-term result indicators (six months after leaving)',
    context: 'Context',
  },
  consistencyOk: (n) => `All ${n} aggregate tests hold.`,
  consistencyFailed: (t) => `Aggregate tests that fail: ${t}`,
  targetsHeading: 'Project targets',
  targetsCaption: (e) => `Project targets, cumulative up to ${e}`,
  target: 'Target',
  goal: 'Goal',
  goalCount: 'Goal (count)',
  base: 'Base',
  rate: 'Rate',
  onTrack: 'On track',
  unanswered: 'no answer',
  yes: 'yes',
  no: 'no',
  reference: (n, r, w) => `Reference, not a target: ${n} reported ${r}${w ? ` (women ${w})` : ''}.`,
  downloadsHeading: '3. Download',
  workbook: 'The workbook for ESF-rådet (.xlsx)',
  workbookHelp: 'Summary, indicators, targets, monthly, cohorts, data quality and about.',
  shared: 'Shared copy (.xlsx)',
  sharedHelp: 'For the steering group and others outside ESF-rådet: counts under N, and what would give them back, show as "hidden".',
  suppressLabel: 'Hide counts below',
  json: 'The indicators as JSON',
  jsonHelp: 'The same document as esf-report indicators --format json.',
  html: 'HTML report',
  htmlHelp: 'The report as a web page to print or send.',
  template: 'Blank participant template (.xlsx)',
  templateHelp: 'With dropdown lists and an explanation on every column.',
  noWorkbook: 'No workbook: first fix the errors that make the file unusable.',
  preparing: 'Making the file …',
  downloaded: (n) => `${n} is downloaded.`,
  suppressInvalid: 'The limit is a whole number, at least 2.',
  footer: (v) => `esf-report ${v}. The page works without a network; no data leaves the computer.`,
};

export const PAGE_TEXTS: Readonly<Record<Lang, PageTexts>> = { sv: SV, en: EN };
