import { maskPersonnummer } from '../participants/personnummer.js';
import type { Catalogue, Lang } from './catalogue.js';
import { columnLabel } from './column-names.js';
import type { FindingCode } from './codes.js';
import type { Finding, FindingArgs } from './finding.js';
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

/** The longest echoed value (a found value, a header, a column name) a message quotes; longer ones are cut with `…`. */
export const MAX_ECHO_CHARS = 200;

/** Cuts an echoed value to `MAX_ECHO_CHARS` (never inside a surrogate pair). */
export function clipEcho(s: string): string {
  if (s.length <= MAX_ECHO_CHARS) return s;
  let end = MAX_ECHO_CHARS;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}

function clipArgs(args: FindingArgs): FindingArgs {
  let out: Record<string, string | number | undefined> | undefined;
  for (const [k, v] of Object.entries(args)) {
    if (typeof v === 'string' && v.length > MAX_ECHO_CHARS) (out ??= { ...args })[k] = clipEcho(v);
  }
  return out ?? args;
}

/** The message of a finding, echoed values cut to a sane length; anything shaped like a personnummer is masked, whatever the data held. */
export function findingMessage(f: Finding, lang: Lang): string {
  const column = f.column === null ? null : clipEcho(columnLabel(f.column, lang));
  return maskPersonnummer(CATALOGUES[lang][f.code].text({ args: clipArgs(f.args), column, line: f.line }));
}

export function renderFinding(f: Finding, lang: Lang): RenderedFinding {
  return {
    severity: f.severity,
    code: f.code,
    file: f.file,
    line: f.line,
    column: f.column === null ? null : clipEcho(f.column),
    message: findingMessage(f, lang),
  };
}

/** Where the user documentation explains a code: its heading in docs/findings.md (shipped with the package). */
export function findingDocAnchor(code: FindingCode): string {
  return `docs/findings.md#${code.toLowerCase()}`;
}

/** What to do about a code, and where the documentation says more. */
export function findingHint(code: FindingCode, lang: Lang): string {
  return `${CATALOGUES[lang][code].hint} (${lang === 'sv' ? 'mer' : 'more'}: ${findingDocAnchor(code)})`;
}
