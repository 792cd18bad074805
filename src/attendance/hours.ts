/** Quarter hours per hour: hours are counted in whole quarter hours, so every sum is exact. */
export const QUARTERS_PER_HOUR = 4;

/** At most 13 hours a day: ESF-rådet's ceiling for reported time per person and day. */
export const MAX_QUARTERS_PER_DAY = 13 * QUARTERS_PER_HOUR;

const DECIMAL = /^([+-]?)(\d{1,3})(?:[.,](\d{1,2}))?$/;
const CLOCK = /^(\d{1,2}):(\d{2})$/;

/**
 * Parses hours to whole quarter hours: `7`, `7,5`, `7.5`, `7,25`, `0.75`, or `7:30` (hours and
 * minutes). 'form' is not a number of hours; 'quarter' is a number that is not whole quarter hours
 * (`7,3`, `7:20`). Zero and negative values parse: the range rule reports them.
 */
export function parseHours(text: string): number | 'form' | 'quarter' {
  const value = text.trim();
  const clock = CLOCK.exec(value);
  if (clock) {
    const minutes = Number(clock[2]);
    if (minutes >= 60) return 'form';
    if (minutes % 15 !== 0) return 'quarter';
    return Number(clock[1]) * QUARTERS_PER_HOUR + minutes / 15;
  }
  const m = DECIMAL.exec(value);
  if (!m) return 'form';
  const hundredths = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (hundredths % 25 !== 0) return 'quarter';
  const quarters = hundredths / 25;
  return m[1] === '-' && quarters !== 0 ? -quarters : quarters;
}

/** Quarter hours as a decimal string with two decimals and a point: 30 → `7.50` (the JSON form). */
export function formatQuarters(quarters: number): string {
  const sign = quarters < 0 ? '-' : '';
  const hundredths = Math.abs(quarters) * 25;
  return `${sign}${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** Quarter hours in Swedish form, decimal comma: 30 → `7,50`. */
export function formatQuartersSv(quarters: number): string {
  return formatQuarters(quarters).replace('.', ',');
}
