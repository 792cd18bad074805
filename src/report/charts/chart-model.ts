import type { Lang } from '../../findings/catalogue.js';
import type { SheetKey } from '../model.js';

/**
 * The charts as plain data, read from the cells of the finished workbook model, so a chart draws
 * exactly what its table shows: a hidden figure (`suppressed`) is never drawn. Nothing here knows
 * vega; `spec.ts` turns a chart into a vega-lite specification.
 */

/** A bar's part: one gender, or the total drawn unsplit because the split by gender is hidden. */
export type Segment = 'women' | 'men' | 'nonBinary' | 'total';
export const SEGMENTS: readonly Segment[] = ['women', 'men', 'nonBinary', 'total'];

export interface SegmentValue {
  readonly segment: Segment;
  readonly value: number;
}

/** One horizontal bar: a target or an indicator. */
export interface BarRow {
  /** The row's label on the axis. */
  readonly label: string;
  /** Empty when the figure is hidden. */
  readonly segments: readonly SegmentValue[];
  /** The text at the bar's end (the rate or the total, as the table shows it), or null. */
  readonly end: string | null;
}

export interface TargetBar extends BarRow {
  /** The target rate (a tick on the bar), or null (T-TRANS). */
  readonly target: number | null;
  /** Reference figures of an earlier project (T-TRANS), as ticks of their own. */
  readonly references: readonly { readonly label: string; readonly value: number }[];
}

export interface TargetsChart {
  readonly key: 'targets';
  readonly bars: readonly TargetBar[];
}

export interface ParticipantsChart {
  readonly key: 'participants';
  /** One point a month: participants so far and planned by then, null where hidden. */
  readonly points: readonly { readonly month: string; readonly cumulative: number | null; readonly planned: number | null }[];
  /** The planned participants of the whole project. */
  readonly goal: number;
}

export interface FlowChart {
  readonly key: 'flow';
  readonly panels: readonly { readonly label: string; readonly months: readonly { readonly month: string; readonly segments: readonly SegmentValue[] }[] }[];
}

export interface ResultsChart {
  readonly key: 'results';
  readonly panels: readonly { readonly label: string; readonly bars: readonly BarRow[] }[];
}

export type ChartData = TargetsChart | ParticipantsChart | FlowChart | ResultsChart;

/** The texts every chart carries, from `templates/workbook-<lang>.json`. */
export interface ChartTexts {
  readonly lang: Lang;
  readonly segments: Readonly<Record<Segment, string>>;
  /** Short month names, January first. */
  readonly months: readonly string[];
  readonly axis: string;
  /** Legend entries of the marks that are not bars (target, reference, plan). */
  readonly marks: Readonly<Record<string, string>>;
}

export type ChartModel = ChartData & {
  /** The sheet the chart illustrates. */
  readonly sheet: SheetKey;
  readonly title: string;
  /** The text alternative: what the chart shows, in sentences. */
  readonly summary: readonly string[];
  /** Said under the chart: values left out because the tables hide them. */
  readonly notes: readonly string[];
  readonly texts: ChartTexts;
};

