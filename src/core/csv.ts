/**
 * One CSV field as written (RFC 4180): quoted, with its quotes doubled, when it holds the
 * delimiter, a quote or a line break; as it is otherwise. Null is the empty field.
 */
export function csvField(value: string | number | null, delimiter: string): string {
  const s = value === null ? '' : String(value);
  return s.includes('"') || s.includes(delimiter) || s.includes('\n') || s.includes('\r') ? `"${s.replaceAll('"', '""')}"` : s;
}
