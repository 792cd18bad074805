import { describe, expect, it } from 'vitest';
import { validateLedgerFile } from '../../../src/cli/commands/finance-validate.js';
import { PROFILE } from './helpers.js';

const TODAY = '2026-11-25';
const root = new URL('../../../', import.meta.url).pathname;

describe('validateLedgerFile (validate --ledger)', () => {
  it('checks the realistic ledger clean', async () => {
    const s = await validateLedgerFile(`${root}fixtures/ledger/ledger.csv`, PROFILE, TODAY, TODAY, {});
    expect(s).toMatchObject({ kind: 'ledger', encoding: 'windows-1252', delimiter: ';', rows: 171, errors: 0, warnings: 0, excludedRows: 0, unusable: false });
    expect(s.notices).toHaveLength(1);
  });

  it('includes the checks on whole quarters up to the reference date', async () => {
    const s = await validateLedgerFile(`${root}fixtures/ledger/bad/eu-share-above-rate.csv`, PROFILE, TODAY, TODAY, {});
    expect(s.findings.map((f) => [f.severity, f.code])).toEqual([
      ['warning', 'EU_SHARE_ABOVE_RATE'],
      ['error', 'EU_SHARE_ABOVE_RATE'],
    ]);
    // as it stood on 2024-12-31 the cumulative checks end there
    const earlier = await validateLedgerFile(`${root}fixtures/ledger/bad/eu-share-above-rate.csv`, PROFILE, TODAY, '2024-12-31', {});
    expect(earlier.findings.map((f) => f.args.difference)).toEqual(['4 000,00', '2 000,00']);
  });

  it('reports a file that cannot be opened', async () => {
    const s = await validateLedgerFile(`${root}fixtures/ledger/none.csv`, PROFILE, TODAY, TODAY, {});
    expect(s).toMatchObject({ kind: 'ledger', unusable: true, errors: 1 });
    expect(s.findings[0]!.code).toBe('FILE_UNREADABLE');
  });
});
