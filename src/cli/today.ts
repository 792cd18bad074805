import { parseIsoDate, ymdToIso, type IsoDate } from '../core/dates.js';
import { UsageError } from './errors.js';

/** Today's calendar date: ESF_REPORT_TODAY when set, else the machine's local date. The only clock read. */
export function resolveToday(env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): IsoDate {
  const fromEnv = env.ESF_REPORT_TODAY?.trim();
  if (fromEnv) {
    const d = parseIsoDate(fromEnv);
    if (!d) throw new UsageError(`ESF_REPORT_TODAY="${fromEnv}" is not a date YYYY-MM-DD`, { value: fromEnv });
    return d;
  }
  const n = now();
  return ymdToIso(n.getFullYear(), n.getMonth() + 1, n.getDate());
}
