/** The texts of `finance` for a person (the tables per quarter, the cumulative row, the budget), in English and Swedish. */

import type { Lang } from '../findings/catalogue.js';

/** A column header on two lines (the second may be empty). */
type Header = readonly [string, string];

interface FinanceLabels {
  title: (file: string) => string;
  project: (id: string, name: string) => string;
  period: (label: string, start: string, end: string, asOf: string) => string;
  preliminary: string;
  preliminaryNotice: (label: string, end: string, today: string, asOf: string) => string;
  rates: (eu: string, flat: string | null) => string;
  records: (counted: number, windowEnd: string, excluded: number, later: number) => string;
  unit: string;
  costs: string;
  financing: string;
  checks: string;
  budget: string;
  quarter: string;
  cumulative: string;
  costHeaders: readonly Header[];
  financingHeaders: readonly Header[];
  checkHeaders: readonly Header[];
  budgetHeaders: readonly Header[];
  partial: (windowEnd: string) => string;
  cumulativeNote: (start: string, end: string, through: string | null) => string;
  ok: string;
  notChecked: string;
  errors: (n: number) => string;
  warnings: (n: number) => string;
  categories: readonly string[];
  total: string;
}

export const FINANCE_LABELS: Readonly<Record<Lang, FinanceLabels>> = {
  en: {
    title: (file) => `Co-financing ledger ${file}`,
    project: (id, name) => `Project ${id} ${name}`,
    period: (label, start, end, asOf) => `Period ${label.includes('..') ? `${start} – ${end}` : `${label} (${start} – ${end})`}, as of ${asOf}`,
    preliminary: 'preliminary: the period ends after today',
    preliminaryNotice: (label, end, today, asOf) =>
      `notice: the period ${label} ends on ${end}, after today (${today}); the figures are preliminary (as of ${asOf}).`,
    rates: (eu, flat) =>
      `Rates from the project profile: EU ${eu} of eligible cost; ${flat === null ? 'no flat rate (other direct costs allowed)' : `flat rate ${flat} of staff costs`}`,
    records: (counted, windowEnd, excluded, later) =>
      `${counted} bookings counted up to ${windowEnd}; ${excluded} row${excluded === 1 ? '' : 's'} with errors left out; ${later} booking${later === 1 ? '' : 's'} after ${windowEnd} not counted yet`,
    unit: 'Amounts in SEK.',
    costs: 'Eligible cost',
    financing: 'Financing',
    checks: 'EU share, flat rate and funding',
    budget: 'Budget (planned totals for the whole project)',
    quarter: 'quarter',
    cumulative: 'cumulative',
    costHeaders: [['staff', ''], ['flat rate', ''], ['participant', 'allowances'], ['in kind', ''], ['other', 'direct'], ['total', '']],
    financingHeaders: [['EU', ''], ['state', ''], ['public', 'cash'], ['public', 'in kind'], ['private', 'cash'], ['private', 'in kind'], ['total', '']],
    checkHeaders: [['EU share', ''], ['expected', 'EU'], ['EU', 'difference'], ['expected', 'flat rate'], ['flat rate', 'difference'], ['unfunded', ''], ['checks', '']],
    budgetHeaders: [['category', ''], ['planned', ''], ['used', ''], ['utilisation', ''], ['remaining', '']],
    partial: (windowEnd) => `* partial quarter (window ends ${windowEnd}): figures only, no checks`,
    cumulativeNote: (start, end, through) =>
      `cumulative: figures ${start} – ${end}; ${through === null ? 'no whole quarter yet, so no cumulative checks' : `checks on whole quarters ${start} – ${through}`}`,
    ok: 'ok',
    notChecked: 'not checked',
    errors: (n) => `${n} error${n === 1 ? '' : 's'}`,
    warnings: (n) => `${n} warning${n === 1 ? '' : 's'}`,
    categories: ['staff', 'flat rate', 'participant allowances', 'in kind', 'other direct'],
    total: 'total',
  },
  sv: {
    title: (file) => `Medfinansieringsliggare ${file}`,
    project: (id, name) => `Projekt ${id} ${name}`,
    period: (label, start, end, asOf) => `Period ${label.includes('..') ? `${start} – ${end}` : `${label} (${start} – ${end})`}, per ${asOf}`,
    preliminary: 'preliminärt: perioden slutar efter dagens datum',
    preliminaryNotice: (label, end, today, asOf) =>
      `notis: perioden ${label} slutar ${end}, efter dagens datum (${today}); siffrorna är preliminära (per ${asOf}).`,
    rates: (eu, flat) =>
      `Satser enligt projektprofilen: EU ${eu} av stödberättigande kostnader; ${flat === null ? 'ingen schablon (övriga direkta kostnader tillåtna)' : `schablon ${flat} av personalkostnaderna`}`,
    records: (counted, windowEnd, excluded, later) =>
      `${counted} bokningar räknade till och med ${windowEnd}; ${excluded} ${excluded === 1 ? 'rad' : 'rader'} med fel utelämnade; ${later} ${later === 1 ? 'bokning' : 'bokningar'} efter ${windowEnd} räknas inte än`,
    unit: 'Belopp i kronor.',
    costs: 'Stödberättigande kostnader',
    financing: 'Finansiering',
    checks: 'EU-andel, schablon och finansiering',
    budget: 'Budget (planerat för hela projektet)',
    quarter: 'kvartal',
    cumulative: 'ackumulerat',
    costHeaders: [['personal', ''], ['schablon', ''], ['deltagar-', 'ersättning'], ['i annat än', 'pengar'], ['övriga', 'direkta'], ['summa', '']],
    financingHeaders: [['ESF', ''], ['statlig', ''], ['offentlig', 'kontant'], ['offentlig i', 'annat än pengar'], ['privat', 'kontant'], ['privat i', 'annat än pengar'], ['summa', '']],
    checkHeaders: [['EU-andel', ''], ['förväntad', 'EU'], ['EU', 'differens'], ['förväntad', 'schablon'], ['schablon', 'differens'], ['ofinansierat', ''], ['kontroll', '']],
    budgetHeaders: [['kategori', ''], ['budget', ''], ['förbrukat', ''], ['förbrukat', 'andel'], ['kvar', '']],
    partial: (windowEnd) => `* ofullständigt kvartal (t.o.m. ${windowEnd}): bara belopp, inga kontroller`,
    cumulativeNote: (start, end, through) =>
      `ackumulerat: belopp ${start} – ${end}; ${through === null ? 'inget helt kvartal än, så inga ackumulerade kontroller' : `kontroller på hela kvartal ${start} – ${through}`}`,
    ok: 'ok',
    notChecked: 'ej kontrollerat',
    errors: (n) => `${n} fel`,
    warnings: (n) => `${n} ${n === 1 ? 'varning' : 'varningar'}`,
    categories: ['personal', 'schablon', 'deltagarersättning', 'i annat än pengar', 'övriga direkta'],
    total: 'summa',
  },
};
