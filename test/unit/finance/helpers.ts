import { readFileSync } from 'node:fs';
import { bufferSource, type ByteSource } from '../../../src/read/source.js';
import { ProjectProfileSchema, type ProjectProfile } from '../../../src/project/profile.js';

/** The built-in 23-073-S10 profile (EU 40 %, flat rate 40 %, 2024-08-01 – 2027-07-31). */
export const PROFILE: ProjectProfile = ProjectProfileSchema.parse(
  JSON.parse(readFileSync(new URL('../../../profiles/23-073-S10.json', import.meta.url), 'utf8')),
);

export function profileWith(changes: Partial<ProjectProfile>): ProjectProfile {
  return { ...PROFILE, ...changes };
}

export const HEADER = 'datum;typ;kategori;belopp;part;verifikation;beskrivning';

/** A UTF-8 ledger from lines (header first), as a byte source split into small chunks. */
export function ledger(lines: readonly string[], name = 'ledger.csv'): ByteSource {
  return bufferSource(name, Buffer.from(`${lines.join('\n')}\n`, 'utf8'), 7);
}

export function csv(name: string, text: string): ByteSource {
  return bufferSource(name, Buffer.from(text, 'utf8'));
}

/** A booking line: date;type;category;amount[;party;reference;description]. */
export function row(date: string, type: 'kostnad' | 'finansiering' | string, category: string, amount: string, reference = ''): string {
  return `${date};${type};${category};${amount};;${reference};`;
}

/**
 * A quarter that checks clean: staff S (two salary rows), flat rate 40 % of S, EU 40 % of the
 * total, state and public cash for the rest. Amounts are given in SEK (whole kronor).
 */
export function cleanQuarter(end: string, staff: number, firstSalaryDay: string): string[] {
  const flat = (staff * 4) / 10;
  const total = staff + flat;
  const eu = (total * 4) / 10;
  const state = Math.floor((total - eu) / 2);
  return [
    row(firstSalaryDay, 'kostnad', 'personal', String(staff / 2)),
    row(end, 'kostnad', 'personal', String(staff / 2)),
    row(end, 'kostnad', 'schablon', String(flat)),
    row(end, 'finansiering', 'esf', String(eu)),
    row(end, 'finansiering', 'statlig', String(state)),
    row(end, 'finansiering', 'offentlig_kontant', String(total - eu - state)),
  ];
}
