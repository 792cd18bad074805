/**
 * One CSV field as Excel should take it (RFC 4180): quoted, with its quotes doubled, when it holds
 * the delimiter, a quote or a line break; and a text that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return prefixed with `'`, so that Excel shows it instead of running it as a formula
 * (OWASP, "CSV Injection"). Numbers are written as they are; null is the empty field.
 */
export function csvField(value: string | number | null, delimiter: string): string {
  if (typeof value === 'number') return String(value);
  let s = value ?? '';
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return s.includes('"') || s.includes(delimiter) || s.includes('\n') || s.includes('\r') || s.startsWith("'") ? `"${s.replaceAll('"', '""')}"` : s;
}
