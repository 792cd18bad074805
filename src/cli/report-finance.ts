import type { Lang } from '../findings/catalogue.js';
import { financingSheet, ledgerFindingCuts, type UsableLedgerCheck } from '../report/sheets/financing.js';
import { checkLedgerFiles, ledgerFileViews } from './ledger-input.js';
import type { FinanceSheetProvider } from './commands/report.js';
import { noticeText, renderValidationText, validationExitCode, type FileSummaryView } from './render-findings.js';

const T = {
  en: {
    findings: (s: FileSummaryView) =>
      `${s.file}: ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}` +
      (s.excludedRows > 0 ? `; ${s.excludedRows} row${s.excludedRows === 1 ? '' : 's'} left out of every figure` : '') +
      '; listed on the Financing sheet (esf-report finance FILE shows how to fix them).',
  },
  sv: {
    findings: (s: FileSummaryView) =>
      `${s.file}: ${s.errors} fel, ${s.warnings} ${s.warnings === 1 ? 'varning' : 'varningar'}` +
      (s.excludedRows > 0 ? `; ${s.excludedRows} ${s.excludedRows === 1 ? 'rad' : 'rader'} räknas inte i något belopp` : '') +
      '; listas på bladet Finansiering (esf-report finance FIL visar hur de rättas).',
  },
} as const satisfies Record<Lang, unknown>;

/**
 * The Financing sheet for `report --ledger [--budget]`: reads and checks the files exactly as
 * `finance` does (same reading options; the report's period and reference date), and plans the
 * sheet from the result. Exit code 2 when the ledger or the budget cannot be used (its findings go
 * to stderr and no workbook is written), 1 when they have error findings (or warnings with --strict), else 0.
 */
export const financeSheetProvider: FinanceSheetProvider = async (request) => {
  const { profile, period, terminal } = request;
  const { output, lang, quiet } = terminal;
  const check = await checkLedgerFiles(
    request.ledger,
    request.budget,
    { profile, period: { label: period.label, start: period.start, end: period.end }, asOf: period.asOf, today: request.today },
    { encoding: request.encoding, delimiter: request.delimiter },
  );
  const files = ledgerFileViews(check);
  if (!quiet) for (const s of files) for (const n of s.notices) output.err(`${noticeText(n, lang)}\n`);
  const figures = check.figures;
  if (figures === null) {
    output.err(renderValidationText(files, lang, output.color));
    return { financeSheet: () => unusable(), exitCode: 2 };
  }
  if (!quiet) for (const s of files) if (s.errors + s.warnings > 0) output.err(`${T[lang].findings(s)}\n`);
  const usable: UsableLedgerCheck = { ...check, figures };
  return {
    financeSheet: (input) => financingSheet(usable, input),
    findingCuts: ledgerFindingCuts(check),
    exitCode: validationExitCode(files, request.strict),
  };
};

function unusable(): never {
  throw new Error('no Financing sheet for an unusable ledger (exit 2 writes no workbook)');
}
