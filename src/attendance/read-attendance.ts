import { parseDate, type IsoDate } from '../core/dates.js';
import { finding, type Finding, type FindingArgs } from '../findings/finding.js';
import type { FindingCode } from '../findings/codes.js';
import type { ByteSource } from '../read/source.js';
import { readValidated, type FindingsOptions, type ReadValidatedOptions, type ValidatedFile } from '../read/read-validated.js';
import type { TableRow } from '../read/table.js';
import { ACOL, ATTENDANCE_COLUMNS, ATTENDANCE_REQUIRED_HEADERS, type AttendanceColumn } from './columns.js';
import { dayOff, HOLIDAY_NAMES } from './holidays.js';
import { MAX_QUARTERS_PER_DAY, parseHours } from './hours.js';

/** A participant as the attendance rules need them: who they are and when they took part. */
export interface Participation {
  readonly entryDate: IsoDate;
  /** Null while the participant is still in the project: the project end then closes the period. */
  readonly exitDate: IsoDate | null;
}

/** What the row rules need to know; injected, never read from the clock or the file system. */
export interface AttendanceContext {
  /** Any date after it has not happened: DATE_AFTER_TODAY. */
  readonly today: IsoDate;
  readonly projectEnd: IsoDate;
  /** The participants by participant_id, from the participant file. */
  readonly participants: ReadonlyMap<string, Participation>;
  /** The participant file's name, for PARTICIPANT_UNKNOWN. */
  readonly participantsFile: string;
}

/** One day of one participant. `ok` is false when the row has an error: it then counts nowhere. */
export interface AttendanceRecord {
  readonly line: number;
  readonly ok: boolean;
  readonly participantId: string | null;
  readonly date: IsoDate | null;
  /** Whole quarter hours (7,5 hours = 30). */
  readonly quarters: number | null;
  readonly activity: string;
}

/** A valid day, as the time report counts it. */
export interface AttendanceDay extends AttendanceRecord {
  readonly ok: true;
  readonly participantId: string;
  readonly date: IsoDate;
  readonly quarters: number;
}

export function isAttendanceDay(r: AttendanceRecord): r is AttendanceDay {
  return r.ok;
}

/** What reading one attendance file produced (shaped like the participant and ledger summaries). */
export interface AttendanceFileSummary extends ValidatedFile {
  readonly kind: 'attendance';
  /** The valid days, in file order. */
  readonly days: AttendanceDay[];
}

/** Applies the attendance contract row by row; holds the participant-days seen (for ATTENDANCE_DUPLICATE). */
export class AttendanceValidator {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly file: string,
    private readonly ctx: AttendanceContext,
  ) {}

  validate(row: TableRow): { record: AttendanceRecord; findings: Finding[] } {
    const { file, ctx } = this;
    const line = row.line;
    const findings: Finding[] = row.problems.slice();
    const add = (code: FindingCode, column: AttendanceColumn | null, args: FindingArgs = {}) => {
      findings.push(finding(code, { file, line, column }, args));
    };
    const raw = (c: AttendanceColumn) => row.values[ACOL[c]]!;

    // participant_id: one of the participant file's IDs
    let participantId: string | null = null;
    let participation: Participation | undefined;
    const idText = raw('participant_id');
    if (idText === '') add('VALUE_MISSING', 'participant_id');
    else {
      participation = ctx.participants.get(idText);
      if (participation === undefined) add('PARTICIPANT_UNKNOWN', 'participant_id', { found: idText, participants: ctx.participantsFile });
      else participantId = idText;
    }

    // date: a calendar date, not in the future, inside the participation period; a day off is a warning
    let date: IsoDate | null = null;
    const dateText = raw('date');
    if (dateText === '') add('VALUE_MISSING', 'date');
    else {
      const parsed = parseDate(dateText);
      if (parsed === 'form' || parsed === 'day') add('DATE_INVALID', 'date', { found: dateText, reason: parsed });
      else if (parsed > ctx.today) add('DATE_AFTER_TODAY', 'date', { found: parsed, today: ctx.today });
      else {
        date = parsed;
        if (participation !== undefined) {
          const last = participation.exitDate ?? ctx.projectEnd;
          if (parsed < participation.entryDate || parsed > last) {
            add('DATE_OUTSIDE_PARTICIPATION', 'date', {
              found: parsed,
              participant: idText,
              reason: parsed < participation.entryDate ? 'before' : 'after',
              entry: participation.entryDate,
              exit: participation.exitDate ?? undefined,
              end: ctx.projectEnd,
            });
          }
        }
        const off = dayOff(parsed);
        if (off !== null) {
          add('DAY_OFF', 'date', {
            found: parsed,
            holidaySv: off.kind === 'holiday' ? HOLIDAY_NAMES[off.holiday].sv : undefined,
            holidayEn: off.kind === 'holiday' ? HOLIDAY_NAMES[off.holiday].en : undefined,
          });
        }
      }
    }

    // hours: quarter hours, more than 0 and at most 13
    let quarters: number | null = null;
    const hoursText = raw('hours');
    if (hoursText === '') add('VALUE_MISSING', 'hours');
    else {
      const parsed = parseHours(hoursText);
      if (parsed === 'form' || parsed === 'quarter') add('HOURS_INVALID', 'hours', { found: hoursText, reason: parsed });
      else if (parsed <= 0 || parsed > MAX_QUARTERS_PER_DAY) add('HOURS_OUT_OF_RANGE', 'hours', { found: hoursText, max: MAX_QUARTERS_PER_DAY / 4 });
      else quarters = parsed;
    }

    // one row per participant and day
    if (idText !== '' && date !== null) {
      const key = `${idText}\u0000${date}`;
      const first = this.seen.get(key);
      if (first === undefined) this.seen.set(key, line);
      else add('ATTENDANCE_DUPLICATE', null, { participant: idText, date, firstLine: first });
    }

    const ok = !findings.some((f) => f.severity === 'error');
    return { record: { line, ok, participantId, date, quarters, activity: raw('activity') }, findings };
  }
}

/**
 * Reads and validates an attendance file (CSV or .xlsx, through the same reading layer as the
 * participant export: encodings, delimiters, Swedish headers, physical line numbers). Memory holds
 * the valid days and at most 1,000 findings of a code (unless told otherwise).
 */
export async function readAttendance(
  source: ByteSource,
  ctx: AttendanceContext,
  options: ReadValidatedOptions,
  findingsOut: FindingsOptions = {},
): Promise<AttendanceFileSummary> {
  const validator = new AttendanceValidator(source.name, ctx);
  const days: AttendanceDay[] = [];
  const contract = {
    kind: 'attendance' as const,
    table: { columns: ATTENDANCE_COLUMNS, required: ATTENDANCE_REQUIRED_HEADERS },
    validate(row: TableRow) {
      const { record, findings } = validator.validate(row);
      return { record, findings, excluded: !isAttendanceDay(record) };
    },
  };
  const summary = await readValidated(
    source,
    contract,
    options,
    ({ record }) => {
      if (isAttendanceDay(record)) days.push(record);
    },
    findingsOut,
  );
  return { ...summary, days: summary.unusable ? [] : days };
}
