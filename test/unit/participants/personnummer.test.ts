import { describe, expect, it } from 'vitest';
import { luhnCheckDigit, maskPersonnummer, parsePersonnummer } from '../../../src/participants/personnummer.js';

const TODAY = '2026-11-25';

describe('parsePersonnummer', () => {
  it('computes the Luhn check digit over YYMMDDNNN', () => {
    expect(luhnCheckDigit('811218987')).toBe(6);
    expect(luhnCheckDigit('640823981')).toBe(9);
  });

  it('accepts 10 and 12 digits, with or without separator', () => {
    for (const v of ['6408239819', '640823-9819', '196408239819', '19640823-9819']) {
      const p = parsePersonnummer(v, TODAY);
      expect(p).toMatchObject({ birthDate: '1964-08-23', legalGender: 'man', coordination: false });
    }
  });

  it('picks the century of a 10-digit number from today, and a century earlier with +', () => {
    expect(parsePersonnummer('121212-1212', TODAY)).toMatchObject({ birthDate: '2012-12-12' });
    expect(parsePersonnummer('121212+1212', TODAY)).toMatchObject({ birthDate: '1912-12-12' });
  });

  it('reads samordningsnummer (day + 60)', () => {
    const nine = '7010829' + '98';
    const p = parsePersonnummer(`${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`, TODAY);
    expect(p).toMatchObject({ birthDate: '1970-10-22', coordination: true, legalGender: 'woman' });
  });

  it('names the problem: format, date, future, checksum', () => {
    expect(parsePersonnummer('12345', TODAY)).toBe('format');
    expect(parsePersonnummer('19900230-9803', TODAY)).toBe('date');
    expect(parsePersonnummer('20261224-9801', TODAY)).toBe('future');
    expect(parsePersonnummer('640823-9818', TODAY)).toBe('checksum');
  });

  it('gives the same key for the 10- and 12-digit forms', () => {
    const a = parsePersonnummer('640823-9819', TODAY);
    const b = parsePersonnummer('196408239819', TODAY);
    expect(typeof a === 'object' && typeof b === 'object' && a.key === b.key).toBe(true);
  });
});

describe('maskPersonnummer', () => {
  it('masks a personnummer run together with other digits, and keeps dates and short numbers', () => {
    expect(maskPersonnummer('"19900501-98222025-02-30" and 2025-02-03, 2024-08-01 – 2027-07-31, P-0000001')).toBe(
      '"[personnummer]" and 2025-02-03, 2024-08-01 – 2027-07-31, P-0000001',
    );
  });

  it('masks numbers shaped like a personnummer and leaves other numbers', () => {
    expect(maskPersonnummer('found 19640823-9819 and 640823-9819 and 6408239819 but not 2025-02-03 or 12345')).toBe(
      'found [personnummer] and [personnummer] and [personnummer] but not 2025-02-03 or 12345',
    );
  });
});
