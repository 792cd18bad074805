import type { IsoDate } from '../core/dates.js';
import type { RenderedFinding } from '../findings/render.js';
import type { TargetId } from '../project/profile.js';

/** A count split by gender, as every figure is (`indicators.md`). */
export interface GenderSplit {
  women: number;
  men: number;
  nonBinary: number;
  total: number;
}

export interface PeriodAndCumulative {
  readonly period: GenderSplit;
  readonly cumulative: GenderSplit;
}

export type IndicatorKind = 'output' | 'result' | 'longer-term-result';

export const INDICATOR_CODES = [
  'EECO01', 'EECO02', 'EECO03', 'EECO04', 'EECO05', 'EECO06', 'EECO07', 'EECO08', 'EECO09',
  'EECO10', 'EECO11', 'EECO12', 'EECO13', 'EECO14', 'EECO15', 'EECO16', 'EECO17',
  'EECR01', 'EECR02', 'EECR03', 'EECR04', 'EECR05', 'EECR06',
] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

export const CONTEXT_CODES = ['LEAVERS', 'FOLLOWUP_DUE', 'FOLLOWUP_MISSING'] as const;
export type ContextCode = (typeof CONTEXT_CODES)[number];

export interface IndicatorValue extends PeriodAndCumulative {
  readonly code: IndicatorCode;
  /** English name (JSON names are English whatever `--lang`). */
  readonly name: string;
  readonly kind: IndicatorKind;
  /** EECO12–EECO17 only: participants who declined, and whose answer is unknown or empty. */
  readonly declined?: PeriodAndCumulative;
  readonly unknown?: PeriodAndCumulative;
}

export interface ContextValue extends PeriodAndCumulative {
  readonly code: ContextCode;
  readonly name: string;
}

export type TargetResultId = TargetId | 'T-TRANS';

export interface TargetResult {
  readonly id: TargetResultId;
  readonly name: string;
  /** Null for T-TRANS (reference only). */
  readonly targetRate: number | null;
  /** targetRate × planned participants, rounded up exactly; null for targets on leavers. */
  readonly targetCount: number | null;
  readonly base: number;
  readonly achieved: GenderSplit;
  /** T-NET, T-COMP, T-SOC only: leavers without an answer. */
  readonly unanswered?: GenderSplit;
  readonly rate: number | null;
  readonly onTrack: boolean | null;
  /** T-TRANS only: the earlier project's reported figures, from the profile. */
  readonly reference?: { readonly name: string; readonly rate: number; readonly women: number | null } | null;
}

export interface ConsistencyResult {
  readonly test: string;
  readonly holds: boolean;
}

export interface ExcludedRow {
  readonly line: number;
  readonly participantId: string | null;
  readonly codes: string[];
}

/** Starters and leavers of one calendar month (the rhythm of SCB's participant reports). */
export interface MonthRow {
  readonly month: string; // YYYY-MM
  readonly starters: GenderSplit;
  readonly leavers: GenderSplit;
}

/** One cohort's figures (cumulative up to the window end). */
export interface CohortRow {
  readonly cohort: string; // e.g. 2025-VT, or "(none)"
  readonly starters: GenderSplit;
  readonly leavers: GenderSplit;
  /** Leavers in work (employed/self-employed upon leaving or employment_start) — T-EMP style. */
  readonly employed: GenderSplit;
  /** Leavers in education or training upon leaving, or studies_start. */
  readonly studies: GenderSplit;
  /** Work training started. */
  readonly workTraining: GenderSplit;
}

/** `esf-report/indicators@1`: the machine-readable result, also the input of the workbook. */
export interface IndicatorsResult {
  readonly schema: 'esf-report/indicators@1';
  readonly project: { readonly id: string; readonly name: string };
  readonly period: {
    readonly label: string;
    readonly start: IsoDate;
    readonly end: IsoDate;
    readonly asOf: IsoDate;
    readonly preliminary: boolean;
  };
  readonly records: { readonly rows: number; readonly counted: number; readonly excluded: number; readonly notYetEntered: number };
  readonly indicators: IndicatorValue[];
  readonly context: ContextValue[];
  readonly targets: TargetResult[];
  readonly consistency: ConsistencyResult[];
  readonly excluded: ExcludedRow[];
  readonly findings: RenderedFinding[];
  /** Extra fields (allowed by the spec): the monthly and cohort views. */
  readonly monthly: MonthRow[];
  readonly cohorts: CohortRow[];
}
