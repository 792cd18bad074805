import type { TemplateModel } from './model.js';

/** Quotes a CSV field when it holds the delimiter, a quote or a line break (RFC 4180). */
function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The CSV template: the header row only, UTF-8 with a BOM (so Excel reads å, ä, ö right), CRLF,
 * with the model's delimiter (`;` for Swedish Excel, `,` in English).
 */
export function renderTemplateCsv(model: TemplateModel): string {
  return `\uFEFF${model.columns.map((c) => csvField(c.header, model.delimiter)).join(model.delimiter)}\r\n`;
}
