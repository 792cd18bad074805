import type { Finding } from '../findings/finding.js';
import { cutCodes, KEPT_PER_CODE, type FindingCounts } from '../findings/tally.js';
import { fillLabel } from '../report/labels.js';
import { money, text, type CellModel, type SheetModel } from '../report/model.js';
import { SheetBuilder } from '../report/sheet-builder.js';
import { cutCountsText } from '../report/sheets/data-quality.js';
import { QUARTERS_PER_HOUR } from './hours.js';
import type { TimeReportLabels } from './labels.js';
import type { RateSource } from './time-report.js';
import { rateLines } from './workbook.js';

/** Participants' time as an in-kind co-financing line beside the ledger (`finance --attendance`, `report --ledger --attendance`). */
export interface ParticipantTimeLine {
  readonly attendanceFile: string;
  readonly participantsFile: string;
  readonly rate: RateSource;
  /** Per calendar quarter of the period, up to its window end. */
  readonly quarters: readonly { readonly label: string; readonly quarters: number; readonly valueOre: number | null }[];
  /** From the project start to the window end, as the ledger's cumulative figures. */
  readonly cumulative: { readonly start: string; readonly end: string; readonly quarters: number; readonly valueOre: number | null };
  /** PARTICIPANT_TIME_IN_LEDGER: the ledger also carries participants' time (double counting); at most 1,000 kept. */
  readonly ledgerFindings: readonly Finding[];
  /** The full count of the double-counting findings, per code. */
  readonly ledgerFindingCounts: FindingCounts;
}

/** The ledger's cumulative financing in öre, as the finance figures give it: co-financing is the total less EU. */
export interface LedgerFinancing {
  readonly total: number;
  readonly eu: number;
}

const hours = (quarters: number): CellModel => ({ kind: 'hours', value: quarters / QUARTERS_PER_HOUR });

/**
 * The Financing sheet with participants' time added under the ledger's tables: hours and value per
 * quarter and cumulatively, the co-financing with and without it, and the double-counting check.
 * The ledger's own rows are left as they are; pure.
 */
export function withParticipantTimeRows(
  sheet: SheetModel,
  line: ParticipantTimeLine,
  ledger: LedgerFinancing,
  labels: TimeReportLabels,
  findingText: (f: Finding) => string,
  width: number,
): SheetModel {
  const l = labels.financing;
  const b = new SheetBuilder();
  b.blank();
  b.addSpanning('section', text(l.section), width);
  b.addSpanning('note', text(fillLabel(l.source, { file: line.attendanceFile.replace(/^.*[\\/]/, ''), rate: rateLines(line.rate, labels).join('; ') })), width);
  b.add('header', l.headers.map((h) => text(h)));
  for (const q of line.quarters) b.add('data', [text(q.label), hours(q.quarters), q.valueOre === null ? { kind: 'empty' } : money(q.valueOre)]);
  b.add('total', [text(l.cumulative), hours(line.cumulative.quarters), line.cumulative.valueOre === null ? { kind: 'empty' } : money(line.cumulative.valueOre)]);
  const co = ledger.total - ledger.eu;
  b.blank();
  b.add('header', l.coHeaders.map((h) => text(h)));
  b.add('total', [
    text(fillLabel(l.through, { start: line.cumulative.start, end: line.cumulative.end })),
    money(co),
    line.cumulative.valueOre === null ? { kind: 'empty' } : money(line.cumulative.valueOre),
    line.cumulative.valueOre === null ? { kind: 'empty' } : money(co + line.cumulative.valueOre),
  ]);
  if (line.ledgerFindings.length === 0) b.addSpanning('note', text(l.noDoubleCount), width);
  else {
    b.addSpanning('group', text(l.doubleCount), width);
    for (const f of line.ledgerFindings) b.addSpanning('note', text(`${l.line} ${f.line ?? '–'} · ${f.code}: ${findingText(f)}`), width);
    // at most 1,000 of a code are listed; a note under them gives the full count
    const cut = cutCodes({ findings: line.ledgerFindings, findingCounts: line.ledgerFindingCounts });
    if (cut.length > 0) b.addSpanning('note', text(fillLabel(l.truncated, { listed: KEPT_PER_CODE, counts: cutCountsText([{ file: '', cut }], false) })), width);
  }
  const block = b.build({ key: sheet.key, name: sheet.name, headerRows: 0, print: sheet.print });
  const offset = sheet.rows.length;
  return {
    ...sheet,
    rows: [...sheet.rows, ...block.rows],
    merges: [...sheet.merges, ...block.merges.map((m) => ({ top: m.top + offset, left: m.left, bottom: m.bottom + offset, right: m.right }))],
  };
}
