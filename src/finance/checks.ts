import { finding, type Finding } from '../findings/finding.js';
import type { Severity } from '../findings/codes.js';
import { formatExactPercent, formatOre } from '../core/format.js';
import { TOLERANCE_ORE } from './money.js';
import type { ExactRates } from './figures.js';
import type { FigureCheckCode, Figures, RangeChecks } from './result.js';

/** Where the checks of one range apply: a quarter (`2025-Q1`) or `cumulative`. */
export interface CheckScope {
  readonly scope: string;
  readonly cumulative: boolean;
  /** Cumulative only: the checked range ends on the project end (UNFUNDED is then an error). */
  readonly atProjectEnd: boolean;
}

/**
 * The checks of `finance.md` on the figures of one whole quarter or of the cumulative range.
 * "Beyond 1 SEK" is a difference of more than 100 öre either way. Findings carry `line: null`
 * and name the scope; amounts are formatted SEK strings. The outcome says the same as typed data
 * (the checks that fail and their severity), for the renderers.
 */
export function checkFigures(fig: Figures, where: CheckScope, rates: ExactRates, file: string): { findings: Finding[]; outcome: RangeChecks } {
  const findings: Finding[] = [];
  const failed: RangeChecks['failed'][number][] = [];
  const { scope, cumulative } = where;
  const add = (code: FigureCheckCode, args: Record<string, string>, severity?: Severity) => {
    const f = finding(code, { file }, { scope, ...args }, severity);
    findings.push(f);
    failed.push({ code, severity: f.severity });
  };

  // EU financing above the decided rate: late payments even out, so a single quarter only warns
  if (fig.euDifference > TOLERANCE_ORE) {
    add(
      'EU_SHARE_ABOVE_RATE',
      {
        booked: formatOre(fig.financing.eu),
        expected: formatOre(fig.expectedEu),
        difference: formatOre(fig.euDifference),
        rate: formatExactPercent(rates.eu),
      },
      cumulative ? 'error' : 'warning',
    );
  }

  // the flat rate must be the decided percentage of staff costs (0 % when the project has none)
  if (Math.abs(fig.flatRateDifference) > TOLERANCE_ORE) {
    add('FLAT_RATE_MISMATCH', {
      booked: formatOre(fig.costs.flatRate),
      expected: formatOre(fig.expectedFlatRate),
      difference: formatOre(fig.flatRateDifference),
      rate: rates.flatRate === null ? '0 %' : formatExactPercent(rates.flatRate),
    });
  }

  // in-kind costs are matched by in-kind financing, public or private
  const inKindFinancing = fig.financing.publicInKind + fig.financing.privateInKind;
  const inKindDifference = fig.costs.inKind - inKindFinancing;
  if (Math.abs(inKindDifference) > TOLERANCE_ORE) {
    add('IN_KIND_MISMATCH', {
      costs: formatOre(fig.costs.inKind),
      financing: formatOre(inKindFinancing),
      difference: formatOre(inKindDifference),
    });
  }

  // financing must cover eligible cost: a warning along the way, an error at the project end
  if (fig.unfunded > TOLERANCE_ORE) {
    add(
      'UNFUNDED',
      { costs: formatOre(fig.costs.total), financing: formatOre(fig.financing.total), difference: formatOre(fig.unfunded) },
      cumulative && where.atProjectEnd ? 'error' : 'warning',
    );
  }
  return { findings, outcome: { failed } };
}
