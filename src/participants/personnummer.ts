import { isValidYmd, ymdToIso, type IsoDate } from '../core/dates.js';
import { redact } from '../core/redact.js';

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

const PNR = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

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
  const m = PNR.exec(value);
  if (!m) return 'format';
  const [, century, yy, mm, dd, sep, serial, check] = m as unknown as string[];
  const todayYear = Number(today.slice(0, 4));
  let year: number;
  if (century !== undefined) {
    year = Number(century + yy);
  } else {
    year = todayYear - ((todayYear - Number(yy)) % 100 + 100) % 100;
    if (sep === '+') year -= 100;
  }
  let day = Number(dd);
  const coordination = day > 60;
  if (coordination) day -= 60;
  const month = Number(mm);
  if (!isValidYmd(year, month, day)) return 'date';
  const birthDate = ymdToIso(year, month, day);
  if (birthDate > today) return 'future';
  const nine = `${yy}${mm}${dd}${serial}`;
  if (luhnCheckDigit(nine) !== Number(check)) return 'checksum';
  const genderDigit = Number(serial!.charAt(2));
  return {
    birthDate,
    legalGender: genderDigit % 2 === 1 ? 'man' : 'woman',
    coordination,
    key: Number(`${year}${mm}${dd}${serial}${check}`),
  };
}

/** True when the text is a valid personnummer in any accepted form: used to keep such IDs out of output. */
export function isPersonnummer(value: string, today: IsoDate): boolean {
  return typeof parsePersonnummer(value, today) === 'object';
}

/** Masks anything that could hold a personnummer (the one redaction of `core/redact.ts`). */
export function maskPersonnummer(text: string): string {
  return redact(text);
}
