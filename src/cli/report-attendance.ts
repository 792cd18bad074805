import { readFile } from 'node:fs/promises';
import { withParticipantTimeRows } from '../attendance/co-financing.js';
import { parseTimeReportLabels, type TimeReportLabels } from '../attendance/labels.js';
import type { Lang } from '../findings/catalogue.js';
import { findingMessage } from '../findings/render.js';
import { totalOf } from '../findings/tally.js';
import type { ReportExtensions } from '../report/build-model.js';
import type { InputFindingsCut } from '../report/sheets/data-quality.js';
import { FINANCING_COLUMNS, ledgerFindingCuts } from '../report/sheets/financing.js';
import { attendanceFileViews } from './attendance-input.js';
import { checkLedgerFiles } from './ledger-input.js';
import { doubleCountingView, participantTimeForFinance, tellParticipantTimeNotices, type ParticipantTimeRequest } from './finance-attendance.js';
import type { Output } from './io.js';
import { PACKAGE_ROOT } from './options.js';
import { renderValidationText } from './render-findings.js';

type FinanceSheet = NonNullable<ReportExtensions['financeSheet']>;

/** Loads `templates/time-report-<lang>.json`; a missing or malformed label is a bug in the package. */
export async function loadTimeReportLabels(lang: Lang): Promise<TimeReportLabels> {
  const file = `${PACKAGE_ROOT}templates/time-report-${lang}.json`;
  const parsed = parseTimeReportLabels(JSON.parse(await readFile(file, 'utf8')) as unknown);
  if ('problems' in parsed) throw new Error(`${file} is not a complete time report template: ${parsed.problems.join('; ')}`);
  return parsed.labels;
}

const T = {
  en: {
    brief: (file: string, errors: number, warnings: number, doubles: number) =>
      `${file}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}` +
      (doubles > 0 ? `; the ledger also carries participants' time (${doubles} booking${doubles === 1 ? '' : 's'}), listed on the Financing sheet` : '') +
      '; esf-report finance LEDGER --attendance FILE --participants FILE shows them.',
  },
  sv: {
    brief: (file: string, errors: number, warnings: number, doubles: number) =>
      `${file}: ${errors} fel, ${warnings} ${warnings === 1 ? 'varning' : 'varningar'}` +
      (doubles > 0 ? `; liggaren bär också deltagarnas tid (${doubles} ${doubles === 1 ? 'bokning' : 'bokningar'}), listas på bladet Finansiering` : '') +
      '; esf-report finance LIGGARE --attendance FIL --participants FIL visar dem.',
  },
} as const;

/**
 * `report --ledger --attendance`: participants' time as its own in-kind co-financing line on the
 * Financing sheet, under the ledger's tables, with the double-counting check. Exit 2 when the
 * attendance file cannot be used (nothing is written), 1 for its errors or double counting.
 */
export async function participantTimeSheetRows(
  req: ParticipantTimeRequest,
  financeSheet: FinanceSheet,
  terminal: { readonly output: Output; readonly lang: Lang; readonly workbookLang: Lang; readonly quiet: boolean },
): Promise<{ financeSheet: FinanceSheet; findingCuts: InputFindingsCut[]; exitCode: 0 | 1 | 2 }> {
  const { output, lang, quiet } = terminal;
  const outcome = await participantTimeForFinance(req);
  tellParticipantTimeNotices(outcome, output, lang, quiet);
  const line = outcome.line;
  if (line === null) {
    output.err(renderValidationText(attendanceFileViews(outcome.run), lang, output.color));
    return { financeSheet, findingCuts: [], exitCode: 2 };
  }
  const views = attendanceFileViews(outcome.run);
  const errors = views.reduce((n, s) => n + s.errors, 0);
  const warnings = views.reduce((n, s) => n + s.warnings, 0);
  const doubles = totalOf(line.ledgerFindingCounts);
  if (!quiet && errors + warnings + doubles > 0) output.err(`${T[lang].brief(req.attendance, errors, warnings, doubles)}\n`);
  // the ledger's cumulative financing exactly as the Financing sheet shows it
  const check = await checkLedgerFiles(
    req.ledger,
    undefined,
    { profile: req.profile, period: { label: req.period.label, start: req.period.start, end: req.period.end }, asOf: req.period.asOf, today: req.today },
    { encoding: req.encoding, delimiter: req.delimiter },
  );
  if (check.figures === null) return { financeSheet, findingCuts: [], exitCode: 2 };
  const financing = check.figures.cumulative.financing;
  const labels = await loadTimeReportLabels(terminal.workbookLang);
  const wbLang = terminal.workbookLang;
  return {
    financeSheet: (input) =>
      withParticipantTimeRows(financeSheet(input), line, financing, labels, (f) => findingMessage(f, wbLang), FINANCING_COLUMNS),
    // the double-counting findings are the ledger's, cut at 1,000 of a code like its own
    findingCuts: ledgerFindingCuts({ ledger: doubleCountingView(line), budget: null }),
    exitCode: outcome.exitCode,
  };
}
