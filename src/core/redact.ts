/**
 * The one redaction of personal identity numbers (personnummer and samordningsnummer) applied to
 * every text that leaves the program: terminal output, JSON and CSV documents, workbook cells,
 * file names and error messages. Callers never decide what to mask; they pass the text through here.
 */

/** What a masked number is replaced by. */
export const REDACTED = '[personnummer]';

/** Separators people type inside a personnummer: `-`, `+`, `.`, `_` and spaces (at most three in a row, e.g. ` - `). */
const SEP = '[-+._ ]{0,3}';

/**
 * A personnummer or samordningsnummer in any written form: an optional century, YYMMDD (day 61–91
 * for a samordningsnummer), then the four last digits, with separators allowed between the groups
 * (`850312-9812`, `19850312+9812`, `850312.9812`, `19850312_9812`, `85 03 12 - 9812`). The month and
 * day must be plausible, so that a row of figures in a table is not taken for one. A match grows
 * over the digits joined to it on either side (`85 03 12 - 98120`), and is left alone only when
 * the whole is a chain of ISO dates (`2024-08-01 2027-07-31`).
 */
const PNR_SHAPED = new RegExp(
  `(?:\\d{2}${SEP})?\\d{2}${SEP}(?:0[1-9]|1[0-2])${SEP}(?:0[1-9]|[12]\\d|3[01]|6[1-9]|[78]\\d|9[01])${SEP}\\d{4}`,
  'g',
);

/** ISO dates joined into a range (`2025-05-01..2025-08-15`, `2024-08-01 2027-07-31`): many digits, but no personnummer. */
const DATE_CHAIN = /^\d{4}-\d{2}-\d{2}(?:[-+._ ]{1,3}\d{4}-\d{2}-\d{2})*$/;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** `-`, `+`, `.`, `_`: the separators that join digits into one run. */
const isJoin = (c: number): boolean => c === 45 || c === 43 || c === 46 || c === 95;

/** Where the digits joined to `text[i…]` from the left begin (digits, or up to three joiners then digits). */
function growLeft(text: string, i: number): number {
  for (;;) {
    let j = i;
    while (j > 0 && i - j < 3 && isJoin(text.charCodeAt(j - 1))) j--;
    if (j === 0 || !isDigit(text.charCodeAt(j - 1))) return i;
    i = j - 1;
    while (i > 0 && isDigit(text.charCodeAt(i - 1))) i--;
  }
}

/** Where the digits joined to `text[…end)` on the right end. */
function growRight(text: string, end: number): number {
  for (;;) {
    let j = end;
    while (j < text.length && j - end < 3 && isJoin(text.charCodeAt(j))) j++;
    if (j >= text.length || !isDigit(text.charCodeAt(j))) return end;
    end = j + 1;
    while (end < text.length && isDigit(text.charCodeAt(end))) end++;
  }
}

function maskShaped(text: string): string {
  let out = '';
  let last = 0;
  PNR_SHAPED.lastIndex = 0;
  for (let m = PNR_SHAPED.exec(text); m !== null; m = PNR_SHAPED.exec(text)) {
    const start = Math.max(last, growLeft(text, m.index));
    const end = growRight(text, m.index + m[0].length);
    PNR_SHAPED.lastIndex = end;
    if (DATE_CHAIN.test(text.slice(start, end))) continue;
    out += text.slice(last, start) + REDACTED;
    last = end;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * A run of digits joined by `-`, `+`, `.` or `_` (no spaces): more than ten digits may hide a number
 * run together with others. Exactly ten are a personnummer only if `PNR_SHAPED` says so (an
 * organisation number, `802478-1406`, has a month of 20 or more and stays readable).
 */
const DIGIT_RUN = /\d(?:[-+._]{0,3}\d)+/g;

/** Cheap pre-test: ten digits with at most three separators between any two. Most texts fail it and are returned as they are. */
const MAYBE = /\d(?:[-+._ ]{0,3}\d){9}/;

/** A SHA-256 digest (64 lower-case hex digits) is a checksum, not personal data; its digit runs are left alone. */
const SHA256 = /(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])/g;

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}


function redactPart(text: string): string {
  if (!MAYBE.test(text)) return text;
  return maskShaped(text).replace(DIGIT_RUN, (run) => (countDigits(run) > 10 && !DATE_CHAIN.test(run) ? REDACTED : run));
}

/**
 * Masks anything that could be a personnummer or samordningsnummer: the number in any written
 * form, and any run of more than ten digits joined by `-`, `+`, `.` or `_` (a number run together with
 * other digits, `19900501-98222025-02-30`). Dates (eight digits) and ordinary counts stay readable.
 */
export function redact(text: string): string {
  if (!MAYBE.test(text)) return text;
  if (text.length < 64) return redactPart(text);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(SHA256)) {
    out += redactPart(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return last === 0 ? redactPart(text) : out + redactPart(text.slice(last));
}

/** True when `redact` would mask something in the text: such a value must not be used as a participant ID. */
export function containsPersonnummer(text: string): boolean {
  return redact(text) !== text;
}

declare const redactedBrand: unique symbol;
/** Text whose strings have been redacted by `redactedJson`; only such text may skip the output redaction (numbers stay whole). */
export type RedactedText = string & { readonly [redactedBrand]: true };

/** `JSON.stringify` with every string value redacted: the one way a JSON document leaves the program. */
export function redactedJson(value: unknown, indent?: number): RedactedText {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? redact(v) : v), indent) as RedactedText;
}


/** A whole JSON document as the commands print it: indented by two, strings redacted, one newline at the end. */
export function redactedJsonDocument(value: unknown): RedactedText {
  return `${redactedJson(value, 2)}\n` as RedactedText;
}
