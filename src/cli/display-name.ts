/**
 * How standard input (`-` as a file name) is named in every output, in every language: `-` alone
 * would read as a stray dash, and the CSV-injection guard quotes it as `'-`.
 */
export const STDIN_LABEL = '(standard input)';

/**
 * A file name as the program shows it (`-`: standard input, as `STDIN_LABEL`): control characters (a newline, a terminal escape) written
 * out as `\\n`, `\\x1b` …, so that a name can neither start a new line of output (a forged GitHub
 * workflow command) nor drive the terminal. Personnummer are masked later, where all output is.
 */
export function displayName(path: string): string {
  if (path === '-') return STDIN_LABEL;
  // eslint-disable-next-line no-control-regex
  return path.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    return `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}
