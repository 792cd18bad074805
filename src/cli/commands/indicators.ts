import { Command, Option } from 'commander';
import * as z from 'zod';
import { indicatorsOfFile } from '../participant-input.js';
import { CommonOptionsSchema, loadProfile, parseOptions, terminalLang } from '../options.js';
import { resolveReportPeriod } from '../period-option.js';
import { noticeText, renderValidationText, validationExitCode } from '../render-findings.js';
import {
  preliminaryNotice,
  renderIndicatorsCsv,
  renderIndicatorsJson,
  renderIndicatorsText,
} from '../render-indicators.js';
import { unusableFileLines } from '../unusable-files.js';
import { addCommonOptions, type CommandContext } from '../shared.js';

export const INDICATORS_FORMATS = ['text', 'json', 'csv'] as const;

const IndicatorsOptionsSchema = CommonOptionsSchema.extend({
  format: z.enum(INDICATORS_FORMATS).default('text'),
  period: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  monthly: z.boolean().default(false),
  cohorts: z.boolean().default(false),
});

/** `esf-report indicators FILE --period P`: the ESF+ indicators and project targets of one export. */
export function indicatorsCommand(ctx: CommandContext): Command {
  const cmd = new Command('indicators')
    .summary('compute the ESF+ indicators and project targets for a period')
    .description(
      'Compute the ESF+ common indicators (EECO01–EECO17, EECR01–EECR06) split by gender, the project targets and ' +
        'the aggregate consistency tests for a period, from one participant export. Rows with errors count nowhere.\n' +
        'Exit code: 0 done, 1 rows excluded because of errors (or warnings with --strict), 2 bad arguments or unusable file, 3 internal error.',
    )
    .argument('<file>', 'participant export (CSV in any encoding Excel writes, or .xlsx)')
    .option('--period <period>', 'quarter 2025-Q2, half-year 2025-H1/2025-H2, month 2025-05, year 2025, or "project" (default: the latest quarter ended by the as-of date)')
    .option('--from <date>', 'first day of a period YYYY-MM-DD (with --to, instead of --period)')
    .option('--to <date>', 'last day of a period YYYY-MM-DD (with --from)')
    .addOption(new Option('--format <format>', 'output format').choices(INDICATORS_FORMATS).default('text'))
    .option('--monthly', 'text output: add starters and leavers per month (SCB reporting months)')
    .option('--cohorts', 'text output: add starters, leavers and outcomes per cohort')
    .option('--strict', 'treat warnings as errors (exit 1)');
  addCommonOptions(cmd);
  cmd.addHelpText(
    'after',
    '\nExamples:\n' +
      '  esf-report indicators fixtures/participants.csv --period 2025-Q2\n' +
      '  esf-report indicators export.csv --period project --lang sv\n' +
      '  esf-report indicators export.csv --from 2025-01-01 --to 2025-03-31 --as-of 2025-04-28\n' +
      '  esf-report indicators export.csv --period 2025-H1 --monthly --cohorts\n' +
      '  esf-report indicators export.csv --period 2025 --format json > indicators-2025.json\n' +
      '  esf-report indicators export.csv --period 2025-Q4 --format csv --lang sv > indikatorer.csv\n' +
      '\nThe period is clipped to the reporting range (project start to six months after the project end);\n' +
      'the reference date defaults to the period end, or today if earlier. ESF_REPORT_TODAY=YYYY-MM-DD pins today.\n',
  );
  cmd.action(async (file: string, raw: Record<string, unknown>) => {
    const opts = parseOptions(IndicatorsOptionsSchema, raw);
    const today = ctx.today();
    const profile = await loadProfile(opts.project);
    const lang = terminalLang(opts.lang);
    const { period, notice } = resolveReportPeriod(profile.period, { period: opts.period, from: opts.from, to: opts.to, asOf: opts.asOf }, today, lang);
    const out = ctx.output;
    if (notice !== null && !opts.quiet) out.err(`${notice}\n`);

    const outcome = await indicatorsOfFile(
      file,
      profile,
      { period, asOf: period.asOf, today, lang, encoding: opts.encoding, delimiter: opts.delimiter, sheet: opts.sheet },
      { output: out, quiet: opts.quiet },
    );

    if (!opts.quiet) for (const n of outcome.summary.notices) out.err(`${noticeText(n, lang)}\n`);
    if (!outcome.usable) {
      if (opts.format === 'json') {
        out.err(unusableFileLines([outcome.summary], lang));
        out.json(renderIndicatorsJson(outcome.result));
      }
      else if (opts.format === 'csv') out.err(renderValidationText([outcome.summary], lang, out.color));
      else out.out(renderValidationText([outcome.summary], lang, out.color));
      ctx.setExitCode(2);
      return;
    }
    const result = outcome.result;
    if (result.period.preliminary && !opts.quiet) out.err(`${preliminaryNotice(result, today, lang)}\n`);
    switch (opts.format) {
      case 'json':
        out.json(renderIndicatorsJson(result));
        break;
      case 'csv':
        out.out(renderIndicatorsCsv(result, lang));
        break;
      default:
        out.out(renderIndicatorsText(result, lang, out.color, { file, monthly: opts.monthly, cohorts: opts.cohorts }));
    }
    ctx.setExitCode(validationExitCode([outcome.summary], opts.strict));
  });
  return cmd;
}
