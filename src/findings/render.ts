import { maskPersonnummer } from '../participants/personnummer.js';
import type { Catalogue, Lang } from './catalogue.js';
import { columnLabel } from './column-names.js';
import type { FindingCode } from './codes.js';
import type { Finding } from './finding.js';
import { MESSAGES_EN } from './messages-en.js';
import { MESSAGES_SV } from './messages-sv.js';

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { en: MESSAGES_EN, sv: MESSAGES_SV };

/** A finding as it leaves the tool: all six fields, the message in the chosen language. */
export interface RenderedFinding {
  readonly severity: Finding['severity'];
  readonly code: FindingCode;
  readonly file: string | null;
  readonly line: number | null;
  readonly column: string | null;
  readonly message: string;
}

/** The message of a finding; anything shaped like a personnummer is masked, whatever the data held. */
export function findingMessage(f: Finding, lang: Lang): string {
  const column = f.column === null ? null : columnLabel(f.column, lang);
  return maskPersonnummer(CATALOGUES[lang][f.code].text({ args: f.args, column, line: f.line }));
}

export function renderFinding(f: Finding, lang: Lang): RenderedFinding {
  return { severity: f.severity, code: f.code, file: f.file, line: f.line, column: f.column, message: findingMessage(f, lang) };
}

/** Where the user documentation explains a code: its heading in docs/findings.md (shipped with the package). */
export function findingDocAnchor(code: FindingCode): string {
  return `docs/findings.md#${code.toLowerCase()}`;
}

/** What to do about a code, and where the documentation says more. */
export function findingHint(code: FindingCode, lang: Lang): string {
  return `${CATALOGUES[lang][code].hint} (${lang === 'sv' ? 'mer' : 'more'}: ${findingDocAnchor(code)})`;
}
