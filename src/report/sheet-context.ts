import type { GenderSplit, IndicatorsResult } from '../indicators/result.js';
import type { ProjectProfile } from '../project/profile.js';
import type { Figures } from './figures.js';
import { fillLabel, type WorkbookLabels } from './labels.js';
import { mark, text, type CellModel, type SheetModel } from './model.js';
import type { ReportNames } from './names.js';
import { splitKey } from './suppress/table.js';

/** What the workbook needs beyond the result and the profile; supplied by the CLI (the only place that reads files and the clock). */
export interface WorkbookMeta {
  /** e.g. `0.1.0`. */
  readonly toolVersion: string;
  /** The participant file's base name and the SHA-256 of its bytes (lower-case hex). */
  readonly input: { readonly name: string; readonly sha256: string };
  /** The co-financing ledger and budget behind the Financing sheet, when given (name and SHA-256). */
  readonly ledger?: { readonly name: string; readonly sha256: string } | null;
  readonly budget?: { readonly name: string; readonly sha256: string } | null;
  /** The options as they were used, e.g. `['--period 2026-Q3', '--as-of 2026-11-20']`. */
  readonly options: readonly string[];
  /** The base name of `--project FILE`, or null for the built-in profile. */
  readonly profileFile: string | null;
  /** When the workbook was made (ISO 8601, UTC), from the injected clock. */
  readonly generatedAt: string;
  /** `--suppress-below N`, or null. */
  readonly suppressBelow: number | null;
}

export const GENDER_KEYS = ['women', 'men', 'nonBinary', 'total'] as const satisfies readonly (keyof GenderSplit)[];

/** Everything a sheet planner reads. Pure data and helpers: no I/O. */
export interface SheetContext {
  readonly result: IndicatorsResult;
  readonly profile: ProjectProfile;
  readonly labels: WorkbookLabels;
  readonly meta: WorkbookMeta;
  readonly names: ReportNames;
  readonly figures: Figures;
  /** Page header and footer for a sheet of this name. */
  print(sheetName: string): SheetModel['print'];
  yesNo(value: boolean | null): CellModel;
  /** Women, men, non-binary, total column headers. */
  genderHeaders(): CellModel[];
  /** The four counts of a split stated under `prefix` (`suppress/table.ts`), hidden where the plan says. */
  split(prefix: string, g: GenderSplit): CellModel[];
}

/** Doubles `&`, which starts a code in Excel's page headers and footers. */
export function escapeHeaderFooter(s: string): string {
  return s.replace(/&/g, '&&');
}

export function makeSheetContext(
  result: IndicatorsResult,
  profile: ProjectProfile,
  labels: WorkbookLabels,
  meta: WorkbookMeta,
  names: ReportNames,
  figures: Figures,
): SheetContext {
  const c = labels.common;
  const page = labels.page;
  const values = { projectId: escapeHeaderFooter(result.project.id), period: escapeHeaderFooter(result.period.label) };
  const footer =
    `&L${fillLabel(page.footerLeft, values)}` + `&C${fillLabel(page.footerCenter, values)}` + `&R${fillLabel(page.footerRight, values)}`;
  return {
    result,
    profile,
    labels,
    meta,
    names,
    figures,
    print: (sheetName) => ({
      header: `&L&B${fillLabel(page.header, { ...values, sheet: escapeHeaderFooter(sheetName) })}&B&R${escapeHeaderFooter(result.project.name)}`,
      footer,
    }),
    yesNo: (value) => mark(value === null ? c.notApplicable : value ? c.yes : c.no),
    genderHeaders: () => GENDER_KEYS.map((k) => text(c[k])),
    split: (prefix, g) => GENDER_KEYS.map((k) => figures.count(splitKey(prefix, k), g[k])),
  };
}
