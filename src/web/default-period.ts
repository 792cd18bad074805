import type { IsoDate } from '../core/dates.js';

/** The latest quarter that has ended by `today`: the page's default period (2026-Q3 on 2026-12-06, 2025-Q4 on 2026-02-01). */
export function latestEndedQuarter(today: IsoDate): string {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
}
