import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAPPING_SOURCES, parseMapping, SOURCE_VALUES, type Mapping } from '../../../src/month/mapping.js';
import { buildMonthList } from '../../../src/month/month-list.js';
import { buildScbSheet, identityFindings, scbIdentity, scbRowsOf } from '../../../src/month/scb-sheet.js';
import { ROOT } from '../../helpers/run-bin.js';
import { readExport } from './helpers.js';

const SHIPPED = JSON.parse(readFileSync(`${ROOT}templates/scb-month-mapping.json`, 'utf8')) as unknown;

function shipped(): Mapping {
  const parsed = parseMapping(SHIPPED);
  if ('problems' in parsed) throw new Error(parsed.problems.join('; '));
  return parsed.mapping;
}

const HEADER = 'participant_id,personnummer,protected_identity,gender,birth_date,entry_date,exit_date,employment_status,unemployment_months,isced,exit_status';
// synthetic personnummer (individual numbers 98x–99x)
const EXPORT = [
  HEADER,
  'S-1,19900101-9984,,woman,,2025-03-03,,unemployed,3,3,', // woman, personnummer
  'S-2,,ja,woman,1985-06-07,2025-03-04,,inactive,,2,', // protected, no personnummer
  'S-3,19800202-9976,yes,non_binary,,2025-03-04,2025-03-28,employed,,5,employed', // protected, legal gender from the number; leaves the same month
  'S-4,,yes,non_binary,1975-01-02,2025-03-10,,inactive,,1,', // protected, no legal gender known
  'S-5,,,man,1970-01-01,2025-03-11,,inactive,,4,', // no personnummer
  'S-6,19700101-9970,,man,,2024-10-01,2025-03-14,unemployed,20,6,job_searching', // leaver only
  '',
].join('\n');

describe('the SCB mapping', () => {
  it('ships a mapping that loads, with SCB-sourced columns for personnummer, start and end date', () => {
    const m = shipped();
    expect(m.columns.filter((c) => c.basis === 'scb').map((c) => c.source)).toEqual(['personnummer', 'start_date', 'end_date']);
    expect(m.personnummer.protected.woman).toBe('Tf29');
    for (const c of m.columns) {
      const values = SOURCE_VALUES[c.source];
      if (c.values) expect(Object.keys(c.values).sort(), c.header).toEqual([...values!].sort());
    }
  });

  it('rejects a mapping with clear problems: unknown source, missing or unknown codes, a repeated header', () => {
    const unknownSource = structuredClone(SHIPPED) as { columns: Record<string, unknown>[] };
    unknownSource.columns.push({ header: 'X', source: 'shoe_size' });
    expect(parseMapping(unknownSource)).toMatchObject({ problems: [expect.stringMatching(/^columns\.15\.source: source must be one of: personnummer/)] });
    const bad = structuredClone(SHIPPED) as { columns: Record<string, unknown>[] };
    bad.columns.push({ header: 'Kön2', source: 'gender', values: { woman: 'K', man: 'M', robot: 'R' } });
    bad.columns.push({ header: 'Personnummer', source: 'participant_id' });
    const parsed = parseMapping(bad);
    expect('problems' in parsed).toBe(true);
    const text = (parsed as { problems: string[] }).problems.join('\n');
    expect(text).toMatch(/robot is not a value of gender/);
    expect(text).toMatch(/no code for non_binary/);
    expect(text).toMatch(/"Personnummer" appears twice/);
    expect(MAPPING_SOURCES).toContain('exit_status');
  });
});

describe('identity for SCB', () => {
  it("writes the personnummer, or SCB's code for a protected identity, and says when neither can be formed", async () => {
    const { index, pnrOf } = await readExport(EXPORT);
    const list = buildMonthList(index, '2025-03');
    const m = shipped();
    const by = new Map(scbRowsOf(list).map((r) => [r.record.participantId, r.record]));
    const id = (pid: string) => scbIdentity(by.get(pid)!, pnrOf(by.get(pid)!), m);
    expect(id('S-1')).toEqual({ value: '199001019984', protectedCode: false });
    expect(id('S-2')).toEqual({ value: '19850607Tf29', protectedCode: true });
    expect(id('S-3')).toEqual({ value: '19800202Tf19', protectedCode: true }); // legal gender from the number: man
    expect(id('S-4')).toEqual({ problem: 'protected-gender' });
    expect(id('S-5')).toEqual({ problem: 'missing' });
    expect(identityFindings(list, pnrOf, m, 'export.csv').map((f) => `${f.code}@${f.line}:${f.participantId}`)).toEqual([
      'SCB_PROTECTED_CODE_UNKNOWN@5:S-4',
      'SCB_PNR_MISSING@6:S-5',
    ]);
    const dashed = { ...m, personnummer: { ...m.personnummer, form: 'YYMMDD-NNNN' as const } };
    expect(scbIdentity(by.get('S-1')!, pnrOf(by.get('S-1')!), dashed)).toEqual({ value: '900101-9984', protectedCode: false });
  });

  it('lays out the rows in SCB order, codes applied, personnummer only when asked for', async () => {
    const { index, pnrOf } = await readExport(EXPORT);
    const list = buildMonthList(index, '2025-03');
    const m = shipped();
    const without = buildScbSheet(list, m, '23-073-S10');
    const col = (name: string) => m.columns.findIndex((c) => c.header === name);
    expect(without.rows.map((r) => r[col('Deltagar-id')])).toEqual(['S-1', 'S-2', 'S-3', 'S-4', 'S-5', 'S-6']);
    expect(without.rows.map((r) => r[col('Händelse')])).toEqual(['Start', 'Start', 'Start och slut', 'Start', 'Start', 'Slut']);
    expect(without.rows.every((r) => r[col('Personnummer')] === null)).toBe(true);
    expect(without.personnummerColumns).toEqual([col('Personnummer')]);
    const s3 = without.rows[2]!;
    expect([s3[col('Slutdatum')], s3[col('Status vid avslut')], s3[col('Kön')]]).toEqual([{ date: '2025-03-28' }, 'Anställd', 'Icke-binär']);
    const s6 = without.rows[5]!;
    expect([s6[col('Startdatum')], s6[col('Kön')], s6[col('Status vid avslut')]]).toEqual([{ date: '2024-10-01' }, null, 'Arbetssökande']);
    expect(without.rows[0]![col('Utbildningsnivå (ISCED)')]).toBe(3);

    const withPnr = buildScbSheet(list, m, '23-073-S10', (r) => {
      const x = scbIdentity(r, pnrOf(r), m);
      return 'value' in x ? x.value : null;
    });
    expect(withPnr.rows.map((r) => r[col('Personnummer')])).toEqual(['199001019984', '19850607Tf29', '19800202Tf19', null, null, '197001019970']);
  });
});
