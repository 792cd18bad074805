import type { TemplateModel } from './model.js';
import { csvField } from '../core/csv.js';

/**
 * The CSV template: the header row only, UTF-8 with a BOM (so Excel reads å, ä, ö right), CRLF,
 * with the model's delimiter (`;` for Swedish Excel, `,` in English).
 */
export function renderTemplateCsv(model: TemplateModel): string {
  return `\uFEFF${model.columns.map((c) => csvField(c.header, model.delimiter)).join(model.delimiter)}\r\n`;
}
