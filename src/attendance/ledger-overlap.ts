import { parseDate, plusMonths } from '../core/dates.js';
import { categoryLabel, parseCategory, type LedgerCategory } from '../finance/categories.js';
import { LCOL, LEDGER_COLUMNS, LEDGER_REQUIRED_HEADERS } from '../finance/columns.js';
import { formatOre } from '../core/format.js';
import { parseAmount } from '../finance/money.js';
import { finding, type Finding } from '../findings/finding.js';
import { FindingTally, KEPT_PER_CODE, type FindingCounts } from '../findings/tally.js';
import { readAnyTable } from '../read/read-any.js';
import type { ByteSource } from '../read/source.js';
import type { ReadOptions } from '../read/table.js';
import { quarterOfMonth, type TimeReport } from './time-report.js';

/** Ledger categories that can carry participants' time: in-kind cost and in-kind financing. */
const IN_KIND: ReadonlySet<LedgerCategory> = new Set<LedgerCategory>(['in_kind', 'public_in_kind', 'private_in_kind']);

/** Words with which a booking says it is participants' time (Swedish and English). */
const PARTICIPANT_TIME_WORDS =
  /deltagar(?:nas|es|tid|timmar)|deltagar[\s_-]*tid|närvaro(?:tid|rapport)?|narvaro|participants?['’]?\s*(?:time|hours)|attendance/i;

/** Beyond 1 SEK, as every finance check (`finance.md`). */
const TOLERANCE_ORE = 100;

/**
 * The double-counting check of participants' time: when the time is added from the attendance
 * file, the ledger must not also carry it. An in-kind booking described as participants' time is
 * an error on its line; one whose amount equals the attendance value of its month or quarter (or
 * the one before, as bookings come late), within 1 SEK, is a warning. Reads the ledger once more,
 * through the same reading layer; a ledger that cannot be read is the finance reader's to report.
 * Every finding is counted; at most `keepPerCode` are kept (1,000 by default, as for every input).
 */
export async function checkLedgerForParticipantTime(
  ledger: ByteSource,
  time: TimeReport,
  options: ReadOptions & { sheet?: string | undefined },
  keepPerCode: number = KEPT_PER_CODE,
): Promise<{ readonly findings: Finding[]; readonly findingCounts: FindingCounts }> {
  const byMonth = new Map<string, number>();
  const byQuarter = new Map<string, number>();
  for (const m of time.months) {
    if (m.valueOre === null) continue;
    byMonth.set(m.month, (byMonth.get(m.month) ?? 0) + m.valueOre);
    const q = quarterOfMonth(m.month);
    byQuarter.set(q, (byQuarter.get(q) ?? 0) + m.valueOre);
  }
  const tally = new FindingTally(keepPerCode);
  const file = ledger.name;
  await readAnyTable(ledger, { columns: LEDGER_COLUMNS, required: LEDGER_REQUIRED_HEADERS }, options, (row) => {
    const category = parseCategory(row.values[LCOL.category]!);
    if (category === undefined || !IN_KIND.has(category)) return;
    const amount = parseAmount(row.values[LCOL.amount]!);
    if (typeof amount !== 'number') return;
    const words = [row.values[LCOL.description]!, row.values[LCOL.party]!, row.values[LCOL.reference]!].find((t) => PARTICIPANT_TIME_WORDS.test(t));
    const base = { category: categoryLabel(category), amount: formatOre(amount) };
    if (words !== undefined) {
      const column = words === row.values[LCOL.description] ? 'description' : words === row.values[LCOL.party] ? 'party' : 'reference';
      tally.add(finding('PARTICIPANT_TIME_IN_LEDGER', { file, line: row.line, column }, { ...base, reason: 'described', found: words.slice(0, 60) }));
      return;
    }
    const date = parseDate(row.values[LCOL.date]!);
    if (date === 'form' || date === 'day' || amount === 0) return;
    const month = date.slice(0, 7);
    const previousMonth = plusMonths(`${month}-01`, -1).slice(0, 7);
    const quarter = quarterOfMonth(month);
    const previousQuarter = quarterOfMonth(plusMonths(`${month}-01`, -3).slice(0, 7));
    const candidates: [string, number | undefined][] = [
      [month, byMonth.get(month)],
      [previousMonth, byMonth.get(previousMonth)],
      [quarter, byQuarter.get(quarter)],
      [previousQuarter, byQuarter.get(previousQuarter)],
    ];
    for (const [scope, value] of candidates) {
      if (value === undefined || value === 0 || Math.abs(Math.abs(amount) - value) > TOLERANCE_ORE) continue;
      tally.add(
        finding('PARTICIPANT_TIME_IN_LEDGER', { file, line: row.line, column: 'amount' }, { ...base, reason: 'amount', scope, value: formatOre(value) }, 'warning'),
      );
      return;
    }
  });
  return { findings: tally.kept, findingCounts: tally.counts() };
}
