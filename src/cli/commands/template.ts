import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import * as z from 'zod';
import { LANGS, type Lang } from '../../findings/catalogue.js';
import { renderTemplateCsv } from '../../template/csv.js';
import { buildTemplateModel, type TemplateModel } from '../../template/model.js';
import { parseTemplateTexts, type TemplateTexts } from '../../template/texts.js';
import { UsageError } from '../errors.js';
import { exists, existsError, writeFileSafely } from '../write-file.js';
import { PACKAGE_ROOT, parseOptions } from '../options.js';
import type { CommandContext } from '../shared.js';

const TemplateOptionsSchema = z.object({
  out: z
    .string()
    .trim()
    .refine((s) => /\.(csv|xlsx)$/i.test(s), { message: '--out must name a .csv or an .xlsx file' })
    .optional(),
  lang: z.enum(LANGS, { message: '--lang takes sv or en' }).default('sv'),
  force: z.boolean().default(false),
  quiet: z.boolean().default(false),
  format: z.enum(['text', 'json']).default('text'),
});

/** Loads `templates/input-columns-<lang>.json`; a missing or malformed text is a bug in the package, not the user's mistake. */
export async function loadTemplateTexts(lang: Lang): Promise<TemplateTexts> {
  const file = `${PACKAGE_ROOT}templates/input-columns-${lang}.json`;
  const parsed = parseTemplateTexts(JSON.parse(await readFile(file, 'utf8')) as unknown);
  if ('problems' in parsed) throw new Error(`${file} is not a complete input template: ${parsed.problems.join('; ')}`);
  if (parsed.texts.lang !== lang) throw new Error(`${file} says it is "${parsed.texts.lang}", not "${lang}"`);
  return parsed.texts;
}

/** The template's bytes for an output file, by its extension. */
async function templateBytes(model: TemplateModel, out: string, today: string): Promise<Uint8Array> {
  if (!/\.xlsx$/i.test(out)) return new TextEncoder().encode(renderTemplateCsv(model));
  // exceljs is loaded only for an .xlsx template (fast start for the CSV one)
  const { writeTemplateWorkbook } = await import('../../template/xlsx.js');
  return writeTemplateWorkbook(model, { created: today });
}


const LANGUAGE_NAME: Readonly<Record<Lang, string>> = { sv: 'Swedish', en: 'English' };

/** `esf-report template [--out FILE] [--lang sv|en] [--force]`: a blank participant file to fill in. */
export function templateCommand(ctx: CommandContext): Command {
  const cmd = new Command('template')
    .summary('write a blank participant file (CSV, or XLSX with dropdown lists)')
    .description(
      'Write a blank participant file with every column of the input contract, to fill in and check with validate.\n\n' +
        'Without --out the CSV goes to stdout; --out FILE.csv writes it to a file. CSV files are UTF-8 with BOM and CRLF line ends.\n\n' +
        '--out FILE.xlsx writes an Excel workbook: a note on each header (what the field is, its values, whether it is ' +
        'required), dropdown lists for every enumerated column, date checks and the yyyy-mm-dd format on date columns, ' +
        'ID columns as text, and a frozen header row.\n\n' +
        '--lang sv (the default, for Swedish administrators): Swedish headers and values, ";" as Swedish Excel expects. ' +
        '--lang en: the canonical English headers and values, ",".\n\n' +
        'Never overwrites a file without --force. Exit code: 0 written, 2 bad arguments or existing output, 3 internal error.',
    )
    .option('-o, --out <file>', 'the file to write: .csv or .xlsx (default: the CSV on stdout)')
    .addOption(new Option('--lang <lang>', 'language of headers, values and notes (default: sv)').choices(LANGS))
    .option('--force', 'replace an existing output file')
    .addOption(new Option('--format <format>', 'with -o, what goes to stdout: text (the file written) or json (esf-report/template@1)').choices(['text', 'json']).default('text'))
    .option('--quiet', 'no notice on stderr')
    .option('--no-color', 'no colour in the terminal (also NO_COLOR)')
    .option('--debug', 'print the stack of an internal error');
  cmd.addHelpText(
    'after',
    '\nExamples:\n' +
      '  esf-report template --out deltagare.xlsx                 # Swedish workbook with dropdowns and notes\n' +
      '  esf-report template --out participants.xlsx --lang en\n' +
      '  esf-report template > deltagare.csv                      # Swedish CSV header (;)\n' +
      '  esf-report template --lang en --out participants.csv\n' +
      '  esf-report validate deltagare.xlsx                       # check it once filled in\n',
  );
  cmd.action(async (raw: Record<string, unknown>) => {
    const opts = parseOptions(TemplateOptionsSchema, raw);
    const model = buildTemplateModel(opts.lang, await loadTemplateTexts(opts.lang));
    const out = ctx.output;
    if (opts.out === undefined) {
      if (opts.format === 'json') throw new UsageError('--format json needs -o FILE: without it the template itself goes to stdout', { option: '--format', value: 'json' });
      out.out(renderTemplateCsv(model));
      return;
    }
    if (!opts.force && (await exists(opts.out))) throw existsError(opts.out);
    await writeFileSafely(opts.out, await templateBytes(model, opts.out, ctx.today()), opts.force);
    if (!opts.quiet) out.err(`wrote ${opts.out}: ${LANGUAGE_NAME[opts.lang]} template, ${model.columns.length} columns\n`);
    out.out(
      opts.format === 'json'
        ? `${JSON.stringify({ schema: 'esf-report/template@1', written: opts.out, lang: opts.lang, columns: model.columns.length }, null, 2)}\n`
        : `${opts.out}\n`,
    );
  });
  return cmd;
}
