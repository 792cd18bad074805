import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import Ajv2020Module from 'ajv/dist/2020.js';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { jsonSchemaOf } from '../../src/cli/commands/schema.js';
import { PARTICIPANT_COLUMNS } from '../../src/participants/columns.js';
import { normalizeToken } from '../../src/read/header.js';
import { ROOT } from '../helpers/run-bin.js';

const Ajv2020 = (Ajv2020Module as unknown as { default?: typeof Ajv2020Module }).default ?? Ajv2020Module;

function validator(target: 'participant' | 'indicators') {
  type Validator = { addKeyword(keyword: string): unknown; compile(schema: object): ValidateFunction };
  const ajv = new (Ajv2020 as unknown as new (o: object) => Validator)({ allErrors: true });
  ajv.addKeyword('x-swedish-header');
  return ajv.compile(jsonSchemaOf(target));
}

/** Rows of a fixture with headers mapped to canonical names (as another tool would after reading the header). */
function fixtureRows(file: string, encoding: string, delimiter: string): Record<string, string>[] {
  const text = iconv.decode(readFileSync(`${ROOT}${file}`), encoding);
  const [header, ...rows] = parse(text, { delimiter }) as string[][];
  const names = header!.map((h) => PARTICIPANT_COLUMNS.find((c) => [c.name, ...c.aliases].map(normalizeToken).includes(normalizeToken(h)))!.name);
  return rows.map((r) => Object.fromEntries(r.map((v, i) => [names[i]!, v])));
}

describe('esf-report schema', () => {
  it('is valid JSON Schema 2020-12 that accepts every row of both fixtures', () => {
    const validate = validator('participant');
    for (const rows of [fixtureRows('fixtures/participants.csv', 'utf8', ','), fixtureRows('fixtures/participants-sv-excel.csv', 'win1252', ';')]) {
      expect(rows.length).toBe(110);
      for (const row of rows) expect(validate(row), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('rejects rows the validator rejects for their form', () => {
    const validate = validator('participant');
    const good = fixtureRows('fixtures/participants.csv', 'utf8', ',')[0]!;
    expect(validate({ ...good, gender: 'q' })).toBe(false);
    expect(validate({ ...good, entry_date: '01/02/2025' })).toBe(false);
    expect(validate({ ...good, isced: '9' })).toBe(false);
    const { participant_id: _id, ...noId } = good;
    expect(validate(noId)).toBe(false);
    const { birth_date: _b, personnummer: _p, ...noBirth } = good;
    expect(validate(noBirth)).toBe(false);
  });

  it('describes the indicators result', () => {
    const schema = jsonSchemaOf('indicators') as { properties: Record<string, unknown>; required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['schema', 'project', 'period', 'records', 'indicators', 'targets', 'consistency']));
    expect(() => validator('indicators')).not.toThrow();
  });
});
