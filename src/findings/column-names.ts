import { ATTENDANCE_COLUMNS } from '../attendance/columns.js';
import { LEDGER_COLUMNS } from '../finance/columns.js';
import { PARTICIPANT_COLUMNS } from '../participants/columns.js';

/** Swedish names of every input column, for messages in Swedish (the first alias of each column). */
const SWEDISH: ReadonlyMap<string, string> = new Map([
  ...PARTICIPANT_COLUMNS.map((c) => [c.name, c.aliases[0]] as const),
  ...LEDGER_COLUMNS.map((c) => [c.name, c.aliases[0]] as const),
  ...ATTENDANCE_COLUMNS.map((c) => [c.name, c.aliases[0]] as const),
]);

export function columnLabel(canonical: string, lang: 'en' | 'sv'): string {
  return lang === 'sv' ? (SWEDISH.get(canonical) ?? canonical) : canonical;
}
