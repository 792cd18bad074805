import { isValidYmd, ymdToIso, type IsoDate } from '../core/dates.js';

/** What a valid personnummer tells: birth date, legal gender digit, and a 12-digit key for duplicates. */
export interface Personnummer {
  readonly birthDate: IsoDate;
  /** Odd second-to-last digit = man, even = woman (legal gender). */
  readonly legalGender: 'man' | 'woman';
  readonly coordination: boolean;
  /** The 12 digits as a number: compact and exact for duplicate detection; never printed. */
  readonly key: number;
}

export type PersonnummerProblem = 'format' | 'date' | 'future' | 'checksum';

/** Luhn (mod 10) check digit over the nine digits YYMMDDNNN. */
export function luhnCheckDigit(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let v = (nine.charCodeAt(i) - 48) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Parses a personnummer or samordningsnummer (10 or 12 digits, optional `-`/`+` before the last four).
 * `today` fixes the century of a 10-digit number: the latest year ending in its two digits that is
 * not after today's year, minus 100 with `+`.
 */
export function parsePersonnummer(value: string, today: IsoDate): Personnummer | PersonnummerProblem {
  // read digit by digit (no regular expression, no substrings): this runs on every row of a
  // million-row export. The accepted forms, as /^(\d{2})?\d{6}[-+]?\d{4}$/ would match them:
  // YYMMDDNNNC, YYMMDD-NNNC, CCYYMMDDNNNC, CCYYMMDD-NNNC (`+` instead of `-` too)
  const n = value.length;
  const off = n >= 12 ? 2 : 0; // where YY starts: after the century, if any
  const sepAt = n === 11 || n === 13 ? off + 6 : -1;
  if (n < 10 || n > 13) return 'format';
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (i === sepAt ? c !== 45 && c !== 43 : c < 48 || c > 57) return 'format';
  }
  const digit = (i: number): number => value.charCodeAt(i) - 48;
  const s = sepAt === -1 ? off + 6 : off + 7; // the serial's first digit
  const yy = digit(off) * 10 + digit(off + 1);
  const mm = digit(off + 2) * 10 + digit(off + 3);
  const dd = digit(off + 4) * 10 + digit(off + 5);
  const serial = digit(s) * 100 + digit(s + 1) * 10 + digit(s + 2);
  const check = digit(s + 3);
  let year: number;
  if (off === 2) {
    year = (digit(0) * 10 + digit(1)) * 100 + yy;
  } else {
    const todayYear = Number(today.slice(0, 4));
    year = todayYear - ((todayYear - yy) % 100 + 100) % 100;
    if (value.charCodeAt(sepAt) === 43) year -= 100;
  }
  const coordination = dd > 60;
  const day = coordination ? dd - 60 : dd;
  if (!isValidYmd(year, mm, day)) return 'date';
  const birthDate = ymdToIso(year, mm, day);
  if (birthDate > today) return 'future';
  // Luhn over YYMMDDNNN, weights 2, 1, 2, …
  let sum = 0;
  for (let k = 0; k < 9; k++) {
    let v = digit(k < 6 ? off + k : s + k - 6) * (k % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  if ((10 - (sum % 10)) % 10 !== check) return 'checksum';
  return {
    birthDate,
    legalGender: digit(s + 2) % 2 === 1 ? 'man' : 'woman',
    coordination,
    // the digits YYYY MM DD NNN C as one number (MMDD as written, coordination day included)
    key: year * 1e8 + mm * 1e6 + dd * 1e4 + serial * 10 + check,
  };
}

/** True when the text is a valid personnummer in any accepted form: used to keep such IDs out of output. */
export function isPersonnummer(value: string, today: IsoDate): boolean {
  return typeof parsePersonnummer(value, today) === 'object';
}
