import { createHash } from 'node:crypto';
import type { ListedRecord, MonthList } from './month-list.js';

/** The personnummer of a row as a 12-digit key (never printed or stored), or null when none is valid. */
export type PnrKeyOf = (record: ListedRecord) => number | null;

/**
 * What SCB hears of a starter: the dates and the characteristics at entry. The exit status is left
 * out on purpose (decision): it is typed in up to four weeks after the exit, usually after the
 * month was sent, and a late answer must not make every month "must be re-sent".
 */
function starterText(r: ListedRecord, hasPnr: boolean): string {
  return [
    'S',
    r.participantId,
    r.entryDate,
    r.gender,
    r.birthDate,
    r.employmentStatus,
    r.unemploymentMonths,
    r.isced,
    r.disability,
    r.thirdCountryNational,
    r.foreignBackground,
    r.minority,
    r.homeless,
    r.rural,
    r.protectedIdentity ? 'P' : '-',
    hasPnr ? 'N' : '-',
  ].join('|');
}

function leaverText(r: ListedRecord, hasPnr: boolean): string {
  return ['L', r.participantId, r.entryDate, r.exitDate, r.protectedIdentity ? 'P' : '-', hasPnr ? 'N' : '-'].join('|');
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Characters kept of a participant's digest: enough to see a change, too few to stand for the row. */
const PARTICIPANT_DIGEST_LENGTH = 16;

/** What the sent file keeps of a month: a fingerprint of everything in it, and a digest per participant. */
export interface MonthFingerprint {
  /** SHA-256 over the month's whole content, personnummer included (one-way: the number cannot be read back). */
  readonly fingerprint: string;
  /**
   * Participant ID → digest of their rows in the month, without the personnummer, so that the
   * sent file cannot be used to test a guessed number; a changed number shows in the fingerprint only.
   */
  readonly participants: Readonly<Record<string, string>>;
}

/** The fingerprint of a month's list, from what SCB receives for it. */
export function fingerprintMonth(list: MonthList, pnrKeyOf: PnrKeyOf): MonthFingerprint {
  const perParticipant = new Map<string, string[]>();
  const whole: string[] = [list.month];
  const add = (id: string, text: string, pnr: number | null) => {
    const texts = perParticipant.get(id) ?? [];
    texts.push(text);
    perParticipant.set(id, texts);
    whole.push(`${text}|${pnr ?? ''}`);
  };
  for (const r of list.starters) {
    const pnr = pnrKeyOf(r);
    add(r.participantId, starterText(r, pnr !== null), pnr);
  }
  for (const r of list.leavers) {
    const pnr = pnrKeyOf(r);
    add(r.participantId, leaverText(r, pnr !== null), pnr);
  }
  const participants: Record<string, string> = {};
  for (const id of [...perParticipant.keys()].sort()) {
    participants[id] = sha256(perParticipant.get(id)!.join('\n')).slice(0, PARTICIPANT_DIGEST_LENGTH);
  }
  return { fingerprint: sha256(whole.join('\n')), participants };
}
