import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidYmd, ymdToIso, type IsoDate } from '../../../src/core/dates.js';
import { redact } from '../../../src/core/redact.js';
import { luhnCheckDigit, parsePersonnummer, type Personnummer, type PersonnummerProblem } from '../../../src/participants/personnummer.js';

/** The parser as first written, with a regular expression: the digit-by-digit one must agree with it on every input. */
function referenceParse(value: string, today: IsoDate): Personnummer | PersonnummerProblem {
  const m = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/.exec(value);
  if (!m) return 'format';
  const [, century, yy, mm, dd, sep, serial, check] = m as unknown as string[];
  const todayYear = Number(today.slice(0, 4));
  let year: number;
  if (century !== undefined) year = Number(century + yy);
  else {
    year = todayYear - ((todayYear - Number(yy)) % 100 + 100) % 100;
    if (sep === '+') year -= 100;
  }
  let day = Number(dd);
  const coordination = day > 60;
  if (coordination) day -= 60;
  if (!isValidYmd(year, Number(mm), day)) return 'date';
  const birthDate = ymdToIso(year, Number(mm), day);
  if (birthDate > today) return 'future';
  if (luhnCheckDigit(`${yy}${mm}${dd}${serial}`) !== Number(check)) return 'checksum';
  return {
    birthDate,
    legalGender: Number(serial!.charAt(2)) % 2 === 1 ? 'man' : 'woman',
    coordination,
    key: Number(`${year}${mm}${dd}${serial}${check}`),
  };
}

const TODAY = '2026-11-25';

describe('parsePersonnummer', () => {
  it('agrees with the regular-expression parser on valid numbers, near misses and noise', () => {
    const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    const valid = fc
      .tuple(fc.integer({ min: 1900, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.boolean(), digits(3))
      .map(([y, m, d, coord, serial]) => {
        const yymmdd = `${String(y % 100).padStart(2, '0')}${String(m).padStart(2, '0')}${String(coord ? d + 60 : d).padStart(2, '0')}`;
        return { y, yymmdd, serial, check: luhnCheckDigit(yymmdd + serial) };
      });
    const written = fc.tuple(valid, fc.constantFrom('', '-', '+'), fc.boolean(), fc.integer({ min: -1, max: 12 })).map(([p, sep, long, flip]) => {
      let s = `${long ? String(Math.floor(p.y / 100)) : ''}${p.yymmdd}${sep}${p.serial}${p.check}`;
      // a near miss: one character changed
      if (flip >= 0 && flip < s.length) s = s.slice(0, flip) + String((Number(s[flip]) + 1) % 10 || 'x') + s.slice(flip + 1);
      return s;
    });
    const noise = fc.string({ unit: fc.constantFrom(...'0123456789-+ .x'), maxLength: 14 });
    fc.assert(
      fc.property(fc.oneof(written, noise), fc.constantFrom('2026-11-25', '2000-02-29', '2099-01-01'), (v, today) => {
        expect(parsePersonnummer(v, today)).toEqual(referenceParse(v, today));
      }),
      { numRuns: 5000 },
    );
  });

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

describe('redact (the masking every message goes through)', () => {
  it('masks a personnummer run together with other digits, and keeps dates and short numbers', () => {
    expect(redact('"19900501-98222025-02-30" and 2025-02-03, 2024-08-01 – 2027-07-31, P-0000001')).toBe(
      '"[personnummer]" and 2025-02-03, 2024-08-01 – 2027-07-31, P-0000001',
    );
  });

  it('masks numbers shaped like a personnummer and leaves other numbers', () => {
    expect(redact('found 19640823-9819 and 640823-9819 and 6408239819 but not 2025-02-03 or 12345')).toBe(
      'found [personnummer] and [personnummer] and [personnummer] but not 2025-02-03 or 12345',
    );
  });
});
