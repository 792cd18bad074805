import { dayNumber, plusDays, ymdToIso, type IsoDate } from '../core/dates.js';

/**
 * Swedish public holidays (allmänna helgdagar, lagen 1989:253) and the eves that are days off in
 * practice (midsommarafton, julafton, nyårsafton), computed for any year: no table to go stale.
 */
export type SwedishHoliday =
  | 'nyarsdagen'
  | 'trettondedag_jul'
  | 'langfredagen'
  | 'paskdagen'
  | 'annandag_pask'
  | 'forsta_maj'
  | 'kristi_himmelsfardsdag'
  | 'pingstdagen'
  | 'nationaldagen'
  | 'midsommarafton'
  | 'midsommardagen'
  | 'alla_helgons_dag'
  | 'julafton'
  | 'juldagen'
  | 'annandag_jul'
  | 'nyarsafton';

/** Swedish and English names, for messages and the time report. */
export const HOLIDAY_NAMES: Readonly<Record<SwedishHoliday, { readonly sv: string; readonly en: string }>> = {
  nyarsdagen: { sv: 'nyårsdagen', en: "New Year's Day" },
  trettondedag_jul: { sv: 'trettondedag jul', en: 'Epiphany' },
  langfredagen: { sv: 'långfredagen', en: 'Good Friday' },
  paskdagen: { sv: 'påskdagen', en: 'Easter Sunday' },
  annandag_pask: { sv: 'annandag påsk', en: 'Easter Monday' },
  forsta_maj: { sv: 'första maj', en: 'May Day' },
  kristi_himmelsfardsdag: { sv: 'Kristi himmelsfärdsdag', en: 'Ascension Day' },
  pingstdagen: { sv: 'pingstdagen', en: 'Whit Sunday' },
  nationaldagen: { sv: 'Sveriges nationaldag', en: 'National Day of Sweden' },
  midsommarafton: { sv: 'midsommarafton', en: 'Midsummer Eve' },
  midsommardagen: { sv: 'midsommardagen', en: 'Midsummer Day' },
  alla_helgons_dag: { sv: 'alla helgons dag', en: "All Saints' Day" },
  julafton: { sv: 'julafton', en: 'Christmas Eve' },
  juldagen: { sv: 'juldagen', en: 'Christmas Day' },
  annandag_jul: { sv: 'annandag jul', en: 'Boxing Day' },
  nyarsafton: { sv: 'nyårsafton', en: "New Year's Eve" },
};

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm of Meeus, Jones and Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymdToIso(year, month, day);
}

/** ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(date: IsoDate): number {
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The first day from `from` (inclusive) that falls on the ISO weekday `weekday`. */
function firstWeekdayFrom(from: IsoDate, weekday: number): IsoDate {
  return plusDays(from, (weekday - isoWeekday(from) + 7) % 7);
}

const cache = new Map<number, ReadonlyMap<IsoDate, SwedishHoliday>>();

/** Every holiday of a year, by date. */
export function swedishHolidays(year: number): ReadonlyMap<IsoDate, SwedishHoliday> {
  const cached = cache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const midsommardagen = firstWeekdayFrom(ymdToIso(year, 6, 20), 6); // the Saturday 20–26 June
  const entries: [IsoDate, SwedishHoliday][] = [
    [ymdToIso(year, 1, 1), 'nyarsdagen'],
    [ymdToIso(year, 1, 6), 'trettondedag_jul'],
    [plusDays(easter, -2), 'langfredagen'],
    [easter, 'paskdagen'],
    [plusDays(easter, 1), 'annandag_pask'],
    [ymdToIso(year, 5, 1), 'forsta_maj'],
    [plusDays(easter, 39), 'kristi_himmelsfardsdag'],
    [plusDays(easter, 49), 'pingstdagen'],
    [ymdToIso(year, 6, 6), 'nationaldagen'],
    [plusDays(midsommardagen, -1), 'midsommarafton'],
    [midsommardagen, 'midsommardagen'],
    [firstWeekdayFrom(ymdToIso(year, 10, 31), 6), 'alla_helgons_dag'], // the Saturday 31 Oct – 6 Nov
    [ymdToIso(year, 12, 24), 'julafton'],
    [ymdToIso(year, 12, 25), 'juldagen'],
    [ymdToIso(year, 12, 26), 'annandag_jul'],
    [ymdToIso(year, 12, 31), 'nyarsafton'],
  ];
  // Kristi himmelsfärdsdag can fall on första maj (e.g. 2008): the first name is kept.
  const map = new Map<IsoDate, SwedishHoliday>();
  for (const [date, name] of entries) if (!map.has(date)) map.set(date, name);
  cache.set(year, map);
  return map;
}

/** What kind of day off a date is, or null for an ordinary weekday. */
export function dayOff(date: IsoDate): { kind: 'holiday'; holiday: SwedishHoliday } | { kind: 'weekend' } | null {
  const holiday = swedishHolidays(Number(date.slice(0, 4))).get(date);
  if (holiday !== undefined) return { kind: 'holiday', holiday };
  return isoWeekday(date) >= 6 ? { kind: 'weekend' } : null;
}
