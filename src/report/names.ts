import type { Lang } from '../findings/catalogue.js';
import { CONTEXT_ROWS, INDICATORS, SENSITIVE_MEASURE_NAMES, TARGETS } from '../indicators/registry.js';
import type { ContextCode, IndicatorCode, TargetResultId } from '../indicators/result.js';

/** The names of indicators, context rows and targets in one language: read from the registry, the one place that defines them. */
export interface ReportNames {
  indicator(code: IndicatorCode): string;
  context(code: ContextCode): string;
  target(id: TargetResultId): string;
  readonly declined: string;
  readonly unknown: string;
}

export function registryNames(lang: Lang): ReportNames {
  const indicators = new Map(INDICATORS.map((d) => [d.code, d.name[lang]] as const));
  const context = new Map(CONTEXT_ROWS.map((d) => [d.code, d.name[lang]] as const));
  const targets = new Map(TARGETS.map((d) => [d.id, d.name[lang]] as const));
  const need = (name: string | undefined, key: string): string => {
    if (name === undefined) throw new Error(`the indicator registry has no ${lang} name for ${key}`);
    return name;
  };
  return {
    indicator: (code) => need(indicators.get(code), code),
    context: (code) => need(context.get(code), code),
    target: (id) => need(targets.get(id), id),
    declined: SENSITIVE_MEASURE_NAMES.declined[lang],
    unknown: SENSITIVE_MEASURE_NAMES.unknown[lang],
  };
}
