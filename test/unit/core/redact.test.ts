import { describe, expect, it } from 'vitest';
import { containsPersonnummer, redact, redactedJson, REDACTED } from '../../../src/core/redact.js';

// Synthetic numbers only (individual numbers 98x, the generator's range).
describe('redact', () => {
  it.each([
    '850312-9812',
    '850312+9812',
    '8503129812',
    '198503129812',
    '19850312-9812',
    '850312.9812',
    '19850312_9812',
    '85 03 12 - 9812',
    '1985 03 12 9812',
    '850372-9812', // samordningsnummer: day + 60
  ])('masks %s in any written form', (pnr) => {
    expect(redact(`export-${pnr}.csv`)).toBe(`export-${REDACTED}.csv`);
    expect(containsPersonnummer(pnr)).toBe(true);
  });

  it('masks a number run together with other digits', () => {
    expect(redact('19900501-98222025-02-30')).not.toMatch(/9822/);
    expect(redact('x 19850312981234 y')).toBe(`x ${REDACTED} y`);
    expect(redact('1990-05-01-9822')).toBe(REDACTED);
  });

  it('leaves dates, counts, table rows and money alone', () => {
    for (const s of [
      '2025-06-30',
      '2024-08-01 – 2027-07-31',
      '2024-08-01 2027-07-31',
      '2025-05-01..2025-08-15',
      'organisation number 802478-1406',
      '1000000 rows, 999999 counted',
      'EECO01   500 500 0 1000',
      '12 345 678,90 kr',
      'line 123456: "2025-13-45" is not a date',
      '0.1.0',
    ]) {
      expect(redact(s)).toBe(s);
      expect(containsPersonnummer(s)).toBe(false);
    }
  });

  it('leaves a SHA-256 digest whole even when it holds ten digits in a row', () => {
    const sha = `ab${'8503129812'}${'c'.repeat(52)}`;
    expect(sha).toHaveLength(64);
    expect(redact(`sha ${sha}`)).toBe(`sha ${sha}`);
  });

  it('redacts the strings of a JSON document and leaves its numbers whole', () => {
    const doc = JSON.parse(redactedJson({ file: 'export-850312-9812.csv', amount: 1201019823 })) as { file: string; amount: number };
    expect(doc).toEqual({ file: `export-${REDACTED}.csv`, amount: 1201019823 });
  });
});
