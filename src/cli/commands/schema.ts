import { Argument, Command, Option } from 'commander';
import { redactedJsonDocument } from '../../core/redact.js';
import * as z from 'zod';
import { IndicatorsResultSchema } from '../../indicators/result.js';
import { ParticipantRowSchema } from '../../participants/row-schema.js';
import type { CommandContext } from '../shared.js';

export const SCHEMA_TARGETS = ['participant', 'indicators'] as const;
export type SchemaTarget = (typeof SCHEMA_TARGETS)[number];

/** The JSON Schema (draft 2020-12) of a contract, derived from its zod schema. */
export function jsonSchemaOf(target: SchemaTarget): Record<string, unknown> {
  const schema = target === 'participant' ? ParticipantRowSchema : IndicatorsResultSchema;
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...json, $id: `https://esf-report.invalid/schema/${target === 'participant' ? 'participant-row' : 'indicators'}@1.json` };
}

export function schemaCommand(ctx: CommandContext): Command {
  return new Command('schema')
    .summary('print the input contract (or the indicators result) as JSON Schema')
    .description(
      'Print a JSON Schema (draft 2020-12), derived from the same zod schemas the tool uses:\n' +
        '  participant  one row of the participant export (canonical column names; default)\n' +
        '  indicators   the result of `esf-report indicators --format json` (esf-report/indicators@1)',
    )
    .addArgument(new Argument('[what]', 'which schema').choices(SCHEMA_TARGETS).default('participant'))
    // always JSON; the option is accepted so that a CI script can pass --format json to every command
    .addOption(new Option('--format <format>', 'output format (a JSON Schema is always JSON)').choices(['json']).default('json'))
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  esf-report schema > participant-row.schema.json\n' +
        '  esf-report schema indicators > indicators.schema.json\n',
    )
    .action((what: SchemaTarget) => {
      ctx.output.json(redactedJsonDocument(jsonSchemaOf(what)));
      ctx.setExitCode(0);
    });
}
