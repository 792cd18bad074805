import { parseDate, type IsoDate } from '../core/dates.js';
import { finding, type Finding, type FindingArgs } from '../findings/finding.js';
import type { FindingCode } from '../findings/codes.js';
import type { ByteSource } from '../read/source.js';
import { readValidated, type FindingsOptions, type ReadValidatedOptions, type ValidatedFile } from '../read/read-validated.js';
import type { TableRow } from '../read/table.js';
import {
  describeCategories,
  describeTypes,
  parseCategory,
  parseLedgerType,
  typeOfCategory,
  type LedgerCategory,
  type LedgerType,
} from './categories.js';
import { LCOL, LEDGER_COLUMNS, LEDGER_REQUIRED_HEADERS, type LedgerColumn } from './columns.js';
import { formatOre } from '../core/format.js';
import { parseAmount } from './money.js';

/** What the row rules need to know; injected, never read from the clock. */
export interface LedgerContext {
  /** Any date after it has not happened: DATE_AFTER_TODAY. */
  readonly today: IsoDate;
  readonly projectStart: IsoDate;
  readonly projectEnd: IsoDate;
  /** True when the project profile has a flat rate: an `other_direct` cost is then an error. */
  readonly hasFlatRate: boolean;
}

/** One booking. `ok` is false when the row has an error: it is then left out of every figure. */
export interface LedgerRecord {
  readonly line: number;
  readonly ok: boolean;
  readonly date: IsoDate | null;
  readonly type: LedgerType | null;
  readonly category: LedgerCategory | null;
  /** Whole öre. */
  readonly amount: number | null;
}

/** A valid booking, as the figures use it. */
export interface Booking extends LedgerRecord {
  readonly ok: true;
  readonly date: IsoDate;
  readonly type: LedgerType;
  readonly category: LedgerCategory;
  readonly amount: number;
}

export function isBooking(r: LedgerRecord): r is Booking {
  return r.ok;
}

/** What reading one ledger produced, beside the records handed to the callback (shaped like the participant summary). */
export interface LedgerFileSummary extends ValidatedFile {
  readonly kind: 'ledger';
  /** Rows with errors: their line and distinct error codes, sorted. */
  readonly excluded: { readonly line: number; readonly codes: FindingCode[] }[];
}

/**
 * Applies the ledger contract to one row after another. Holds only the references seen (for
 * REFERENCE_DUPLICATE), never the rows.
 */
export class LedgerValidator {
  private readonly references = new Map<string, number>();

  constructor(
    private readonly file: string,
    private readonly ctx: LedgerContext,
  ) {}

  validate(row: TableRow): { record: LedgerRecord; findings: Finding[] } {
    const { file, ctx } = this;
    const line = row.line;
    const findings: Finding[] = row.problems.slice();
    const add = (code: FindingCode, column: LedgerColumn, args: FindingArgs = {}) => {
      findings.push(finding(code, { file, line, column }, args));
    };
    const raw = (c: LedgerColumn) => row.values[LCOL[c]]!;

    // date: a calendar date, not after today, inside the project period
    let date: IsoDate | null = null;
    const dateText = raw('date');
    if (dateText === '') add('VALUE_MISSING', 'date');
    else {
      const parsed = parseDate(dateText);
      if (parsed === 'form' || parsed === 'day') add('DATE_INVALID', 'date', { found: dateText, reason: parsed });
      else if (parsed > ctx.today) add('DATE_AFTER_TODAY', 'date', { found: parsed, today: ctx.today });
      else if (parsed < ctx.projectStart || parsed > ctx.projectEnd) {
        add('BOOKING_OUTSIDE_PROJECT', 'date', { found: parsed, start: ctx.projectStart, end: ctx.projectEnd });
      } else date = parsed;
    }

    // type and category: known values that belong together
    let type: LedgerType | null = null;
    const typeText = raw('type');
    if (typeText === '') add('VALUE_MISSING', 'type');
    else {
      type = parseLedgerType(typeText) ?? null;
      if (type === null) add('CATEGORY_INVALID', 'type', { found: typeText, expected: describeTypes() });
    }
    let category: LedgerCategory | null = null;
    const categoryText = raw('category');
    if (categoryText === '') add('VALUE_MISSING', 'category');
    else {
      const parsed = parseCategory(categoryText);
      if (parsed === undefined) add('CATEGORY_INVALID', 'category', { found: categoryText, expected: describeCategories(type) });
      else if (type !== null && typeOfCategory(parsed) !== type) {
        add('CATEGORY_TYPE_MISMATCH', 'category', { found: categoryText, type: typeText });
      } else {
        category = parsed;
        if (parsed === 'other_direct' && ctx.hasFlatRate) add('OTHER_DIRECT_WITH_FLAT_RATE', 'category', { found: categoryText });
      }
    }

    // amount: SEK with at most two decimals, in öre
    let amount: number | null = null;
    const amountText = raw('amount');
    if (amountText === '') add('VALUE_MISSING', 'amount');
    else {
      const parsed = parseAmount(amountText);
      if (typeof parsed === 'number') amount = parsed;
      else add('AMOUNT_INVALID', 'amount', parsed === 'ambiguous' ? { found: amountText, reason: 'ambiguous' } : { found: amountText });
    }

    // reference: the same voucher, date and amount as an earlier row is probably booked twice
    const reference = raw('reference');
    if (reference !== '' && date !== null && amount !== null) {
      const key = `${reference}\u0000${date}\u0000${amount}`;
      const first = this.references.get(key);
      if (first === undefined) this.references.set(key, line);
      else add('REFERENCE_DUPLICATE', 'reference', { found: reference, date, amount: formatOre(amount), firstLine: first });
    }

    const ok = !findings.some((f) => f.severity === 'error');
    return { record: { line, ok, date, type: type ?? (category ? typeOfCategory(category) : null), category, amount }, findings };
  }
}

/**
 * Reads and validates a ledger in one streaming pass, handing each record (valid or not) to
 * `onRecord`. Memory holds the findings kept (at most 1,000 of a code unless told otherwise), the
 * references seen and the excluded rows' lines, never the rows.
 */
export async function readLedger(
  source: ByteSource,
  ctx: LedgerContext,
  options: ReadValidatedOptions,
  onRecord: (record: LedgerRecord) => void = () => {},
  findingsOut: FindingsOptions = {},
): Promise<LedgerFileSummary> {
  const validator = new LedgerValidator(source.name, ctx);
  const excluded: { line: number; codes: FindingCode[] }[] = [];
  // one shared list per distinct set of codes: a million excluded rows hold a handful of lists
  const codeLists = new Map<string, FindingCode[]>();
  const contract = {
    kind: 'ledger' as const,
    table: { columns: LEDGER_COLUMNS, required: LEDGER_REQUIRED_HEADERS },
    validate(row: TableRow) {
      const { record, findings } = validator.validate(row);
      return { record, findings, excluded: !record.ok };
    },
  };
  const summary = await readValidated(
    source,
    contract,
    options,
    ({ record, findings, excluded: left }) => {
      if (left) {
        const codes = [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.code))].sort();
        const key = codes.join(' ');
        let shared = codeLists.get(key);
        if (!shared) codeLists.set(key, (shared = codes));
        excluded.push({ line: record.line, codes: shared });
      }
      onRecord(record);
    },
    findingsOut,
  );
  return { ...summary, excluded: summary.unusable ? [] : excluded };
}
