import type { PeriodProblem } from '../core/period.js';
import type { Lang } from '../findings/catalogue.js';

/**
 * A period problem in the page's words and language. The CLI's sentences name its options
 * (`--period`, `--from DATE --to DATE`); the page has a period field and a reading-day field.
 */
export function periodProblemText(p: PeriodProblem, lang: Lang): string {
  return lang === 'sv' ? swedish(p) : english(p);
}

const FORMS_SV = 'skriv ett kvartal (2026-Q3), ett halvår (2026-H1), en månad (2026-05), ett år (2026) eller project';
const FORMS_EN = 'write a quarter (2026-Q3), a half-year (2026-H1), a month (2026-05), a year (2026) or project';

function swedish(p: PeriodProblem): string {
  switch (p.kind) {
    case 'not-a-period':
      return `”${p.value}” är ingen period: ${FORMS_SV}.`;
    case 'no-such-month':
      return `”${p.value}”: det finns ingen månad ${p.month}.`;
    case 'no-quarter-ended':
      return `inget av projektets kvartal har slutat ${p.date} (projektet börjar ${p.projectStart}); välj en period.`;
    case 'period-and-range':
    case 'range-half':
    case 'no-period':
      return `välj en period: ${FORMS_SV}.`;
    case 'not-a-date':
      return `”${p.value}” är inget datum ÅÅÅÅ-MM-DD.`;
    case 'from-after-to':
      return `startdagen ${p.from} ligger efter slutdagen ${p.to}.`;
    case 'outside-range':
      return `perioden ${p.label} (${p.start} – ${p.end}) ligger helt utanför rapporteringstiden ${p.rangeStart} – ${p.rangeEnd} (projektstart till sex månader efter projektslut).`;
    case 'starts-after-today':
      return `perioden ${p.label} börjar ${p.start}, efter i dag (${p.today}); det finns inga siffror för den än.`;
    case 'as-of-after-today':
      return `avläsningsdagen ${p.asOf} ligger efter i dag (${p.today}); siffrorna kan inte beskriva en dag som inte har kommit.`;
    case 'as-of-before-start':
      return `avläsningsdagen ${p.asOf} ligger före periodens början (${p.start}).`;
  }
}

function english(p: PeriodProblem): string {
  switch (p.kind) {
    case 'not-a-period':
      return `"${p.value}" is not a period: ${FORMS_EN}.`;
    case 'no-such-month':
      return `"${p.value}": there is no month ${p.month}.`;
    case 'no-quarter-ended':
      return `no quarter of the project has ended by ${p.date} (the project starts ${p.projectStart}); choose a period.`;
    case 'period-and-range':
    case 'range-half':
    case 'no-period':
      return `choose a period: ${FORMS_EN}.`;
    case 'not-a-date':
      return `"${p.value}" is not a date YYYY-MM-DD.`;
    case 'from-after-to':
      return `the start ${p.from} is after the end ${p.to}.`;
    case 'outside-range':
      return `the period ${p.label} (${p.start} – ${p.end}) lies wholly outside the reporting range ${p.rangeStart} – ${p.rangeEnd} (project start to six months after its end).`;
    case 'starts-after-today':
      return `the period ${p.label} starts on ${p.start}, after today (${p.today}); there are no figures for it yet.`;
    case 'as-of-after-today':
      return `the reading day ${p.asOf} is after today (${p.today}); the figures cannot describe a day that has not come.`;
    case 'as-of-before-start':
      return `the reading day ${p.asOf} is before the period starts (${p.start}).`;
  }
}
